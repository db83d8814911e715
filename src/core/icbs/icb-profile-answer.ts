// One ICB's profile (GET /api/icbs/:code): who commissions its services, its population, where its
// residents' money goes and the providers it hosts, with the export's column lists.
import { z } from 'zod';
import { icbDelegationSummary } from '../delegation/delegation-status.ts';
import type { TableColumn } from '../export-columns.ts';
import { provenance } from '../provenance.ts';

export const pyramidBand = z.object({ ageBand: z.string(), male: z.number(), female: z.number() });
export type PyramidBand = z.infer<typeof pyramidBand>;

export const icbProvider = z.object({
  provider: z.string(),
  name: z.string(),
  providerIcb: z.string(),
  providerIcbName: z.string(),
  inside: z.boolean(),
  spend: z.number(),
  activity: z.number(),
});
export type IcbProvider = z.infer<typeof icbProvider>;

export const hostedProvider = z.object({
  provider: z.string(),
  name: z.string(),
  income: z.number(),
  incomeFromOutsideShare: z.number().nullable(),
  topOrigins: z.array(z.object({ icb: z.string(), name: z.string(), spend: z.number() })),
});
export type HostedProvider = z.infer<typeof hostedProvider>;

/** The profile the data layer reads; the answer adds delegation and provenance. */
export const icbProfileShape = z.object({
  icb: z.object({ code: z.string(), name: z.string(), region: z.object({ code: z.string(), name: z.string() }) }),
  population: z.object({ total: z.number(), pyramid: z.array(pyramidBand) }),
  spendByProgramme: z.array(z.object({ programme: z.string(), spend: z.number() })),
  spendByService: z.array(
    z.object({
      service: z.string(),
      name: z.string(),
      programme: z.string().nullable(),
      spend: z.number(),
      perHead: z.number().nullable(),
    }),
  ),
  topProviders: z.array(icbProvider),
  insideShare: z.number().nullable(),
  hostedProviders: z.array(hostedProvider),
});
export type IcbProfileShape = z.infer<typeof icbProfileShape>;

export const icbProfileAnswer = icbProfileShape.extend({
  /** Who commissions the ICB's specialised services in the year shown, with its spend on each. */
  delegation: icbDelegationSummary,
  provenance,
});
export type IcbProfile = z.infer<typeof icbProfileAnswer>;

// The export's tables: one workbook sheet each, or one as CSV (?table=).
export const ICB_SERVICE_COLUMNS: TableColumn[] = [
  { key: 'service', header: 'Service code', kind: 'text' },
  { key: 'name', header: 'Service', kind: 'text' },
  { key: 'programme', header: 'Programme of care', kind: 'text' },
  { key: 'spend', header: 'Population-basis spend (£)', kind: 'money' },
  { key: 'perHead', header: 'Per head (£)', kind: 'money' },
];

export const ICB_PROGRAMME_COLUMNS: TableColumn[] = [
  { key: 'programme', header: 'Programme of care', kind: 'text' },
  { key: 'spend', header: 'Population-basis spend (£)', kind: 'money' },
];

export const ICB_PROVIDER_COLUMNS: TableColumn[] = [
  { key: 'provider', header: 'Provider code', kind: 'text' },
  { key: 'name', header: 'Provider', kind: 'text' },
  { key: 'providerIcb', header: 'Provider ICB code', kind: 'text' },
  { key: 'providerIcbName', header: 'Provider ICB', kind: 'text' },
  { key: 'inside', header: 'Inside the ICB', kind: 'text' },
  { key: 'spend', header: 'Spend (£)', kind: 'money' },
  { key: 'activity', header: 'Activity', kind: 'number' },
];

export const ICB_HOSTED_COLUMNS: TableColumn[] = [
  { key: 'provider', header: 'Provider code', kind: 'text' },
  { key: 'name', header: 'Provider', kind: 'text' },
  { key: 'income', header: 'Income (£)', kind: 'money' },
  { key: 'incomeFromOutsideShare', header: 'Share from outside the ICB', kind: 'share' },
  { key: 'topOrigins', header: 'Largest resident ICBs', kind: 'text' },
];

export const ICB_POPULATION_COLUMNS: TableColumn[] = [
  { key: 'ageBand', header: 'Age band', kind: 'text' },
  { key: 'male', header: 'Male', kind: 'number' },
  { key: 'female', header: 'Female', kind: 'number' },
];
