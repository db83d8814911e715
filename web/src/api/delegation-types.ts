// Answers of the delegation routes (src/server/routes/delegation.ts): exercises, the segmentation matrix,
// the outcome board and one service's tiering (the commissioning models' types are core's).

export type SegmentationLevel = 'icb-or-multi-icb' | 'sub-regional-hub' | 'national-regional';

import type { DelegationOutcome } from '../../../src/core/delegation/delegation-outcome.ts';
export type Tier = 'icb' | 'multi-icb' | 'region';

export interface Rubrics {
  segmentation: {
    id: string;
    version: string;
    factors: {
      id: string;
      name: string;
      weight: number;
      guidance: Record<string, string>;
      suggestion?: { measure: string; basis: string };
    }[];
    levels: Record<string, number>;
  };
  delegation: {
    id: string;
    version: string;
    suitability: { id: string; name: string; guidance: string }[];
    readiness: { id: string; name: string; guidance: string }[];
  };
}

export interface ExerciseSummary {
  name: string;
  assessors: number;
  services: number;
  ran: boolean;
}

export interface ExercisesAnswer {
  rows: ExerciseSummary[];
  defaultRubrics: Rubrics;
  canChange: boolean;
}

export interface Reconciled {
  outcome: string;
  level: string | null;
  rationale: string;
  agreedBy: string;
}

export interface MatrixRow {
  service: string;
  name: string;
  highlySpecialised: boolean | null;
  patientsAYear: number;
  providers: number;
  medianIcbMissProbability: number | null;
  suggested: Record<string, number | null>;
  assessments: {
    assessor: string;
    scores: Record<string, number | null>;
    weightedScore: number | null;
    level: SegmentationLevel | null;
  }[];
  disagreement: boolean;
  factorDisagreements: string[];
  reconciled: Reconciled | null;
}

export interface FactorAgreement {
  factor: string;
  services: number;
  servicesLeftOut: number;
  percentageAgreement: number | null;
  fleissKappa: number | null;
  meanPairwiseAgreement: number | null;
  pairs: { first: string; second: string; services: number; weightedKappa: number | null }[];
}

export interface MatrixAnswer {
  exercise: string | null;
  exercises: string[];
  rubrics: Rubrics;
  assessors: string[];
  evidenceFrom: 'run' | 'data';
  dataset: string;
  financialYear: string;
  rows: MatrixRow[];
  agreement: FactorAgreement[];
}

export interface SummaryGroup {
  group: string;
  services: number;
  spend: number;
  spendShare: number | null;
}

export interface OutcomeRow {
  service: string;
  name: string;
  highlySpecialised: boolean | null;
  suitability: boolean | null;
  readiness: boolean | null;
  outcome: DelegationOutcome;
  reason: string;
  /** What the outcome waits on (needs-information only). */
  missing: string[];
  level: SegmentationLevel | null;
  tier: Tier | null;
  spend: number;
  nationalPatients: number;
  providers: number;
  medianIcbMissProbability: number | null;
  assessors: { assessor: string; outcome: DelegationOutcome; level: SegmentationLevel | null; score: number | null }[];
}

export interface OutcomesAnswer {
  exercise: string | null;
  exercises: ExerciseSummary[];
  result: {
    rows: OutcomeRow[];
    summary: {
      services: number;
      totalSpend: number;
      byOutcome: SummaryGroup[];
      byTier: SummaryGroup[];
      missing: SummaryGroup[];
    };
    provenance: {
      dataset: string;
      financialYear: string;
      segmentationRubric: string;
      delegationRubric: string;
      masterSeed: number;
      iterations: number;
      costModel: string;
      thresholds: Record<string, number>;
    };
  } | null;
}

export interface FootprintEvidence {
  footprint: string;
  kind: Tier;
  population: number;
  expectedPatients: number;
  providersUsed: number;
  outOfFootprintShare: number | null;
  occasionalProviders: number;
  occasionalPracticeShare: number;
  missProbability: number | null;
  passes: boolean;
  fails: string[];
}

export interface MissProbabilityPoint {
  population: number;
  missProbability: number;
}

export interface ServiceTieringAnswer {
  exercise: string | null;
  service: string;
  name: string;
  highlySpecialised: boolean | null;
  outcome: DelegationOutcome | null;
  reason: string | null;
  tier: Tier | null;
  evidenceTier: Tier;
  spend: number | null;
  evidenceFrom: 'run' | 'data';
  dataset: string;
  financialYear: string;
  thresholds: {
    missMargin: number;
    maxMissProbability: number;
    maxOutOfFootprintShare: number;
    maxOccasionalPracticeShare: number;
    minimumAnnualVolume: number;
  };
  nationalPatients: number;
  providers: number;
  meanCost: number | null;
  cvCost: number | null;
  footprints: FootprintEvidence[];
  minimumViablePopulation: { analytic: number; simulated: number; curve: MissProbabilityPoint[] } | null;
  factors: { id: string; name: string }[];
  criteria: {
    id: string;
    step: 'suitability' | 'readiness';
    name: string;
    guidance: string;
    answers: { assessor: string; answer: string; evidence: string | null }[];
  }[];
  reconciled: (Reconciled & { agreedAt: string }) | null;
  comments: { author: string; organisation: string; body: string; recordedAt: string }[];
}
