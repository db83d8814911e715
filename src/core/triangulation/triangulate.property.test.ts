import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TriangulationFlow, triangulate } from './triangulate.ts';

const ICBS = ['A1', 'A2', 'A3', 'B1', 'B2', 'UNALLOCATED'];
const REGIONS = new Map([
  ['A1', 'R1'],
  ['A2', 'R1'],
  ['A3', 'R1'],
  ['B1', 'R2'],
  ['B2', 'R2'],
]);
const flowArb = fc.record({
  serviceCode: fc.constantFrom('S1', 'S2', 'S3'),
  residentIcb: fc.constantFrom(...ICBS),
  providerIcb: fc.constantFrom(...ICBS),
  providerCode: fc.constant('P'),
  spend: fc.integer({ min: 1, max: 1_000_000 }).map((pence) => pence / 100),
});

describe('triangulation (properties)', () => {
  it('gives shares of the residents spend that add up to 100%, each between 0 and 1', () => {
    fc.assert(
      fc.property(
        fc.array(flowArb, { maxLength: 60 }),
        fc.subarray(['A1', 'A2', 'A3', 'B1', 'B2'], { minLength: 1 }),
        (flows: TriangulationFlow[], footprint) => {
          for (const row of triangulate({ footprintIcbs: new Set(footprint), icbRegion: REGIONS, flows })) {
            if (row.residentSpend === 0) continue;
            const shares = [
              row.insideShare ?? Number.NaN,
              row.otherIcbShare ?? Number.NaN,
              row.otherRegionShare ?? Number.NaN,
            ];
            expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
            for (const s of shares) {
              expect(s).toBeGreaterThanOrEqual(-1e-12);
              expect(s).toBeLessThanOrEqual(1 + 1e-12);
            }
            const income = [
              row.incomeInsideShare,
              row.incomeOtherIcbShare,
              row.incomeOtherRegionShare,
              row.incomeUnknownResidenceShare,
            ];
            if (row.providerIncome > 0) expect(income.reduce<number>((a, b) => a + (b ?? 0), 0)).toBeCloseTo(1, 12);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
