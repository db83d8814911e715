// Chart specs as golden JSON: each pure builder in web/src/charts turns a small, hand-written input into
// an ECharts option, compared with test/golden/charts/<chart>.json. Review changes as diffs; regenerate on
// purpose with `npx vitest run test/golden/charts.test.ts -u`.
import { describe, expect, it } from 'vitest';
import type { FlowRow } from '../../src/core/flows/flows-answer.ts';
import { flowSankeyChart } from '../../web/src/charts/flow-sankey-chart.ts';
import { icbMapChart } from '../../web/src/charts/icb-map-chart.ts';
import { missProbabilityChart } from '../../web/src/charts/miss-probability-chart.ts';
import { populationPyramidChart } from '../../web/src/charts/population-pyramid-chart.ts';
import { rankedBarChart } from '../../web/src/charts/ranked-bar-chart.ts';
import { spendByYearChart } from '../../web/src/charts/spend-by-year-chart.ts';
import { travelMapChart, travelScale } from '../../web/src/charts/travel-map-chart.ts';

const golden = (name: string) => `./charts/${name}.json`;
// Formatter functions are kept as their source so a change to them shows in the diff too.
const asJson = (option: unknown) =>
  `${JSON.stringify(option, (_key, value) => (typeof value === 'function' ? String(value) : value), 2)}\n`;

describe('chart specs', () => {
  it('miss probability: curve in %, footprints as points by kind, threshold and minimum viable population', async () => {
    const option = missProbabilityChart({
      curve: [
        { population: 100_000.4, missProbability: 0.61234 },
        { population: 1_000_000, missProbability: 0.1 },
        { population: 10_000_000, missProbability: 0.00049 },
      ],
      footprints: [
        { footprint: 'South West London', kind: 'icb', population: 1_500_000, missProbability: 0.0712 },
        { footprint: 'London', kind: 'region', population: 9_000_000, missProbability: 0.001 },
        { footprint: 'No cost data', kind: 'multi-icb', population: 3_000_000, missProbability: null },
      ],
      threshold: 0.1,
      minimumViablePopulation: 999_999.6,
    });
    await expect(asJson(option)).toMatchFileSnapshot(golden('miss-probability'));
  });

  it('spend by year: both bases in £ million to one decimal', async () => {
    const option = spendByYearChart([
      { financialYear: '2023/24', providerBasisSpend: 1_234_567_890.12, populationBasisSpend: 1_234_567_890.12 },
      { financialYear: '2024/25', providerBasisSpend: 1_300_049_999.99, populationBasisSpend: 1_299_950_000 },
    ]);
    await expect(asJson(option)).toMatchFileSnapshot(golden('spend-by-year'));
  });

  it('ICB map: joined on ICB code, per head to the penny, a missing figure drawn as no data', async () => {
    const option = icbMapChart([
      { code: 'QWE', name: 'NHS South West London ICB', spendPerHead: 312.456 },
      { code: 'QKK', name: 'NHS South East London ICB', spendPerHead: 298.004 },
      { code: 'QOX', name: 'NHS Bath and North East Somerset ICB', spendPerHead: null },
    ]);
    await expect(asJson(option)).toMatchFileSnapshot(golden('icb-map'));
  });

  it('travel map: mean km to a tenth, one scale for both maps rounded up to 10 km, unknown as no data', async () => {
    const before = [
      { code: 'QWE', name: 'NHS South West London ICB', km: 12.34 },
      { code: 'QOX', name: 'NHS Bath and North East Somerset ICB', km: null },
    ];
    const after = [
      { code: 'QWE', name: 'NHS South West London ICB', km: 41.06 },
      { code: 'QOX', name: 'NHS Bath and North East Somerset ICB', km: 8 },
    ];
    const max = travelScale(before, after);
    expect(max).toBe(50);
    await expect(asJson(travelMapChart(after, max))).toMatchFileSnapshot(golden('travel-map'));
  });

  it('population pyramid: males drawn left as negative thousands', async () => {
    const option = populationPyramidChart([
      { ageBand: '0-4', male: 51_234, female: 48_765 },
      { ageBand: '5-9', male: 53_001, female: 50_449 },
      { ageBand: '90+', male: 2_951, female: 6_049 },
    ]);
    await expect(asJson(option)).toMatchFileSnapshot(golden('population-pyramid'));
  });

  it('ranked bars: largest on top, limited, in £ million', async () => {
    const option = rankedBarChart(
      [
        { label: 'Cancer', value: 45_600_000 },
        { label: 'Internal Medicine', value: 61_250_000 },
        { label: 'Mental Health', value: 12_040_000 },
        { label: 'Women and Children', value: 30_000_000 },
      ],
      { unit: '£ million', scale: 1e6, limit: 3 },
    );
    await expect(asJson(option)).toMatchFileSnapshot(golden('ranked-bar'));
  });

  it('flow Sankey: largest flows only, boundary-crossing flows in yellow, long names cut to fit', async () => {
    const providerNames: Record<string, string> = {
      RJ7: "St George's University Hospitals NHS Foundation Trust",
      RJZ: "King's College Hospital",
    };
    const flow = (residentIcb: string, provider: string, providerIcb: string, spend: number): FlowRow => ({
      financialYear: '2024/25',
      residentIcb,
      residentIcbName: `ICB ${residentIcb}`,
      providerIcbName: `ICB ${providerIcb}`,
      provider,
      providerName: providerNames[provider]!,
      providerIcb,
      activity: 10,
      spend,
    });
    const option = flowSankeyChart(
      [
        flow('QWE', 'RJ7', 'QWE', 5_000_000.4),
        flow('QKK', 'RJ7', 'QWE', 2_500_000),
        flow('QKK', 'RJZ', 'QKK', 4_000_000),
        flow('QWE', 'RJZ', 'QKK', 100_000),
      ],
      { limit: 3, labelWidth: 120 },
    );
    await expect(asJson(option)).toMatchFileSnapshot(golden('flow-sankey'));
  });
});
