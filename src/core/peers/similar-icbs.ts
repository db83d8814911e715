// Similar ICBs for an ICB's page, as Model Health System's peer groups are drawn: the ICBs most like it
// in size (registered population) and in need (general and acute weighted population per registered
// patient). Each is measured on a log scale, so twice as big and half as big are equally far, and the two
// count equally: distance = √(ln(population ratio)² + ln(need ratio)²). The SIMILAR_ICB_COUNT nearest are
// the peers, ties broken by ICB code. The atlas of variation keeps its own need-only peer groups.
import { z } from 'zod';

export const SIMILAR_ICB_COUNT = 5;

export const SIMILAR_ICBS_METHOD =
  'The 5 ICBs nearest in registered population and in need per head (general and acute weighted population ÷ registered population), each compared as a ratio on a log scale and counted equally.';

export interface IcbSize {
  icbCode: string;
  population: number;
  /** Weighted population ÷ registered population. */
  needIndex: number;
}

export interface SimilarIcb extends IcbSize {
  /** 1 = nearest. */
  nearness: number;
  distance: number;
}

const usable = (icb: IcbSize) =>
  Number.isFinite(icb.population) && icb.population > 0 && Number.isFinite(icb.needIndex) && icb.needIndex > 0;

/** The ICBs most like `icbCode`; empty when it has no usable size or need. */
export function similarIcbs(icbCode: string, icbs: readonly IcbSize[], count = SIMILAR_ICB_COUNT): SimilarIcb[] {
  const own = icbs.find((i) => i.icbCode === icbCode);
  if (!own || !usable(own)) return [];
  return icbs
    .filter((other) => other.icbCode !== icbCode && usable(other))
    .map((other) => ({
      ...other,
      distance: Math.hypot(Math.log(other.population / own.population), Math.log(other.needIndex / own.needIndex)),
    }))
    .sort((a, b) => a.distance - b.distance || a.icbCode.localeCompare(b.icbCode))
    .slice(0, count)
    .map((peer, i) => ({ ...peer, nearness: i + 1 }));
}

/** Spend per head in one year for the ICB and what it is compared with (null where no one lives). */
export const comparisonYear = z.object({
  financialYear: z.string(),
  icb: z.number().nullable(),
  region: z.number().nullable(),
  england: z.number().nullable(),
  /** The peers' spend over the peers' population: the group as one place, not a mean of rates. */
  peers: z.number().nullable(),
});

export const icbComparisonAnswer = z.object({
  icb: z.object({ code: z.string(), name: z.string(), population: z.number(), needIndex: z.number().nullable() }),
  region: z.object({ code: z.string(), name: z.string() }),
  peers: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      population: z.number(),
      needIndex: z.number(),
      nearness: z.number(),
    }),
  ),
  peerMethod: z.string(),
  /** The weighted-population year the need came from; null when the workspace has none. */
  needYear: z.string().nullable(),
  years: z.array(comparisonYear),
});

export type IcbComparison = z.infer<typeof icbComparisonAnswer>;
export type ComparisonYear = z.infer<typeof comparisonYear>;

/** Spend ÷ population, or null where there is no population. */
export function perHead(spend: number, population: number): number | null {
  return population > 0 ? spend / population : null;
}
