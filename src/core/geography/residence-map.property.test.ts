import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildResidenceMap, type PracticeGeography, type ResidenceCodeDefinition } from './residence-map.ts';

// Random practices across a few 2023 and 2026 ICBs; every 2023 ICB is defined only in 2023 and every
// 2026 ICB only in 2026, so every entry goes through the largest-share rule.
const OLD = ['A', 'B', 'C'];
const NEW = ['X', 'Y', 'Z'];

const practiceArb = fc.record({
  population: fc.integer({ min: 1, max: 20_000 }),
  icb2023: fc.constantFrom(...OLD),
  icb2026: fc.constantFrom(...NEW),
});

describe('buildResidenceMap (property)', () => {
  it('maps every code to exactly one ICB per vintage, the one with the largest share', () => {
    fc.assert(
      fc.property(fc.array(practiceArb, { minLength: 1, maxLength: 40 }), (drawn) => {
        const practices: PracticeGeography[] = drawn.map((p) => ({ ...p, subIcb2023: null, subIcb2026: null }));
        const definitions: ResidenceCodeDefinition[] = [
          ...OLD.map((c) => ({
            code: c,
            kind: 'icb' as const,
            vintage: '2023' as const,
            icb: c,
            area: { level: 'icb2023' as const, code: c },
          })),
          ...NEW.map((c) => ({
            code: c,
            kind: 'icb' as const,
            vintage: '2026' as const,
            icb: c,
            area: { level: 'icb2026' as const, code: c },
          })),
        ];
        const { value, unmapped } = buildResidenceMap(definitions, practices);
        const present = new Set([...practices.map((p) => p.icb2023), ...practices.map((p) => p.icb2026)]);
        // Exactly one entry per code with practices; codes without practices are reported, not guessed.
        expect(value.map((e) => e.code).sort()).toEqual([...present].sort());
        expect(unmapped.sort()).toEqual([...OLD, ...NEW].filter((c) => !present.has(c)).sort());
        for (const e of value) {
          const [from, to] = OLD.includes(e.code)
            ? (['icb2023', 'icb2026'] as const)
            : (['icb2026', 'icb2023'] as const);
          const totals = new Map<string, number>();
          for (const p of practices.filter((q) => q[from] === e.code)) {
            totals.set(p[to]!, (totals.get(p[to]!) ?? 0) + p.population);
          }
          const assigned = to === 'icb2026' ? e.icb2026 : e.icb2023;
          expect(Math.max(...totals.values())).toBe(totals.get(assigned));
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
