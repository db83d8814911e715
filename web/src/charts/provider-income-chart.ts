// A provider's specialised income by financial year, each bar split into the part for residents of its host
// ICB (counted in that ICB's population-basis spend) and the part for residents of other ICBs.
import type { EChartsCoreOption } from 'echarts/core';
import { NHS_BLUE, NHS_LIGHT_BLUE, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export interface ProviderIncomeYear {
  financialYear: string;
  incomeFromHost: number;
  incomeFromOutside: number;
}

export function providerIncomeChart(years: ProviderIncomeYear[], hostName: string): EChartsCoreOption {
  const millions = (n: number) => roundTo(n / 1e6, 2);
  const host = `${hostName} residents`;
  const others = 'Other residents';
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    legend: { top: 0, left: 0, data: [host, others] },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `£${v.toFixed(2)}m` },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => y.financialYear) },
    // The unit (£ million) is in the figure's caption, where it cannot collide with the legend.
    yAxis: { type: 'value' },
    series: [
      {
        name: host,
        type: 'bar',
        stack: 'income',
        itemStyle: { color: NHS_BLUE },
        data: years.map((y) => millions(y.incomeFromHost)),
      },
      {
        name: others,
        type: 'bar',
        stack: 'income',
        itemStyle: { color: NHS_LIGHT_BLUE },
        data: years.map((y) => millions(y.incomeFromOutside)),
      },
    ],
  };
}
