// The shipped ICB boundaries of a vintage (generalised, clipped to the coastline) with each feature's
// properties reduced to { code (ODS), onsCode, name } for the map.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IcbBoundaries } from '../../core/geography/icb-boundaries.ts';
import type { GeographyVintage } from '../../core/geography/vintage.ts';
import type { Workspace } from '../workspace.ts';
import { readIcbOnsCodes } from './icbs.ts';
import { DEFAULT_REFERENCE_DIR, REFERENCE_FILES } from './reference-files.ts';

const BOUNDARY_FILE: Record<GeographyVintage, { path: string; onsProperty: string }> = {
  '2026': { path: REFERENCE_FILES.icbBoundaries2026, onsProperty: 'ICB26CD' },
  '2023': { path: REFERENCE_FILES.icbBoundaries2023, onsProperty: 'ICB23CD' },
};

export async function readIcbBoundaries(ws: Workspace, vintage: GeographyVintage): Promise<IcbBoundaries> {
  const file = BOUNDARY_FILE[vintage];
  const parsed = JSON.parse(await readFile(join(DEFAULT_REFERENCE_DIR, file.path), 'utf8')) as {
    features: { properties: Record<string, unknown>; geometry: unknown }[];
  };
  const byOns = new Map((await readIcbOnsCodes(ws, vintage)).map((i) => [i.onsCode, i]));
  return {
    type: 'FeatureCollection',
    features: parsed.features.flatMap((f) => {
      const icb = byOns.get(String(f.properties[file.onsProperty]));
      return icb ? [{ type: 'Feature' as const, properties: icb, geometry: f.geometry }] : [];
    }),
  };
}
