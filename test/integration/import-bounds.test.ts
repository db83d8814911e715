// Values of the right form but out of range are refused with their own code, row and field, on both
// import paths (the typed fast path gives way to the validating path, which names them): financial years
// outside the window (default 2000/01 to ten years ahead), activity and patients above a billion a row,
// and a cost beyond what a row may carry, reported as such rather than as a malformed amount.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultYearWindow, parseYearWindow } from '../../src/core/activity/import-bounds.ts';
import { FootprintError } from '../../src/core/errors.ts';
import { type ImportOptions, importActivity } from '../../src/data/import/import-activity.ts';
import type { Workspace } from '../../src/data/workspace.ts';
import { createToyWorkspace } from './support/toy-workspace.ts';

const HEADER = 'financial_year,month,provider_code,residence_code,service_code,pod,age_band,sex,activity,cost,patients';
const row = (year: string, activity = '1', cost = '10.00', patients = '1') =>
  `${year},4,RJ1,36L,13X,APC_EL,0-4,M,${activity},${cost},${patients}`;
const last = defaultYearWindow(new Date()).last;
const lastYear = `${last}/${String((last + 1) % 100).padStart(2, '0')}`;
const beyond = `${last + 1}/${String((last + 2) % 100).padStart(2, '0')}`;

let ws: Workspace;
let dir: string;
let n = 0;

beforeAll(async () => {
  ws = await createToyWorkspace();
  dir = mkdtempSync(join(tmpdir(), 'footprint-bounds-'));
});

afterAll(() => ws.close());

const csv = (rows: string[]) => {
  const file = join(dir, `f${++n}.csv`);
  writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
  return file;
};

/** The rejects file as [row, field, code] for a refused import. */
async function rejects(rows: string[], options: Partial<ImportOptions> = {}) {
  const file = csv(rows);
  const rejectsFile = join(dir, `r${n}.csv`);
  const error = await importActivity(ws, { file, dataset: `bounds${n}`, rejectsFile, ...options }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FootprintError);
  expect((error as FootprintError).problem.code).toBe('FP_IMPORT_REJECTED');
  return readFileSync(rejectsFile, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [r, field, , code] = line.split(',');
      return [Number(r), field, code];
    });
}

const BAD = [
  row('2023/24'),
  row('1899/00'),
  row('9999/00'),
  row(beyond),
  row('2023/24', '1e308'),
  row('2023/24', '1', '10.00', '2000000000'),
  row('2023/24', '1', '9999999999999999.99'),
  row('2023/24', '1', '-1000000000000.00'),
  row('2023/24', '1', '12.345'),
];
const EXPECTED = [
  [2, 'financial_year', 'FP_IMPORT_YEAR_OUT_OF_RANGE'],
  [3, 'financial_year', 'FP_IMPORT_YEAR_OUT_OF_RANGE'],
  [4, 'financial_year', 'FP_IMPORT_YEAR_OUT_OF_RANGE'],
  [5, 'activity', 'FP_IMPORT_COUNT_TOO_LARGE'],
  [6, 'patients', 'FP_IMPORT_COUNT_TOO_LARGE'],
  [7, 'cost', 'FP_IMPORT_COST_TOO_LARGE'],
  [8, 'cost', 'FP_IMPORT_COST_TOO_LARGE'],
  [9, 'cost', 'FP_IMPORT_BAD_VALUE'],
];

describe('import ranges', () => {
  it.each([
    ['the typed fast path (giving way)', false],
    ['the validating path', true],
  ])('on %s, each out-of-range value is refused with its row, field and own code', async (_path, validateEveryRow) => {
    expect(await rejects(BAD, { validateEveryRow })).toEqual(EXPECTED);
    expect(await ws.one("SELECT count(*) AS n FROM dataset WHERE name LIKE 'bounds%'")).toEqual({ n: 0 });
  });

  it.each([
    ['fast', false],
    ['validating', true],
  ])(
    'the edges are accepted on the %s path: 2000/01, ten years ahead, a billion, £999,999,999,999.99',
    async (_p, validateEveryRow) => {
      const summary = await importActivity(ws, {
        file: csv([
          row('2000/01'),
          row(lastYear),
          row('2023/24', '1000000000', '999999999999.99', '1000000000'),
          row('2023/24', '0', '-999999999999.99', ''),
        ]),
        dataset: `edges${validateEveryRow}`,
        validateEveryRow,
      });
      expect(summary).toMatchObject({ read: 4, accepted: 4, rejected: 0, totalCost: '20.00' });
    },
  );

  it('the window can be set for an import; the message names it', async () => {
    const years = parseYearWindow('2020/21-2024/25');
    const file = csv([row('2019/20'), row('2024/25')]);
    const rejectsFile = join(dir, 'window.csv');
    const error = (await importActivity(ws, { file, dataset: 'window', rejectsFile, years }).catch(
      (e) => e,
    )) as FootprintError;
    expect(error.problem).toMatchObject({
      code: 'FP_IMPORT_REJECTED',
      where: { row: 1, field: 'financial_year' },
      received: expect.stringContaining('financial_year must be from 2020/21 to 2024/25'),
    });
  });

  it('a malformed window is refused naming the option', () => {
    for (const bad of ['2020/22-2024/25', '2025/26-2020/21', '2020-2024', '1899/00-2024/25', '2020/21-2200/01']) {
      expect(() => parseYearWindow(bad)).toThrow(
        expect.objectContaining({
          problem: expect.objectContaining({ code: 'FP_IMPORT_BAD_YEAR_WINDOW', where: { parameter: '--years' } }),
        }),
      );
    }
  });
});
