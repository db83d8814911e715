// ICB boundaries as the map needs them (GET /api/geography/icbs): GeoJSON, each feature named by its ICB;
// the geometry stays opaque to the app.
import { z } from 'zod';

const feature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ code: z.string(), onsCode: z.string(), name: z.string() }),
  geometry: z.unknown(),
});
export const icbBoundaries = z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) });
export type IcbBoundaries = z.infer<typeof icbBoundaries>;
