// Importing KPI definitions and monthly values into a real workspace from CSV and XLSX: all or nothing,
// every error naming its file, row and field, and a later import replacing a month's value.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FootprintError } from '../../src/core/errors.ts';
import { SYSTEM_ACTOR } from '../../src/data/audit/record-audit.ts';
import { importKpiFile, readKpi } from '../../src/data/quality/kpi-store.ts';
import { loadReference } from '../../src/data/reference/load-reference.ts';
import { openWorkspace, type Workspace } from '../../src/data/workspace.ts';

let dir: string;
let ws: Workspace;

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function problemOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FootprintError) return error.problem;
    throw error;
  }
  throw new Error('expected a FootprintError');
}

const count = async (table: string) =>
  (await ws.one<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`))!.n;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footprint-kpi-'));
  ws = await openWorkspace(dir, { create: true });
  await loadReference(ws);
}, 120_000);

afterAll(() => ws.close());

describe('KPI import', () => {
  it('imports definitions from CSV, then monthly values from XLSX', async () => {
    const defs = file(
      'defs.csv',
      'kpi_id,name,service_code,provider_code,icb_code,unit,direction,target,escalation_rule\r\n' +
        'RTT-RJ7,Within 18 weeks,11,RJ7,,%,increase,92,standard\r\n' +
        'READMIT-QWE,Readmissions,11,,QWE,%,decrease,,strict\r\n',
    );
    expect(await importKpiFile(ws, defs, SYSTEM_ACTOR)).toMatchObject({ kind: 'definitions', rows: 2 });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Returns');
    sheet.addRow(['kpi_id', 'period', 'value']);
    for (let m = 1; m <= 12; m++) sheet.addRow(['RTT-RJ7', `2025-${String(m).padStart(2, '0')}`, 93 + (m % 2)]);
    const xlsx = join(dir, 'values.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    expect(await importKpiFile(ws, xlsx, SYSTEM_ACTOR)).toMatchObject({ kind: 'values', rows: 12 });
    const kpi = await readKpi(ws, 'RTT-RJ7');
    expect(kpi.assessment).toMatchObject({ points: 12, lastPeriod: '2025-12-01', lastValue: 93 });
  });

  it('a later import replaces a month and keeps the rest', async () => {
    await importKpiFile(ws, file('fix.csv', 'kpi_id,period,value\nRTT-RJ7,2025-12,88\n'), SYSTEM_ACTOR);
    const kpi = await readKpi(ws, 'RTT-RJ7');
    expect(kpi.assessment).toMatchObject({ points: 12, lastValue: 88 });
  });

  it('rejects the whole file when any row is bad, naming file, row and field; nothing is stored', async () => {
    const before = await count('kpi_value');
    const bad = file('bad.csv', 'kpi_id,period,value\nRTT-RJ7,2026-01,90\nRTT-RJ7,2026-02,ninety\nNOPE,2026-03,1\n');
    const problem = await problemOf(importKpiFile(ws, bad, SYSTEM_ACTOR));
    expect(problem).toMatchObject({
      code: 'FP_KPI_REJECTED',
      where: { file: bad, row: 2, field: 'value' },
      received: 'ninety',
    });
    expect(problem.message).toContain('2 problems');
    expect(problem.hint).toContain('row 3 kpi_id');
    expect(await count('kpi_value')).toBe(before);
  });

  it('rejects definitions naming codes the workspace does not have', async () => {
    const bad = file(
      'codes.csv',
      'kpi_id,name,service_code,provider_code,unit,direction\nX,x,NOPE,RJ7,%,increase\nY,y,11,ZZZ9,%,increase\n',
    );
    const problem = await problemOf(importKpiFile(ws, bad, SYSTEM_ACTOR));
    expect(problem).toMatchObject({ code: 'FP_KPI_REJECTED', where: { row: 1, field: 'service_code' } });
    expect(problem.hint).toContain('row 2 provider_code');
  });

  it('refuses a file whose header is neither kind, and a definitions file missing a column', async () => {
    expect(await problemOf(importKpiFile(ws, file('what.csv', 'a,b\n1,2\n'), SYSTEM_ACTOR))).toMatchObject({
      code: 'FP_KPI_BAD_FILE',
      received: 'a, b',
    });
    expect(
      await problemOf(importKpiFile(ws, file('nodir.csv', 'kpi_id,name,service_code,unit\nX,x,11,%\n'), SYSTEM_ACTOR)),
    ).toMatchObject({
      code: 'FP_KPI_BAD_FILE',
      where: { field: 'direction' },
    });
    expect(await problemOf(importKpiFile(ws, file('x.parquet', 'not parquet'), SYSTEM_ACTOR))).toMatchObject({
      code: 'FP_KPI_BAD_FILE',
    });
  });
});
