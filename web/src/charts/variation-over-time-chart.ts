// Is variation narrowing? The coefficient of variation of ICBs' standardised rates in each year (left axis)
// and the interquartile range (right axis), for one service and measure.
import type { EChartsCoreOption } from 'echarts/core';
import { NHS_AQUA_GREEN, NHS_BLUE, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export interface SpreadByYear {
  financialYear: string;
  cv: number | null;
  iqr: number | null;
}

export function variationOverTimeChart(
  years: SpreadByYear[],
  unit: string,
  { narrow = false }: { narrow?: boolean } = {},
): EChartsCoreOption {
  // The legend says which axis each line is read against; axis names at the ends of two value axes do
  // not fit beside the axis labels at any width.
  const cv = 'Coefficient of variation, % (left axis)';
  const iqr = `Interquartile range, ${unit} (right axis)`;
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    legend: narrow ? { top: 0, left: 0, orient: 'vertical' } : { top: 0 },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: narrow ? 56 : 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => y.financialYear) },
    yAxis: [
      { type: 'value', min: 0 },
      { type: 'value', min: 0, splitLine: { show: false } },
    ],
    series: [
      {
        name: cv,
        type: 'line',
        symbol: 'circle',
        symbolSize: 8,
        itemStyle: { color: NHS_BLUE },
        data: years.map((y) => (y.cv === null ? null : roundTo(y.cv * 100, 1))),
      },
      {
        name: iqr,
        type: 'line',
        yAxisIndex: 1,
        symbol: 'rect',
        symbolSize: 8,
        lineStyle: { type: 'dashed' },
        itemStyle: { color: NHS_AQUA_GREEN },
        data: years.map((y) => (y.iqr === null ? null : roundTo(y.iqr, 1))),
      },
    ],
  };
}
