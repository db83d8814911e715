// The audit trail records imports, switches of the current dataset and runs from the data layer, so the
// command line and the web app are audited alike; `footprint audit verify` walks the chain and finds an
// edited event and the newest events deleted (the anchored head), naming the first broken link.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditChainReport, listAudit } from '../../src/data/audit/record-audit.ts';
import { setCurrentDataset } from '../../src/data/datasets/current-dataset.ts';
import { importActivity } from '../../src/data/import/import-activity.ts';
import { runBasisConversion } from '../../src/data/run/run-basis-conversion.ts';
import type { Workspace } from '../../src/data/workspace.ts';
import { createToyWorkspace } from './support/toy-workspace.ts';

const HEADER = 'financial_year,month,provider_code,residence_code,service_code,pod,age_band,sex,activity,cost,patients';
const ROW = '2024/25,4,RJ1,36L,13X,APC_EL,0-4,M,1,1234.56,1';
const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

let ws: Workspace;
let dir: string;

beforeAll(async () => {
  ws = await createToyWorkspace();
  dir = mkdtempSync(join(tmpdir(), 'footprint-audit-'));
});

let closed = false;
afterAll(() => {
  if (!closed) ws.close();
});

const file = (name: string, rows: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${[HEADER, ...rows].join('\n')}\n`);
  return path;
};

const by = { actor: 'analyst@example.nhs.uk', organisation: 'national', source: '203.0.113.9' };

describe('state changes made in the data layer', () => {
  it('an import, its replacement and the switch to the first import are audited with who, what and from where', async () => {
    await importActivity(ws, { file: file('a.csv', [ROW]), dataset: 'first', by });
    await importActivity(ws, { file: file('b.csv', [ROW, ROW]), dataset: 'first', by });
    const imports = await listAudit(ws, { objectType: 'dataset', objectId: 'first' });
    // Newest first: the replacement keeps what it replaced.
    expect(imports.map((e) => [e.action, e.actor, e.source])).toEqual([
      ['replace', by.actor, by.source],
      ['import', by.actor, by.source],
    ]);
    expect(imports[0]!.before).toMatchObject({ rowsRead: 1, totalCost: '1234.56' });
    expect(imports[0]!.after).toMatchObject({ rowsRead: 2, totalCost: '2469.12' });
    // The first import became current; replacing the current dataset is no switch.
    const switches = await listAudit(ws, { objectType: 'current-dataset' });
    expect(switches).toHaveLength(1);
    expect(switches[0]).toMatchObject({ action: 'switch', actor: by.actor, before: null, after: { dataset: 'first' } });
  });

  it('setting the current dataset is audited; an unknown dataset is refused naming those there are', async () => {
    await importActivity(ws, { file: file('c.csv', [ROW]), dataset: 'second', by, makeCurrent: true });
    const [madeCurrent] = await listAudit(ws, { objectType: 'current-dataset' });
    expect(madeCurrent).toMatchObject({ actor: by.actor, before: { dataset: 'first' }, after: { dataset: 'second' } });
    await setCurrentDataset(ws, 'first', { ...by, actor: 'cli:someone', source: 'cli@host' });
    const [latest] = await listAudit(ws, { objectType: 'current-dataset' });
    expect(latest).toMatchObject({
      actor: 'cli:someone',
      source: 'cli@host',
      before: { dataset: 'second' },
      after: { dataset: 'first' },
    });
    await expect(setCurrentDataset(ws, 'nope', by)).rejects.toMatchObject({
      problem: { code: 'FP_DATASET_NOT_FOUND', where: { parameter: 'dataset' }, accepted: 'first, second' },
    });
    expect(await ws.setting('current_dataset')).toBe('first');
  });

  it('a run and a re-run are audited with their outcome', async () => {
    await runBasisConversion(ws, { dataset: 'first', by });
    await runBasisConversion(ws, { dataset: 'first', by });
    const runs = await listAudit(ws, { objectType: 'run', objectId: 'first 2026' });
    expect(runs.map((e) => e.action)).toEqual(['rerun', 'run']);
    expect(runs[1]!.after).toMatchObject({ rows: 2, unknownResidenceRule: expect.any(String) });
    expect(runs[0]!.before).toMatchObject({ rows: 2 });
  });

  it('without a named actor, the command line’s user and host are recorded', async () => {
    await setCurrentDataset(ws, 'second');
    const [latest] = await listAudit(ws, { objectType: 'current-dataset' });
    expect(latest!.actor).toMatch(/^cli:/);
    expect(latest!.source).toMatch(/^cli@/);
  });
});

describe('verifying the chain', () => {
  it('is intact, and anchored at its last event', async () => {
    const report = await auditChainReport(ws);
    const last = await ws.one<{ seq: number; hash: string }>(
      'SELECT CAST(seq AS INTEGER) AS seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1',
    );
    expect(report).toEqual({ intact: true, events: expect.any(Number), head: last, firstBroken: null });
    expect(report.events).toBeGreaterThanOrEqual(8);
  });

  it('finds an event edited after it was recorded, by its number', async () => {
    const target = await ws.one<{ seq: number; after: string }>(
      "SELECT CAST(seq AS INTEGER) AS seq, after_json AS after FROM audit_event WHERE object_type = 'dataset' ORDER BY seq LIMIT 1",
    );
    await ws.run('UPDATE audit_event SET after_json = $2 WHERE seq = $1', [target!.seq, '{"rowsRead":0}']);
    expect((await auditChainReport(ws)).firstBroken).toMatchObject({ seq: target!.seq, reason: 'hash' });
    await ws.run('UPDATE audit_event SET after_json = $2 WHERE seq = $1', [target!.seq, target!.after]);
    expect((await auditChainReport(ws)).intact).toBe(true);
  });

  it('finds the newest events deleted, and names the first missing one; the CLI exits 1', async () => {
    const last = (await auditChainReport(ws)).head!.seq;
    await ws.run('DELETE FROM audit_event WHERE seq >= $1', [last - 1]);
    const report = await auditChainReport(ws);
    expect(report.intact).toBe(false);
    expect(report.firstBroken).toMatchObject({ seq: last - 1, reason: 'truncated' });
    ws.close();
    closed = true;
    const cli = await run(join(root, 'node_modules', '.bin', 'tsx'), [
      join(root, 'src', 'cli', 'main.ts'),
      'audit',
      'verify',
      '--workspace',
      ws.dir,
    ]).catch((error: { code: number; stdout: string }) => error);
    expect((cli as { code?: number }).code).toBe(1);
    expect(cli.stdout).toContain(`BROKEN at event ${last - 1} (truncated)`);
  }, 60_000);
});
