// Spend per head over the years for a place and what it is compared with (its region, similar ICBs,
// England), one line each with a distinct marker and dash so colour is not the only cue.
import type { EChartsCoreOption } from 'echarts/core';
import { NHS_AQUA_GREEN, NHS_BLUE, NHS_DARK_GREY, NHS_WARM_YELLOW, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export interface TrendLine {
  name: string;
  values: (number | null)[];
}

const STYLES = [
  { color: NHS_BLUE, symbol: 'circle', type: 'solid', width: 3 },
  { color: NHS_AQUA_GREEN, symbol: 'rect', type: 'dashed', width: 2 },
  { color: NHS_WARM_YELLOW, symbol: 'triangle', type: 'dotted', width: 2 },
  { color: NHS_DARK_GREY, symbol: 'diamond', type: 'solid', width: 1.5 },
] as const;

export function comparisonTrendChart(
  years: string[],
  lines: TrendLine[],
  { narrow = false }: { narrow?: boolean } = {},
): EChartsCoreOption {
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    // On a phone the legend is one entry a line, above the plot, with room kept for it.
    legend: narrow ? { top: 0, left: 0, orient: 'vertical' } : { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `£${v.toFixed(2)}` },
    grid: { left: 8, right: 16, top: narrow ? 24 + lines.length * 22 : 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years, boundaryGap: false },
    // The unit (£ per head) is in the figure's caption.
    yAxis: { type: 'value', scale: true },
    series: lines.map((line, i) => {
      const style = STYLES[i % STYLES.length]!;
      return {
        name: line.name,
        type: 'line',
        symbol: style.symbol,
        symbolSize: 8,
        lineStyle: { color: style.color, type: style.type, width: style.width },
        itemStyle: { color: style.color },
        data: line.values.map((v) => (v === null ? null : roundTo(v, 2))),
      };
    }),
  };
}
