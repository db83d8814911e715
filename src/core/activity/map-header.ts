// Maps a file's header row onto the activity schema: which column feeds which field. Pure: returns the
// mapping and every problem found, so a user sees all header problems at once.

import type { Problem } from '../errors.ts';
import { ACTIVITY_COLUMNS, type ActivityColumn, REQUIRED_ACTIVITY_COLUMNS } from './activity-record.ts';
import { HEADER_ALIASES, normaliseHeader } from './header-aliases.ts';

export interface HeaderMapping {
  /** For each field found, the position (0-based) of the column that feeds it. */
  columns: Partial<Record<ActivityColumn, number>>;
  /** Headers that map to no field, in file order; they are ignored. */
  ignored: string[];
}

export interface Mapped<T> {
  value: T;
  issues: Problem[];
}

const PRIMARY = new Map<string, ActivityColumn>();
const FALLBACK = new Map<string, ActivityColumn>();
for (const field of ACTIVITY_COLUMNS) {
  for (const alias of HEADER_ALIASES[field].primary) PRIMARY.set(normaliseHeader(alias), field);
  for (const alias of HEADER_ALIASES[field].fallback) FALLBACK.set(normaliseHeader(alias), field);
}

function acceptedHeaders(field: ActivityColumn): string {
  const { primary, fallback } = HEADER_ALIASES[field];
  return [...primary, ...fallback].join(', ');
}

/** Maps `headers` (in file order) to fields. `file` names the file in any problem. */
export function mapHeader(headers: readonly string[], file: string): Mapped<HeaderMapping> {
  const issues: Problem[] = [];
  const primaryHits = new Map<ActivityColumn, number[]>();
  const fallbackHits = new Map<ActivityColumn, number[]>();
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    const primary = PRIMARY.get(key);
    const fallback = FALLBACK.get(key);
    if (primary) primaryHits.set(primary, [...(primaryHits.get(primary) ?? []), index]);
    else if (fallback) fallbackHits.set(fallback, [...(fallbackHits.get(fallback) ?? []), index]);
    else ignored.push(header);
  });

  const columns: Partial<Record<ActivityColumn, number>> = {};
  for (const field of ACTIVITY_COLUMNS) {
    const hits = primaryHits.get(field) ?? fallbackHits.get(field) ?? [];
    if (hits.length > 1) {
      const names = hits.map((i) => `"${headers[i]}"`).join(' and ');
      issues.push({
        code: 'FP_IMPORT_DUPLICATE_COLUMN',
        message: `Columns ${names} both map to the field ${field}; keep one of them.`,
        where: { file, field },
        received: hits.map((i) => headers[i]).join(', '),
        accepted: `one of: ${acceptedHeaders(field)}`,
      });
    } else if (hits.length === 1) {
      columns[field] = hits[0]!;
    } else if (REQUIRED_ACTIVITY_COLUMNS.includes(field)) {
      issues.push({
        code: 'FP_IMPORT_MISSING_COLUMN',
        message: `The header has no column for the required field ${field}.`,
        where: { file, field },
        received: headers.join(', '),
        accepted: `a column named one of: ${acceptedHeaders(field)}`,
        hint: 'Header names are matched ignoring case, spaces and punctuation; see docs/data-format.md.',
      });
    }
  }
  // A fallback header that lost to a primary one is ignored, not an error.
  for (const [field, hits] of fallbackHits) {
    if (primaryHits.has(field)) for (const i of hits) ignored.push(headers[i]!);
  }
  return { value: { columns, ignored }, issues };
}
