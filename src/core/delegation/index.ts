export {
  COMMISSIONING_MODELS,
  type CommissioningModel,
  modelStatusFor,
  nextFinancialYear,
  type ProposedModel,
  proposedTimeline,
} from './commissioning-model.ts';
export {
  DELEGATION_OUTCOMES,
  type DelegationOutcome,
  delegationOutcome,
  MISSING_HIGHLY_SPECIALISED,
  type OutcomeDecision,
} from './delegation-outcome.ts';
export { type OutcomeSummary, outcomeSummary, type SummaryGroup, type SummaryInput } from './outcome-summary.ts';
