import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { similarIcbs } from './similar-icbs.ts';

describe('similar ICBs by size and need', () => {
  // Worked example: A has 1,000,000 people and need 1.00. B is twice as big with the same need
  // (distance ln 2 = 0.693); C is the same size with need 1.5 (ln 1.5 = 0.405); D is both twice as big and
  // 1.5× the need (√(0.693² + 0.405²) = 0.803); E is a tenth the size (ln 10 = 2.303).
  const icbs = [
    { icbCode: 'A', population: 1_000_000, needIndex: 1 },
    { icbCode: 'B', population: 2_000_000, needIndex: 1 },
    { icbCode: 'C', population: 1_000_000, needIndex: 1.5 },
    { icbCode: 'D', population: 2_000_000, needIndex: 1.5 },
    { icbCode: 'E', population: 100_000, needIndex: 1 },
  ];

  it('orders peers by the combined log distance, nearest first', () => {
    const peers = similarIcbs('A', icbs, 3);
    expect(peers.map((p) => p.icbCode)).toEqual(['C', 'B', 'D']);
    expect(peers.map((p) => p.nearness)).toEqual([1, 2, 3]);
    expect(peers[0]!.distance).toBeCloseTo(Math.log(1.5), 10);
    expect(peers[2]!.distance).toBeCloseTo(Math.sqrt(Math.log(2) ** 2 + Math.log(1.5) ** 2), 10);
  });

  it('treats twice as big and half as big as equally near, breaking the tie by code', () => {
    const peers = similarIcbs(
      'M',
      [
        { icbCode: 'M', population: 1000, needIndex: 1 },
        { icbCode: 'Z', population: 2000, needIndex: 1 },
        { icbCode: 'Y', population: 500, needIndex: 1 },
      ],
      2,
    );
    expect(peers.map((p) => p.icbCode)).toEqual(['Y', 'Z']);
    expect(peers[0]!.distance).toBeCloseTo(peers[1]!.distance, 12);
  });

  it('leaves out ICBs with no population or need, and has no peers for an unknown ICB', () => {
    const peers = similarIcbs('A', [...icbs, { icbCode: 'F', population: 0, needIndex: 1 }], 10);
    expect(peers.map((p) => p.icbCode)).not.toContain('F');
    expect(peers.map((p) => p.icbCode)).not.toContain('A');
    expect(similarIcbs('NOPE', icbs)).toEqual([]);
  });

  it('never lists the ICB itself, lists each peer once, and no left-out ICB is nearer than a chosen one', () => {
    const icb = fc.record({
      population: fc.double({ min: 1000, max: 1e7, noNaN: true }),
      needIndex: fc.double({ min: 0.5, max: 2, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(icb, { minLength: 2, maxLength: 30 }), fc.integer({ min: 1, max: 8 }), (rows, count) => {
        const all = rows.map((r, i) => ({ ...r, icbCode: `I${String(i).padStart(2, '0')}` }));
        const peers = similarIcbs('I00', all, count);
        expect(peers).toHaveLength(Math.min(count, all.length - 1));
        expect(new Set(peers.map((p) => p.icbCode)).size).toBe(peers.length);
        expect(peers.map((p) => p.icbCode)).not.toContain('I00');
        const farthest = Math.max(...peers.map((p) => p.distance));
        const own = all[0]!;
        for (const other of all.slice(1).filter((o) => !peers.some((p) => p.icbCode === o.icbCode))) {
          const d = Math.hypot(Math.log(other.population / own.population), Math.log(other.needIndex / own.needIndex));
          expect(d).toBeGreaterThanOrEqual(farthest - 1e-12);
        }
      }),
      { seed: 17, numRuns: 200 },
    );
  });
});
