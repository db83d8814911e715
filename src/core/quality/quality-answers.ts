// The quality answers (GET /api/quality/...): KPI rows with their SPC points, the escalation rules they
// were judged by, and derogations.
import { z } from 'zod';
import { DEROGATION_STATUSES } from './derogation.ts';
import { kpiSummaryRow } from './kpi-summary.ts';

export const rulesInfo = z.object({
  version: z.string(),
  owner: z.string(),
  reviewed: z.string(),
  nextReview: z.string(),
});
export type RulesInfo = z.infer<typeof rulesInfo>;

export const kpisAnswer = z.object({ rows: z.array(kpiSummaryRow), rules: rulesInfo, derivation: z.string() });
export type KpisAnswer = z.infer<typeof kpisAnswer>;

export const xmrPoint = z.object({
  period: z.string(),
  value: z.number(),
  mean: z.number(),
  lpl: z.number(),
  upl: z.number(),
  specialCauseType: z.string(),
  pointType: z.string(),
});
export type XmrPoint = z.infer<typeof xmrPoint>;

export const kpiAnswer = z.object({
  kpi: kpiSummaryRow,
  points: z.array(xmrPoint),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  rules: rulesInfo,
  derivation: z.string(),
});
export type KpiAnswer = z.infer<typeof kpiAnswer>;

export const derogationRow = z.object({
  id: z.number(),
  providerCode: z.string(),
  providerName: z.string(),
  providerIcb: z.string().nullable(),
  serviceCode: z.string(),
  serviceName: z.string(),
  clause: z.string(),
  agreedDate: z.string(),
  status: z.enum(DEROGATION_STATUSES),
  overdue: z.boolean(),
  notes: z.string().nullable(),
  ownerOrganisation: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Derogation = z.infer<typeof derogationRow>;

export const derogationsAnswer = z.object({ rows: z.array(derogationRow), asOf: z.string() });
export type DerogationsAnswer = z.infer<typeof derogationsAnswer>;
