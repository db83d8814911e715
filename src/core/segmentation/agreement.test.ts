import { describe, expect, it } from 'vitest';
import { fleissKappa, percentageAgreement, weightedKappa } from './agreement.ts';

describe('agreement between assessors', () => {
  it("Fleiss' kappa: Fleiss (1971) ten subjects, fourteen raters", () => {
    // The published table; p = 0.143, 0.200, 0.279, 0.150, 0.229; P̄ = 0.378; P̄e = 0.213; κ = 0.210.
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const result = fleissKappa(table);
    expect(result.meanPairwiseAgreement).toBeCloseTo(0.378, 3);
    expect(result.expectedAgreement).toBeCloseTo(0.213, 3);
    expect(result.kappa).toBeCloseTo(0.21, 3);
  });

  it("Cohen's kappa: two readers, yes/no, 50 items", () => {
    // 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: Po 0.7, Pe 0.5, κ 0.4.
    const pairs: [number, number][] = [
      ...Array.from({ length: 20 }, () => [0, 0] as [number, number]),
      ...Array.from({ length: 5 }, () => [0, 1] as [number, number]),
      ...Array.from({ length: 10 }, () => [1, 0] as [number, number]),
      ...Array.from({ length: 15 }, () => [1, 1] as [number, number]),
    ];
    expect(weightedKappa(pairs, 2)).toBeCloseTo(0.4, 12);
  });

  it('Weighted kappa: three levels, ten services', () => {
    // Table [3 1 0 / 1 2 1 / 0 0 2]: Po 0.85, Pe 0.57, κw = 0.28/0.43 = 0.651163.
    const table = [
      [3, 1, 0],
      [1, 2, 1],
      [0, 0, 2],
    ];
    const pairs = table.flatMap((row, i) =>
      row.flatMap((n, j) => Array.from({ length: n }, () => [i, j] as [number, number])),
    );
    expect(weightedKappa(pairs, 3)).toBeCloseTo(0.28 / 0.43, 12);
  });

  it('percentage agreement is the share of services on which all assessors agree', () => {
    expect(
      percentageAgreement([
        [1, 1, 1],
        [2, 2, 3],
        [4, 4, 4],
        [0, 1, 0],
      ]),
    ).toBe(0.5);
    expect(percentageAgreement([])).toBeNull();
  });

  it('gives no kappa when every rating is the same category', () => {
    expect(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]).kappa,
    ).toBeNull();
    expect(
      weightedKappa(
        [
          [1, 1],
          [1, 1],
        ],
        3,
      ),
    ).toBeNull();
  });
});
