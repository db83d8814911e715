// The HTTP API's response shapes as the web app reads them (money in pounds). The server's zod schemas
// are the source; these mirror the fields the pages use, except shapes defined once in src/core.

import type {
  DelegatedServicesCount,
  IcbDelegationStatuses,
  IcbDelegationSummary,
  ServiceDelegationTimeline,
} from '../../../src/core/delegation/delegation-status.ts';

/** Where a figure came from: every data response carries one, shown in "How is this calculated?". */
export interface Provenance {
  /** null before any activity has been imported and run */
  dataset: string | null;
  vintage: string;
  rule: string | null;
  financialYear: string | null;
  derivation: string;
}

export interface WithProvenance {
  provenance: Provenance;
}

export interface YearTotals {
  financialYear: string;
  providerBasisSpend: number;
  populationBasisSpend: number;
}

export interface OverviewIcb {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  population: number;
  providerBasisSpend: number;
  populationBasisSpend: number;
  difference: number;
  outOfAreaShare: number | null;
  spendPerHead: number | null;
}

export interface Overview extends WithProvenance {
  years: string[];
  /** null when no activity has been run */
  year: string | null;
  totalsByYear: YearTotals[];
  icbs: OverviewIcb[];
}

export interface PyramidBand {
  ageBand: string;
  male: number;
  female: number;
}

export interface IcbProvider {
  provider: string;
  name: string;
  providerIcb: string;
  providerIcbName: string;
  inside: boolean;
  spend: number;
  activity: number;
}

export interface HostedProvider {
  provider: string;
  name: string;
  income: number;
  incomeFromOutsideShare: number | null;
  topOrigins: { icb: string; name: string; spend: number }[];
}

export interface IcbProfile extends WithProvenance {
  delegation: IcbDelegationSummary;
  icb: { code: string; name: string; region: { code: string; name: string } };
  population: { total: number; pyramid: PyramidBand[] };
  spendByProgramme: { programme: string; spend: number }[];
  spendByService: { service: string; name: string; programme: string | null; spend: number; perHead: number | null }[];
  topProviders: IcbProvider[];
  insideShare: number | null;
  hostedProviders: HostedProvider[];
}

export interface ServiceRow {
  code: string;
  name: string;
  programme: string | null;
  highlySpecialised: boolean | null;
  delegated2023: boolean | null;
  delegated2025: boolean | null;
  nationalSpend: number;
  patients: number | null;
  activity: number;
  providers: number;
}

export interface ServiceCatalogue extends WithProvenance {
  rows: ServiceRow[];
  catalogueNote: string | null;
  delegation: IcbDelegationStatuses | null;
  delegatedCount: DelegatedServicesCount;
}

export interface ServiceProfile extends WithProvenance {
  service: ServiceRow;
  delegation: ServiceDelegationTimeline | null;
  byIcb: { icb: string; name: string; spend: number; population: number; perHead: number | null }[];
  providers: {
    provider: string;
    name: string;
    providerIcb: string;
    providerIcbName: string;
    spend: number;
    activity: number;
  }[];
}

export interface FlowRow {
  residentIcb: string;
  residentIcbName: string;
  provider: string;
  providerName: string;
  providerIcb: string;
  providerIcbName: string;
  activity: number;
  spend: number;
}

export interface Flows extends WithProvenance {
  rows: FlowRow[];
  crossBoundaryShare: number | null;
}

export interface FootprintRow {
  name: string;
  kind: string;
  description: string | null;
  members: string[];
  population: number;
  populationBasisSpend: number;
  owner: string | null;
}

export interface Footprints extends WithProvenance {
  rows: FootprintRow[];
}

export interface NewFootprint {
  name: string;
  icbs: string[];
  description?: string;
}

/** GeoJSON as the map needs it; geometry stays opaque to the app. */
export interface IcbBoundaries {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { code: string; onsCode: string; name: string }; geometry: unknown }[];
}

export interface ApiErrorBody {
  error: { code: string; message: string; where?: { route?: string; parameter?: string } };
}
