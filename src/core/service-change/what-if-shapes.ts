// The answer to "what does this scenario's service change do?": one shape for the API, the command line
// (`footprint whatif`), the exports and the web app. Money is pounds; every row carries names beside codes.
import { z } from 'zod';
import type { TableColumn } from '../export-columns.ts';

const money = z.number();

export const whatIfFlowRowSchema = z.object({
  financialYear: z.string(),
  service: z.string(),
  serviceName: z.string(),
  provider: z.string(),
  providerName: z.string(),
  residentIcb: z.string(),
  residentIcbName: z.string(),
  baselineActivity: z.number(),
  activity: z.number(),
  baselineSpend: money,
  spend: money,
});
export type WhatIfFlowRow = z.infer<typeof whatIfFlowRowSchema>;

export const whatIfProviderRowSchema = z.object({
  financialYear: z.string(),
  service: z.string(),
  serviceName: z.string(),
  provider: z.string(),
  providerName: z.string(),
  baselinePatients: z.number(),
  patients: z.number(),
  minimumAnnualVolume: z.number(),
  baselineOccasional: z.boolean(),
  occasional: z.boolean(),
  /** Poisson coefficient of variation of the provider's annual patients, 1/√patients; null with none. */
  baselineCaseloadCv: z.number().nullable(),
  caseloadCv: z.number().nullable(),
  baselineSpend: money,
  spend: money,
});
export type WhatIfProviderRow = z.infer<typeof whatIfProviderRowSchema>;

export const whatIfIcbRowSchema = z.object({
  financialYear: z.string(),
  service: z.string(),
  serviceName: z.string(),
  icb: z.string(),
  icbName: z.string(),
  baselineProviderBasisSpend: money,
  providerBasisSpend: money,
  baselinePopulationBasisSpend: money,
  populationBasisSpend: money,
  baselineOutOfAreaShare: z.number().nullable(),
  outOfAreaShare: z.number().nullable(),
  baselineOccasionalPracticeShare: z.number(),
  occasionalPracticeShare: z.number(),
  /** Activity-weighted mean km from the ICB's centre to where its residents are treated; null unknown. */
  baselineMeanDistanceKm: z.number().nullable(),
  meanDistanceKm: z.number().nullable(),
});
export type WhatIfIcbRow = z.infer<typeof whatIfIcbRowSchema>;

export const whatIfYearSchema = z.object({
  financialYear: z.string(),
  baselineSpend: money,
  spend: money,
  difference: money,
});
export type WhatIfYearTotal = z.infer<typeof whatIfYearSchema>;

export const whatIfAnswerSchema = z.object({
  scenario: z.string(),
  baseYear: z.string(),
  dataset: z.string(),
  /** The changes as the scenario lists them, each in words. */
  changes: z.array(z.object({ type: z.string(), service: z.string(), serviceName: z.string(), summary: z.string() })),
  years: z.array(whatIfYearSchema),
  /** Flows of the changed services whose activity or spend differs from the baseline. */
  rows: z.array(whatIfFlowRowSchema),
  providers: z.array(whatIfProviderRowSchema),
  icbs: z.array(whatIfIcbRowSchema),
});
export type WhatIfAnswer = z.infer<typeof whatIfAnswerSchema>;

export const WHAT_IF_FLOW_COLUMNS: TableColumn[] = [
  { key: 'financialYear', header: 'Financial year', kind: 'text' },
  { key: 'serviceName', header: 'Service', kind: 'text' },
  { key: 'service', header: 'Service code', kind: 'text' },
  { key: 'providerName', header: 'Provider', kind: 'text' },
  { key: 'provider', header: 'Provider code', kind: 'text' },
  { key: 'residentIcbName', header: 'Resident ICB', kind: 'text' },
  { key: 'residentIcb', header: 'Resident ICB code', kind: 'text' },
  { key: 'baselineActivity', header: 'Activity (baseline)', kind: 'number' },
  { key: 'activity', header: 'Activity (what-if)', kind: 'number' },
  { key: 'baselineSpend', header: 'Spend (baseline) £', kind: 'money' },
  { key: 'spend', header: 'Spend (what-if) £', kind: 'money' },
];

export const WHAT_IF_PROVIDER_COLUMNS: TableColumn[] = [
  { key: 'financialYear', header: 'Financial year', kind: 'text' },
  { key: 'serviceName', header: 'Service', kind: 'text' },
  { key: 'providerName', header: 'Provider', kind: 'text' },
  { key: 'provider', header: 'Provider code', kind: 'text' },
  { key: 'baselinePatients', header: 'Patients (baseline)', kind: 'number' },
  { key: 'patients', header: 'Patients (what-if)', kind: 'number' },
  { key: 'minimumAnnualVolume', header: 'Minimum annual volume', kind: 'number' },
  { key: 'baselineOccasional', header: 'Occasional (baseline)', kind: 'text' },
  { key: 'occasional', header: 'Occasional (what-if)', kind: 'text' },
  { key: 'baselineCaseloadCv', header: 'Caseload CV (baseline)', kind: 'share' },
  { key: 'caseloadCv', header: 'Caseload CV (what-if)', kind: 'share' },
  { key: 'baselineSpend', header: 'Income (baseline) £', kind: 'money' },
  { key: 'spend', header: 'Income (what-if) £', kind: 'money' },
];

export const WHAT_IF_ICB_COLUMNS: TableColumn[] = [
  { key: 'financialYear', header: 'Financial year', kind: 'text' },
  { key: 'serviceName', header: 'Service', kind: 'text' },
  { key: 'icbName', header: 'ICB', kind: 'text' },
  { key: 'icb', header: 'ICB code', kind: 'text' },
  { key: 'baselineProviderBasisSpend', header: 'Provider basis (baseline) £', kind: 'money' },
  { key: 'providerBasisSpend', header: 'Provider basis (what-if) £', kind: 'money' },
  { key: 'baselinePopulationBasisSpend', header: 'Population basis (baseline) £', kind: 'money' },
  { key: 'populationBasisSpend', header: 'Population basis (what-if) £', kind: 'money' },
  { key: 'baselineOutOfAreaShare', header: 'Out-of-area share (baseline)', kind: 'share' },
  { key: 'outOfAreaShare', header: 'Out-of-area share (what-if)', kind: 'share' },
  { key: 'baselineOccasionalPracticeShare', header: 'Occasional-practice share (baseline)', kind: 'share' },
  { key: 'occasionalPracticeShare', header: 'Occasional-practice share (what-if)', kind: 'share' },
  { key: 'baselineMeanDistanceKm', header: 'Mean travel km (baseline)', kind: 'number' },
  { key: 'meanDistanceKm', header: 'Mean travel km (what-if)', kind: 'number' },
];
