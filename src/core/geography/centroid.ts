// Small summaries of places: where a group of points sits, and which label most of them carry.

export interface WeightedPoint {
  latitude: number;
  longitude: number;
  /** Defaults to 1 (a plain mean). */
  weight?: number;
}

export interface Point {
  latitude: number;
  longitude: number;
}

/** The weighted mean of latitudes and longitudes. Over an area the size of an ICB the earth's curvature
 * moves this by far less than a postcode district, so a flat mean is accurate enough. Null when there is
 * no positive weight. */
export function centroid(points: readonly WeightedPoint[]): Point | null {
  let weight = 0;
  let latitude = 0;
  let longitude = 0;
  for (const p of points) {
    const w = p.weight ?? 1;
    if (!(w > 0)) continue;
    weight += w;
    latitude += p.latitude * w;
    longitude += p.longitude * w;
  }
  return weight > 0 ? { latitude: latitude / weight, longitude: longitude / weight } : null;
}

/** The most frequent label; ties go to the label that sorts first. Null for an empty list. */
export function mostCommon(labels: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  let best: [string, number] | null = null;
  for (const entry of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!best || entry[1] > best[1]) best = entry;
  }
  return best ? best[0] : null;
}
