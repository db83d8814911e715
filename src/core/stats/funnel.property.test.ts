import fc from 'fast-check';
import { describe, it } from 'vitest';
import { normalQuantile } from './distributions.ts';
import { calculateFunnelLimits, type FunnelLimitTable, proportionFunnelLimits } from './funnel-limits.ts';
import { assignFunnelSignificance, type FunnelSignificance } from './funnel-significance.ts';
import type { FunnelOptions, FunnelUnit } from './funnel-units.ts';
import { countLimits } from './poisson-limits.ts';

const SETTINGS = { seed: 42, numRuns: 60 };
const SLACK = 1e-9;

/** Limits widen (never narrow) as the axis moves to smaller denominators, and 99.8% lies outside 95%. */
function funnelShapeHolds(table: FunnelLimitTable): boolean {
  const { rows } = table;
  return rows.every((row, i) => {
    const [inner, outer] = row.limits;
    const nested = outer!.lower <= inner!.lower + SLACK && outer!.upper >= inner!.upper - SLACK;
    const baselineInside = inner!.lower <= table.baseline + SLACK && inner!.upper >= table.baseline - SLACK;
    if (i === 0) return nested && baselineInside;
    const wider = rows[i - 1]!.limits.every(
      (previous, level) =>
        previous.lower <= row.limits[level]!.lower + SLACK * Math.max(1, Math.abs(previous.lower)) &&
        previous.upper >= row.limits[level]!.upper - SLACK * Math.max(1, Math.abs(previous.upper)),
    );
    return nested && baselineInside && wider;
  });
}

const proportionUnits = fc.array(
  fc
    .integer({ min: 20, max: 200000 })
    .chain((n) => fc.integer({ min: 0, max: n }).map((x): FunnelUnit => ({ numerator: x, denominator: n }))),
  { minLength: 2, maxLength: 12 },
);
const ratioUnits = fc.array(
  fc.record({
    numerator: fc.integer({ min: 0, max: 5000 }),
    denominator: fc.double({ min: 0.5, max: 5000, noNaN: true }),
  }),
  { minLength: 2, maxLength: 12 },
);
const rateUnits = fc.array(
  fc.record({ numerator: fc.integer({ min: 1, max: 5000 }), rate: fc.double({ min: 1, max: 2000, noNaN: true }) }),
  { minLength: 2, maxLength: 12 },
);

const cases: [string, fc.Arbitrary<FunnelUnit[]>, FunnelOptions][] = [
  ['proportion', proportionUnits, { statistic: 'proportion', multiplier: 100 }],
  ['ratio', ratioUnits, { statistic: 'ratio' }],
  // Rate rows run by events: more events is a larger population, so limits narrow along the table too.
  ['rate', rateUnits, { statistic: 'rate', rateType: 'crude', yearsOfData: 3 }],
];

describe('funnel limits', () => {
  for (const [name, units, options] of cases) {
    for (const overdispersion of [false, true]) {
      it(`${name}${overdispersion ? ' with overdispersion' : ''}: limits widen as the denominator falls, 99.8% outside 95%`, () => {
        fc.assert(
          fc.property(units, (u) => {
            const proportionAtBound =
              options.statistic === 'proportion' && u.every((x) => x.numerator === 0 || x.numerator === x.denominator);
            const table = calculateFunnelLimits(u, {
              ...options,
              overdispersion: overdispersion && !proportionAtBound,
            });
            return funnelShapeHolds(table);
          }),
          SETTINGS,
        );
      });
    }
  }
});

/** What the label says about where the unit's value lies against its own limits. */
function consistent(label: FunnelSignificance, value: number, limits: { lower: number; upper: number }[]): boolean {
  const [inner, outer] = limits;
  const below = (limit: { lower: number }) => value < limit.lower;
  const above = (limit: { upper: number }) => value > limit.upper;
  switch (label) {
    case 'Low (0.001)':
      return below(outer!);
    case 'Low (0.025)':
      return below(inner!) && !below(outer!);
    case 'High (0.001)':
      return above(outer!);
    case 'High (0.025)':
      return above(inner!) && !above(outer!);
    default:
      return !below(inner!) && !above(inner!);
  }
}

describe('funnel significance', () => {
  it('a proportion label is consistent with the funnel limits at the unit’s own population', () => {
    fc.assert(
      fc.property(proportionUnits, (units) => {
        const result = assignFunnelSignificance(units, { statistic: 'proportion' });
        const theta = units.reduce((t, u) => t + u.numerator, 0) / units.reduce((t, u) => t + u.denominator!, 0);
        return units.every((unit, i) => {
          const limits = [0.975, 0.999].map((p) => proportionFunnelLimits(theta, unit.denominator!, p));
          return consistent(result.units[i]!.significance, unit.numerator / unit.denominator!, limits);
        });
      }),
      SETTINGS,
    );
  });

  it('a ratio label is consistent with the unit’s exact O/E limits against 1', () => {
    fc.assert(
      fc.property(ratioUnits, (units) => {
        const result = assignFunnelSignificance(units, { statistic: 'ratio' });
        return units.every((unit, i) => {
          // The unit is High when its interval lies above 1, i.e. 1 lies below the interval: mirror the label.
          const limits = [0.95, 0.998].map((level) => {
            const { lower, upper } = countLimits(unit.numerator, level);
            return { lower: (lower ?? 0) / unit.denominator!, upper: upper / unit.denominator! };
          });
          const mirrored = result.units[i]!.significance.replace(/High|Low/, (w) => (w === 'High' ? 'Low' : 'High'));
          return consistent(mirrored as FunnelSignificance, 1, limits);
        });
      }),
      SETTINGS,
    );
  });

  it('with overdispersion, a label is consistent with the widened limits drawn at the unit’s population', () => {
    fc.assert(
      fc.property(proportionUnits, (units) => {
        if (units.every((u) => u.numerator === 0 || u.numerator === u.denominator)) return true;
        const options: FunnelOptions = { statistic: 'proportion', overdispersion: true };
        const result = assignFunnelSignificance(units, options);
        // The widened limits at the unit's own population, θ ± z·√(θ(1−θ)/n + τ²), as the table draws them.
        const tau2 = result.overdispersion!.tau2;
        const theta = result.baseline;
        return units.every((unit, i) => {
          const limits = [0.975, 0.999].map((p) => {
            const spread = normalQuantile(p) * Math.sqrt((theta * (1 - theta)) / unit.denominator! + tau2);
            return tau2 > 0
              ? { lower: theta - spread, upper: theta + spread }
              : proportionFunnelLimits(theta, unit.denominator!, p);
          });
          return consistent(result.units[i]!.significance, unit.numerator / unit.denominator!, limits);
        });
      }),
      SETTINGS,
    );
  });
});
