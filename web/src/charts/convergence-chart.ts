// Pace of change: each ICB's distance from its needs-based target before and after the year's allocation,
// as a percentage of target (negative = below target). Bars closer to zero after than before is convergence.
import type { EChartsCoreOption } from 'echarts/core';
import { NHS_BLUE, NHS_LIGHT_BLUE, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export interface ConvergenceBar {
  label: string;
  /** Fractions of target; null when there was no previous allocation. */
  before: number | null;
  after: number | null;
}

export function convergenceChart(bars: ConvergenceBar[]): EChartsCoreOption {
  const percent = (n: number | null) => (n === null ? '-' : roundTo(n * 100, 2));
  // Furthest below target on top, so the ICBs that gain most from convergence are read first.
  const ordered = [...bars].sort((a, b) => (b.before ?? 0) - (a.before ?? 0));
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    legend: { top: 0, left: 0, data: ['Before', 'After'] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: ordered.map((b) => b.label) },
    series: [
      {
        name: 'Before',
        type: 'bar',
        itemStyle: { color: NHS_LIGHT_BLUE },
        data: ordered.map((b) => percent(b.before)),
      },
      { name: 'After', type: 'bar', itemStyle: { color: NHS_BLUE }, data: ordered.map((b) => percent(b.after)) },
    ],
  };
}
