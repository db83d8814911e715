// One KPI as the quality pages, the API and the exports give it: its definition with the service,
// provider and ICB it is about named (codes beside), its latest value, SPC icons and escalation status.
import { z } from 'zod';

const n = z.number().nullable();

export const kpiSummaryRow = z.object({
  kpiId: z.string(),
  name: z.string(),
  serviceCode: z.string(),
  serviceName: z.string().describe('The service as the catalogue names it (the code when it is not in the catalogue).'),
  providerCode: z.string().nullable(),
  providerName: z.string().nullable(),
  icbCode: z.string().nullable(),
  icbName: z.string().nullable(),
  unit: z.string(),
  direction: z.string(),
  target: n,
  escalationRule: z.string(),
  source: z.string(),
  points: z.number(),
  lastPeriod: z.string().nullable(),
  lastValue: n,
  variationType: z.string().nullable().describe('Making Data Count variation icon of the latest point.'),
  assuranceType: z.string().nullable().describe('Making Data Count assurance icon against the target.'),
  status: z.string().describe('Escalation status from definitions/kpi-escalation.json, e.g. escalate-to-cqrm.'),
  reasons: z.string(),
});

export type KpiSummaryRow = z.infer<typeof kpiSummaryRow>;
