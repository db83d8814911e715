// Commissioning intentions and contracts as the API gives them (GET /api/assurance/intentions, /contracts):
// each intention, each contract with its lines, and each system's position against its control total, with
// their export column lists.
import { z } from 'zod';
import type { TableColumn } from '../export-columns.ts';

export const CONTRACT_TYPES = ['single-provider', 'alliance', 'lead-provider'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const intention = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  owner: z.string(),
  ownerName: z.string(),
  services: z.array(z.string()),
  providers: z.array(z.string()),
  measure: z.string(),
  financialYear: z.string(),
  measuredBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Intention = z.infer<typeof intention>;

/** The intentions export: services and providers as space-separated codes. */
export const INTENTION_COLUMNS: TableColumn[] = [
  { key: 'financialYear', header: 'Year', kind: 'text' },
  { key: 'title', header: 'Intention', kind: 'text' },
  { key: 'owner', header: 'Owner', kind: 'text' },
  { key: 'ownerName', header: 'Lead', kind: 'text' },
  { key: 'measure', header: 'Measurable change', kind: 'text' },
  { key: 'measuredBy', header: 'Measured by', kind: 'text' },
  { key: 'services', header: 'Services', kind: 'text' },
  { key: 'providers', header: 'Providers', kind: 'text' },
];

export const contract = z.object({
  id: z.string(),
  providerCode: z.string(),
  providerName: z.string(),
  financialYear: z.string(),
  type: z.enum(CONTRACT_TYPES),
  partners: z.array(z.string()),
  leadCommissioner: z.string(),
  commissioners: z.array(z.string()),
  systemName: z.string().nullable(),
  services: z.array(z.object({ serviceCode: z.string(), serviceName: z.string(), value: z.number() })),
  activityPlan: z.array(z.object({ serviceCode: z.string(), pod: z.string(), activity: z.number() })),
  qualitySchedule: z.array(
    z.object({
      kpi: z.string(),
      target: z.string(),
      escalation: z.string(),
      status: z.enum(['met', 'not-met']).nullable(),
    }),
  ),
  totalValue: z.number(),
  fragmentedServices: z.array(z.string()),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Contract = z.infer<typeof contract>;

/** The contract register export: commissioners and fragmented services as space-separated codes. */
export const CONTRACT_COLUMNS: TableColumn[] = [
  { key: 'financialYear', header: 'Year', kind: 'text' },
  { key: 'providerCode', header: 'Provider code', kind: 'text' },
  { key: 'providerName', header: 'Provider', kind: 'text' },
  { key: 'type', header: 'Type', kind: 'text' },
  { key: 'leadCommissioner', header: 'Lead commissioner', kind: 'text' },
  { key: 'commissioners', header: 'Commissioners', kind: 'text' },
  { key: 'systemName', header: 'System', kind: 'text' },
  { key: 'totalValue', header: 'Value (£)', kind: 'money' },
  { key: 'fragmentedServices', header: 'Services also under another contract', kind: 'text' },
];

export const controlTotalPosition = z.object({
  systemName: z.string(),
  financialYear: z.string(),
  controlTotal: z.number().nullable(),
  contracted: z.number(),
  headroom: z.number().nullable(),
});
export type ControlTotalPosition = z.infer<typeof controlTotalPosition>;

export const CONTROL_TOTAL_COLUMNS: TableColumn[] = [
  { key: 'systemName', header: 'System', kind: 'text' },
  { key: 'financialYear', header: 'Year', kind: 'text' },
  { key: 'controlTotal', header: 'Control total (£)', kind: 'money' },
  { key: 'contracted', header: 'Contracted (£)', kind: 'money' },
  { key: 'headroom', header: 'Headroom (£)', kind: 'money' },
];
