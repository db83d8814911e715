// One service over every year the run holds: England's population-basis spend and spend per registered
// patient, for the service page's trend; with an ICB chosen, that ICB's spend per head on the service
// beside its region, similar ICBs (src/core/peers) and England.
import { z } from 'zod';
import { icbComparisonAnswer } from '../peers/similar-icbs.ts';

export const serviceTrendAnswer = z.object({
  service: z.object({ code: z.string(), name: z.string() }),
  /** The registered population spend per head divides by (the same in every year: one population is held). */
  population: z.number(),
  years: z.array(
    z.object({
      financialYear: z.string(),
      spend: z.number(),
      perHead: z.number().nullable(),
      /** Change in spend from the year before, as a fraction; null in the first year or after no spend. */
      change: z.number().nullable(),
    }),
  ),
  /** With ?icb=: the ICB's spend per head on this service beside its region, similar ICBs and England. */
  comparison: icbComparisonAnswer.nullable(),
});

export type ServiceTrend = z.infer<typeof serviceTrendAnswer>;

/** Adds per head and year-on-year change to spend by year (sorted by year here). */
export function serviceTrendYears(
  spend: readonly { financialYear: string; spend: number }[],
  population: number,
): ServiceTrend['years'] {
  const sorted = [...spend].sort((a, b) => a.financialYear.localeCompare(b.financialYear));
  return sorted.map((year, i) => {
    const before = i > 0 ? sorted[i - 1]!.spend : null;
    return {
      financialYear: year.financialYear,
      spend: year.spend,
      perHead: population > 0 ? year.spend / population : null,
      change: before ? (year.spend - before) / before : null,
    };
  });
}
