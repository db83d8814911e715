import { describe, expect, it } from 'vitest';
import { FootprintError } from '../errors.ts';
import { summariseTriangulation, type TriangulationFlow, triangulate } from './triangulate.ts';

// Toy geography: region R1 = ICBs A1, A2; region R2 = ICB B1. The footprint is A1. Provider codes name their
// host ICB (PA1 in A1 …); W1 is a Welsh trust with no English host ICB (UNALLOCATED).
const REGIONS = new Map([
  ['A1', 'R1'],
  ['A2', 'R1'],
  ['B1', 'R2'],
]);
const flow = (serviceCode: string, residentIcb: string, providerIcb: string, spend: number): TriangulationFlow => ({
  serviceCode,
  residentIcb,
  providerIcb,
  providerCode: providerIcb === 'UNALLOCATED' ? 'W1' : `P${providerIcb}`,
  spend,
});

const run = (flows: TriangulationFlow[], threshold?: number) =>
  triangulate({ footprintIcbs: new Set(['A1']), icbRegion: REGIONS, flows, threshold });

describe('triangulation, worked examples', () => {
  it('classifies a flow that crosses a regional boundary as needing coordination across regions', () => {
    // A1 residents: £60 at A1, £30 at A2 (same region), £10 at B1 (other region), total £100.
    // By hand: inside 0.6, other ICB 0.3, other region 0.1 ≥ 0.05 → across regions.
    // Partners: A2 takes 30% of the spend, B1 10%; both above 5%; B1 is across a regional boundary.
    const [row] = run([flow('S', 'A1', 'A1', 60), flow('S', 'A1', 'A2', 30), flow('S', 'A1', 'B1', 10)]);
    expect(row).toMatchObject({
      serviceCode: 'S',
      classification: 'coordinate-across-regions',
      residentSpend: 100,
      insideShare: 0.6,
      otherIcbShare: 0.3,
      providerIncome: 60,
      incomeInsideShare: 1,
    });
    expect(row!.otherRegionShare).toBeCloseTo(0.1, 12);
    expect(row!.partners.map((p) => [p.icb, p.region, p.acrossRegion])).toEqual([
      ['A2', 'R1', false],
      ['B1', 'R2', true],
    ]);
    expect(row!.partners[0]!.outflowShare).toBeCloseTo(0.3, 12);
  });

  it('classifies a service mostly treated inside, with little coming in, as aligned', () => {
    // Residents: £97 inside, £3 at A2 → 3% out. Providers in A1: £97 from A1 + £2 from A2 = £99 → 2/99 in.
    // Both under 5% → aligned, and A2 is not a material partner.
    const [row] = run([flow('T', 'A1', 'A1', 97), flow('T', 'A1', 'A2', 3), flow('T', 'A2', 'A1', 2)]);
    expect(row!.classification).toBe('aligned');
    expect(row!.partners).toEqual([]);
    expect(row!.incomeOtherIcbShare).toBeCloseTo(2 / 99, 12);
  });

  it('classifies outflow within the region as needing coordination across ICBs, and sees inflows', () => {
    // U: £90 inside, £10 at A2 → across ICBs. V: A1's residents have no V spend, and all £50 of its provider's
    // income comes from B1 (another region) → across regions through the inflow alone.
    const rows = run([
      flow('U', 'A1', 'A1', 90),
      flow('U', 'A1', 'A2', 10),
      flow('V', 'B1', 'A1', 50),
      flow('V', 'A2', 'A2', 70),
    ]);
    expect(rows.map((r) => [r.serviceCode, r.classification])).toEqual([
      ['U', 'coordinate-across-icbs'],
      ['V', 'coordinate-across-regions'],
    ]);
    const v = rows[1]!;
    expect([v.insideShare, v.otherIcbShare, v.otherRegionShare]).toEqual([null, null, null]);
    expect(v.incomeOtherRegionShare).toBe(1);
    expect(v.partners.map((p) => [p.icb, p.inflowShare, p.acrossRegion])).toEqual([['B1', 1, true]]);
  });

  it('counts a provider with no English host ICB as across a regional boundary, and unknown residents apart', () => {
    // £80 inside + £20 at a Welsh trust → other region 0.2. A1's provider: £80 from A1, £20 of unknown residence.
    const [row] = run([
      flow('W', 'A1', 'A1', 80),
      flow('W', 'A1', 'UNALLOCATED', 20),
      flow('W', 'UNALLOCATED', 'A1', 20),
    ]);
    expect(row!.otherRegionShare).toBeCloseTo(0.2, 12);
    expect(row!.incomeUnknownResidenceShare).toBeCloseTo(0.2, 12);
    expect(row!.classification).toBe('coordinate-across-regions');
  });

  it('takes a higher threshold: 10% out across regions is then not material', () => {
    const flows = [flow('S', 'A1', 'A1', 60), flow('S', 'A1', 'A2', 30), flow('S', 'A1', 'B1', 10)];
    expect(run(flows, 0.15)[0]!.classification).toBe('coordinate-across-icbs');
    expect(run(flows, 0.45)[0]!.classification).toBe('aligned');
  });

  it('summarises services and resident spend per class', () => {
    const rows = run([flow('S', 'A1', 'B1', 10), flow('T', 'A1', 'A1', 5)]);
    expect(summariseTriangulation(rows)).toEqual([
      { classification: 'aligned', services: 1, residentSpend: 5 },
      { classification: 'coordinate-across-icbs', services: 0, residentSpend: 0 },
      { classification: 'coordinate-across-regions', services: 1, residentSpend: 10 },
    ]);
  });

  it('refuses a threshold outside (0, 0.5]', () => {
    for (const threshold of [0, -0.1, 0.6, Number.NaN]) {
      try {
        run([], threshold);
        throw new Error('expected a failure');
      } catch (error) {
        expect(error).toBeInstanceOf(FootprintError);
        expect((error as FootprintError).code).toBe('FP_TRIANGULATION_BAD_OPTION');
        expect((error as FootprintError).problem.where).toEqual({ parameter: 'threshold' });
      }
    }
  });
});
