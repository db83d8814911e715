// The risk register (docs/methods.md, "Risk register"): what a risk is as it is written (the input), as the
// API, the command line and the web app read it (one shape), and the 5 × 5 scoring. Pure.
import { z } from 'zod';
import type { Problem } from '../errors.ts';

export const RISK_CATEGORIES = [
  'financial',
  'provider-stability',
  'workforce',
  'data',
  'clinical',
  'delivery',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];
export const RISK_LINK_KINDS = ['service', 'footprint', 'provider', 'scheme'] as const;
export type RiskLinkKind = (typeof RISK_LINK_KINDS)[number];
export const RISK_STATUSES = ['open', 'closed'] as const;
export const RISK_RATINGS = ['low', 'moderate', 'high', 'extreme'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];

const level = z.number().int().min(1).max(5);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const riskInputSchema = z.strictObject({
  /** The owning organisation: an ICB, a region or 'national'. */
  organisation: z.string().min(1).max(20),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(4000).default(''),
  category: z.enum(RISK_CATEGORIES),
  /** The person accountable for the risk. */
  owner: z.string().trim().min(1).max(200),
  likelihood: level,
  impact: level,
  mitigation: z.string().max(4000).default(''),
  residualLikelihood: level,
  residualImpact: level,
  links: z
    .array(z.strictObject({ kind: z.enum(RISK_LINK_KINDS), code: z.string().trim().min(1).max(200) }))
    .default([]),
  status: z.enum(RISK_STATUSES).default('open'),
  reviewed: isoDate.nullable().default(null),
  nextReview: isoDate.nullable().default(null),
});
export type RiskInput = z.infer<typeof riskInputSchema>;

const linkSchema = z.object({ kind: z.enum(RISK_LINK_KINDS), code: z.string(), name: z.string() });

export const riskSchema = z.object({
  id: z.string(),
  organisation: z.string(),
  organisationName: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.enum(RISK_CATEGORIES),
  owner: z.string(),
  likelihood: z.number(),
  impact: z.number(),
  score: z.number(),
  rating: z.enum(RISK_RATINGS),
  mitigation: z.string(),
  residualLikelihood: z.number(),
  residualImpact: z.number(),
  residualScore: z.number(),
  residualRating: z.enum(RISK_RATINGS),
  links: z.array(linkSchema),
  status: z.enum(RISK_STATUSES),
  reviewed: z.string().nullable(),
  nextReview: z.string().nullable(),
  /** Open and past its next-review date. */
  reviewDue: z.boolean(),
  revision: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Risk = z.infer<typeof riskSchema>;

export const riskHistoryEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  revision: z.number().nullable(),
  score: z.number().nullable(),
  residualScore: z.number().nullable(),
  status: z.string().nullable(),
});
export type RiskHistoryEntry = z.infer<typeof riskHistoryEntrySchema>;

export const riskWithHistorySchema = riskSchema.extend({ history: z.array(riskHistoryEntrySchema) });
export type RiskWithHistory = z.infer<typeof riskWithHistorySchema>;

export const riskListSchema = z.object({ rows: z.array(riskSchema) });

export const RISK_COLUMNS: { key: string; header: string; kind: 'text' | 'number' }[] = [
  { key: 'id', header: 'Risk', kind: 'text' },
  { key: 'title', header: 'Title', kind: 'text' },
  { key: 'organisationName', header: 'Organisation', kind: 'text' },
  { key: 'category', header: 'Category', kind: 'text' },
  { key: 'owner', header: 'Owner', kind: 'text' },
  { key: 'score', header: 'Score before mitigation', kind: 'number' },
  { key: 'rating', header: 'Rating before', kind: 'text' },
  { key: 'residualScore', header: 'Score after mitigation', kind: 'number' },
  { key: 'residualRating', header: 'Rating after', kind: 'text' },
  { key: 'status', header: 'Status', kind: 'text' },
  { key: 'reviewed', header: 'Last reviewed', kind: 'text' },
  { key: 'nextReview', header: 'Next review', kind: 'text' },
];

export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

/** The NHS 5 × 5 matrix bands: 1–3 low, 4–6 moderate, 8–12 high, 15–25 extreme. */
export function riskRating(score: number): RiskRating {
  if (score <= 3) return 'low';
  if (score <= 6) return 'moderate';
  if (score <= 12) return 'high';
  return 'extreme';
}

/** The rules the shape cannot say: mitigation does not raise the score; the next review follows the last. */
export function riskRuleProblems(input: RiskInput, prefix = 'body'): Problem[] {
  const problems: Problem[] = [];
  const before = riskScore(input.likelihood, input.impact);
  const after = riskScore(input.residualLikelihood, input.residualImpact);
  if (after > before) {
    problems.push({
      code: 'FP_RISK_BAD_SCORE',
      message: `The score after mitigation (${after}) is above the score before it (${before}).`,
      where: { parameter: `${prefix}.residualLikelihood` },
      received: `${input.residualLikelihood} × ${input.residualImpact} = ${after}`,
      accepted: `a score after mitigation of at most ${before}`,
    });
  }
  if (input.reviewed && input.nextReview && input.nextReview < input.reviewed) {
    problems.push({
      code: 'FP_RISK_BAD_REVIEW_DATE',
      message: 'The next review is before the last one.',
      where: { parameter: `${prefix}.nextReview` },
      received: input.nextReview,
      accepted: `a date on or after ${input.reviewed}`,
    });
  }
  return problems;
}
