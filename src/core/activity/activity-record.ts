// The one documented activity schema (docs/data-format.md): the fields every import maps onto.

import type { AgeBand } from '../population/age-bands.ts';
import type { FinancialYear, ProviderCode, ServiceCode } from '../units.ts';

/** Points of delivery, in the order reports list them. */
export const POINTS_OF_DELIVERY = [
  'APC_EL',
  'APC_DC',
  'APC_NEL',
  'OP_FIRST',
  'OP_FU',
  'OP_PROC',
  'CRITICAL_CARE',
  'HCD',
  'DEVICE',
  'OTHER',
] as const;
export type PointOfDelivery = (typeof POINTS_OF_DELIVERY)[number];

export const POINT_OF_DELIVERY_NAMES: Record<PointOfDelivery, string> = {
  APC_EL: 'Elective inpatient',
  APC_DC: 'Day case',
  APC_NEL: 'Non-elective inpatient',
  OP_FIRST: 'Outpatient first attendance',
  OP_FU: 'Outpatient follow-up',
  OP_PROC: 'Outpatient procedure',
  CRITICAL_CARE: 'Critical care (bed days)',
  HCD: 'High-cost drugs',
  DEVICE: 'High-cost devices',
  OTHER: 'Other',
};

export const SEXES = ['M', 'F', 'U'] as const;
export type Sex = (typeof SEXES)[number];

/** One row of activity in the import schema. */
export interface ActivityRecord {
  financialYear: FinancialYear;
  month: number | null;
  providerCode: ProviderCode;
  /** Patient's registered sub-ICB location or ICB, either vintage; null when not known. */
  residenceCode: string | null;
  serviceCode: ServiceCode;
  pod: PointOfDelivery;
  ageBand: AgeBand | null;
  sex: Sex | null;
  activity: number;
  /** Pounds; negative allowed for adjustments. */
  cost: number;
  patients: number | null;
  /** The patient's registered GP practice (ODS code), when the file gives it. */
  gpPracticeCode?: string | null;
}

/** Column names of activity recorded at residence level, in file order (what the synthetic generator writes). */
export const BASE_ACTIVITY_COLUMNS = [
  'financial_year',
  'month',
  'provider_code',
  'residence_code',
  'service_code',
  'pod',
  'age_band',
  'sex',
  'activity',
  'cost',
  'patients',
] as const;

/** Column names of the import schema, in file order: the base columns and the optional GP practice code,
 * through which activity rolls up to neighbourhoods and places. */
export const ACTIVITY_COLUMNS = [...BASE_ACTIVITY_COLUMNS, 'gp_practice_code'] as const;
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];

export const REQUIRED_ACTIVITY_COLUMNS: readonly ActivityColumn[] = [
  'financial_year',
  'provider_code',
  'service_code',
  'pod',
  'activity',
  'cost',
];
