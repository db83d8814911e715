// Basis conversion (C3): provider basis → population basis, flows and cross-boundary shares.
export { type Allocation, allocations } from './allocation.ts';
export { type ActivitySpend, compareText, type Flow, type FlowOptions, flowMatrix } from './flow-matrix.ts';
export { type OutOfAreaShare, outOfAreaShares } from './out-of-area-share.ts';
export { type ProviderIncomeShare, providerIncomeShares } from './provider-income-share.ts';
export {
  DEFAULT_UNKNOWN_RESIDENCE_RULE,
  parseUnknownResidenceRule,
  UNALLOCATED,
  UNKNOWN_RESIDENCE_RULES,
  type UnknownResidenceRule,
} from './unknown-residence-rule.ts';
