import { describe, expect, it } from 'vitest';
import type { SegmentationRubric } from '../definitions/segmentation-rubric.ts';
import { compareAssessments, type FactorScore } from './compare-assessments.ts';

const guidance = { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e' };
const rubric: SegmentationRubric = {
  id: 'toy',
  kind: 'segmentation',
  version: '1.0.0',
  owner: 'o',
  checker: 'c',
  reviewed: '2026-01-01',
  nextReview: '2027-01-01',
  description: 'two factors',
  factors: [
    { id: 'patient-numbers', name: 'Patient numbers', weight: 0.5, guidance },
    { id: 'provision', name: 'Provision', weight: 0.5, guidance },
  ],
  levels: { 'sub-regional-hub': 2.5, 'national-regional': 3.5 },
};

function rows(assessor: string, list: [string, number, number][]): FactorScore[] {
  return list.flatMap(([serviceCode, pn, pr]) => [
    { assessor, serviceCode, factor: 'patient-numbers', score: pn },
    { assessor, serviceCode, factor: 'provision', score: pr },
  ]);
}

describe('comparing assessments', () => {
  it('lists services whose assessors are more than one level apart, and agreement per factor', () => {
    const scores = [
      ...rows('North', [
        ['S1', 1, 1],
        ['S2', 3, 3],
        ['S3', 5, 5],
      ]),
      ...rows('South', [
        ['S1', 1, 2],
        ['S2', 3, 3],
        ['S3', 1, 1],
      ]),
    ];
    const result = compareAssessments(rubric, scores);
    // S3: North 5 → national-regional, South 1 → icb-or-multi-icb: two levels apart.
    expect(result.disagreements).toEqual(['S3']);
    const pn = result.factors.find((f) => f.factor === 'patient-numbers')!;
    // Patient numbers: S1 1/1, S2 3/3 agree, S3 5/1 does not: 2 of 3.
    expect(pn.percentageAgreement).toBeCloseTo(2 / 3, 12);
    expect(pn.services).toBe(3);
    expect(pn.pairs).toHaveLength(1);
    expect(result.services.find((s) => s.serviceCode === 'S2')!.byAssessor.map((b) => b.level)).toEqual([
      'sub-regional-hub',
      'sub-regional-hub',
    ]);
  });

  it('leaves out of the statistics services some assessor did not score, and counts them', () => {
    const scores = [
      ...rows('North', [
        ['S1', 1, 1],
        ['S2', 2, 2],
      ]),
      ...rows('South', [['S1', 1, 1]]),
    ];
    const pn = compareAssessments(rubric, scores).factors[0]!;
    expect(pn.services).toBe(1);
    expect(pn.servicesLeftOut).toBe(1);
  });
});
