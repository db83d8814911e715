// A plan as a waterfall: base-year spend, the three kinds of growth up to the chosen year, that year's
// QIPP saving, the plan spend it leaves, and the allocation beside it. Floating bars are a transparent
// "offset" stacked under the visible step, so each step starts where the last one ended.
import type { EChartsCoreOption } from 'echarts/core';
import { NHS_AQUA_GREEN, NHS_BLUE, NHS_DARK_GREY, NHS_WARM_YELLOW, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export interface WaterfallSteps {
  /** Base-year spend. */
  base: number;
  /** Growth from the base year to the chosen year, in pounds. */
  demographic: number;
  nonDemographic: number;
  inflation: number;
  /** The chosen year's QIPP saving (positive = a saving). */
  qipp: number;
  plan: number;
  allocation: number;
}

export function planWaterfallChart(steps: WaterfallSteps, years: { base: string; plan: string }): EChartsCoreOption {
  const millions = (n: number) => roundTo(n / 1e6, 1);
  const moves: [string, number][] = [
    ['Demographic', steps.demographic],
    ['Non-demographic', steps.nonDemographic],
    ['Inflation', steps.inflation],
    ['QIPP', -steps.qipp],
  ];
  const categories = [`Base ${years.base}`, ...moves.map(([label]) => label), `Plan ${years.plan}`, 'Allocation'];
  const offset: (number | '-')[] = ['-'];
  const up: (number | '-')[] = ['-'];
  const down: (number | '-')[] = ['-'];
  let level = steps.base;
  for (const [, change] of moves) {
    offset.push(millions(Math.min(level, level + change)));
    up.push(change >= 0 ? millions(change) : '-');
    down.push(change < 0 ? millions(-change) : '-');
    level += change;
  }
  const none = ['-', '-'] as const;
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    legend: { top: 0, left: 0, data: ['Spend', 'Growth', 'Saving', 'Allocation'] },
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: 30 } },
    // From zero, so the base and plan bars compare honestly; each step carries its own label. The unit
    // (£ million) is in the figure's caption.
    yAxis: { type: 'value' },
    series: [
      {
        name: 'offset',
        type: 'bar',
        stack: 'waterfall',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: [...offset, ...none],
      },
      {
        name: 'Spend',
        type: 'bar',
        stack: 'waterfall',
        itemStyle: { color: NHS_BLUE },
        label: { show: true, position: 'top' },
        data: [millions(steps.base), '-', '-', '-', '-', millions(steps.plan), '-'],
      },
      {
        name: 'Growth',
        type: 'bar',
        stack: 'waterfall',
        itemStyle: { color: NHS_DARK_GREY },
        label: { show: true, position: 'top', formatter: '+{c}' },
        data: [...up, ...none],
      },
      {
        name: 'Saving',
        type: 'bar',
        stack: 'waterfall',
        itemStyle: { color: NHS_AQUA_GREEN },
        label: { show: true, position: 'bottom', formatter: '−{c}' },
        data: [...down, ...none],
      },
      {
        name: 'Allocation',
        type: 'bar',
        stack: 'waterfall',
        itemStyle: { color: NHS_WARM_YELLOW },
        label: { show: true, position: 'top' },
        data: ['-', '-', '-', '-', '-', '-', millions(steps.allocation)],
      },
    ],
  };
}
