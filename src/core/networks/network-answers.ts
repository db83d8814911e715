// Clinical networks and cross-boundary coordination (GET /api/networks, /api/triangulation, /api/wiring): the
// networks register, a network's flows, the triangulation of a footprint and its wiring diagram.
import { z } from 'zod';
import type { TableColumn } from '../export-columns.ts';
import { provenance } from '../provenance.ts';
import { TRIANGULATION_CLASSES } from '../triangulation/triangulate.ts';
import { COMMISSIONING_MODELS, WIRING_LEVELS } from '../wiring/wiring-levels.ts';

export const network = z.object({
  name: z.string(),
  type: z.string(),
  typeName: z.string(),
  category: z.string(),
  host: z.string().nullable(),
  description: z.string().nullable(),
  shipped: z.boolean(),
  source: z.string(),
  owner: z.string().nullable(),
  icbs: z.array(z.string()),
  services: z.array(z.string()),
  providers: z.array(z.string()),
});
export type ClinicalNetwork = z.infer<typeof network>;

export const registerAnswer = z.object({
  types: z.array(z.object({ code: z.string(), name: z.string(), category: z.string() })),
  rows: z.array(network),
});
export type NetworksAnswer = z.infer<typeof registerAnswer>;

export const networkFlow = z.object({
  providerCode: z.string(),
  providerName: z.string(),
  providerIcb: z.string(),
  providerIcbName: z.string(),
  residentIcb: z.string(),
  residentIcbName: z.string(),
  activity: z.number(),
  spend: z.number(),
});
export type NetworkFlow = z.infer<typeof networkFlow>;

/** The network's services and member providers by name, as a person reads them. */
export const networkMembers = z.object({
  services: z.array(z.object({ code: z.string(), name: z.string() })),
  providers: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type NetworkMembers = z.infer<typeof networkMembers>;

export const networkAnswer = z.object({
  network,
  members: networkMembers,
  flows: z.array(networkFlow),
  provenance,
});
export type NetworkAnswer = z.infer<typeof networkAnswer>;

const share = z.number().nullable();
export const triangulationPartner = z.object({
  icb: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  outflowShare: z.number(),
  inflowShare: z.number(),
  acrossRegion: z.boolean(),
});
export type TriangulationPartner = z.infer<typeof triangulationPartner>;

export const triangulationRow = z.object({
  serviceCode: z.string(),
  serviceName: z.string(),
  classification: z.enum(TRIANGULATION_CLASSES),
  residentSpend: z.number(),
  insideShare: share,
  otherIcbShare: share,
  otherRegionShare: share,
  providerIncome: z.number(),
  incomeInsideShare: share,
  incomeOtherIcbShare: share,
  incomeOtherRegionShare: share,
  incomeUnknownResidenceShare: share,
  partners: z.array(triangulationPartner),
  networks: z.array(z.string()),
});
export type TriangulationRow = z.infer<typeof triangulationRow>;

export const triangulationAnswer = z.object({
  footprint: z.object({
    name: z.string(),
    kind: z.string(),
    icbs: z.array(z.object({ code: z.string(), name: z.string(), regionCode: z.string() })),
  }),
  financialYear: z.string().nullable(),
  threshold: z.number(),
  summary: z.array(
    z.object({ classification: z.enum(TRIANGULATION_CLASSES), services: z.number(), residentSpend: z.number() }),
  ),
  rows: z.array(triangulationRow),
  provenance,
});
export type TriangulationAnswer = z.infer<typeof triangulationAnswer>;

export const wiringAnswer = z.object({
  footprint: z.object({ name: z.string(), kind: z.string(), icbs: z.array(z.string()) }),
  financialYear: z.string().nullable(),
  services: z.array(
    z.object({
      serviceCode: z.string(),
      serviceName: z.string(),
      model: z.enum(COMMISSIONING_MODELS),
      basis: z.enum(['recorded', 'derived']),
      rows: z.array(z.object({ level: z.enum(WIRING_LEVELS), lead: z.string(), role: z.string() })),
    }),
  ),
});
export type WiringAnswer = z.infer<typeof wiringAnswer>;

/** The clinical networks register export: ICBs, services and providers as space-separated codes. */
export const NETWORK_COLUMNS: TableColumn[] = [
  { key: 'name', header: 'Network', kind: 'text' },
  { key: 'typeName', header: 'Type', kind: 'text' },
  { key: 'host', header: 'Host', kind: 'text' },
  { key: 'icbs', header: 'Footprint ICBs', kind: 'text' },
  { key: 'services', header: 'Services', kind: 'text' },
  { key: 'providers', header: 'Member providers', kind: 'text' },
  { key: 'source', header: 'Source', kind: 'text' },
];
