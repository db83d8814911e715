import { describe, expect, it } from 'vitest';
import { expectMatchesOracle, type OracleRow, readOracle } from '../../../test/fixtures/oracles/read-oracle.ts';
import { funnelAxisEnds, funnelAxisPoints, neatCeiling, neatFloor, roundHalfEven } from './funnel-axis.ts';
import { calculateFunnelLimits, type FunnelLimitTable, funnelLimitColumns } from './funnel-limits.ts';
import type { FunnelUnit } from './funnel-units.ts';

// The reference prints proportion limits to 6-8 significant figures (about 1e-7 relative). It finds the
// Poisson expected values by bisection, which stops within about 1e-7 of the root: 1e-6 relative for most,
// but more where the expected value is small (the upper limits at 1-3 events: E = 0.0010005 at O = 1 and
// 99.8% is 5e-8 off, 5e-5 relative). So a Poisson cell may be off by 2e-7 in its expected events E, or 1e-6
// relative, whichever is larger; that carries into the limit O/E and the population E/θ.
const TOLERANCE = 1e-6;
const BISECTION_ERROR = 2e-7;

/** `expectedPerAt` converts the table's lowerAt/upperAt to expected events; `limitOffset` is added to limits
 * before comparing, so the count form (ratio − 1) is compared as a ratio rather than relative to a figure
 * near 0. */
function expectTableMatches(table: FunnelLimitTable, oracle: OracleRow[], expectedPerAt = 1, limitOffset = 0): void {
  const rows = funnelLimitColumns(table);
  expect(rows).toHaveLength(oracle.length);
  oracle.forEach((expected, i) => {
    for (const [column, text] of Object.entries(expected)) {
      if (column === 'statistic' || column === 'method') {
        expect(rows[i]![column]).toBe(text);
        continue;
      }
      const cell = /^(lower|upper)_(2s|3s)_/.exec(column);
      const limit = cell ? table.rows[i]!.limits[cell[2] === '2s' ? 0 : 1]! : null;
      const at = limit ? (cell![1] === 'lower' ? limit.lowerAt : limit.upperAt) : null;
      const tolerance = at === null ? TOLERANCE : Math.max(TOLERANCE, BISECTION_ERROR / (at * expectedPerAt));
      const offset = column.endsWith('_limit') ? limitOffset : 0;
      expectMatchesOracle((rows[i]![column] as number) + offset, String(Number(text) + offset), tolerance);
    }
  });
}

const proportionUnits: FunnelUnit[] = readOracle('indicators/funnel_prop_inputs.csv').map((r) => ({
  numerator: Number(r.numerator),
  denominator: Number(r.denominator),
}));
const ratioUnits: FunnelUnit[] = readOracle('indicators/funnel_ratio_inputs.csv').map((r) => ({
  numerator: Number(r.obs),
  denominator: Number(r.expected),
}));
const rateInputs = readOracle('indicators/funnel_rate_limits_inputs.csv');
const mostEvents = Math.max(...rateInputs.map((r) => Number(r.ev)));

describe('funnel limits against PHEindicatormethods', () => {
  it('proportions per 100 (funnel_prop_limits.csv)', () => {
    const table = calculateFunnelLimits(proportionUnits, { statistic: 'proportion', multiplier: 100 });
    expectTableMatches(table, readOracle('indicators/funnel_prop_limits.csv'));
  });

  it('proportions with denominators under 31,000, so the axis starts above 0 (funnel_prop_limits_axis_variation.csv)', () => {
    const units = proportionUnits.filter((u) => u.denominator! < 31000);
    const table = calculateFunnelLimits(units, { statistic: 'proportion', multiplier: 100 });
    expect(table.axisMinimum).toBe(10000);
    expectTableMatches(table, readOracle('indicators/funnel_prop_limits_axis_variation.csv'));
  });

  for (const ratioType of ['count', 'isr'] as const) {
    it(`ratios as ${ratioType} (funnel_ratio_limits.csv)`, () => {
      // The reference file holds both forms; its test renames the chosen form's columns to *_limit.
      const oracle = readOracle('indicators/funnel_ratio_limits.csv').map((row) =>
        Object.fromEntries(
          Object.entries(row)
            .filter(([column]) => !column.endsWith(ratioType === 'count' ? '_isr' : '_count'))
            .map(([column, text]) => [column.replace(/_(count|isr)$/, '_limit'), text]),
        ),
      );
      const table = calculateFunnelLimits(ratioUnits, { statistic: 'ratio', ratioType });
      expect(table.statistic).toBe(`ratio (${ratioType})`);
      expect(table.method).toBe('Poisson');
      expectTableMatches(table, oracle, 1, ratioType === 'count' ? 1 : 0);
    });
  }

  it('DSRs per 100,000 over 3 years (funnel_rate_limits_dsr.csv)', () => {
    const units = rateInputs.map((r) => ({ numerator: Number(r.ev), rate: Number(r.rate) }));
    const table = calculateFunnelLimits(units, {
      statistic: 'rate',
      rateType: 'dsr',
      multiplier: 1e5,
      yearsOfData: 3,
    });
    // The population at a limit is E/θ per year: E = population × 3 years × θ.
    expectTableMatches(table, readOracle('indicators/funnel_rate_limits_dsr.csv'), 3 * (table.baseline / 1e5));
  });

  it('crude rates with a unit of fewer than 10 events (funnel_rate_limits_crude_lt10.csv)', () => {
    // As the reference test: the unit with most events is given 5 instead, at the same rate.
    const units = rateInputs.map((r) => ({
      numerator: Number(r.ev) === mostEvents ? 5 : Number(r.ev),
      rate: Number(r.rate),
    }));
    const table = calculateFunnelLimits(units, { statistic: 'rate', rateType: 'crude', yearsOfData: 3 });
    // The population at a limit is E/θ per year: E = population × 3 years × θ.
    expectTableMatches(table, readOracle('indicators/funnel_rate_limits_crude_lt10.csv'), 3 * (table.baseline / 1e5));
  });

  it('crude rates with a unit of 0 events and its population given (funnel_rate_limits_crude_zero_with_denom.csv)', () => {
    // As the reference test: population = 1e5·events/rate; the unit with most events gets 0 events (and rate
    // 0); only units with more than half the largest population are kept.
    const units = rateInputs.map((r) => {
      const events = Number(r.ev);
      const denominator = (1e5 * events) / Number(r.rate);
      return events === mostEvents
        ? { numerator: 0, rate: 0, denominator }
        : { numerator: events, rate: Number(r.rate), denominator };
    });
    const largest = Math.max(...units.map((u) => u.denominator));
    const table = calculateFunnelLimits(
      units.filter((u) => u.denominator > largest / 2),
      { statistic: 'rate', rateType: 'crude', yearsOfData: 3 },
    );
    // The population at a limit is E/θ per year: E = population × 3 years × θ.
    expectTableMatches(
      table,
      readOracle('indicators/funnel_rate_limits_crude_zero_with_denom.csv'),
      3 * (table.baseline / 1e5),
    );
  });
});

describe('funnel axis', () => {
  it('rounds the ends to neat figures', () => {
    // 0.95 × 31,824 = 30,232.8 → 30,000; 1.05 × 104,613 = 109,843.65 → two leading digits up: 110,000.
    expect(neatFloor(31824)).toBe(30000);
    expect(neatCeiling(104613)).toBe(110000);
    // 1.05 × 5 = 5.25 → two significant digits up: 5.3. 0.95 × 1 = 0.95 → 0.
    expect(neatCeiling(5)).toBeCloseTo(5.3, 12);
    expect(neatFloor(1)).toBe(0);
    expect(neatFloor(0)).toBe(0);
    expect(funnelAxisEnds(10, 30)).toEqual({ minimum: 0, maximum: 32 });
  });

  it('rounds halves to even, as R does', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3]);
  });

  it('Funnel axis: denominators 40 and 60 give 100 points from 30, each at least one more than the last', () => {
    // 0.95·40 = 38 → 30; 1.05·60 = 63 → 63. From 30 the geometric step (63/30)^(1/98)·30 = 30.23 rounds to 30,
    // so each point is the last plus one: 30, 31, …, 129.
    const ends = funnelAxisEnds(40, 60);
    expect(ends).toEqual({ minimum: 30, maximum: 63 });
    const points = funnelAxisPoints(ends.minimum, ends.maximum, 0);
    expect(points).toHaveLength(100);
    expect(points[0]).toBe(30);
    expect(points[99]).toBe(129);
  });
});

describe('worked examples (docs/methods.md)', () => {
  it('Funnel: proportion limits around 50% at a population of 100', () => {
    // θ = 50/100 overall. With θ = ½, A = θ(1+k) − k/2 = ½ and the roots are ½ ± √k/2 = ½ ± z/(2√N):
    // 95%: z = 1.959963984540054 → 0.5 ± 0.0979981992270027; 99.8%: z = 3.090232306167813 → 0.5 ± 0.15451161530839.
    const units = [
      { numerator: 40, denominator: 100 },
      { numerator: 60, denominator: 100 },
    ];
    const table = calculateFunnelLimits(units, { statistic: 'proportion', multiplier: 100 });
    const row = table.rows.find((r) => r.x === 100)!;
    expect(table.baseline).toBe(50);
    expect(row.limits[0]!.lower).toBeCloseTo(40.20018007729973, 10);
    expect(row.limits[0]!.upper).toBeCloseTo(59.79981992270027, 10);
    expect(row.limits[1]!.lower).toBeCloseTo(34.548838469161, 10);
    expect(row.limits[1]!.upper).toBeCloseTo(65.451161530839, 10);
  });

  it('Funnel: ratio limits at 4 observed events', () => {
    // 95%: E_lo = ½χ²₁₀(0.975) = ½·20.483177350807388, E_hi = ½χ²₈(0.025) = ½·2.1797307472526497
    // (chi-square tables); limits 4/10.241588675403694 = 0.3905644… and 4/1.0898653736263249 = 3.6701758…
    const table = calculateFunnelLimits(
      [
        { numerator: 3, denominator: 4 },
        { numerator: 5, denominator: 4.5 },
      ],
      { statistic: 'ratio' },
    );
    const row = table.rows.find((r) => r.x === 4)!;
    expect(row.limits[0]!.lowerAt).toBeCloseTo(10.241588675403694, 9);
    expect(row.limits[0]!.upperAt).toBeCloseTo(1.0898653736263249, 9);
    expect(row.limits[0]!.lower).toBeCloseTo(4 / 10.241588675403694, 12);
    expect(row.limits[0]!.upper).toBeCloseTo(4 / 1.0898653736263249, 12);
  });
});
