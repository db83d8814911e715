// QIPP schemes (C7): part-year effects, recurrent savings, savings by scheme, type, provider and service.
export { cumulativeEffect, partYearEffect } from './part-year-effect.ts';
export { type QippSaving, qippSavings } from './qipp-saving.ts';
export {
  checkQippScheme,
  inScope,
  QIPP_TYPES,
  type QippScheme,
  type QippScope,
  type QippType,
  qippSchemeProblems,
} from './qipp-scheme.ts';
