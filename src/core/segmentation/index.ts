export { categoryCounts, type FleissKappa, fleissKappa, percentageAgreement, weightedKappa } from './agreement.ts';
export { type AssessmentRow, readAssessmentRows } from './assessment-rows.ts';
export {
  type AssessmentComparison,
  compareAssessments,
  type FactorAgreement,
  type FactorScore,
  type ServiceLevels,
} from './compare-assessments.ts';
export { suggestedScore } from './suggested-score.ts';
export { levelRank, segmentationLevel, type WeightedScore, weightedScore } from './weighted-score.ts';
