import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riskShare } from './risk-share.ts';

const member = fc.record({
  allocationPence: fc.integer({ min: 0, max: 1e11 }),
  variance: fc.integer({ min: -1e10, max: 1e10 }),
  population: fc.integer({ min: 1, max: 3_000_000 }),
});
const agreement = fc.record({
  type: fc.constantFrom('pool', 'threshold') as fc.Arbitrary<'pool' | 'threshold'>,
  basis: fc.constantFrom('population', 'allocation') as fc.Arbitrary<'population' | 'allocation'>,
  threshold: fc.double({ min: 0, max: 0.2, noNaN: true }),
  capPence: fc.option(fc.integer({ min: 0, max: 1e10 }), { nil: undefined }),
});

describe('risk share properties', () => {
  it('members’ positions add up to the total variance exactly', () => {
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 8 }), agreement, (raw, terms) => {
        const members = raw.map((m, i) => ({
          icb: `I${i}`,
          allocationPence: m.allocationPence + 1,
          outturnPence: m.allocationPence + 1 + m.variance,
          population: m.population,
        }));
        const result = riskShare(members, terms);
        const total = members.reduce((s, m) => s + m.outturnPence - m.allocationPence, 0);
        expect(result.members.reduce((s, m) => s + m.positionPence, 0)).toBe(total);
        expect(result.members.every((m) => Number.isInteger(m.positionPence))).toBe(true);
        if (terms.capPence !== undefined && result.warnings.length === 0) {
          for (const m of result.members) expect(Math.abs(m.poolSharePence)).toBeLessThanOrEqual(terms.capPence);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
