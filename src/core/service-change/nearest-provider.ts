// A repatriation without named receivers sends each resident ICB's activity to the nearest other provider
// of the service (docs/methods.md, "Service change"): great-circle distance from the ICB's centre.

import { haversineKm } from '../generate/gravity.ts';
import type { Point } from '../geography/centroid.ts';

export interface LocatedProvider extends Point {
  providerCode: string;
}

/** The closest candidate to `from` (ties to the lower code); null with no candidate. */
export function nearestProvider(from: Point, candidates: readonly LocatedProvider[]): string | null {
  let best: { code: string; km: number } | null = null;
  for (const c of candidates) {
    const km = haversineKm(from, c);
    if (!best || km < best.km || (km === best.km && c.providerCode < best.code)) best = { code: c.providerCode, km };
  }
  return best?.code ?? null;
}
