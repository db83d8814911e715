// Header names that real extracts use for the fields of the activity schema (docs/data-format.md).
// Headers are compared after normalising: lower case, everything but letters and digits removed, so
// `Provider_Code`, `provider code` and `PROVIDER-CODE` are the same header.

import type { ActivityColumn } from './activity-record.ts';

/** Lower case, letters and digits only: `Organisation_Code (Code of Provider)` → `organisationcodecodeofprovider`. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export interface FieldAliases {
  /** Headers that name the field outright. Two of them in one file is a duplicate column. */
  primary: readonly string[];
  /** Headers used only when no primary header is present, because they usually mean something close
   * but not the same (a commissioner code is the patient's sub-ICB for ICB-commissioned activity, but a
   * specialised commissioning hub for NHS England-commissioned activity). */
  fallback: readonly string[];
}

/** Aliases per field, as written in the extracts they come from; normalised before comparison. */
export const HEADER_ALIASES: Record<ActivityColumn, FieldAliases> = {
  financial_year: {
    primary: ['financial_year', 'Fin_Year', 'Der_Financial_Year', 'Financial_Year_Code', 'FYear'],
    fallback: [],
  },
  // Fin_Month is deliberately absent: in SLAM and contract-monitoring extracts it counts from April (1 =
  // April), while `month` is the calendar month.
  month: { primary: ['month', 'Calendar_Month', 'Activity_Month', 'Der_Activity_Month'], fallback: [] },
  provider_code: {
    primary: [
      'provider_code',
      'Provider',
      'Organisation_Code (Code of Provider)',
      'Organisation_Identifier (Code of Provider)',
      'Der_Provider_Code',
      'Provider_Org_Code',
      'Provider_ODS_Code',
    ],
    fallback: [],
  },
  residence_code: {
    primary: [
      'residence_code',
      'Der_Sub_ICB_Code',
      'Der_Postcode_Sub_ICB_Code',
      'Sub_ICB_Code',
      'Sub_ICB_Location_Code',
      'Der_CCG_Code',
      'Der_Postcode_CCG_Code',
      'CCG_Code',
      'ICB_of_Residence',
      'Residence_ICB_Code',
    ],
    fallback: ['Commissioner_Code', 'Organisation_Code (Code of Commissioner)', 'Commissioner_Org_Code'],
  },
  service_code: {
    primary: ['service_code', 'Service_Line', 'Service_Line_Code', 'NCBPS', 'NCBPS_Code', 'Der_Service_Line'],
    fallback: [],
  },
  pod: { primary: ['pod', 'POD_Code', 'Point_of_Delivery', 'Der_POD'], fallback: [] },
  age_band: { primary: ['age_band', 'Age_Group', 'Der_Age_Band'], fallback: [] },
  sex: { primary: ['sex', 'Gender', 'Sex_Code', 'Person_Stated_Gender_Code'], fallback: [] },
  activity: { primary: ['activity', 'Activity_Actual', 'Actual_Activity', 'Activity_Count'], fallback: [] },
  cost: { primary: ['cost', 'Price_Actual', 'Actual_Price', 'Actual_Cost', 'Cost_Actual', 'Spend'], fallback: [] },
  patients: { primary: ['patients', 'Patient_Count', 'Number_of_Patients', 'Unique_Patients'], fallback: [] },
  gp_practice_code: {
    primary: [
      'gp_practice_code',
      'GP_Practice',
      'Practice_Code',
      'Der_GP_Practice_Code',
      'GP_Practice_Code (Patient Registration)',
      'Registered_GP_Practice_Code',
      'GMP_Code',
    ],
    fallback: [],
  },
};
