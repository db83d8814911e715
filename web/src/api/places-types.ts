// Answers of the places, networks, triangulation and wiring routes (src/server/routes/places.ts, networks.ts).
import type { SizeFlag } from '../../../src/core/places/size-flags.ts';
import type { WithProvenance } from '../../../src/core/provenance.ts';
import type { TriangulationClass } from '../../../src/core/triangulation/triangulate.ts';
import type { CommissioningModel, WiringLevel } from '../../../src/core/wiring/wiring-levels.ts';

export interface AgeSexCell {
  sex: 'M' | 'F';
  ageBand: string;
  persons: number;
}

export interface AreaSummary {
  id: string;
  name: string;
  practices: string[];
  population: number;
  sizeFlag: SizeFlag;
  ageSex: AgeSexCell[];
  activity: number | null;
  spend: number | null;
}

export interface PlaceGroupingSummary {
  name: string;
  icbCode: string;
  description: string | null;
  owner: string;
  places: number;
  createdAt: string;
  createdBy: string;
}

export interface IcbPlacesAnswer extends WithProvenance {
  icbCode: string;
  icbName: string;
  regionCode: string;
  population: number;
  systemSizeFlag: SizeFlag;
  grouping: string | null;
  places: AreaSummary[];
  neighbourhoods: AreaSummary[];
  practices: { code: string; name: string; place: string; neighbourhood: string; population: number }[];
  practiceCoded: { dataset: string; financialYear: string; activity: number; spend: number } | null;
  groupings: PlaceGroupingSummary[];
  usualSize: Record<'system' | 'place' | 'neighbourhood', { min: number; max: number }>;
}

export interface ClinicalNetwork {
  name: string;
  type: string;
  typeName: string;
  category: string;
  host: string | null;
  description: string | null;
  shipped: boolean;
  source: string;
  owner: string | null;
  icbs: string[];
  services: string[];
  providers: string[];
}

export interface NetworksAnswer {
  types: { code: string; name: string; category: string }[];
  rows: ClinicalNetwork[];
}

export interface NetworkFlow {
  providerCode: string;
  providerName: string;
  providerIcb: string;
  residentIcb: string;
  activity: number;
  spend: number;
}

export interface NetworkAnswer extends WithProvenance {
  network: ClinicalNetwork;
  flows: NetworkFlow[];
}

export interface TriangulationPartner {
  icb: string;
  name: string;
  region: string | null;
  outflowShare: number;
  inflowShare: number;
  acrossRegion: boolean;
}

export interface TriangulationRow {
  serviceCode: string;
  serviceName: string;
  classification: TriangulationClass;
  residentSpend: number;
  insideShare: number | null;
  otherIcbShare: number | null;
  otherRegionShare: number | null;
  providerIncome: number;
  incomeInsideShare: number | null;
  incomeOtherIcbShare: number | null;
  incomeOtherRegionShare: number | null;
  incomeUnknownResidenceShare: number | null;
  partners: TriangulationPartner[];
  networks: string[];
}

export interface TriangulationAnswer extends WithProvenance {
  footprint: { name: string; kind: string; icbs: { code: string; name: string; regionCode: string }[] };
  financialYear: string | null;
  threshold: number;
  summary: { classification: TriangulationClass; services: number; residentSpend: number }[];
  rows: TriangulationRow[];
}

export interface WiringAnswer {
  footprint: { name: string; kind: string; icbs: string[] };
  financialYear: string | null;
  services: {
    serviceCode: string;
    serviceName: string;
    model: CommissioningModel;
    basis: 'recorded' | 'derived';
    rows: { level: WiringLevel; lead: string; role: string }[];
  }[];
}
