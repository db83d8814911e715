// Population pyramid: males to the left (drawn as negative numbers), females to the right, ESP age bands
// from youngest at the bottom.
import type { EChartsCoreOption } from 'echarts/core';
import type { PyramidBand } from '../../../src/core/icbs/icb-profile-answer.ts';
import { NHS_AQUA_GREEN, NHS_BLUE, TEXT_STYLE } from './palette.ts';

const magnitude = (value: unknown) => String(Math.abs(Number(value)));

export function populationPyramidChart(bands: PyramidBand[]): EChartsCoreOption {
  const thousands = (n: number) => Math.round(n / 100) / 10;
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    legend: { top: 0, left: 0, data: ['Male', 'Female'] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: magnitude },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    // Males are drawn as negative numbers to go left; people read them as positive counts.
    xAxis: { type: 'value', axisLabel: { formatter: magnitude } },
    yAxis: { type: 'category', data: bands.map((b) => b.ageBand), axisTick: { show: false } },
    series: [
      {
        name: 'Male',
        type: 'bar',
        stack: 'population',
        itemStyle: { color: NHS_BLUE },
        data: bands.map((b) => -thousands(b.male)),
      },
      {
        name: 'Female',
        type: 'bar',
        stack: 'population',
        itemStyle: { color: NHS_AQUA_GREEN },
        data: bands.map((b) => thousands(b.female)),
      },
    ],
  };
}
