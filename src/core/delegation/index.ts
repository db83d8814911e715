export {
  COMMISSIONING_MODELS,
  type CommissioningModel,
  nextFinancialYear,
  type ProposedModel,
  proposedTimeline,
} from './commissioning-model.ts';
export {
  DELEGATION_OUTCOMES,
  type DelegationOutcome,
  delegationOutcome,
  type OutcomeDecision,
} from './delegation-outcome.ts';
export { type OutcomeSummary, outcomeSummary, type SummaryGroup, type SummaryInput } from './outcome-summary.ts';
