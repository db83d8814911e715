// Activity import on real DuckDB files with the toy geography: good files in each format, every kind of
// bad input (each leaves the workspace unchanged), strict and --allow-rejects, atomic re-import, and a
// process killed mid-import.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FootprintError } from '../../src/core/errors.ts';
import { importActivity } from '../../src/data/import/import-activity.ts';
import { openWorkspace, type Workspace } from '../../src/data/workspace.ts';
import { createToyWorkspace } from './support/toy-workspace.ts';

const HEADER = 'financial_year,month,provider_code,residence_code,service_code,pod,age_band,sex,activity,cost,patients';
// Four good rows. Cost by hand: 1234.56 + 0.10 + 0.20 + (-50.01) = 1184.85.
// Row 2 uses an old-vintage (2023) ICB ONS code, lower case; row 3 the SUS "not known" code X98;
// row 4 a blank residence and padded codes.
const GOOD_ROWS = [
  '2024/25,4,RJ1,36L,13X,APC_EL,0-4,M,1,1234.56,1',
  '2024/25,5,RJZ,e54000042,18A,OP_FIRST,90+,F,2,0.10,2',
  '2024/25,,rj7,X98,13x,hcd,,U,3.5,0.20,',
  '2024/25,12, RJ1 ,,18A ,DEVICE,45-49,,1,-50.01,1',
];

let dir: string;
let ws: Workspace;
let n = 0;

function csvFile(lines: string[], name = `f${++n}.csv`): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** A fingerprint of everything an import may change: activity rows, dataset rows and the setting. */
async function checksum(w: Workspace): Promise<string> {
  const row = await w.one<{ a: string | null; d: string | null; s: string | null }>(`
    SELECT (SELECT md5(string_agg(CAST(a AS VARCHAR), '|' ORDER BY CAST(a AS VARCHAR))) FROM activity a) AS a,
           (SELECT md5(string_agg(CAST(d AS VARCHAR), '|' ORDER BY name)) FROM dataset d) AS d,
           (SELECT value FROM setting WHERE key = 'current_dataset') AS s`);
  return JSON.stringify(row);
}

async function failure(work: Promise<unknown>): Promise<FootprintError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof FootprintError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

/** Expects the import to fail with `code` at `where`, leaving the workspace as it was. */
async function expectRefused(
  file: string,
  code: string,
  where: Record<string, unknown>,
  extra = {},
): Promise<FootprintError> {
  const before = await checksum(ws);
  const error = await failure(importActivity(ws, { file, ...extra }));
  expect(error.code).toBe(code);
  expect(error.problem.where).toMatchObject(where);
  expect(error.message).not.toMatch(/Error:|duckdb|Parser|Invalid Input/i);
  expect(await checksum(ws)).toBe(before);
  return error;
}

beforeAll(async () => {
  ws = await createToyWorkspace();
  dir = mkdtempSync(join(tmpdir(), 'footprint-import-'));
  // Something to protect: every refused import below must leave this dataset as it is.
  await importActivity(ws, { file: csvFile([HEADER, ...GOOD_ROWS]), dataset: 'existing' });
});

afterAll(() => ws.close());

describe('which dataset is current', () => {
  it('the first import becomes current; later ones only when asked, and re-importing the current one keeps it', async () => {
    const fresh = await createToyWorkspace();
    try {
      const file = csvFile([HEADER, ...GOOD_ROWS]);
      expect((await importActivity(fresh, { file, dataset: 'first' })).current).toBe(true);
      expect((await importActivity(fresh, { file, dataset: 'second' })).current).toBe(false);
      expect(await fresh.setting('current_dataset')).toBe('first');
      expect((await importActivity(fresh, { file, dataset: 'first' })).current).toBe(true);
      expect((await importActivity(fresh, { file, dataset: 'third', makeCurrent: true })).current).toBe(true);
      expect(await fresh.setting('current_dataset')).toBe('third');
    } finally {
      fresh.close();
    }
  });
});

describe('importing good files', () => {
  it('imports a CSV with exact totals, old-vintage and not-known residences', async () => {
    const file = csvFile([HEADER, ...GOOD_ROWS]);
    const summary = await importActivity(ws, { file, dataset: 'good-csv' });
    expect(summary).toMatchObject({ read: 4, accepted: 4, rejected: 0, rejectsFile: null, totalCost: '1184.85' });
    const rows = await ws.all<{ provider_code: string; residence_code: string | null; service_code: string }>(
      "SELECT provider_code, residence_code, service_code FROM activity WHERE dataset = 'good-csv' ORDER BY cost DESC",
    );
    expect(rows).toEqual([
      { provider_code: 'RJ1', residence_code: '36L', service_code: '13X' },
      { provider_code: 'RJ7', residence_code: null, service_code: '13X' },
      { provider_code: 'RJZ', residence_code: 'E54000042', service_code: '18A' },
      { provider_code: 'RJ1', residence_code: null, service_code: '18A' },
    ]);
    const sum = await ws.one<{ total: string }>(
      "SELECT CAST(sum(cost) AS VARCHAR) AS total FROM activity WHERE dataset = 'good-csv'",
    );
    expect(sum?.total).toBe('1184.85');
    // Another dataset was imported first, so this one is not made current unasked.
    expect(summary.current).toBe(false);
    expect(await ws.setting('current_dataset')).toBe('existing');
    const dataset = await ws.one(
      "SELECT rows_read, rows_accepted, rows_rejected, format FROM dataset WHERE name = 'good-csv'",
    );
    expect(dataset).toEqual({ rows_read: 4, rows_accepted: 4, rows_rejected: 0, format: 'csv' });
  });

  it('imports a contract-monitoring extract through its header aliases', async () => {
    const file = csvFile([
      'Der_Financial_Year;Organisation_Code (Code of Provider);Der_Sub_ICB_Code;NCBPS;POD;Activity_Actual;Price_Actual;HRG',
      '2024/25;RJ1;72Q;13X;APC_NEL;1;99.99;XA01Z',
    ]);
    const summary = await importActivity(ws, { file, dataset: 'slam' });
    expect(summary).toMatchObject({ read: 1, accepted: 1, totalCost: '99.99' });
  });

  it('imports a Parquet file written by DuckDB', async () => {
    const file = join(dir, 'good.parquet');
    // 1000 rows, cost i/100 for i = 0…999: sum = (999·1000/2)/100 = 4995.00.
    await ws.run(`COPY (SELECT '2024/25' AS financial_year, CAST(i % 12 + 1 AS INTEGER) AS month, 'RJ1' AS provider_code,
      '36L' AS residence_code, '13X' AS service_code, 'APC_DC' AS pod, CAST(1 AS INTEGER) AS activity,
      CAST(i / 100 AS DECIMAL(18, 2)) AS cost FROM range(1000) t(i)) TO '${file}' (FORMAT parquet)`);
    const summary = await importActivity(ws, { file, dataset: 'good-parquet' });
    expect(summary).toMatchObject({ format: 'parquet', read: 1000, accepted: 1000, rejected: 0, totalCost: '4995.00' });
  });

  it('imports an XLSX workbook written by exceljs', async () => {
    const file = join(dir, 'good.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Activity');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['2024/25', 4, 'RJ1', '36L', '13X', 'APC_EL', '0-4', 'M', 1, 1234.56, 1]);
    sheet.addRow(['2024/25', 5, 'RJZ', 'QKK', '18A', 'OP_FU', '5-9', 'F', 2, 0.1, null]);
    await workbook.xlsx.writeFile(file);
    // 1234.56 + 0.10 = 1234.66
    const summary = await importActivity(ws, { file, dataset: 'good-xlsx' });
    expect(summary).toMatchObject({ format: 'xlsx', read: 2, accepted: 2, totalCost: '1234.66' });
  });

  it('replaces a dataset on re-import', async () => {
    await importActivity(ws, { file: csvFile([HEADER, ...GOOD_ROWS]), dataset: 'again' });
    await importActivity(ws, { file: csvFile([HEADER, GOOD_ROWS[0]!]), dataset: 'again' });
    const row = await ws.one<{ n: number }>(
      "SELECT CAST(count(*) AS INTEGER) AS n FROM activity WHERE dataset = 'again'",
    );
    expect(row?.n).toBe(1);
  });
});

describe('rejected rows', () => {
  const bad = (line: string) => csvFile([HEADER, GOOD_ROWS[0]!, line, GOOD_ROWS[1]!]);

  it.each([
    [
      'unknown provider',
      '2024/25,4,ZZZ,36L,13X,APC_EL,0-4,M,1,1.00,1',
      'provider_code',
      'FP_IMPORT_UNKNOWN_PROVIDER',
      'ZZZ',
    ],
    [
      'unknown service',
      '2024/25,4,RJ1,36L,99Z,APC_EL,0-4,M,1,1.00,1',
      'service_code',
      'FP_IMPORT_UNKNOWN_SERVICE',
      '99Z',
    ],
    [
      'unknown residence',
      '2024/25,4,RJ1,13Q,13X,APC_EL,0-4,M,1,1.00,1',
      'residence_code',
      'FP_IMPORT_UNKNOWN_RESIDENCE',
      '13Q',
    ],
    [
      'malformed year',
      '2024/2025,4,RJ1,36L,13X,APC_EL,0-4,M,1,1.00,1',
      'financial_year',
      'FP_IMPORT_BAD_YEAR',
      '2024/2025',
    ],
    ['text in a number', '2024/25,4,RJ1,36L,13X,APC_EL,0-4,M,one,1.00,1', 'activity', 'FP_IMPORT_BAD_VALUE', 'one'],
    ['a month of 13', '2024/25,13,RJ1,36L,13X,APC_EL,0-4,M,1,1.00,1', 'month', 'FP_IMPORT_BAD_MONTH', '13'],
    ['a month of 4.5', '2024/25,4.5,RJ1,36L,13X,APC_EL,0-4,M,1,1.00,1', 'month', 'FP_IMPORT_BAD_MONTH', '4.5'],
    ['a blank cost', '2024/25,4,RJ1,36L,13X,APC_EL,0-4,M,1,,1', 'cost', 'FP_IMPORT_MISSING_VALUE', ''],
    ['fractions of a penny', '2024/25,4,RJ1,36L,13X,APC_EL,0-4,M,1,1.005,1', 'cost', 'FP_IMPORT_BAD_VALUE', '1.005'],
    ['a bad point of delivery', '2024/25,4,RJ1,36L,13X,AE,0-4,M,1,1.00,1', 'pod', 'FP_IMPORT_BAD_POD', 'AE'],
    ['a bad age band', '2024/25,4,RJ1,36L,13X,APC_EL,0-5,M,1,1.00,1', 'age_band', 'FP_IMPORT_BAD_AGE_BAND', '0-5'],
    ['a bad sex', '2024/25,4,RJ1,36L,13X,APC_EL,0-4,X,1,1.00,1', 'sex', 'FP_IMPORT_BAD_SEX', 'X'],
    [
      'negative activity',
      '2024/25,4,RJ1,36L,13X,APC_EL,0-4,M,-1,1.00,1',
      'activity',
      'FP_IMPORT_NEGATIVE_ACTIVITY',
      '-1',
    ],
  ])('rejects %s in strict mode, naming row and field, and changes nothing', async (_, line, field, code, value) => {
    const file = bad(line);
    const error = await expectRefused(file, 'FP_IMPORT_REJECTED', { file, row: 2, field });
    expect(error.problem.received).toContain(code);
    const rejects = readFileSync(join(dir, `${file.slice(dir.length + 1, -4)}.rejects.csv`), 'utf8')
      .trim()
      .split('\n');
    expect(rejects[0]).toBe('row,field,value,code,message');
    expect(rejects.slice(1).map((l) => l.split(',').slice(0, 4))).toEqual([['2', field, value, code]]);
  });

  it('with --allow-rejects imports the valid rows and counts a row with several problems once', async () => {
    const rejectsFile = join(dir, 'chosen-rejects.csv');
    const file = csvFile([HEADER, GOOD_ROWS[0]!, '2024/26,4,ZZZ,36L,13X,APC_EL,0-4,M,x,1.00,1', GOOD_ROWS[1]!]);
    const summary = await importActivity(ws, { file, dataset: 'partial', rejectsFile, allowRejects: true });
    // Accepted cost: 1234.56 + 0.10 = 1234.66.
    expect(summary).toMatchObject({ read: 3, accepted: 2, rejected: 1, rejectsFile, totalCost: '1234.66' });
    const lines = readFileSync(rejectsFile, 'utf8').trim().split('\n').slice(1);
    expect(lines.map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      '2,financial_year',
      '2,provider_code',
      '2,activity',
    ]);
    const quarantined = await ws.one<{ n: number }>(
      'SELECT CAST(count(*) AS INTEGER) AS n FROM activity WHERE dataset NOT IN (SELECT name FROM dataset)',
    );
    expect(quarantined?.n).toBe(0);
  });

  it('reports the counts of a strict failure on the error', async () => {
    const file = bad('2024/25,4,ZZZ,36L,13X,APC_EL,0-4,M,1,1.00,1');
    const error = await failure(importActivity(ws, { file }));
    expect(error).toMatchObject({ summary: { read: 3, accepted: 0, rejected: 1 } });
  });
});

describe('bad files', () => {
  it('refuses a binary file named .csv', async () => {
    const file = join(dir, 'binary.csv');
    writeFileSync(file, Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
    await expectRefused(file, 'FP_IMPORT_NOT_WHAT_IT_CLAIMS', { file });
  });

  it('refuses a CSV named .parquet and a text file named .xlsx', async () => {
    const parquet = join(dir, 'text.parquet');
    writeFileSync(parquet, `${HEADER}\n${GOOD_ROWS[0]}\n`);
    await expectRefused(parquet, 'FP_IMPORT_NOT_WHAT_IT_CLAIMS', { file: parquet });
    const xlsx = join(dir, 'text.xlsx');
    writeFileSync(xlsx, `${HEADER}\n`);
    await expectRefused(xlsx, 'FP_IMPORT_NOT_WHAT_IT_CLAIMS', { file: xlsx });
  });

  it('refuses a zip that is not a workbook', async () => {
    const file = join(dir, 'zip.xlsx');
    // An empty zip archive: end-of-central-directory record only, preceded by a local-file signature.
    writeFileSync(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(60)]));
    await expectRefused(file, 'FP_IMPORT_NOT_WHAT_IT_CLAIMS', { file });
  });

  it('refuses a file with a missing required column, naming it', async () => {
    const file = csvFile(['financial_year,provider_code,service_code,pod,activity', '2024/25,RJ1,13X,APC_EL,1']);
    await expectRefused(file, 'FP_IMPORT_MISSING_COLUMN', { file, field: 'cost' });
  });

  it('refuses a file with two columns for one field', async () => {
    const file = csvFile([`${HEADER},Price_Actual`, `${GOOD_ROWS[0]},1.00`]);
    await expectRefused(file, 'FP_IMPORT_DUPLICATE_COLUMN', { file, field: 'cost' });
  });

  it('refuses an empty file and a header with no rows', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await expectRefused(empty, 'FP_IMPORT_EMPTY_FILE', { file: empty });
    const headerOnly = csvFile([HEADER]);
    await expectRefused(headerOnly, 'FP_IMPORT_EMPTY_FILE', { file: headerOnly });
  });

  it('refuses a row with the wrong number of fields, naming the row', async () => {
    const file = csvFile([HEADER, GOOD_ROWS[0]!, '2024/25,4,RJ1,36L']);
    await expectRefused(file, 'FP_IMPORT_UNREADABLE_ROW', { file, row: 2 });
  });

  it('refuses files over the size limit without reading them (sparse files)', async () => {
    const xlsx = join(dir, 'huge.xlsx');
    writeFileSync(xlsx, '');
    await import('node:fs').then((fs) => fs.truncateSync(xlsx, 2 * 1024 ** 3));
    await expectRefused(xlsx, 'FP_IMPORT_TOO_LARGE', { file: xlsx });
    const csv = join(dir, 'huge.csv');
    writeFileSync(csv, '');
    await import('node:fs').then((fs) => fs.truncateSync(csv, 65 * 1024 ** 3));
    await expectRefused(csv, 'FP_IMPORT_TOO_LARGE', { file: csv });
  });

  it('refuses a 2 GB CSV of zero bytes as binary', async () => {
    const file = join(dir, 'zeros.csv');
    writeFileSync(file, '');
    await import('node:fs').then((fs) => fs.truncateSync(file, 2 * 1024 ** 3));
    await expectRefused(file, 'FP_IMPORT_NOT_WHAT_IT_CLAIMS', { file });
  });

  it('refuses a missing file, an unknown extension and a bad dataset name', async () => {
    await expectRefused(join(dir, 'nope.csv'), 'FP_IMPORT_FILE_NOT_FOUND', {});
    const json = join(dir, 'a.json');
    writeFileSync(json, '{}');
    await expectRefused(json, 'FP_IMPORT_UNSUPPORTED_FORMAT', { file: json });
    await expectRefused(
      csvFile([HEADER, GOOD_ROWS[0]!]),
      'FP_IMPORT_BAD_DATASET_NAME',
      { parameter: 'dataset' },
      {
        dataset: 'no spaces',
      },
    );
  });
});

describe('the clean-file fast path and the validating path', () => {
  /** Every activity row of a dataset, in a fixed order, as text: what the two paths must agree on. */
  const table = (dataset: string) =>
    ws.all(
      `SELECT * EXCLUDE (dataset) FROM activity WHERE dataset = $1
       ORDER BY ALL`,
      [dataset],
    );
  const phases = async (options: Parameters<typeof importActivity>[1]) => {
    const seen = new Set<string>();
    const summary = await importActivity(ws, { ...options, onProgress: (phase) => seen.add(phase) });
    return { summary, phases: [...seen] };
  };

  it('stores the same rows either way for a clean CSV, with the fast path taken', async () => {
    // Canonical spellings only, so the fast path takes every row: NHS sex codes 1/2/9, X98, blanks, a
    // negative cost, a fractional activity. Cost by hand: 10.00 + 0.01 + (-3.50) + 7.25 = 13.76.
    const file = csvFile([
      HEADER,
      '2024/25,4,RJ1,36L,13X,APC_EL,0-4,1,1,10.00,1',
      '2023/24,,RJZ,X98,18A,OP_FU,90+,2,2.5,0.01,',
      '2024/25,12,RJ7,,13X,HCD,,9,0,-3.50,0',
      '2024/25,1,RJ1,E54000042,18A,DEVICE,45-49,,3,7.25,2',
    ]);
    const fast = await phases({ file, dataset: 'fast' });
    expect(fast.phases).toEqual(['Reading and validating']);
    const slow = await phases({ file, dataset: 'slow', validateEveryRow: true });
    expect(slow.phases).toEqual(['Checking every row']);
    expect(fast.summary).toMatchObject({ read: 4, accepted: 4, rejected: 0, totalCost: '13.76' });
    expect({ ...slow.summary, dataset: 'fast' }).toEqual(fast.summary);
    expect(await table('fast')).toEqual(await table('slow'));
    const sexes = await ws.all<{ sex: string | null; residence_code: string | null }>(
      "SELECT sex, residence_code FROM activity WHERE dataset = 'fast' ORDER BY cost DESC",
    );
    expect(sexes).toEqual([
      { sex: 'M', residence_code: '36L' },
      { sex: null, residence_code: 'E54000042' },
      { sex: 'F', residence_code: null },
      { sex: 'U', residence_code: null },
    ]);
  });

  it('stores the same rows either way for a Parquet file, typed or not', async () => {
    // Typed columns the fast path takes (TINYINT month, BIGINT activity, DOUBLE patients, DECIMAL(18,2)
    // cost, '' residence = blank), and a FLOAT cost it leaves to the validating path.
    for (const [name, costType] of [
      ['typed', 'DECIMAL(18, 2)'],
      ['float', 'FLOAT'],
    ] as const) {
      const file = join(dir, `paths-${name}.parquet`);
      await ws.run(`COPY (SELECT '2024/25' AS financial_year, CAST(i % 12 + 1 AS TINYINT) AS month,
        ['RJ1', 'RJZ', 'RJ7'][i % 3 + 1] AS provider_code, ['36L', '', 'X98', 'QKK'][i % 4 + 1] AS residence_code,
        '13X' AS service_code, 'OP_PROC' AS pod, CAST(i % 5 AS BIGINT) AS activity,
        CAST(i / 4 AS ${costType}) AS cost, CAST(i % 3 AS DOUBLE) / 2 AS patients
        FROM range(5000) t(i)) TO '${file}' (FORMAT parquet)`);
      const fast = await phases({ file, dataset: `${name}-fast` });
      expect(fast.phases).toEqual([name === 'typed' ? 'Reading and validating' : 'Checking every row']);
      await importActivity(ws, { file, dataset: `${name}-slow`, validateEveryRow: true });
      // cost i/4 for i = 0…4999: sum = 4999·5000/2/4 = 3124375.00 (each a whole number of pennies).
      expect(fast.summary).toMatchObject({ read: 5000, accepted: 5000, totalCost: '3124375.00' });
      expect(await table(`${name}-fast`)).toEqual(await table(`${name}-slow`));
    }
  });

  it('gives way on a bad row in the last chunk of a big file, and the rejects name its row', async () => {
    // 300,000 clean rows (several row groups and CSV buffers), then one unknown provider: data row 300,001.
    const file = join(dir, 'late-bad.csv');
    await ws.run(`COPY (SELECT '2024/25' AS financial_year, CAST(i % 12 + 1 AS INTEGER) AS month, 'RJ1' AS provider_code,
      '36L' AS residence_code, '13X' AS service_code, 'OP_FU' AS pod, 'M' AS sex, 1 AS activity,
      CAST(i % 1000 AS DECIMAL(18, 2)) AS cost FROM range(300000) t(i)) TO '${file}' (HEADER)`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}2024/25,4,ZZZ,36L,13X,OP_FU,M,1,1.00\n`);
    const error = await expectRefused(file, 'FP_IMPORT_REJECTED', { file, row: 300001, field: 'provider_code' });
    expect(error).toMatchObject({ summary: { read: 300001, accepted: 0, rejected: 1 } });
  });

  it('gives way on text in a number column, which the typed reader cannot read', async () => {
    const file = csvFile([HEADER, GOOD_ROWS[0]!, GOOD_ROWS[0]!, '2024/25,4,RJ1,36L,13X,APC_EL,0-4,M,1,£5,1']);
    await expectRefused(file, 'FP_IMPORT_REJECTED', { file, row: 3, field: 'cost' });
  });
});

describe('a process killed mid-import', () => {
  it('leaves the workspace exactly as before', async () => {
    const killDir = mkdtempSync(join(tmpdir(), 'footprint-kill-'));
    const big = join(killDir, 'big.csv');
    // 3 million rows: long enough (several seconds) to be killed while moving.
    await ws.run(`COPY (SELECT '2024/25' AS financial_year, 'RJ1' AS provider_code, '36L' AS residence_code,
      '13X' AS service_code, 'APC_EL' AS pod, 1 AS activity, CAST(i % 1000 AS DECIMAL(18, 2)) AS cost
      FROM range(3000000) t(i)) TO '${big}' (HEADER)`);
    const killWsDir = join(killDir, 'ws');
    const killWs = await openWorkspace(killWsDir, { create: true });
    const { insertToyReference } = await import('./support/toy-workspace.ts');
    await insertToyReference(killWs);
    await importActivity(killWs, { file: csvFile([HEADER, ...GOOD_ROWS]) });
    const before = await checksum(killWs);
    killWs.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../../src/cli/main.ts'), 'import', big, '--workspace', killWsDir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (/Reading and validating/.test(chunk.toString())) setTimeout(resolve, 500);
      });
      child.on('exit', () => reject(new Error('the import finished before it could be killed')));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    const after = await openWorkspace(killWsDir);
    expect(await checksum(after)).toBe(before);
    after.close();
    expect(existsSync(join(killWsDir, 'footprint.duckdb'))).toBe(true);
  });
});
