export {
  COMMISSIONING_MODELS,
  type CommissioningModel,
  commissioningModel,
  type MemberStatus,
  MODEL_LABELS,
  type ModelProposal,
  type ModelQuestion,
  modelProposal,
  modelStatusFor,
  proposeCommissioningModel,
} from './commissioning-model.ts';
export {
  COMMISSIONING_MODEL_COLUMNS,
  type CommissioningModelInput,
  type CommissioningModelLine,
  type CommissioningModelsAnswer,
  type CommissioningModelYear,
  commissioningModelInput,
  commissioningModelLine,
  commissioningModelsAnswer,
  commissioningModelYear,
  type RecordedModel,
  recordedModel,
} from './commissioning-models-answer.ts';
export {
  DELEGATION_OUTCOMES,
  type DelegationOutcome,
  delegationOutcome,
  MISSING_HIGHLY_SPECIALISED,
  type OutcomeDecision,
} from './delegation-outcome.ts';
export { type LeadCommissioner, type LeadSpend, leadCommissioner } from './lead-commissioner.ts';
export {
  OCCASIONAL_PRACTICE_COLUMNS,
  type OccasionalPracticeAnswer,
  type OccasionalPracticeService,
  type OccasionalProvider,
  occasionalPracticeAnswer,
  occasionalPracticeReport,
  occasionalPracticeRows,
  type ProviderFlow,
} from './occasional-practice-report.ts';
export { type OutcomeSummary, outcomeSummary, type SummaryGroup, type SummaryInput } from './outcome-summary.ts';
