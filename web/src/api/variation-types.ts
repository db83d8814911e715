// Response shapes of the atlas of variation and quality routes (src/server/routes/variation.ts, quality.ts).
import type { Provenance } from './types.ts';

export interface AtlasRate {
  financialYear: string;
  serviceCode: string;
  serviceName: string;
  icbCode: string;
  icbName: string;
  measure: string;
  events: number;
  standardisedEvents: number;
  population: number;
  crudeRate: number | null;
  crudeLower95: number | null;
  crudeUpper95: number | null;
  crudeLower998: number | null;
  crudeUpper998: number | null;
  crudeMethod: string | null;
  standardisedRate: number | null;
  standardisedLower95: number | null;
  standardisedUpper95: number | null;
  standardisedLower998: number | null;
  standardisedUpper998: number | null;
  standardisedMethod: string | null;
  standardisedNote: string | null;
  significance: string | null;
  significanceOverdispersed: string | null;
  funnelPopulation: number | null;
  previousStandardisedRate: number | null;
  changeSincePrevious: number | null;
  peerMeanRate: number | null;
  peerRank: number | null;
}

export interface AtlasSpread {
  financialYear: string;
  serviceCode: string;
  serviceName: string;
  measure: string;
  icbs: number;
  englandEvents: number;
  englandPopulation: number;
  englandCrudeRate: number | null;
  funnelBaseline: number | null;
  meanRate: number | null;
  sdRate: number | null;
  cv: number | null;
  q1Rate: number | null;
  medianRate: number | null;
  q3Rate: number | null;
  iqr: number | null;
  previousCv: number | null;
  cvChange: number | null;
  narrowing: boolean | null;
  high998: number;
  high95: number;
  low95: number;
  low998: number;
  tau2: number | null;
}

export interface FunnelLimitPoint {
  point: number;
  events: number;
  lower95Population: number | null;
  lower95Rate: number | null;
  upper95Population: number | null;
  upper95Rate: number | null;
  lower998Population: number | null;
  lower998Rate: number | null;
  upper998Population: number | null;
  upper998Rate: number | null;
}

export interface AtlasAnswer {
  year: string;
  service: { code: string; name: string };
  measure: string;
  measureLabel: string;
  choices: { years: string[]; services: { code: string; name: string }[]; measures: { code: string; label: string }[] };
  rates: AtlasRate[];
  funnel: FunnelLimitPoint[];
  overTime: AtlasSpread[];
  provenance: Provenance;
}

export interface SpreadAnswer {
  year: string;
  measure: string;
  rows: AtlasSpread[];
  provenance: Provenance;
}

export interface IcbOutliersAnswer {
  icb: { code: string; name: string };
  year: string;
  outliers: AtlasRate[];
  peers: { peerIcb: string; peerName: string; nearness: number; needIndex: number; peerNeedIndex: number }[];
  provenance: Provenance;
}

export interface KpiRow {
  kpiId: string;
  name: string;
  serviceCode: string;
  providerCode: string | null;
  icbCode: string | null;
  unit: string;
  direction: string;
  target: number | null;
  escalationRule: string;
  source: string;
  points: number;
  lastPeriod: string | null;
  lastValue: number | null;
  variationType: string | null;
  assuranceType: string | null;
  status: string;
  reasons: string;
}

export interface RulesInfo {
  version: string;
  owner: string;
  reviewed: string;
  nextReview: string;
}

export interface KpisAnswer {
  rows: KpiRow[];
  rules: RulesInfo;
  derivation: string;
}

export interface XmrPoint {
  period: string;
  value: number;
  mean: number;
  lpl: number;
  upl: number;
  specialCauseType: string;
  pointType: string;
}

export interface KpiAnswer {
  kpi: KpiRow;
  points: XmrPoint[];
  warnings: { code: string; message: string }[];
  rules: RulesInfo;
  derivation: string;
}

export interface Derogation {
  id: number;
  providerCode: string;
  providerName: string;
  providerIcb: string | null;
  serviceCode: string;
  serviceName: string;
  clause: string;
  agreedDate: string;
  status: 'open' | 'compliant' | 'withdrawn';
  overdue: boolean;
  notes: string | null;
  ownerOrganisation: string;
  createdBy: string;
  createdAt: string;
}

export interface DerogationsAnswer {
  rows: Derogation[];
  asOf: string;
}
