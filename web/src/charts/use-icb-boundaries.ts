// ICB boundaries for the maps, fetched and registered with ECharts once per page load rather than by
// each map on each mount (three pages draw them).

import type { IcbBoundaries } from '../../../src/core/geography/icb-boundaries.ts';
import { getJson } from '../api/client.ts';
import { type Loadable, useLoadable } from '../api/use-api.ts';
import { registerMap } from './chart.tsx';
import { ICB_MAP_NAME } from './icb-map-chart.ts';

let registered: Promise<IcbBoundaries> | null = null;

function registerOnce(): Promise<IcbBoundaries> {
  registered ??= getJson<IcbBoundaries>('/geography/icbs.geojson').then((boundaries) => {
    // ECharts' GeoJSON type is stricter than the wire format; the features are passed through unchanged.
    registerMap(ICB_MAP_NAME, boundaries as unknown as Parameters<typeof registerMap>[1]);
    return boundaries;
  });
  // A failed fetch is not remembered, so "Try again" fetches again.
  registered.catch(() => {
    registered = null;
  });
  return registered;
}

/** The boundaries, once registered under ICB_MAP_NAME; `reload` retries after a failure. */
export function useIcbBoundaries(): Loadable<IcbBoundaries> & { reload: () => void } {
  return useLoadable('icb-boundaries', registerOnce);
}
