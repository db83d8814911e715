// A funnel plot of ICBs' standardised rates against England: each ICB at the population its rate implies,
// the England baseline, and the 95% and 99.8% limits drawn from the stored 100-point limit table. ICBs
// above or below a limit are drawn with a triangle pointing the way they differ, so colour is not the only
// cue; the table beside the chart names each one.
import type { EChartsCoreOption } from 'echarts/core';
import { NHS_BLUE, NHS_DARK_GREY, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export interface FunnelUnitPoint {
  name: string;
  population: number;
  rate: number;
  significance: string;
}

export interface FunnelLine {
  /** Population at which the limit passes, and the rate there. */
  population: number | null;
  rate: number | null;
}

export interface FunnelLimits {
  lower95: FunnelLine[];
  upper95: FunnelLine[];
  lower998: FunnelLine[];
  upper998: FunnelLine[];
}

const OUTLIER_STYLE: Record<string, { color: string; symbol: string; label: string }> = {
  'High (0.001)': { color: '#d5281b', symbol: 'triangle', label: 'Above 99.8% limit' },
  'High (0.025)': { color: '#ed8b00', symbol: 'triangle', label: 'Above 95% limit' },
  'Not significant': { color: NHS_BLUE, symbol: 'circle', label: 'Within the limits' },
  'Low (0.025)': { color: '#41b6e6', symbol: 'path://M0,0 L10,0 L5,10 Z', label: 'Below 95% limit' },
  'Low (0.001)': { color: '#003087', symbol: 'path://M0,0 L10,0 L5,10 Z', label: 'Below 99.8% limit' },
};

/** A limit line within the plotted populations: the limits run off to infinity towards population 0, which
 * would squash the ICBs into a flat line. */
const line = (points: FunnelLine[], from: number, to: number) =>
  points
    .filter((p): p is { population: number; rate: number } => p.population !== null && p.rate !== null)
    .filter((p) => p.population >= from && p.population <= to)
    .sort((a, b) => a.population - b.population)
    .map((p) => [roundTo(p.population, 0), roundTo(p.rate, 3)]);

const LEGEND_ROW = 22;

export function funnelPlotChart(
  units: FunnelUnitPoint[],
  limits: FunnelLimits,
  baseline: number,
  unit: string,
  { narrow = false }: { narrow?: boolean } = {},
): EChartsCoreOption {
  const populations = units.map((u) => u.population);
  const from = populations.length ? Math.floor(Math.min(...populations) * 0.9) : 0;
  const to = populations.length ? Math.ceil(Math.max(...populations) * 1.05) : 0;
  const limitSeries = [
    { name: '99.8% limits', sides: [limits.lower998, limits.upper998], dash: 'solid' },
    { name: '95% limits', sides: [limits.lower95, limits.upper95], dash: 'dashed' },
  ].flatMap((set) =>
    set.sides.map((points) => ({
      name: set.name,
      type: 'line',
      showSymbol: false,
      silent: true,
      lineStyle: { color: NHS_DARK_GREY, width: 1, type: set.dash },
      itemStyle: { color: NHS_DARK_GREY },
      data: line(points, from, to),
    })),
  );
  // The rate axis spans the ICBs, the limits in view and England, with a little room.
  const drawn = [...units.map((u) => u.rate), ...limitSeries.flatMap((l) => l.data.map((d) => d[1]!)), baseline];
  const low = Math.min(...drawn);
  const high = Math.max(...drawn);
  const pad = (high - low) * 0.05;
  const legend = ['England', '95% limits', '99.8% limits', ...Object.values(OUTLIER_STYLE).map((s) => s.label)];
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    // On a phone the eight legend entries would wrap over the plot, so they stack beneath it instead, with
    // room kept for them; on a wide screen they sit above it, with room for a second row when a long unit
    // name or a narrow column makes them wrap, so the y-axis name never sits under the legend.
    legend: narrow ? { bottom: 0, left: 0, orient: 'vertical', itemGap: 6, data: legend } : { top: 0, data: legend },
    tooltip: { trigger: 'item' },
    grid: narrow
      ? { left: 8, right: 16, top: 32, bottom: 48 + legend.length * LEGEND_ROW, containLabel: true }
      : { left: 8, right: 24, top: 88, bottom: 40, containLabel: true },
    xAxis: {
      type: 'value',
      name: narrow ? 'Population (implied by the rate)' : 'Registered population (implied by the standardised rate)',
      nameLocation: 'middle',
      nameGap: 28,
      min: from,
      max: to,
      axisLabel: { formatter: (v: number) => `${(v / 1e6).toFixed(1)}m` },
    },
    yAxis: {
      type: 'value',
      name: unit,
      nameTextStyle: { align: 'left' },
      min: roundTo(Math.max(0, low - pad), 1),
      max: roundTo(high + pad, 1),
    },
    series: [
      ...limitSeries,
      {
        name: 'England',
        type: 'line',
        showSymbol: false,
        silent: true,
        lineStyle: { color: '#000000', width: 1.5 },
        itemStyle: { color: '#000000' },
        data: populations.length
          ? [
              [from, roundTo(baseline, 3)],
              [to, roundTo(baseline, 3)],
            ]
          : [],
      },
      ...Object.entries(OUTLIER_STYLE).map(([significance, style]) => ({
        name: style.label,
        type: 'scatter',
        symbol: style.symbol,
        symbolSize: 11,
        itemStyle: { color: style.color, borderColor: '#ffffff', borderWidth: 1 },
        tooltip: { formatter: '{b}: {c}' },
        data: units
          .filter((u) => u.significance === significance)
          .map((u) => ({ name: u.name, value: [roundTo(u.population, 0), roundTo(u.rate, 2)] })),
      })),
    ],
  };
}
