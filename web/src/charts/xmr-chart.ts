// An XmR chart in the Making Data Count style: the monthly values joined by a line, the mean and the process
// limits as step lines (they can change at a rebase), the target if there is one, and special-cause points
// coloured orange for concern and blue for improvement (grey purple for neutral), with a larger symbol so
// colour is not the only cue.
import type { EChartsCoreOption } from 'echarts/core';
import { NHS_DARK_GREY, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export interface XmrChartPoint {
  period: string;
  value: number;
  mean: number;
  lpl: number;
  upl: number;
  pointType: string;
}

const POINT_COLOURS: Record<string, string> = {
  special_cause_concern: '#ed8b00',
  special_cause_improvement: '#41b6e6',
  special_cause_neutral_high: '#7c2855',
  special_cause_neutral_low: '#7c2855',
};

export function xmrChart(points: XmrChartPoint[], options: { unit: string; target: number | null }): EChartsCoreOption {
  const months = points.map((p) => p.period.slice(0, 7));
  const step = (pick: (p: XmrChartPoint) => number) => points.map((p) => roundTo(pick(p), 3));
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months, axisLabel: { rotate: 45 } },
    yAxis: { type: 'value', name: options.unit, scale: true },
    series: [
      {
        name: 'Value',
        type: 'line',
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { color: NHS_DARK_GREY },
        itemStyle: { color: NHS_DARK_GREY },
        data: points.map((p) => {
          const colour = POINT_COLOURS[p.pointType];
          return colour
            ? { value: roundTo(p.value, 3), symbolSize: 11, itemStyle: { color: colour } }
            : roundTo(p.value, 3);
        }),
      },
      {
        name: 'Mean',
        type: 'line',
        step: 'middle',
        showSymbol: false,
        lineStyle: { color: '#000000' },
        data: step((p) => p.mean),
      },
      {
        name: 'Process limits',
        type: 'line',
        step: 'middle',
        showSymbol: false,
        lineStyle: { color: NHS_DARK_GREY, type: 'dashed' },
        itemStyle: { color: NHS_DARK_GREY },
        data: step((p) => p.upl),
      },
      {
        name: 'Process limits',
        type: 'line',
        step: 'middle',
        showSymbol: false,
        lineStyle: { color: NHS_DARK_GREY, type: 'dashed' },
        itemStyle: { color: NHS_DARK_GREY },
        data: step((p) => p.lpl),
      },
      ...(options.target === null
        ? []
        : [
            {
              name: 'Target',
              type: 'line',
              showSymbol: false,
              lineStyle: { color: '#d5281b', type: 'dotted', width: 2 },
              itemStyle: { color: '#d5281b' },
              data: points.map(() => options.target),
            },
          ]),
    ],
  };
}
