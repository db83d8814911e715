// Geography vintages a report can use: '2026' = the 36 ICBs from April 2026 (the default), '2023' = the
// 42 ICBs of July 2022 to March 2026.
import { fail } from '../../core/errors.ts';
import { GEOGRAPHY_VINTAGES, type GeographyVintage } from '../../core/geography/vintage.ts';

/** Reads a --geography value; throws FP_GEOGRAPHY_UNKNOWN_VINTAGE naming what is accepted. */
export function parseVintage(
  text: string,
  where: { parameter?: string } = { parameter: '--geography' },
): GeographyVintage {
  const trimmed = text.trim();
  const vintage = GEOGRAPHY_VINTAGES.find((v) => v === trimmed);
  if (!vintage) {
    fail('FP_GEOGRAPHY_UNKNOWN_VINTAGE', `There is no geography vintage ${JSON.stringify(text)}.`, {
      where,
      received: text,
      accepted: GEOGRAPHY_VINTAGES.join(', '),
    });
  }
  return vintage;
}
