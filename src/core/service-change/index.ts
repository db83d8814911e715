// Service change (issue 20): repatriation and consolidation what-ifs over a plan's horizon.
export {
  compareFlows,
  inEffect,
  type ResolvedChange,
  type WhatIfFlow,
  type WhatIfInput,
  type WhatIfYear,
  whatIf,
} from './apply-changes.ts';
export {
  SERVICE_CHANGE_TYPES,
  type ServiceChange,
  type ServiceChangeType,
  serviceChangeProblems,
  serviceChangeSchema,
} from './change-schema.ts';
export { type LocatedProvider, nearestProvider } from './nearest-provider.ts';
export {
  caseloadCv,
  type DistanceKm,
  meanDistances,
  type Names,
  type WhatIfEvidence,
  whatIfEvidence,
} from './what-if-evidence.ts';
export * from './what-if-shapes.ts';
