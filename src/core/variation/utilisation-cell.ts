// What the atlas of variation is built from: activity, patients and spend summed by year × the patients'
// ICB × service × age band × sex (one engine aggregation), and each ICB's registered population by age
// band and sex.
import type { AgeBand } from '../population/age-bands.ts';
import type { FinancialYear, IcbCode, ServiceCode } from '../units.ts';

export interface UtilisationCell {
  financialYear: FinancialYear;
  /** The patients' ICB; null when the residence code is blank or not known (no population to divide by). */
  icbCode: IcbCode | null;
  serviceCode: ServiceCode;
  /** null when the activity has no age band. */
  ageBand: string | null;
  /** null when the sex is 'U' (not known) or blank. */
  sex: 'M' | 'F' | null;
  activity: number;
  /** Patients as the extract counts them; null when no row of the cell gives patients. */
  patients: number | null;
  /** Spend in whole pence (negative adjustments included). */
  spendPence: number;
  /** Activity rows summed into the cell. */
  rows: number;
}

/** Registered patients of one ICB in one age band and sex. */
export interface PopulationBand {
  icbCode: IcbCode;
  ageBand: AgeBand;
  sex: 'M' | 'F';
  persons: number;
}

/** What each atlas rate counts: activity or patients per 100,000, or spend in pounds per head. */
export const ATLAS_MEASURES = ['activity', 'patients', 'spend'] as const;
export type AtlasMeasure = (typeof ATLAS_MEASURES)[number];

/** The measures that are counts of events, with confidence limits and a funnel plot. */
export const COUNT_MEASURES: readonly AtlasMeasure[] = ['activity', 'patients'];

/** Counts are rates per this many registered patients; spend is per head. */
export const ATLAS_MULTIPLIER = 100000;

export const MEASURE_LABELS: Record<AtlasMeasure, string> = {
  activity: 'Activity per 100,000 registered patients',
  patients: 'Patients per 100,000 registered patients',
  spend: 'Spend per registered patient (£)',
};
