// Spend groups for the plan workbook: a unit's base-year lines gathered into the fewest groups whose lines
// share every rate the plan applies (demographic, non-demographic, the QIPP schemes that cover them). Growth
// and savings are linear in spend, so a group's total grows and saves exactly as the sum of its lines, and a
// spreadsheet formula over a group reproduces the line-by-line plan (docs/methods.md, "The plan workbook").
import type { PointOfDelivery } from '../activity/activity-record.ts';
import type { GrowthRates, SpendLine } from '../growth/do-nothing.ts';
import { coveringSchemes } from '../qipp/qipp-saving.ts';
import type { QippScheme } from '../qipp/qipp-scheme.ts';

export interface PlanSegment {
  /** The ICB whose demographic rates apply when they differ by ICB (projections); otherwise null. */
  icb: string | null;
  /** The service whose own demographic rates apply; null when the unit's default rates do. */
  service: string | null;
  /** The point of delivery whose own non-demographic rates apply; null when the default does. */
  pod: PointOfDelivery | null;
  /** Indexes (in the scenario's order) of the QIPP schemes whose scope covers every line of the group. */
  schemes: number[];
  /** Base-year spend of the group, in pounds. */
  baseSpend: number;
  /** How many base-year lines the group holds. */
  lines: number;
  /** The demographic rates the group grows by (index 0 = plan year 1). */
  demographic: readonly number[];
}

const segmentKey = (s: Pick<PlanSegment, 'icb' | 'service' | 'pod' | 'schemes'>) =>
  `${s.icb ?? ''}\u0000${s.service ?? ''}\u0000${s.pod ?? ''}\u0000${s.schemes.join(',')}`;

/** One ICB's lines as groups, in the order first met. `perIcb` keeps the ICB on each group, for demographic
 * rates that differ by ICB. */
export function planSegments(
  icb: string,
  lines: readonly SpendLine[],
  rates: GrowthRates,
  qipp: readonly QippScheme[],
  perIcb: boolean,
): PlanSegment[] {
  const byKey = new Map<string, PlanSegment>();
  for (const line of lines) {
    const ownDemographic = rates.demographic.byService?.[line.service];
    const segment = {
      icb: perIcb ? icb : null,
      service: ownDemographic ? line.service : null,
      pod: rates.nonDemographic.byPod?.[line.pod] ? line.pod : null,
      schemes: coveringSchemes(qipp, line),
    };
    const key = segmentKey(segment);
    const found = byKey.get(key);
    if (found) {
      found.baseSpend += line.spend;
      found.lines += 1;
    } else {
      byKey.set(key, {
        ...segment,
        baseSpend: line.spend,
        lines: 1,
        demographic: ownDemographic ?? rates.demographic.default,
      });
    }
  }
  return [...byKey.values()];
}

/** A footprint's groups: its ICBs' groups, merged where they share every rate. */
export function mergeSegments(groups: readonly (readonly PlanSegment[])[]): PlanSegment[] {
  const byKey = new Map<string, PlanSegment>();
  for (const segments of groups) {
    for (const s of segments) {
      const key = segmentKey(s);
      const found = byKey.get(key);
      if (found) {
        found.baseSpend += s.baseSpend;
        found.lines += s.lines;
      } else {
        byKey.set(key, { ...s, schemes: [...s.schemes] });
      }
    }
  }
  return [...byKey.values()];
}
