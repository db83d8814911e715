// The services catalogue (GET /api/services) and one service's profile (GET /api/services/:code): each
// service's national figures for a year, where its money goes, and the export's column list.
import { z } from 'zod';
import {
  delegatedServicesCount,
  icbDelegationStatuses,
  serviceDelegationTimeline,
} from '../delegation/delegation-status.ts';
import type { TableColumn } from '../export-columns.ts';
import { provenance } from '../provenance.ts';

export const serviceRow = z.object({
  code: z.string(),
  name: z.string(),
  programme: z.string().nullable(),
  highlySpecialised: z.boolean().nullable(),
  delegated2023: z.boolean().nullable().describe('Delegated to ICBs in 2023/24 (null: not known).'),
  delegated2025: z.boolean().nullable().describe('Delegated to ICBs in 2025/26 (null: not known).'),
  nationalSpend: z.number(),
  patients: z.number().nullable(),
  activity: z.number(),
  providers: z.number(),
});
export type ServiceRow = z.infer<typeof serviceRow>;

export const SERVICE_COLUMNS: TableColumn[] = [
  { key: 'code', header: 'Service code', kind: 'text' },
  { key: 'name', header: 'Service', kind: 'text' },
  { key: 'programme', header: 'Programme of care', kind: 'text' },
  { key: 'highlySpecialised', header: 'Highly specialised', kind: 'text' },
  { key: 'delegated2023', header: 'Delegated 2023/24', kind: 'text' },
  { key: 'delegated2025', header: 'Delegated 2025/26', kind: 'text' },
  { key: 'nationalSpend', header: 'National spend (£)', kind: 'money' },
  { key: 'patients', header: 'Patients', kind: 'number' },
  { key: 'activity', header: 'Activity', kind: 'number' },
  { key: 'providers', header: 'Providers', kind: 'number' },
];

export const catalogueAnswer = z.object({
  rows: z.array(serviceRow),
  catalogueNote: z.string().nullable(),
  /** With ?icb=: each service's arrangement for that ICB in the year shown. */
  delegation: icbDelegationStatuses.nullable(),
  /** The one count of delegated services (2025/26 on) every page quotes. */
  delegatedCount: delegatedServicesCount,
  provenance,
});
export type ServiceCatalogue = z.infer<typeof catalogueAnswer>;

export const serviceByIcbRow = z.object({
  icb: z.string(),
  name: z.string(),
  spend: z.number(),
  population: z.number(),
  perHead: z.number().nullable(),
});
export type ServiceByIcbRow = z.infer<typeof serviceByIcbRow>;

export const serviceProviderRow = z.object({
  provider: z.string(),
  name: z.string(),
  providerIcb: z.string(),
  providerIcbName: z.string(),
  spend: z.number(),
  activity: z.number(),
});
export type ServiceProviderRow = z.infer<typeof serviceProviderRow>;

export const serviceAnswer = z.object({
  service: serviceRow,
  /** With ?icb=: who commissioned the service for that ICB in 2023/24, 2024/25 and 2025/26 on. */
  delegation: serviceDelegationTimeline.nullable(),
  byIcb: z.array(serviceByIcbRow),
  providers: z.array(serviceProviderRow),
  provenance,
});
export type ServiceProfile = z.infer<typeof serviceAnswer>;

// The service page's export tables: one workbook sheet each, or one as CSV (?table=).
export const SERVICE_BY_ICB_COLUMNS: TableColumn[] = [
  { key: 'icb', header: 'ICB code', kind: 'text' },
  { key: 'name', header: 'ICB', kind: 'text' },
  { key: 'spend', header: 'Population-basis spend (£)', kind: 'money' },
  { key: 'population', header: 'Population', kind: 'number' },
  { key: 'perHead', header: 'Per head (£)', kind: 'money' },
];

export const SERVICE_PROVIDER_COLUMNS: TableColumn[] = [
  { key: 'provider', header: 'Provider code', kind: 'text' },
  { key: 'name', header: 'Provider', kind: 'text' },
  { key: 'providerIcb', header: 'Provider ICB code', kind: 'text' },
  { key: 'providerIcbName', header: 'Provider ICB', kind: 'text' },
  { key: 'spend', header: 'Spend (£)', kind: 'money' },
  { key: 'activity', header: 'Activity', kind: 'number' },
];
