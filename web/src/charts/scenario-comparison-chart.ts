// Two or three scenarios side by side: one figure (e.g. the gap) by plan year, a bar per scenario, in
// £ million. Scenarios whose horizons differ leave their missing years empty rather than zero.
import type { EChartsCoreOption } from 'echarts/core';
import { NHS_BLUE, NHS_DARK_BLUE, NHS_LIGHT_BLUE, NHS_WARM_YELLOW, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export interface ComparedScenario {
  name: string;
  /** Pounds by financial year. */
  byYear: Record<string, number>;
}

const COLOURS = [NHS_BLUE, NHS_WARM_YELLOW, NHS_DARK_BLUE, NHS_LIGHT_BLUE];

export function scenarioComparisonChart(scenarios: ComparedScenario[]): EChartsCoreOption {
  const years = [...new Set(scenarios.flatMap((s) => Object.keys(s.byYear)))].sort();
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    legend: { top: 0, left: 0, data: scenarios.map((s) => s.name) },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value' },
    series: scenarios.map((s, i) => ({
      name: s.name,
      type: 'bar',
      itemStyle: { color: COLOURS[i % COLOURS.length] },
      data: years.map((y) => (y in s.byYear ? roundTo(s.byYear[y]! / 1e6, 1) : '-')),
    })),
  };
}
