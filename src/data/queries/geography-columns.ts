// The columns that place a residence code and a provider in one geography vintage. Chosen from a fixed
// list, never from user text, because they are spliced into SQL as identifiers.
import type { GeographyVintage } from '../../core/geography/vintage.ts';

export interface GeographyColumns {
  /** residence_map column giving the ICB of a residence code. */
  residenceIcb: string;
  /** provider column giving the provider's host ICB. */
  providerHostIcb: string;
}

const COLUMNS: Record<GeographyVintage, GeographyColumns> = {
  '2026': { residenceIcb: 'icb_2026', providerHostIcb: 'host_icb' },
  '2023': { residenceIcb: 'icb_2023', providerHostIcb: 'host_icb_2023' },
};

export function geographyColumns(vintage: GeographyVintage): GeographyColumns {
  return COLUMNS[vintage];
}
