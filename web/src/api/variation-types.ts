// Response shapes of the atlas of variation and quality routes (src/server/routes/variation.ts, quality.ts).

import type { Provenance } from '../../../src/core/provenance.ts';
import type { KpiSummaryRow } from '../../../src/core/quality/kpi-summary.ts';
import type {
  AtlasRateRow as AtlasRate,
  AtlasVariationRow as AtlasSpread,
  FunnelLimitRow as FunnelLimitPoint,
} from '../../../src/core/variation/atlas-rows.ts';

export type { AtlasRate, AtlasSpread, FunnelLimitPoint };

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

/** One KPI row: the shape lives in core, shared with the API and the exports. */
export type KpiRow = KpiSummaryRow;

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
