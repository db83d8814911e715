// Writes docs/errors.md from the error registry in src/core/errors.ts, so the page never drifts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../src/core/errors.ts';

const area = (code: string): string => code.split('_')[1]!;
const lines = [
  '# Error codes',
  '',
  'Every problem Footprint reports has a code from this list (generated from `src/core/errors.ts` by',
  '`npm run docs:errors`). The message on a particular error says what was wrong in that case, where (file,',
  'row and field, or route and parameter), what was received and what is accepted. The CLI exits with 1 for',
  'any of them, except `FP_IMPORT_REJECTED`, which exits with 2 so scripts can tell "bad rows" from "could',
  'not run". Codes are never reused.',
];
let current = '';
for (const [code, meaning] of Object.entries(ERROR_CODES)) {
  if (area(code) !== current) {
    current = area(code);
    lines.push('', `## ${current.charAt(0)}${current.slice(1).toLowerCase()}`, '', '| Code | Meaning |', '|---|---|');
  }
  lines.push(`| \`${code}\` | ${meaning} |`);
}
writeFileSync(join(import.meta.dirname, '..', 'docs', 'errors.md'), `${lines.join('\n')}\n`);
