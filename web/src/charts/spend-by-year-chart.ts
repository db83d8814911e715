// Total specialised spend by financial year on both bases. Nationally the two bases hold the same money
// (it only moves between ICBs), so bars of equal height are the expected picture, not a mistake.
import type { EChartsCoreOption } from 'echarts/core';
import type { YearTotals } from '../../../src/core/overview/overview-answer.ts';
import { NHS_BLUE, NHS_LIGHT_BLUE, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export function spendByYearChart(totals: YearTotals[]): EChartsCoreOption {
  const millions = (n: number) => roundTo(n / 1e6, 1);
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    legend: { top: 0, left: 0, data: ['Provider basis', 'Population basis'] },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: totals.map((t) => t.financialYear) },
    // The unit (£ million) is in the figure's caption, where it cannot collide with the legend.
    yAxis: { type: 'value' },
    series: [
      {
        name: 'Provider basis',
        type: 'bar',
        itemStyle: { color: NHS_BLUE },
        data: totals.map((t) => millions(t.providerBasisSpend)),
      },
      {
        name: 'Population basis',
        type: 'bar',
        itemStyle: { color: NHS_LIGHT_BLUE },
        data: totals.map((t) => millions(t.populationBasisSpend)),
      },
    ],
  };
}
