// The delegation answers (GET /api/delegation/...): exercises and their rubrics, the segmentation matrix,
// the outcome board and one service's tiering evidence. The commissioning models' shapes are
// commissioning-models' own.
import { z } from 'zod';
import { SEGMENTATION_LEVELS } from '../definitions/segmentation-rubric.ts';
import { TIERS } from '../tiering/tier.ts';
import { DELEGATION_OUTCOMES } from './delegation-outcome.ts';

export const exerciseSummary = z.object({
  name: z.string(),
  assessors: z.number(),
  services: z.number(),
  ran: z.boolean(),
});
export type ExerciseSummary = z.infer<typeof exerciseSummary>;

/** An exercise's name, as requests give it. */
export const exerciseName = z.string().min(1).max(80);

const nullableNumber = z.number().nullable();
const level = z.enum(SEGMENTATION_LEVELS);
const outcome = z.enum([...DELEGATION_OUTCOMES]);
const tier = z.enum(TIERS);

export const rubricsBody = z.object({
  segmentation: z.object({
    id: z.string(),
    version: z.string(),
    factors: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        weight: z.number(),
        guidance: z.record(z.string(), z.string()),
        suggestion: z.object({ measure: z.string(), basis: z.string() }).optional(),
      }),
    ),
    levels: z.record(z.string(), z.number()),
  }),
  delegation: z.object({
    id: z.string(),
    version: z.string(),
    suitability: z.array(z.object({ id: z.string(), name: z.string(), guidance: z.string() })),
    readiness: z.array(z.object({ id: z.string(), name: z.string(), guidance: z.string() })),
  }),
});
export type Rubrics = z.infer<typeof rubricsBody>;

export const reconciledBody = z
  .object({ outcome: z.string(), level: z.string().nullable(), rationale: z.string(), agreedBy: z.string() })
  .nullable();

export const matrixAnswer = z.object({
  exercise: z.string().nullable(),
  exercises: z.array(z.string()),
  rubrics: rubricsBody,
  assessors: z.array(z.string()),
  evidenceFrom: z.enum(['run', 'data']),
  dataset: z.string(),
  financialYear: z.string(),
  rows: z.array(
    z.object({
      service: z.string(),
      name: z.string(),
      highlySpecialised: z.boolean().nullable(),
      patientsAYear: z.number(),
      providers: z.number(),
      medianIcbMissProbability: nullableNumber,
      suggested: z.record(z.string(), nullableNumber),
      assessments: z.array(
        z.object({
          assessor: z.string(),
          scores: z.record(z.string(), nullableNumber),
          weightedScore: nullableNumber,
          level: level.nullable(),
        }),
      ),
      disagreement: z.boolean(),
      factorDisagreements: z.array(z.string()),
      reconciled: reconciledBody,
    }),
  ),
  agreement: z.array(
    z.object({
      factor: z.string(),
      services: z.number(),
      servicesLeftOut: z.number(),
      percentageAgreement: nullableNumber,
      fleissKappa: nullableNumber,
      meanPairwiseAgreement: nullableNumber,
      pairs: z.array(
        z.object({ first: z.string(), second: z.string(), services: z.number(), weightedKappa: nullableNumber }),
      ),
    }),
  ),
});
export type MatrixAnswer = z.infer<typeof matrixAnswer>;

export const summaryGroup = z.object({
  group: z.string(),
  services: z.number(),
  spend: z.number(),
  spendShare: nullableNumber,
});
export type SummaryGroup = z.infer<typeof summaryGroup>;

export const outcomesAnswer = z.object({
  exercise: z.string().nullable(),
  exercises: z.array(exerciseSummary),
  result: z
    .object({
      rows: z.array(
        z.object({
          service: z.string(),
          name: z.string(),
          highlySpecialised: z.boolean().nullable(),
          suitability: z.boolean().nullable(),
          readiness: z.boolean().nullable(),
          outcome,
          reason: z.string(),
          missing: z.array(z.string()).describe('What the outcome waits on (needs-information only).'),
          level: level.nullable(),
          tier: tier.nullable(),
          spend: z.number(),
          nationalPatients: z.number(),
          providers: z.number(),
          medianIcbMissProbability: nullableNumber,
          assessors: z.array(
            z.object({ assessor: z.string(), outcome, level: level.nullable(), score: nullableNumber }),
          ),
        }),
      ),
      summary: z.object({
        services: z.number(),
        totalSpend: z.number(),
        byOutcome: z.array(summaryGroup),
        byTier: z.array(summaryGroup),
        missing: z
          .array(summaryGroup)
          .describe('Per missing item, the services waiting on it and their spend (they overlap).'),
      }),
      provenance: z.object({
        dataset: z.string(),
        financialYear: z.string(),
        segmentationRubric: z.string(),
        delegationRubric: z.string(),
        masterSeed: z.number(),
        iterations: z.number(),
        costModel: z.string(),
        thresholds: z.record(z.string(), z.number()),
      }),
    })
    .nullable()
    .describe('The stored run of the exercise; null when it has not been run (or there is no exercise).'),
});
export type OutcomesAnswer = z.infer<typeof outcomesAnswer>;

export const footprintEvidence = z.object({
  footprint: z.string(),
  kind: tier,
  population: z.number(),
  expectedPatients: z.number(),
  providersUsed: z.number(),
  outOfFootprintShare: nullableNumber,
  occasionalProviders: z.number(),
  occasionalPracticeShare: z.number(),
  missProbability: nullableNumber,
  passes: z.boolean(),
  fails: z.array(z.string()),
});
export type FootprintEvidence = z.infer<typeof footprintEvidence>;

export const serviceTieringAnswer = z.object({
  exercise: z.string().nullable(),
  service: z.string(),
  name: z.string(),
  highlySpecialised: z.boolean().nullable(),
  outcome: outcome.nullable(),
  reason: z.string().nullable(),
  tier: tier.nullable(),
  evidenceTier: tier,
  spend: nullableNumber,
  evidenceFrom: z.enum(['run', 'data']),
  dataset: z.string(),
  financialYear: z.string(),
  thresholds: z.object({
    missMargin: z.number(),
    maxMissProbability: z.number(),
    maxOutOfFootprintShare: z.number(),
    maxOccasionalPracticeShare: z.number(),
    minimumAnnualVolume: z.number(),
  }),
  nationalPatients: z.number(),
  providers: z.number(),
  meanCost: nullableNumber,
  cvCost: nullableNumber,
  footprints: z.array(footprintEvidence),
  minimumViablePopulation: z
    .object({
      analytic: z.number(),
      simulated: z.number(),
      curve: z.array(z.object({ population: z.number(), missProbability: z.number() })),
    })
    .nullable(),
  factors: z.array(z.object({ id: z.string(), name: z.string() })),
  criteria: z.array(
    z.object({
      id: z.string(),
      step: z.enum(['suitability', 'readiness']),
      name: z.string(),
      guidance: z.string(),
      answers: z.array(z.object({ assessor: z.string(), answer: z.string(), evidence: z.string().nullable() })),
    }),
  ),
  reconciled: z
    .object({
      outcome: z.string(),
      level: z.string().nullable(),
      rationale: z.string(),
      agreedBy: z.string(),
      agreedAt: z.string(),
    })
    .nullable(),
  comments: z.array(
    z.object({ author: z.string(), organisation: z.string(), body: z.string(), recordedAt: z.string() }),
  ),
});
export type ServiceTieringAnswer = z.infer<typeof serviceTieringAnswer>;

export const exercisesAnswer = z.object({
  rows: z.array(exerciseSummary),
  defaultRubrics: rubricsBody,
  canChange: z.boolean(),
});
export type ExercisesAnswer = z.infer<typeof exercisesAnswer>;

export type MatrixRow = MatrixAnswer['rows'][number];
export type OutcomeRow = NonNullable<OutcomesAnswer['result']>['rows'][number];
export type MissProbabilityPoint = NonNullable<ServiceTieringAnswer['minimumViablePopulation']>['curve'][number];
