// Datasets: listed with what they hold and who imported them, made current only when asked, and removed
// with everything computed from them — never the current one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FootprintError } from '../../src/core/errors.ts';
import { chooseDataset, currentDataset, setCurrentDataset } from '../../src/data/datasets/current-dataset.ts';
import { listDatasets, recordImporter, removeDataset } from '../../src/data/datasets/datasets.ts';
import { parseClickHouseAddress } from '../../src/data/engines/clickhouse-address.ts';
import { saveEngineChoice } from '../../src/data/engines/open-engine.ts';
import { importActivity } from '../../src/data/import/import-activity.ts';
import { runBasisConversion } from '../../src/data/run/run-basis-conversion.ts';
import type { Workspace } from '../../src/data/workspace.ts';
import { createToyWorkspace, TOY_PROVIDERS, TOY_SERVICES } from './support/toy-workspace.ts';

let ws: Workspace;
let dir: string;

/** A CSV of rows (year, cost) at toy providers, residences and services. */
function extract(name: string, rows: [string, string][]): string {
  const file = join(dir, name);
  const lines = rows.map(
    ([year, cost], i) => `${year},4,${TOY_PROVIDERS[i % 3]},36L,${TOY_SERVICES[i % 2]},APC_EL,0-4,M,1,${cost},1`,
  );
  writeFileSync(
    file,
    `financial_year,month,provider_code,residence_code,service_code,pod,age_band,sex,activity,cost,patients\n${lines.join('\n')}\n`,
  );
  return file;
}

async function problemOf(work: Promise<unknown>): Promise<FootprintError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FootprintError)) throw new Error(`expected a FootprintError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  ws = await createToyWorkspace();
  dir = mkdtempSync(join(tmpdir(), 'footprint-datasets-'));
  // Cost by hand: a = 10.00 + 20.50 = 30.50 over two years; b = 1.25.
  await importActivity(ws, {
    file: extract('a.csv', [
      ['2023/24', '10.00'],
      ['2024/25', '20.50'],
    ]),
    dataset: 'a',
  });
  await recordImporter(ws, 'a', 'ann@example.nhs.uk');
  await importActivity(ws, { file: extract('b.csv', [['2024/25', '1.25']]), dataset: 'b' });
  await runBasisConversion(ws, { dataset: 'b' });
});

afterAll(() => ws.close());

describe('datasets', () => {
  it('lists each with rows, cost, years, runs, the file name and who imported it; the first import is current', async () => {
    const list = await listDatasets(ws);
    expect(list.current).toBe('a');
    const a = list.rows.find((d) => d.name === 'a');
    const b = list.rows.find((d) => d.name === 'b');
    expect(a).toMatchObject({
      current: true,
      sourceFile: 'a.csv',
      rowsAccepted: 2,
      totalCost: 30.5,
      years: ['2023/24', '2024/25'],
      importedBy: 'ann@example.nhs.uk',
      runs: [],
    });
    expect(a?.importedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(b).toMatchObject({ current: false, totalCost: 1.25, years: ['2024/25'], importedBy: null });
    expect(b?.runs.map((r) => r.vintage)).toEqual(['2026']);
  });

  it('a connection pointed at a dataset reads it, leaving the current dataset as it is', async () => {
    const other = await ws.connect();
    try {
      await chooseDataset(other, 'b');
      expect(await currentDataset(other)).toBe('b');
      expect(await currentDataset(ws)).toBe('a');
      const error = await problemOf(chooseDataset(other, 'nope'));
      expect(error.code).toBe('FP_DATASET_NOT_FOUND');
      expect(error.problem.where).toEqual({ parameter: '--dataset' });
      expect(error.problem.accepted).toBe('a, b');
    } finally {
      other.close();
    }
  });

  it('refuses to remove the current dataset, then removes another with all its results', async () => {
    const current = await problemOf(removeDataset(ws, 'a'));
    expect(current.code).toBe('FP_DATASET_IS_CURRENT');
    expect(current.problem.where).toEqual({ parameter: 'dataset' });
    await setCurrentDataset(ws, 'b');
    await removeDataset(ws, 'a');
    expect((await listDatasets(ws)).rows.map((d) => d.name)).toEqual(['b']);
    const left = await ws.one<{ n: number }>("SELECT CAST(count(*) AS INTEGER) AS n FROM activity WHERE dataset = 'a'");
    expect(left?.n).toBe(0);
  });

  it('does not yet remove a dataset held on a ClickHouse cluster', async () => {
    await importActivity(ws, { file: extract('c.csv', [['2024/25', '2.00']]), dataset: 'c' });
    await saveEngineChoice(ws, { kind: 'clickhouse', address: parseClickHouseAddress('clickhouse://127.0.0.1:1') });
    try {
      const error = await problemOf(removeDataset(ws, 'c'));
      expect(error.code).toBe('FP_DATASET_ON_CLUSTER');
      expect(error.problem.where).toEqual({ parameter: 'dataset' });
    } finally {
      await saveEngineChoice(ws, { kind: 'duckdb' });
    }
  });
});
