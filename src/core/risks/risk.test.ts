// The worked example of docs/methods.md, "Risk register", and the rules a risk must keep.
import { describe, expect, it } from 'vitest';
import { type RiskInput, riskInputSchema, riskRating, riskRuleProblems, riskScore } from './risk.ts';

describe('risk register', () => {
  it('Risk score and rating', () => {
    expect([riskScore(4, 4), riskRating(riskScore(4, 4))]).toEqual([16, 'extreme']);
    expect([riskScore(2, 4), riskRating(riskScore(2, 4))]).toEqual([8, 'high']);
    expect([3, 6, 12, 15].map(riskRating)).toEqual(['low', 'moderate', 'high', 'extreme']);
    expect([1, 4, 8, 25].map(riskRating)).toEqual(['low', 'moderate', 'high', 'extreme']);
  });

  const input = (changes: Partial<RiskInput> = {}): RiskInput =>
    riskInputSchema.parse({
      organisation: 'QWE',
      title: 'Provider X may not sustain its paediatric rota',
      category: 'provider-stability',
      owner: 'Director of specialised commissioning',
      likelihood: 4,
      impact: 4,
      residualLikelihood: 2,
      residualImpact: 4,
      ...changes,
    });

  it('fills the defaults: open, no links, no review dates', () => {
    expect(input()).toMatchObject({ status: 'open', links: [], reviewed: null, nextReview: null, description: '' });
    expect(riskRuleProblems(input())).toEqual([]);
  });

  it('FP_RISK_BAD_SCORE when mitigation would raise the score, naming the parameter', () => {
    expect(riskRuleProblems(input({ residualLikelihood: 5 }))).toEqual([
      expect.objectContaining({ code: 'FP_RISK_BAD_SCORE', where: { parameter: 'body.residualLikelihood' } }),
    ]);
  });

  it('FP_RISK_BAD_REVIEW_DATE when the next review is before the last', () => {
    expect(riskRuleProblems(input({ reviewed: '2026-06-01', nextReview: '2026-05-01' }))).toEqual([
      expect.objectContaining({ code: 'FP_RISK_BAD_REVIEW_DATE', where: { parameter: 'body.nextReview' } }),
    ]);
  });

  it('refuses a likelihood outside 1–5 and an unknown category', () => {
    const parsed = riskInputSchema.safeParse({ ...input(), likelihood: 6, category: 'weather' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['category', 'likelihood']);
  });
});
