// A small RFC 4180 CSV reader for analysts' own files: quoted fields, doubled quotes, CRLF or LF line
// ends, a byte-order mark, blank trailing lines. Every value stays text; callers decide what it means.
import { fail } from '../../core/errors.ts';

export interface CsvTable {
  header: string[];
  /** Data rows; row i (0-based) is data row i + 1 in error messages. */
  rows: string[][];
}

export function parseCsv(text: string, file: string): CsvTable {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (quoted)
    fail('FP_STATS_BAD_INPUT', 'A quoted field is never closed.', {
      where: { file },
      hint: 'Check for a stray double quote.',
    });
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const nonBlank = records.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
  const [header, ...rows] = nonBlank;
  if (!header)
    fail('FP_STATS_BAD_INPUT', 'The file is empty.', { where: { file }, accepted: 'a header row and data rows' });
  const names = header.map((name) => name.trim());
  rows.forEach((row, index) => {
    if (row.length !== names.length) {
      fail('FP_STATS_BAD_INPUT', 'A row has a different number of fields from the header.', {
        where: { file, row: index + 1 },
        received: `${row.length} fields`,
        accepted: `${names.length} fields (${names.join(', ')})`,
      });
    }
  });
  return { header: names, rows };
}
