// Providers' patients a year for one service before and after a service change, against the service's
// minimum annual volume (a dashed line): which centres close, which grow, which stay below the minimum.
import type { EChartsCoreOption } from 'echarts/core';
import { NHS_BLUE, NHS_DARK_GREY, NHS_WARM_YELLOW, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export interface ProviderVolume {
  label: string;
  baseline: number;
  whatIf: number;
}

export function providerVolumeChart(rows: ProviderVolume[], minimum: number, narrow = false): EChartsCoreOption {
  // The minimum is named in the legend, not beside its line, where it would sit on the axis labels.
  const minimumName = `Minimum ${minimum} a year`;
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    legend: { top: 0, left: 0, data: ['Baseline', 'What-if', minimumName] },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 40, bottom: 32, containLabel: true },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisLabel: { width: narrow ? 110 : 260, overflow: 'truncate' },
    },
    xAxis: { type: 'value', name: 'Patients a year', nameLocation: 'middle', nameGap: 24 },
    series: [
      {
        name: 'Baseline',
        type: 'bar',
        itemStyle: { color: NHS_WARM_YELLOW },
        data: rows.map((r) => roundTo(r.baseline, 1)),
      },
      { name: 'What-if', type: 'bar', itemStyle: { color: NHS_BLUE }, data: rows.map((r) => roundTo(r.whatIf, 1)) },
      {
        name: minimumName,
        type: 'line',
        symbol: 'none',
        data: [],
        itemStyle: { color: NHS_DARK_GREY },
        lineStyle: { color: NHS_DARK_GREY, type: 'dashed' },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: NHS_DARK_GREY, type: 'dashed' },
          label: { show: false },
          data: [{ xAxis: minimum }],
        },
      },
    ],
  };
}
