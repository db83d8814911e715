import { describe, expect, it } from 'vitest';
import { buildResidenceMap, type PracticeGeography, type ResidenceCodeDefinition } from './residence-map.ts';

// Toy geography. 2023: ICB OLD1 (sub-ICB S1) and ICB OLD2 (sub-ICB S2). In 2026 OLD2 is split: most of it
// joins KEEP (OLD1's code in 2026 as well) and a smaller part forms NEW with new sub-ICB S3.
const practices: PracticeGeography[] = [
  { population: 1000, subIcb2023: 'S1', icb2023: 'KEEP', subIcb2026: 'S1', icb2026: 'KEEP' },
  { population: 600, subIcb2023: 'S2', icb2023: 'OLD2', subIcb2026: 'S1', icb2026: 'KEEP' },
  { population: 400, subIcb2023: 'S2', icb2023: 'OLD2', subIcb2026: 'S3', icb2026: 'NEW' },
  { population: 100, subIcb2023: 'S1', icb2023: 'KEEP', subIcb2026: 'S3', icb2026: 'NEW' },
];

const definitions: ResidenceCodeDefinition[] = [
  { code: 'KEEP', kind: 'icb', vintage: '2023', icb: 'KEEP', area: { level: 'icb2023', code: 'KEEP' } },
  { code: 'KEEP', kind: 'icb', vintage: '2026', icb: 'KEEP', area: { level: 'icb2026', code: 'KEEP' } },
  { code: 'OLD2', kind: 'icb', vintage: '2023', icb: 'OLD2', area: { level: 'icb2023', code: 'OLD2' } },
  { code: 'NEW', kind: 'icb', vintage: '2026', icb: 'NEW', area: { level: 'icb2026', code: 'NEW' } },
  { code: 's1', kind: 'sub-icb', vintage: '2022', icb: 'KEEP', area: { level: 'subIcb2023', code: 'S1' } },
  { code: 'S1', kind: 'sub-icb', vintage: '2023', icb: 'KEEP', area: { level: 'subIcb2023', code: 'S1' } },
  { code: 'S1', kind: 'sub-icb', vintage: '2026', icb: 'KEEP', area: { level: 'subIcb2026', code: 'S1' } },
  { code: 'S2', kind: 'sub-icb', vintage: '2023', icb: 'OLD2', area: { level: 'subIcb2023', code: 'S2' } },
  { code: 'S3', kind: 'sub-icb', vintage: '2026', icb: 'NEW', area: { level: 'subIcb2026', code: 'S3' } },
];

describe('buildResidenceMap', () => {
  const { value, unmapped } = buildResidenceMap(definitions, practices);
  const entry = (code: string) => value.find((e) => e.code === code);

  it('keeps a code that exists in both vintages on its own ICBs', () => {
    expect(entry('KEEP')).toMatchObject({ icb2023: 'KEEP', icb2026: 'KEEP', method: 'same-code' });
    // 's1' from the 2022 list and 'S1' from 2023 and 2026 are one code, upper case.
    expect(entry('S1')).toMatchObject({ icb2023: 'KEEP', icb2026: 'KEEP', sourceVintage: '2022,2023,2026' });
  });

  it('sends a code that vanished to the 2026 ICB holding most of its practice population', () => {
    // OLD2: 600 now in KEEP, 400 in NEW, so KEEP (0.6).
    expect(entry('OLD2')).toMatchObject({
      icb2023: 'OLD2',
      icb2026: 'KEEP',
      method: 'largest-share-of-practice-population',
    });
    expect(entry('S2')).toMatchObject({ icb2023: 'OLD2', icb2026: 'KEEP' });
  });

  it('maps a code created in 2026 back to the 2023 ICB holding most of its practice population', () => {
    // NEW (and its sub-ICB S3): 400 from OLD2, 100 from KEEP, so OLD2 (0.8).
    expect(entry('NEW')).toMatchObject({ icb2023: 'OLD2', icb2026: 'NEW', sourceVintage: '2026' });
    expect(entry('S3')).toMatchObject({ icb2023: 'OLD2', icb2026: 'NEW' });
  });

  it('reports a code whose area has no practices instead of guessing', () => {
    const result = buildResidenceMap(
      [{ code: 'GHOST', kind: 'icb', vintage: '2023', icb: 'GHOST', area: { level: 'icb2023', code: 'GHOST' } }],
      practices,
    );
    expect(result).toEqual({ value: [], unmapped: ['GHOST'] });
  });

  it('maps every code once', () => {
    expect(unmapped).toEqual([]);
    expect(value.map((e) => e.code)).toEqual(['KEEP', 'NEW', 'OLD2', 'S1', 'S2', 'S3']);
  });
});
