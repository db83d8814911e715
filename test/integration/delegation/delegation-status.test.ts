// Delegation status as it happened, on the real reference data: the waves of 2023, 2024 and 2025 by
// region, the joint committees, and an imported NHS England table with a column per ICB or region.
// Services are looked up from the catalogue (its keys are changing to PSS identifiers), never named.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { register } from '../../../src/cli/commands/services.ts';
import { FootprintError } from '../../../src/core/errors.ts';
import { workspaceEvidence } from '../../../src/data/assurance/review-evidence.ts';
import { delegatedServicesCount, delegationStatuses } from '../../../src/data/delegation/delegation-status.ts';
import { listCurrentServices } from '../../../src/data/queries/services-catalogue.ts';
import { importServices } from '../../../src/data/reference/import-services.ts';
import { loadReference } from '../../../src/data/reference/load-reference.ts';
import { openWorkspace, type Workspace } from '../../../src/data/workspace.ts';

async function problemOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FootprintError) return error.problem;
    throw error;
  }
  throw new Error('expected a FootprintError');
}

describe('delegation status by service × ICB × year', () => {
  const dir = mkdtempSync(join(tmpdir(), 'footprint-delegation-status-'));
  let ws: Workspace;
  let delegated: { serviceCode: string; name: string };
  let retained: { serviceCode: string } | undefined;
  let northWest: { code: string; name: string };
  let london: { code: string; name: string };

  beforeAll(async () => {
    ws = await openWorkspace(dir, { create: true });
    await loadReference(ws);
    const services = await listCurrentServices(ws);
    delegated = services.find((s) => s.delegated2023 === true)!;
    retained = services.find((s) => s.delegated2023 === false && s.delegated2025 === null);
    const icbIn = (region: string) =>
      ws.one<{ code: string; name: string }>(
        `SELECT i.icb_code AS code, i.name FROM icb i JOIN region r USING (vintage, region_code)
          WHERE i.vintage = '2026' AND r.name = $1 ORDER BY i.icb_code LIMIT 1`,
        [region],
      ) as Promise<{ code: string; name: string }>;
    northWest = await icbIn('North West');
    london = await icbIn('London');
  });
  afterAll(() => ws?.close());

  it('a North West and a London ICB differ in 2024/25 for one of the 59 services, and agree before and after', async () => {
    expect(delegated).toBeDefined();
    const years = ['2023/24', '2024/25', '2025/26', '2027/28'];
    const nw = (await delegationStatuses(ws, { icbCode: northWest.code, years, vintage: '2026' })).get(
      delegated.serviceCode,
    )!;
    const ldn = (await delegationStatuses(ws, { icbCode: london.code, years, vintage: '2026' })).get(
      delegated.serviceCode,
    )!;
    expect(nw.map((s) => s.arrangement)).toEqual(['joint-committee', 'delegated', 'delegated', 'delegated']);
    expect(ldn.map((s) => s.arrangement)).toEqual(['joint-committee', 'joint-committee', 'delegated', 'delegated']);
    expect(ldn[1]!.jointCommittee).toBe('London specialised services joint committee');
    expect(nw[0]!.jointCommittee).toBe('North West specialised services joint committee');
    expect(ldn[1]!.source).toContain('specialised-commissioning-2024-25-next-steps');
    expect(nw[2]!.source).toContain('delegation-of-specialised-services-to-integrated-care-boards-2025-26');
  });

  it('a service outside the 59 is retained nationally until 2025/26, then not known while the 11 are unnamed', async () => {
    expect(retained).toBeDefined();
    const statuses = (
      await delegationStatuses(ws, { icbCode: london.code, years: ['2023/24', '2024/25', '2025/26'], vintage: '2026' })
    ).get(retained!.serviceCode)!;
    expect(statuses.map((s) => s.arrangement)).toEqual(['retained-nationally', 'retained-nationally', 'unknown']);
    expect(statuses[2]!.basis).toBe('not-known');
  });

  it('North East and North Cumbria had its own joint committee; the rest of the region shared one', async () => {
    const others = await ws.one<{ code: string }>(
      `SELECT icb_code AS code FROM icb WHERE vintage = '2026' AND region_code = 'Y63' AND icb_code <> 'QHM' LIMIT 1`,
    );
    const committee = async (icbCode: string) =>
      (await delegationStatuses(ws, { icbCode, years: ['2024/25'], vintage: '2026' })).get(delegated.serviceCode)![0]!
        .jointCommittee;
    expect(await committee('QHM')).toBe('North East and North Cumbria specialised services joint committee');
    expect(await committee(others!.code)).toBe('Yorkshire and the Humber specialised services joint committee');
  });

  it('the review page’s evidence quotes the same delegated count as the services pages', async () => {
    const count = await delegatedServicesCount(ws);
    const [item] = await workspaceEvidence(ws, { subjectKind: 'icb', subjectCode: london.code }, [
      'delegation-outcomes',
    ]);
    expect(item!.lines).toContain(`Reference data: ${count.label}.`);
    const services = await listCurrentServices(ws);
    expect(count.inCatalogue).toBe(services.filter((s) => s.delegated2025 === true || s.delegated2023 === true).length);
  });

  it('an unknown ICB is refused naming the parameter', async () => {
    const problem = await problemOf(delegationStatuses(ws, { icbCode: 'ZZZ', years: ['2024/25'], vintage: '2026' }));
    expect(problem.code).toBe('FP_SERVICES_UNKNOWN_ICB');
    expect(problem.where).toEqual({ parameter: 'icb' });
  });

  it('`footprint services list --icb CODE --year 2024/25` shows the ICB’s arrangement by name', async () => {
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      out.push(String(chunk));
      return true;
    });
    try {
      const program = new Command('footprint').exitOverride();
      register(program);
      ws.close();
      await program.parseAsync(['services', 'list', '--icb', london.code, '--year', '2024/25', '--workspace', dir], {
        from: 'user',
      });
    } finally {
      write.mockRestore();
      ws = await openWorkspace(dir);
    }
    const text = out.join('\n');
    expect(text).toContain(london.name);
    expect(text).toMatch(
      new RegExp(
        `${delegated.name.replace(/[()]/g, '.')}\\tJoint committee \\(London specialised services joint committee\\)`,
      ),
    );
  });

  it('imports NHS England’s table with a column per ICB and per region, keeping the detail', async () => {
    const file = join(dir, 'delegation-status.csv');
    writeFileSync(
      file,
      [
        `SERVICE_CODE,SERVICE_CODE_DESCRIPTION,HIGHLY_SPECIALISED_SERVICE,2024/25_ICB_DELEGATION_STATUS,North West,"${london.name}"`,
        `${delegated.serviceCode},"${delegated.name}",N,Delegated,Delegated,Retained by NHS England`,
      ].join('\n'),
    );
    const summary = await importServices(ws, file);
    expect(summary.areaStatuses).toBe(2);
    const ldn = (await delegationStatuses(ws, { icbCode: london.code, years: ['2024/25'], vintage: '2026' })).get(
      delegated.serviceCode,
    )![0]!;
    expect(ldn).toMatchObject({ arrangement: 'retained-nationally', basis: 'imported' });
    expect(ldn.source).toBe(file);
    const nw = (await delegationStatuses(ws, { icbCode: northWest.code, years: ['2024/25'], vintage: '2026' })).get(
      delegated.serviceCode,
    )![0]!;
    expect(nw).toMatchObject({ arrangement: 'delegated', basis: 'imported' });
  });

  it('refuses a status it cannot read, naming row and column, and stores nothing', async () => {
    const before = await ws.one<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM service_delegation_area');
    const file = join(dir, 'bad-status.csv');
    writeFileSync(
      file,
      [
        'SERVICE_CODE,SERVICE_CODE_DESCRIPTION,2024/25_ICB_DELEGATION_STATUS,North West',
        `${delegated.serviceCode},"${delegated.name}",Delegated,Maybe`,
      ].join('\n'),
    );
    const problem = await problemOf(importServices(ws, file));
    expect(problem.code).toBe('FP_SERVICES_BAD_FILE');
    expect(problem.where).toEqual({ file, row: 1, field: 'North West' });
    const after = await ws.one<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM service_delegation_area');
    expect(after!.n).toBe(before!.n);
  });
});
