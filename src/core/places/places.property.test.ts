import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS } from '../population/age-bands.ts';
import { localAuthorityPlaces, type PracticeGeography, pcnNeighbourhoods } from './default-groupings.ts';
import { type AgeSexCell, groupPopulations, practicePopulations } from './practice-populations.ts';

// A random geography: practices spread over 1–3 ICBs, each ICB over sub-ICB areas, districts and PCNs
// (some practices with no district or no PCN), with random list sizes and area age/sex counts.
const practiceArb = fc.record({
  icb: fc.integer({ min: 1, max: 3 }),
  area: fc.integer({ min: 1, max: 2 }),
  lad: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  pcn: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  size: fc.integer({ min: 0, max: 20_000 }),
});
const geographyArb = fc.record({
  practices: fc.array(practiceArb, { minLength: 1, maxLength: 40 }),
  counts: fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 6 * 38, maxLength: 6 * 38 }),
});

type Geography = typeof geographyArb extends fc.Arbitrary<infer G> ? G : never;

function build(g: Geography) {
  const practices: (PracticeGeography & { areaCode: string; size: number })[] = g.practices.map((p, i) => ({
    practiceCode: `P${i}`,
    icbCode: `Q${p.icb}`,
    areaCode: `Q${p.icb}-A${p.area}`,
    ladCode: p.lad === null ? null : `L${p.lad}`,
    ladName: p.lad === null ? null : `District ${p.lad}`,
    pcnCode: p.pcn === null ? null : `N${p.pcn}`,
    pcnName: p.pcn === null ? null : `PCN ${p.pcn}`,
    size: p.size,
  }));
  const areaCells = new Map<string, AgeSexCell[]>();
  let k = 0;
  for (let icb = 1; icb <= 3; icb++) {
    for (let area = 1; area <= 2; area++) {
      const cells: AgeSexCell[] = [];
      for (const sex of ['M', 'F'] as const) {
        for (const ageBand of AGE_BANDS) cells.push({ sex, ageBand, persons: g.counts[k++]! });
      }
      areaCells.set(`Q${icb}-A${area}`, cells);
    }
  }
  return { practices, areaCells };
}

describe('places and neighbourhoods (properties)', () => {
  it('put every practice in exactly one place and one neighbourhood of its own ICB', () => {
    fc.assert(
      fc.property(geographyArb, (g) => {
        const { practices } = build(g);
        for (const groups of [localAuthorityPlaces(practices), pcnNeighbourhoods(practices)]) {
          const seen = groups.flatMap((group) => group.practices.map((code) => ({ code, icb: group.icbCode })));
          expect(seen.map((s) => s.code).sort()).toEqual(practices.map((p) => p.practiceCode).sort());
          for (const s of seen) expect(s.icb).toBe(practices.find((p) => p.practiceCode === s.code)!.icbCode);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("add up, by age and sex, to the ICB's population wherever the ICB's practices have any list size", () => {
    fc.assert(
      fc.property(geographyArb, (g) => {
        const { practices, areaCells } = build(g);
        const byPractice = practicePopulations(practices, areaCells);
        for (const icb of new Set(practices.map((p) => p.icbCode))) {
          // The ICB's own population: its areas that have practices with some list size.
          const areas = new Set(practices.filter((p) => p.icbCode === icb && p.size > 0).map((p) => p.areaCode));
          const expected = new Map<string, number>();
          for (const area of areas) {
            for (const c of areaCells.get(area)!) {
              const key = `${c.sex}|${c.ageBand}`;
              expected.set(key, (expected.get(key) ?? 0) + c.persons);
            }
          }
          const mine = practices.filter((p) => p.icbCode === icb);
          for (const groups of [localAuthorityPlaces(mine), pcnNeighbourhoods(mine)]) {
            const summed = new Map<string, number>();
            for (const group of groupPopulations(groups, byPractice)) {
              for (const c of group.cells) {
                const key = `${c.sex}|${c.ageBand}`;
                summed.set(key, (summed.get(key) ?? 0) + c.persons);
              }
            }
            for (const [key, persons] of expected) expect(summed.get(key) ?? 0).toBeCloseTo(persons, 6);
          }
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
