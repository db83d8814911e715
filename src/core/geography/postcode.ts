// UK postcode parts, used to place a provider near the GP practices that share its postcode. For
// 'NW1 0PE': area 'NW', district 'NW1', sector 'NW1 0'.

export interface PostcodeParts {
  area: string;
  district: string;
  sector: string;
}

// Outward code: 1–2 letters, a digit, then an optional letter or digit; inward code: a digit and two letters.
const POSTCODE = /^([A-Z]{1,2})(\d[A-Z\d]?)\s*(\d)[A-Z]{2}$/;

/** Splits a postcode into area, district and sector; null when it is not a full UK postcode. Case and
 * spacing are normalised ('nw10pe' → NW1 0). */
export function postcodeParts(postcode: string): PostcodeParts | null {
  const m = POSTCODE.exec(postcode.toUpperCase().replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const district = `${m[1]}${m[2]}`;
  return { area: m[1]!, district, sector: `${district} ${m[3]}` };
}
