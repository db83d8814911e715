// Compares an exercise's independent segmentation assessments: per factor, percentage agreement and
// Fleiss' kappa over the services every assessor scored; Cohen's weighted kappa for each pair of assessors;
// each assessor's level per service; and the services whose levels are more than one level apart.
import {
  SCORE_MAX,
  SCORE_MIN,
  type SegmentationLevel,
  type SegmentationRubric,
} from '../definitions/segmentation-rubric.ts';
import { categoryCounts, fleissKappa, percentageAgreement, weightedKappa } from './agreement.ts';
import { levelRank, weightedScore } from './weighted-score.ts';

export interface FactorScore {
  assessor: string;
  serviceCode: string;
  factor: string;
  score: number;
}

export interface FactorAgreement {
  factor: string;
  /** Services every assessor scored on this factor (the ones the statistics use). */
  services: number;
  /** Services left out because some assessor did not score them. */
  servicesLeftOut: number;
  percentageAgreement: number | null;
  fleissKappa: number | null;
  meanPairwiseAgreement: number | null;
  pairs: { first: string; second: string; services: number; weightedKappa: number | null }[];
}

export interface ServiceLevels {
  serviceCode: string;
  byAssessor: { assessor: string; score: number | null; level: SegmentationLevel | null }[];
  /** More than one level between the most local and the most national assessor. */
  disagreement: boolean;
}

export interface AssessmentComparison {
  assessors: string[];
  factors: FactorAgreement[];
  services: ServiceLevels[];
  disagreements: string[];
}

const CATEGORIES = SCORE_MAX - SCORE_MIN + 1;

export function compareAssessments(rubric: SegmentationRubric, scores: readonly FactorScore[]): AssessmentComparison {
  const assessors = [...new Set(scores.map((s) => s.assessor))].sort();
  const serviceCodes = [...new Set(scores.map((s) => s.serviceCode))].sort();
  const lookup = new Map<string, number>();
  for (const s of scores) lookup.set(`${s.assessor}\u0000${s.serviceCode}\u0000${s.factor}`, s.score);
  const scoreOf = (assessor: string, service: string, factor: string) =>
    lookup.get(`${assessor}\u0000${service}\u0000${factor}`);

  const factors = rubric.factors.map((factor): FactorAgreement => {
    const complete = serviceCodes.filter((code) => assessors.every((a) => scoreOf(a, code, factor.id) !== undefined));
    const ratings = complete.map((code) => assessors.map((a) => scoreOf(a, code, factor.id)! - SCORE_MIN));
    const rated = serviceCodes.filter((code) => assessors.some((a) => scoreOf(a, code, factor.id) !== undefined));
    const fleiss = assessors.length >= 2 ? fleissKappa(categoryCounts(ratings, CATEGORIES)) : null;
    const pairs: FactorAgreement['pairs'] = [];
    for (let i = 0; i < assessors.length; i++) {
      for (let j = i + 1; j < assessors.length; j++) {
        const first = assessors[i]!;
        const second = assessors[j]!;
        const both = serviceCodes.flatMap((code) => {
          const a = scoreOf(first, code, factor.id);
          const b = scoreOf(second, code, factor.id);
          return a !== undefined && b !== undefined ? [[a - SCORE_MIN, b - SCORE_MIN] as const] : [];
        });
        pairs.push({ first, second, services: both.length, weightedKappa: weightedKappa(both, CATEGORIES) });
      }
    }
    return {
      factor: factor.id,
      services: complete.length,
      servicesLeftOut: rated.length - complete.length,
      percentageAgreement: assessors.length >= 2 ? percentageAgreement(ratings) : null,
      fleissKappa: fleiss?.kappa ?? null,
      meanPairwiseAgreement: fleiss?.meanPairwiseAgreement ?? null,
      pairs,
    };
  });

  const services = serviceCodes.map((serviceCode): ServiceLevels => {
    const byAssessor = assessors.map((assessor) => {
      const own: Record<string, number | undefined> = {};
      for (const f of rubric.factors) own[f.id] = scoreOf(assessor, serviceCode, f.id);
      const result = weightedScore(rubric, own);
      return { assessor, score: result.score, level: result.level };
    });
    const ranks = byAssessor.flatMap((b) => (b.level ? [levelRank(b.level)] : []));
    const disagreement = ranks.length >= 2 && Math.max(...ranks) - Math.min(...ranks) > 1;
    return { serviceCode, byAssessor, disagreement };
  });
  return {
    assessors,
    factors,
    services,
    disagreements: services.filter((s) => s.disagreement).map((s) => s.serviceCode),
  };
}
