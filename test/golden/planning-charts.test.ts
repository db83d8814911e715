// Planning chart specs as golden JSON (see charts.test.ts): hand-written inputs, options compared with
// test/golden/charts/<chart>.json. Regenerate on purpose with `npx vitest run test/golden/planning-charts.test.ts -u`.
import { describe, expect, it } from 'vitest';
import { convergenceChart } from '../../web/src/charts/convergence-chart.ts';
import { planWaterfallChart } from '../../web/src/charts/plan-waterfall-chart.ts';
import { scenarioComparisonChart } from '../../web/src/charts/scenario-comparison-chart.ts';

const golden = (name: string) => `./charts/${name}.json`;
const asJson = (option: unknown) => `${JSON.stringify(option, null, 2)}\n`;

describe('planning chart specs', () => {
  it('waterfall: each step floats from where the last ended; QIPP steps down; allocation beside the plan', async () => {
    // Base £100m; +£1.4m, +£4.1m, +£4.3m gives do-nothing £109.8m; QIPP £3.2m leaves £106.6m.
    // Offsets (£m): 100, 101.4, 105.5, and 109.8 − 3.2 = 106.6 under the QIPP bar.
    const option = planWaterfallChart(
      {
        base: 100_000_000,
        demographic: 1_400_000,
        nonDemographic: 4_100_000,
        inflation: 4_300_000,
        qipp: 3_200_000,
        plan: 106_600_000,
        allocation: 107_625_000,
      },
      { base: '2024/25', plan: '2026/27' },
    );
    await expect(asJson(option)).toMatchFileSnapshot(golden('plan-waterfall'));
  });

  it('waterfall: a fall in demand steps down from the level it starts at', () => {
    const option = planWaterfallChart(
      { base: 10e6, demographic: -1e6, nonDemographic: 0, inflation: 0, qipp: 0, plan: 9e6, allocation: 9e6 },
      { base: '2024/25', plan: '2025/26' },
    ) as { series: { name: string; data: unknown[] }[] };
    const [offset, , growth, saving] = option.series;
    expect(offset!.data[1]).toBe(9);
    expect(growth!.data[1]).toBe('-');
    expect(saving!.data[1]).toBe(1);
  });

  it('convergence: furthest below target first, distances in per cent to 2 decimals', async () => {
    const option = convergenceChart([
      { label: 'QWE', before: 0.031234, after: 0.02 },
      { label: 'QKK', before: -0.05, after: -0.0312345 },
      { label: 'QMF', before: null, after: 0 },
    ]);
    await expect(asJson(option)).toMatchFileSnapshot(golden('convergence'));
  });

  it('comparison: a bar per scenario and year in £ million, a missing year left empty', async () => {
    const option = scenarioComparisonChart([
      { name: 'Template', byYear: { '2025/26': 1_250_000, '2026/27': -2_040_000 } },
      { name: 'Stretch QIPP', byYear: { '2025/26': 3_300_000 } },
    ]);
    await expect(asJson(option)).toMatchFileSnapshot(golden('scenario-comparison'));
  });
});
