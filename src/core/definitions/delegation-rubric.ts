// The delegation rubric as data (definitions/rubrics/delegation-*.json): step 1 suitability and step 2
// readiness criteria answered meets / partly / does-not-meet, the outcome rule, which criteria data gives
// evidence for, and the tiering thresholds with each service's minimum annual volume. Pure parser.
import { z } from 'zod';
import type { Problem } from '../errors.ts';
import type { ParseResult } from './generator-assumptions.ts';
import { kebabId, rubricHeader } from './rubric-header.ts';
import { zodProblems } from './segmentation-rubric.ts';

export const CRITERION_ANSWERS = ['meets', 'partly', 'does-not-meet'] as const;
export type CriterionAnswer = (typeof CRITERION_ANSWERS)[number];

/** Evidence the data gives beside a criterion. */
export const EVIDENCE_MEASURES = [
  'financial-volatility',
  'providers',
  'out-of-footprint-share',
  'occasional-practice',
] as const;

const criterion = z.object({ id: kebabId, name: z.string().min(1), guidance: z.string().min(1) });
const share = z.number().min(0).max(1);

export const delegationRubricSchema = z.object({
  ...rubricHeader,
  kind: z.literal('delegation'),
  suitability: z.array(criterion).min(1),
  readiness: z.array(criterion).min(1),
  /** Criterion id → the measure shown beside it. */
  evidence: z.record(z.string(), z.enum(EVIDENCE_MEASURES)),
  outcomeRule: z.object({
    /** Any of these answers to a suitability criterion makes the service not suitable. */
    unsuitableAnswers: z.array(z.enum(CRITERION_ANSWERS)).min(1),
    /** A highly specialised service is never suitable (unknown is not "no": see methods.md). */
    highlySpecialisedNotSuitable: z.boolean(),
    /** Ready only when every readiness answer is one of these. */
    readyAnswers: z.array(z.enum(CRITERION_ANSWERS)).min(1),
  }),
  tiering: z.object({
    missMargin: z.number().gt(0).lt(1),
    maxMissProbability: z.number().gt(0).lt(1),
    maxOutOfFootprintShare: share,
    maxOccasionalPracticeShare: share,
    defaultMinimumAnnualVolume: z.number().int().min(0),
    /** Service code → minimum patients a year a provider should see. */
    minimumAnnualVolume: z.record(z.string(), z.number().int().min(0)),
    basis: z.string().min(1),
  }),
  volatility: z.object({
    iterations: z.number().int().min(100).max(10_000_000),
    seed: z.number().int().min(0).max(0xffffffff),
    costModel: z.enum(['lognormal', 'resample']),
  }),
});

export type DelegationRubric = z.infer<typeof delegationRubricSchema>;
export type TieringRules = DelegationRubric['tiering'];

/** `knownServices`: the catalogue's service codes, to check the per-service minimum volumes against. */
export function parseDelegationRubric(
  json: unknown,
  file = 'definitions/rubrics/delegation-default.json',
  knownServices?: ReadonlySet<string>,
) {
  const result: ParseResult<DelegationRubric> = { value: null, issues: [] };
  const parsed = delegationRubricSchema.safeParse(json);
  if (!parsed.success) {
    result.issues = zodProblems(parsed.error.issues, file);
    return result;
  }
  const rubric = parsed.data;
  const problem = (code: Problem['code'], field: string, message: string, received?: string) =>
    result.issues.push({ code, message, where: { file, field }, received });
  const ids = new Set<string>();
  for (const [step, list] of [
    ['suitability', rubric.suitability],
    ['readiness', rubric.readiness],
  ] as const) {
    list.forEach((c, i) => {
      if (ids.has(c.id)) problem('FP_RUBRIC_BAD_FILE', `${step}.${i}.id`, 'Two criteria have the same id.', c.id);
      ids.add(c.id);
    });
  }
  for (const id of Object.keys(rubric.evidence)) {
    if (!ids.has(id)) {
      problem(
        'FP_RUBRIC_UNKNOWN_FACTOR',
        `evidence.${id}`,
        'Evidence is given for a criterion the rubric does not define.',
        id,
      );
    }
  }
  if (knownServices) {
    for (const code of Object.keys(rubric.tiering.minimumAnnualVolume)) {
      if (!knownServices.has(code)) {
        problem(
          'FP_RUBRIC_UNKNOWN_SERVICE',
          `tiering.minimumAnnualVolume.${code}`,
          'A minimum volume is set for a service code that is not in the services catalogue.',
          code,
        );
      }
    }
  }
  if (result.issues.length === 0) result.value = rubric;
  return result;
}

export function minimumAnnualVolume(rules: TieringRules, serviceCode: string): number {
  return rules.minimumAnnualVolume[serviceCode] ?? rules.defaultMinimumAnnualVolume;
}
