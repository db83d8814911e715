// The segmentation rubric as data (definitions/rubrics/segmentation-*.json): factors scored 1–5 with
// written guidance per score, weights that sum to 1, cut points that turn a measure from the data into a
// suggested score, and the thresholds that map the weighted score to a commissioning level. The parser is
// pure: it returns the value and every problem found, each naming the field.
import { z } from 'zod';
import type { Problem } from '../errors.ts';
import type { ParseResult } from './generator-assumptions.ts';
import { kebabId, rubricHeader } from './rubric-header.ts';

/** Commissioning levels, from the most local. */
export const SEGMENTATION_LEVELS = ['icb-or-multi-icb', 'sub-regional-hub', 'national-regional'] as const;
export type SegmentationLevel = (typeof SEGMENTATION_LEVELS)[number];

/** Measures the workspace can give for a suggested score. */
export const SUGGESTION_MEASURES = ['patients-a-year', 'providers', 'financial-volatility'] as const;
export type SuggestionMeasure = (typeof SUGGESTION_MEASURES)[number];

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
const SCORES = ['1', '2', '3', '4', '5'] as const;

const suggestion = z.object({
  measure: z.string(),
  /** 'lower-score': a bigger measure suits a more local level (patients, providers). */
  higherMeasureMeans: z.enum(['lower-score', 'higher-score']),
  /** Four ascending cut points between the five scores. */
  cuts: z.array(z.number()).length(SCORE_MAX - SCORE_MIN),
  basis: z.string().min(1),
});

export const segmentationRubricSchema = z.object({
  ...rubricHeader,
  kind: z.literal('segmentation'),
  factors: z
    .array(
      z.object({
        id: kebabId,
        name: z.string().min(1),
        weight: z.number().min(0).max(1),
        guidance: z.record(z.enum(SCORES), z.string().min(1)),
        suggestion: suggestion.optional(),
      }),
    )
    .min(1),
  /** The weighted score at which each level above the most local one starts. */
  levels: z.object({ 'sub-regional-hub': z.number(), 'national-regional': z.number() }),
});

export type SegmentationRubric = z.infer<typeof segmentationRubricSchema>;
export type SegmentationFactor = SegmentationRubric['factors'][number];

export function parseSegmentationRubric(json: unknown, file = 'definitions/rubrics/segmentation-default.json') {
  const result: ParseResult<SegmentationRubric> = { value: null, issues: [] };
  const parsed = segmentationRubricSchema.safeParse(json);
  if (!parsed.success) {
    result.issues = zodProblems(parsed.error.issues, file);
    return result;
  }
  const rubric = parsed.data;
  const problem = (code: Problem['code'], field: string, message: string, received?: string, accepted?: string) =>
    result.issues.push({ code, message, where: { file, field }, received, accepted });

  const total = rubric.factors.reduce((sum, f) => sum + f.weight, 0);
  if (Math.abs(total - 1) > 1e-9) {
    problem('FP_RUBRIC_WEIGHTS_NOT_ONE', 'factors', 'The factor weights must add up to 1.', String(total), '1');
  }
  const seen = new Set<string>();
  rubric.factors.forEach((factor, i) => {
    if (seen.has(factor.id))
      problem('FP_RUBRIC_BAD_FILE', `factors.${i}.id`, 'Two factors have the same id.', factor.id);
    seen.add(factor.id);
    for (const score of SCORES) {
      if (!factor.guidance[score]) {
        problem(
          'FP_RUBRIC_BAD_FILE',
          `factors.${i}.guidance.${score}`,
          'Every score from 1 to 5 needs written guidance.',
        );
      }
    }
    const s = factor.suggestion;
    if (!s) return;
    if (!(SUGGESTION_MEASURES as readonly string[]).includes(s.measure)) {
      problem(
        'FP_RUBRIC_UNKNOWN_FACTOR',
        `factors.${i}.suggestion.measure`,
        'The suggestion names a measure the data cannot give.',
        s.measure,
        SUGGESTION_MEASURES.join(', '),
      );
    }
    if (!ascending(s.cuts)) {
      problem(
        'FP_RUBRIC_THRESHOLDS_ORDER',
        `factors.${i}.suggestion.cuts`,
        'Suggestion cut points must be strictly ascending.',
        s.cuts.join(', '),
      );
    }
  });
  if (
    !ascending([SCORE_MIN, rubric.levels['sub-regional-hub'], rubric.levels['national-regional'], SCORE_MAX + 1e-9])
  ) {
    problem(
      'FP_RUBRIC_THRESHOLDS_ORDER',
      'levels',
      'Level thresholds must rise: 1 < sub-regional-hub < national-regional ≤ 5.',
      JSON.stringify(rubric.levels),
    );
  }
  if (result.issues.length === 0) result.value = rubric;
  return result;
}

function ascending(values: readonly number[]): boolean {
  return values.every((v, i) => i === 0 || v > values[i - 1]!);
}

export function zodProblems(issues: readonly z.core.$ZodIssue[], file: string): Problem[] {
  return issues.map((issue) => ({
    code: 'FP_RUBRIC_BAD_FILE' as const,
    message: issue.message,
    where: { file, field: issue.path.join('.') },
  }));
}
