// NHS organisation names as people write them. ODS and the RTT extract publish names in capitals
// ("SHEFFIELD TEACHING HOSPITALS NHS FOUNDATION TRUST"); pages, exports and CLI text show them in their
// normal casing ("Sheffield Teaching Hospitals NHS Foundation Trust"), with the ODS code beside where it
// helps tell two organisations apart.

/** Words kept in capitals: acronyms that are written so in NHS organisation names. */
const UPPER = new Set(['NHS', 'UK', 'ICB', 'GP', 'CIC', 'LLP', 'PLC', 'BMI', 'HCA', 'NHSE', 'BUPA', 'SPIRE', 'UCLH']);
/** Short joining words written in lower case unless they start the name. */
const LOWER = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'at', 'upon', 'with', 'to', 'by']);
/** Words whose normal form is not simple capitalisation. */
const SPECIAL: Record<string, string> = { ltd: 'Ltd', mcr: 'MCR', 'super-mare': 'super-Mare' };

function capitalise(word: string): string {
  if (word === '') return word;
  return word[0]!.toUpperCase() + word.slice(1);
}

function caseWord(word: string, first: boolean): string {
  const lower = word.toLowerCase();
  const bare = lower.replace(/[^a-z]/g, '');
  if (UPPER.has(bare.toUpperCase()) && bare.length === word.replace(/[^A-Za-z]/g, '').length) {
    return word.toUpperCase();
  }
  if (SPECIAL[lower]) return SPECIAL[lower]!;
  if (!first && LOWER.has(lower)) return lower;
  // Hyphenated and bracketed parts each start with a capital: "Weston-Area", "(Foundation)".
  return lower.replace(/(^|[-(/])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** The normal casing of an organisation name. Names already in mixed case are returned unchanged, so a
 * name someone typed with care is never re-cased. */
export function organisationName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed
    .split(' ')
    .map((word, i) => caseWord(word, i === 0))
    .map((word, i) => (i === 0 ? capitalise(word) : word))
    .join(' ');
}

/** A provider as a person reads it: its name in normal casing with the ODS code in brackets, e.g.
 * "Sheffield Teaching Hospitals NHS Foundation Trust (RHQ)"; the code alone when there is no name. */
export function providerLabel(name: string | null | undefined, code: string): string {
  if (!name || name.trim() === '') return code;
  return `${organisationName(name)} (${code})`;
}
