// Financial volatility against population for one service: the chance a year's spend misses its expected
// value by more than the margin, as the population served grows (a line, log population axis), each
// footprint's simulated figure as a point, the rubric's threshold as a horizontal line and the minimum
// viable population (where the curve falls to the threshold) as a vertical one. Needs LineChart,
// ScatterChart and MarkLineComponent registered (the tiering page does, so the home page does not carry them).
import type { EChartsCoreOption } from 'echarts/core';
import type { MissProbabilityPoint } from '../../../src/core/delegation/delegation-answers.ts';
import { NHS_AQUA_GREEN, NHS_BLUE, NHS_DARK_GREY, NHS_WARM_YELLOW, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export interface MissProbabilityChartInput {
  curve: MissProbabilityPoint[];
  footprints: { footprint: string; kind: string; population: number; missProbability: number | null }[];
  /** The largest miss probability a footprint may have, e.g. 0.1. */
  threshold: number;
  minimumViablePopulation: number | null;
}

const KIND_COLOUR: Record<string, string> = { icb: NHS_BLUE, 'multi-icb': NHS_AQUA_GREEN, region: NHS_DARK_GREY };
const KIND_NAME: Record<string, string> = { icb: 'ICBs', 'multi-icb': 'Multi-ICB groups', region: 'Regions' };

export function missProbabilityChart(input: MissProbabilityChartInput): EChartsCoreOption {
  const percent = (p: number) => roundTo(p * 100, 1);
  const kinds = ['icb', 'multi-icb', 'region'].filter((k) =>
    input.footprints.some((f) => f.kind === k && f.missProbability !== null),
  );
  const viable = input.minimumViablePopulation;
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    legend: { top: 0, left: 0, data: ['Miss probability', ...kinds.map((k) => KIND_NAME[k]!)] },
    tooltip: { trigger: 'item' },
    // Room above the plot for the legend in two rows (a phone) and, below it, the minimum-viable label.
    grid: { left: 8, right: 24, top: 80, bottom: 28, containLabel: true },
    xAxis: {
      type: 'log',
      name: 'Population',
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { formatter: (v: number) => (v >= 1e6 ? `${v / 1e6}m` : v >= 1e3 ? `${v / 1e3}k` : `${v}`) },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: 'Miss probability',
        type: 'line',
        showSymbol: false,
        itemStyle: { color: NHS_DARK_GREY },
        lineStyle: { width: 2 },
        data: input.curve.map((p) => [Math.round(p.population), percent(p.missProbability)]),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: NHS_WARM_YELLOW, width: 2, type: 'dashed' },
          label: { color: TEXT_STYLE.color },
          data: [
            {
              yAxis: percent(input.threshold),
              name: 'Threshold',
              label: { formatter: 'Threshold', position: 'insideEndTop' },
            },
            ...(viable === null
              ? []
              : [
                  {
                    xAxis: Math.round(viable),
                    name: 'Minimum viable population',
                    label: { formatter: 'Minimum viable', position: 'end' },
                  },
                ]),
          ],
        },
      },
      ...kinds.map((kind) => ({
        name: KIND_NAME[kind],
        type: 'scatter',
        symbolSize: 7,
        itemStyle: { color: KIND_COLOUR[kind] },
        data: input.footprints
          .filter((f) => f.kind === kind && f.missProbability !== null && f.population > 0)
          .map((f) => ({ name: f.footprint, value: [Math.round(f.population), percent(f.missProbability!)] })),
      })),
    ],
  };
}
