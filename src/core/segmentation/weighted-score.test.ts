import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSegmentationRubric, type SegmentationRubric } from '../definitions/segmentation-rubric.ts';
import { suggestedScore } from './suggested-score.ts';
import { weightedScore } from './weighted-score.ts';

const shipped = parseSegmentationRubric(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../definitions/rubrics/segmentation-default.json'), 'utf8')),
).value as SegmentationRubric;

const scores = (pn: number, pr: number, fr: number, ss: number, st: number) => ({
  'patient-numbers': pn,
  provision: pr,
  'financial-risk': fr,
  'service-specification': ss,
  strategy: st,
});

describe('segmentation score and level', () => {
  it('Segmentation: a rubric on three services', () => {
    // Weights 0.25, 0.25, 0.2, 0.15, 0.15; thresholds 2.5 and 3.5 (the shipped rubric).
    // A: 0.25+0.25+0.4+0.3+0.15 = 1.35; B: 0.75+0.75+0.6+0.3+0.6 = 3.00; C: 1.25+1.25+0.8+0.6+0.75 = 4.65.
    expect(weightedScore(shipped, scores(1, 1, 2, 2, 1))).toEqual({
      score: 1.35,
      level: 'icb-or-multi-icb',
      missing: [],
    });
    expect(weightedScore(shipped, scores(3, 3, 3, 2, 4))).toEqual({ score: 3, level: 'sub-regional-hub', missing: [] });
    expect(weightedScore(shipped, scores(5, 5, 4, 4, 5))).toEqual({
      score: 4.65,
      level: 'national-regional',
      missing: [],
    });
  });

  it('reaches a level at its threshold exactly (2.5 is a hub)', () => {
    // Scores 2, 2, 3, 3, 3: 0.5 + 0.5 + 0.6 + 0.45 + 0.45 = 2.5 exactly.
    expect(weightedScore(shipped, scores(2, 2, 3, 3, 3)).level).toBe('sub-regional-hub');
  });

  it('gives no level when a factor is not scored', () => {
    const { strategy: _, ...partial } = scores(1, 1, 1, 1, 1);
    expect(weightedScore(shipped, partial)).toEqual({ score: null, level: null, missing: ['strategy'] });
  });

  it('Suggested scores: patients, providers and volatility', () => {
    const factor = (id: string) => shipped.factors.find((f) => f.id === id)!;
    expect(suggestedScore(factor('patient-numbers'), 1200)).toBe(4); // one cut ≤ 1,200: 5 − 1
    expect(suggestedScore(factor('provision'), 8)).toBe(4); // one cut ≤ 8: 5 − 1
    expect(suggestedScore(factor('financial-risk'), 0.18)).toBe(4); // three cuts < 0.18: 1 + 3
    expect(suggestedScore(factor('patient-numbers'), 50000)).toBe(1); // all four cuts ≤ 50,000
    expect(suggestedScore(factor('strategy'), 3)).toBeNull(); // no measure for strategy
    expect(suggestedScore(factor('provision'), null)).toBeNull();
  });
});
