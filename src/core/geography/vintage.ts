// Geography vintages: '2026' = the 36 ICBs from April 2026 (the default), '2023' = the 42 ICBs of July 2022
// to March 2026. The one declaration every layer uses.

export const GEOGRAPHY_VINTAGES = ['2026', '2023'] as const;
/** Which ICB boundaries the results use: the 42 ICBs of 2023–2026 or the 36 from April 2026. */
export type GeographyVintage = (typeof GEOGRAPHY_VINTAGES)[number];
export const DEFAULT_VINTAGE: GeographyVintage = '2026';
/** How many ICBs each vintage has. */
export const ICB_COUNT: Record<GeographyVintage, number> = { '2026': 36, '2023': 42 };
