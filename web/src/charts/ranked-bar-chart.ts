// A horizontal bar chart of labelled amounts, largest at the top: spend by programme of care, spend per
// head by ICB. Labels are shortened for the axis; the full text is in the tooltip and the table.
import type { EChartsCoreOption } from 'echarts/core';
import { NHS_BLUE, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export interface RankedBar {
  label: string;
  value: number;
}

export interface RankedBarOptions {
  /** Axis title, e.g. '£ million' or '£ per head'. */
  unit: string;
  /** Divide values by this before drawing (1e6 for millions). Default 1. */
  scale?: number;
  /** Decimal places kept for display. Default 1. */
  decimals?: number;
  /** Show at most this many bars (the rest are in the table). Default: all. */
  limit?: number;
  /** Axis labels longer than this are cut with an ellipsis. Default 28. */
  labelLength?: number;
}

export function rankedBarChart(bars: RankedBar[], options: RankedBarOptions): EChartsCoreOption {
  const { unit, scale = 1, decimals = 1, limit = bars.length, labelLength = 28 } = options;
  const ranked = [...bars].sort((a, b) => b.value - a.value).slice(0, limit);
  // ECharts draws category axes bottom-up; reverse so the largest bar is on top.
  const drawn = ranked.reverse();
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    // On a phone the value labels would touch; ECharts drops the ones that would overlap.
    xAxis: {
      type: 'value',
      name: unit,
      nameLocation: 'middle',
      nameGap: 24,
      position: 'top',
      axisLabel: { hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      data: drawn.map((b) => b.label),
      axisTick: { show: false },
      axisLabel: { width: labelLength * 7, overflow: 'truncate', ellipsis: '…' },
    },
    series: [
      {
        name: unit,
        type: 'bar',
        itemStyle: { color: NHS_BLUE },
        data: drawn.map((b) => roundTo(b.value / scale, decimals)),
      },
    ],
  };
}
