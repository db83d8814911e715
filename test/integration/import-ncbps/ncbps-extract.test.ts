// A small extract in the layout NHS England's specialised commissioning data comes in: PSS service
// lines (NCBPS…) instead of catalogue keys, ODS provider codes and sub-ICB residence, under the SUS-style
// headers. It loads onto the shipped catalogue with zero rejects; a service line the catalogue does not
// map is a reject naming its row and field.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FootprintError } from '../../../src/core/errors.ts';
import { importActivity } from '../../../src/data/import/import-activity.ts';
import { legacyServiceKeysWarning } from '../../../src/data/reference/legacy-service-keys.ts';
import { loadReference } from '../../../src/data/reference/load-reference.ts';
import { openWorkspace, type Workspace } from '../../../src/data/workspace.ts';

const HEADER =
  'Der_Financial_Year,Der_Activity_Month,Der_Provider_Code,Der_Sub_ICB_Code,Service_Line,Der_POD,Age_Group,Gender,Activity_Actual,Price_Actual';

let dir: string;
let ws: Workspace;

/** The catalogue service a service line or group belongs to, read from the workspace (never pinned here). */
async function serviceOfLine(line: string): Promise<{ code: string; name: string }> {
  const row = await ws.one<{ code: string; name: string }>(
    `SELECT s.service_code AS code, s.name FROM service_line l
     JOIN service s ON s.service_code = l.service_code AND s.is_current WHERE l.service_line = $1`,
    [line],
  );
  if (!row) throw new Error(`the shipped catalogue maps no service line ${line}`);
  return row;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footprint-ncbps-'));
  ws = await openWorkspace(join(dir, 'ws'), { create: true });
  await loadReference(ws);
});

afterAll(() => {
  ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an extract identified by PSS service line', () => {
  it('loads with zero rejects, each line on its catalogue service', async () => {
    // The shipped catalogue gives whole group NCBPS13 to one service and NCBPS22S as a single line.
    const cardiac = await serviceOfLine('NCBPS13');
    const secure = await serviceOfLine('NCBPS22S');
    const camhs = await serviceOfLine('NCBPS23K');
    // A manual number and a local key are accepted as they are, beside service lines.
    const local = await ws.one<{ code: string }>(
      "SELECT service_code AS code FROM service WHERE is_current AND service_code LIKE 'LOCAL-%' ORDER BY service_code LIMIT 1",
    );
    const file = join(dir, 'ncbps.csv');
    writeFileSync(
      file,
      `${[
        HEADER,
        // Sheffield Teaching (RHQ), Sheffield sub-ICB 03N: a line of the cardiac group, lower case.
        '2025/26,4,RHQ,03N,NCBPS13F,APC_EL,65-69,1,2,14520.00',
        '2025/26,5,RHQ,03N,ncbps13a,OP_FIRST,70-74,2,1,310.50',
        // A secure mental health line and a CAMHS tier 4 line.
        '2025/26,6,RHQ,02P,NCBPS22S,OTHER,30-34,1,31,20150.00',
        '2025/26,7,RCU,03N,NCBPS23K,OTHER,15-19,2,12,7800.00',
        `2025/26,8,RP4,03N,${local!.code},APC_EL,5-9,1,1,9000.00`,
      ].join('\n')}\n`,
    );
    const summary = await importActivity(ws, { file, dataset: 'ncbps' });
    expect(summary).toMatchObject({ read: 5, accepted: 5, rejected: 0, rejectsFile: null, totalCost: '51780.50' });
    const rows = await ws.all<{ service_code: string; n: number }>(
      "SELECT service_code, CAST(count(*) AS INTEGER) AS n FROM activity WHERE dataset = 'ncbps' GROUP BY ALL ORDER BY ALL",
    );
    expect(rows).toEqual(
      [
        { service_code: cardiac.code, n: 2 },
        { service_code: secure.code, n: 1 },
        { service_code: camhs.code, n: 1 },
        { service_code: local!.code, n: 1 },
      ].sort((a, b) => (a.service_code < b.service_code ? -1 : 1)),
    );
    expect(cardiac.name).toMatch(/cardiac/i);
    expect(secure.name).toMatch(/secure mental health/i);
  });

  it('maps the further sourced lines to their services, and an extract with them loads', async () => {
    // From the services README's table: line → the service name its source gives.
    const expected: [string, RegExp][] = [
      ['NCBPS42D', /^Gender identity services \(adults\)$/],
      ['NCBPS08Y', /^Adult specialist neurosciences services$/],
      ['NCBPS23G', /^Adult ataxia telangiectasia services$/],
      ['NCBPS27Z', /^Adult specialist endocrinology services$/],
      ['NCBPS32A', /^Cochlear implantation services/],
    ];
    for (const [line, name] of expected) expect((await serviceOfLine(line)).name).toMatch(name);
    const file = join(dir, 'more-lines.csv');
    writeFileSync(
      file,
      `${[HEADER, ...expected.map(([line], i) => `2025/26,${i + 1},RHQ,03N,${line},OP_FIRST,40-44,1,1,250.00`)].join('\n')}\n`,
    );
    const summary = await importActivity(ws, { file, dataset: 'more-lines' });
    expect(summary).toMatchObject({ read: 5, accepted: 5, rejected: 0 });
  });

  it('rejects a service line the catalogue does not map, naming the row and field', async () => {
    const file = join(dir, 'unknown.csv');
    writeFileSync(
      file,
      `${[HEADER, '2025/26,4,RHQ,03N,NCBPS13F,APC_EL,65-69,1,2,100.00', '2025/26,4,RHQ,03N,NCBPS99Z,APC_EL,65-69,1,2,100.00'].join('\n')}\n`,
    );
    let error: unknown;
    try {
      await importActivity(ws, { file, dataset: 'unknown' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FootprintError);
    expect((error as FootprintError).code).toBe('FP_IMPORT_REJECTED');
    const rejects = readFileSync(join(dir, 'unknown.rejects.csv'), 'utf8');
    expect(rejects).toMatch(/^2,service_code,NCBPS99Z,FP_IMPORT_UNKNOWN_SERVICE,/m);
  });
});

describe('a workspace made with the old invented keys', () => {
  it('is told to regenerate; a current one is not', async () => {
    expect(await legacyServiceKeysWarning(ws)).toBeNull();
    await ws.run(
      "INSERT INTO service VALUES ('slug:adult-critical-care', 99, 'Adult critical care', NULL, NULL, NULL, NULL, 'old', NULL, true)",
    );
    try {
      expect(await legacyServiceKeysWarning(ws)).toMatch(/1 services carry invented keys.*Regenerate it/);
    } finally {
      await ws.run('DELETE FROM service WHERE catalogue_version = 99');
    }
  });
});
