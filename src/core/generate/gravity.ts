// The gravity model of patient flow: a patient living in area a who needs service s goes to provider p
// with probability proportional to the provider's attractiveness for s times a decreasing function of
// the distance between them:  P(p | a, s) ∝ A(s, p) · (d(a, p) + d0)^(−β).
// The power form has a long tail, so large tertiary centres keep drawing patients from far away, as
// specialised centres do; d0 stops a provider on the area's centroid from taking everything.
import { fail } from '../errors.ts';

export interface Location {
  latitude: number;
  longitude: number;
}

export interface DistanceDecay {
  /** β: how fast attraction falls with distance (0 = distance does not matter). */
  exponent: number;
  /** d0 in km, added to every distance. */
  offsetKm: number;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two points given in degrees (haversine formula). */
export function haversineKm(from: Location, to: Location): number {
  const rad = Math.PI / 180;
  const dLat = (to.latitude - from.latitude) * rad;
  const dLon = (to.longitude - from.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(from.latitude * rad) * Math.cos(to.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** f(d) = (d + d0)^(−β). */
export function distanceDecayWeight(distanceKm: number, decay: DistanceDecay): number {
  return (distanceKm + decay.offsetKm) ** -decay.exponent;
}

/** The share of an area's patients going to each provider: attractiveness × f(distance), normalised.
 * Providers with zero attractiveness get zero. */
export function gravityShares(
  area: Location,
  providers: readonly (Location & { attractiveness: number })[],
  decay: DistanceDecay,
): number[] {
  if (!(decay.exponent >= 0) || !(decay.offsetKm > 0)) {
    fail('FP_GENERATE_BAD_OPTION', 'The distance decay needs an exponent ≥ 0 and an offset > 0 km.', {
      where: { parameter: 'decay' },
      received: `exponent ${decay.exponent}, offset ${decay.offsetKm} km`,
      accepted: 'exponent ≥ 0, offsetKm > 0',
    });
  }
  const weights = providers.map((p) => p.attractiveness * distanceDecayWeight(haversineKm(area, p), decay));
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (!(total > 0)) {
    fail('FP_GENERATE_BAD_OPTION', 'No provider has a positive attractiveness for this area.', {
      where: { parameter: 'providers' },
      received: `${providers.length} providers`,
      accepted: 'at least one provider with attractiveness > 0',
    });
  }
  return weights.map((w) => w / total);
}

/** The population-weighted centroid of points (plain mean of latitude and longitude, which is accurate
 * enough at the scale of a sub-ICB location). Points without a weight count once. */
export function weightedCentroid(points: readonly (Location & { weight?: number | null })[]): Location | null {
  let sw = 0;
  let lat = 0;
  let lon = 0;
  for (const p of points) {
    const w = p.weight && p.weight > 0 ? p.weight : 1;
    sw += w;
    lat += w * p.latitude;
    lon += w * p.longitude;
  }
  return sw > 0 ? { latitude: lat / sw, longitude: lon / sw } : null;
}
