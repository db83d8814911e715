// Populations for years the shipped data has no figures for. The shipped reference data has one
// population: GP-registered patients in August 2026. Until real projections are imported
// (`footprint projections import`, which replaces these), every ICB's population for mid-2019 to
// mid-2040 is estimated from it by ageing each age band back and forward at an assumed national
// annual rate. This is Footprint's own estimate, labelled as such wherever it is shown — not ONS
// figures. Rates are orders of magnitude of ONS's national population projections for England
// (births falling, so the youngest bands shrink; the 80s and over growing 2–3% a year as the post-war
// cohorts age); they are assumptions, the same for every ICB.
import { AGE_BANDS, type AgeBand } from './age-bands.ts';

/** Assumed annual growth of each ESP 2013 age band (a proportion: 0.01 = 1% a year). */
export const ESTIMATE_ANNUAL_GROWTH: Readonly<Record<AgeBand, number>> = {
  '0-4': -0.008,
  '5-9': -0.01,
  '10-14': -0.005,
  '15-19': 0.005,
  '20-24': 0.006,
  '25-29': 0,
  '30-34': -0.002,
  '35-39': 0.005,
  '40-44': 0.008,
  '45-49': 0.003,
  '50-54': -0.005,
  '55-59': -0.002,
  '60-64': 0.008,
  '65-69': 0.015,
  '70-74': 0.01,
  '75-79': 0.015,
  '80-84': 0.03,
  '85-89': 0.025,
  '90+': 0.03,
};

/** The mid-year the August 2026 registered population stands for. */
export const ESTIMATE_BASE_YEAR = 2026;
export const ESTIMATE_FIRST_YEAR = 2019;
export const ESTIMATE_LAST_YEAR = 2040;
/** How the estimate is labelled where a person reads where projections came from. */
export const ESTIMATE_LABEL =
  'Footprint estimate, not ONS: GP-registered population (August 2026) aged back and forward at assumed national rates per age band (docs/generator.md)';

/** For each age band and mid-year from the first to the last, the factor on the base population:
 * (1 + rate)^(year − base). */
export function estimateFactors(
  firstYear = ESTIMATE_FIRST_YEAR,
  lastYear = ESTIMATE_LAST_YEAR,
): { ageBand: AgeBand; year: number; factor: number }[] {
  return AGE_BANDS.flatMap((ageBand) =>
    Array.from({ length: lastYear - firstYear + 1 }, (_, i) => ({
      ageBand,
      year: firstYear + i,
      factor: (1 + ESTIMATE_ANNUAL_GROWTH[ageBand]) ** (firstYear + i - ESTIMATE_BASE_YEAR),
    })),
  );
}
