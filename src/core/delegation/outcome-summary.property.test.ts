import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELEGATION_OUTCOMES } from './delegation-outcome.ts';
import { outcomeSummary } from './outcome-summary.ts';

describe('outcome summary', () => {
  it('service counts add up to the catalogue and spend shares to 100%', () => {
    const row = fc.record({
      serviceCode: fc.string(),
      outcome: fc.constantFrom(...DELEGATION_OUTCOMES),
      tier: fc.constantFrom(null, 'icb', 'multi-icb', 'region'),
      spendPence: fc.integer({ min: 0, max: 1e12 }),
      missing: fc.array(fc.constantFrom<string>('flag', 'criterion a', 'criterion b'), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 80 }), (rows) => {
        const summary = outcomeSummary(rows, DELEGATION_OUTCOMES, ['icb', 'multi-icb', 'region']);
        expect(summary.byOutcome.reduce((s, g) => s + g.services, 0)).toBe(rows.length);
        const total = rows.reduce((s, r) => s + r.spendPence, 0);
        if (total > 0) expect(summary.byOutcome.reduce((s, g) => s + g.spendShare!, 0)).toBeCloseTo(1, 9);
        // Every missing item counts the services waiting on it, each once, however often it is listed.
        for (const item of summary.missing) {
          expect(item.services).toBe(rows.filter((r) => r.missing.includes(item.group)).length);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
