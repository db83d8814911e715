// Residence codes that mean "not known" rather than naming a place. An import stores them as blank
// (NULL), so `footprint run` places them by its unknown-residence rule instead of rejecting the row.

/** Upper-case placeholder codes treated as a blank residence. X98 is the default SUS and HES give a
 * derived sub-ICB / CCG of residence when the patient's postcode does not resolve to an English
 * sub-ICB location (no fixed abode, Wales, Scotland, Northern Ireland, overseas, invalid postcode). */
export const RESIDENCE_NOT_KNOWN_CODES: readonly string[] = ['X98'];
