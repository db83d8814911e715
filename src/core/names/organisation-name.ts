// Organisation names as a person writes them. ODS publishes trust, independent-sector and PCN names in
// capitals ("GUY'S AND ST THOMAS' NHS FOUNDATION TRUST"); pages, exports and reports show them in their
// normal casing ("Guy's and St Thomas' NHS Foundation Trust"). Only the case changes, and a name that
// already has lower-case letters is taken as its owner wrote it.

/** Kept in capitals: initialisms that appear in NHS organisation names. */
const INITIALISMS = new Set([
  'NHS',
  'UK',
  'GP',
  'GPS',
  'PCN',
  'ICB',
  'ICS',
  'CIC',
  'LLP',
  'PLC',
  'BMI',
  'HCA',
  'UCL',
  'UCLH',
  'BPAS',
  'MSK',
  'IVF',
  'HIV',
  'ENT',
  'II',
  'III',
  'IV',
]);

/** Lower case except as the first word: joining words. */
const JOINING = new Set(['and', 'of', 'the', 'for', 'at', 'in', 'on', 'upon', 'to', 'with', 'by', 'under']);

function caseWord(word: string, first: boolean): string {
  if (INITIALISMS.has(word)) return word;
  const lower = word.toLowerCase();
  if (!first && JOINING.has(lower)) return lower;
  // A code keeps its capitals: one holding digits (R1H) or written in brackets beside the name ("(RJE)").
  if (/\d/.test(word) || /^\(.*\)$/.test(word)) return word;
  // Otherwise the first letter only is capitalised: "guy's" → "Guy's", "thomas'" → "Thomas'".
  const at = lower.search(/[a-z]/);
  return at < 0 ? lower : lower.slice(0, at) + lower[at]!.toUpperCase() + lower.slice(at + 1);
}

export function organisationName(raw: string): string {
  // Published files pad and double-space names; a person never reads the padding.
  const name = raw.trim().replace(/\s+/g, ' ');
  if (/[a-z]/.test(name)) return name;
  let first = true;
  return name
    .split(/(\s+)/)
    .map((token) => {
      if (/^\s+$/.test(token) || token === '') return token;
      // Hyphenated place names keep their joining words small: "Stoke-on-Trent".
      const cased = token
        .split('-')
        .map((part, i) => (part === '' ? part : caseWord(part, first && i === 0)))
        .join('-');
      first = false;
      return cased;
    })
    .join('');
}

/** A provider as a person reads it: its name in normal casing with the ODS code in brackets, e.g.
 * "Sheffield Teaching Hospitals NHS Foundation Trust (RHQ)"; the code alone when there is no name. */
export function providerLabel(name: string | null | undefined, code: string): string {
  if (!name || name.trim() === '') return code;
  return `${organisationName(name)} (${code})`;
}
