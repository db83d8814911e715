// Chart specs of the atlas of variation and quality pages as golden JSON (test/golden/charts/<chart>.json),
// from small hand-written inputs. Review changes as diffs; regenerate on purpose with
// `npx vitest run test/golden/variation-charts.test.ts -u`.
import { describe, expect, it } from 'vitest';
import { funnelPlotChart } from '../../web/src/charts/funnel-plot-chart.ts';
import { outlierMapChart } from '../../web/src/charts/outlier-map-chart.ts';
import { variationOverTimeChart } from '../../web/src/charts/variation-over-time-chart.ts';
import { xmrChart } from '../../web/src/charts/xmr-chart.ts';

const golden = (name: string) => `./charts/${name}.json`;
const asJson = (option: unknown) =>
  `${JSON.stringify(option, (_key, value) => (typeof value === 'function' ? String(value) : value), 2)}\n`;

describe('variation and quality chart specs', () => {
  it('funnel plot: limits clipped to the ICBs’ populations, outliers by shape and colour', async () => {
    const line = (rates: [number, number][]) => rates.map(([population, rate]) => ({ population, rate }));
    const option = funnelPlotChart(
      [
        { name: 'South West London', population: 1_500_000, rate: 130.26, significance: 'High (0.001)' },
        { name: 'South East London', population: 1_900_000, rate: 99.5, significance: 'Not significant' },
        { name: 'Kent and Medway', population: 1_950_000, rate: 80.04, significance: 'Low (0.025)' },
      ],
      {
        lower95: line([[100_000, 40], [1_400_000, 90], [2_100_000, 92]]),
        upper95: line([[100_000, 190], [1_400_000, 110], [2_100_000, 108]]),
        lower998: line([[1_400_000, 85], [2_100_000, 88]]),
        upper998: line([[1_400_000, 115], [2_100_000, 112]]),
      },
      100,
      'per 100,000',
    );
    await expect(asJson(option)).toMatchFileSnapshot(golden('funnel-plot'));
  });

  it('outlier map: five categories, an ICB with no label drawn as no data', async () => {
    const option = outlierMapChart([
      { code: 'QWE', name: 'NHS South West London ICB', significance: 'High (0.001)' },
      { code: 'QKK', name: 'NHS South East London ICB', significance: 'Low (0.025)' },
      { code: 'QOX', name: 'NHS Bath ICB', significance: null },
    ]);
    await expect(asJson(option)).toMatchFileSnapshot(golden('outlier-map'));
  });

  it('variation over time: CV as a percentage to one decimal, a missing year left as a gap', async () => {
    const option = variationOverTimeChart(
      [
        { financialYear: '2023/24', cv: 0.123456, iqr: 15.04 },
        { financialYear: '2024/25', cv: null, iqr: null },
        { financialYear: '2025/26', cv: 0.0999, iqr: 12.96 },
      ],
      'per 100,000',
    );
    await expect(asJson(option)).toMatchFileSnapshot(golden('variation-over-time'));
  });

  it('XmR chart: special-cause points coloured, limits as step lines, target dotted', async () => {
    const point = (period: string, value: number, pointType: string) => ({ period, value, mean: 93.5, lpl: 90.84, upl: 96.16, pointType });
    const option = xmrChart(
      [point('2025-01-01', 94, 'common_cause'), point('2025-02-01', 95, 'common_cause'), point('2025-03-01', 86, 'special_cause_concern')],
      { unit: '%', target: 92 },
    );
    await expect(asJson(option)).toMatchFileSnapshot(golden('xmr'));
  });
});
