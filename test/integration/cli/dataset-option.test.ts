// --dataset and --geography on the command line: the run a report reads is the one named, resolved by the
// same readRunContext the API uses. Two datasets on the toy geography, the second the first's activity at
// twice the cost; the first also run on the 2023 geography.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBasisConversion } from '../../../src/data/run/run-basis-conversion.ts';
import {
  type BasisWorkspace,
  createBasisWorkspace,
  insertToyActivity,
  TOY_ACTIVITY,
} from '../support/basis-fixture.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

function footprint(args: string[]) {
  const result = spawnSync(process.execPath, [tsx, join(root, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, FOOTPRINT_WORKSPACE: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type AllocationRow = { providerBasisSpend: number; icb: string };
const total = (rows: AllocationRow[]) => rows.reduce((s, r) => s + r.providerBasisSpend, 0);

let toy: BasisWorkspace;
let toyCost: number;

beforeAll(async () => {
  toy = await createBasisWorkspace();
  await insertToyActivity(
    toy.ws,
    'double',
    TOY_ACTIVITY.map((r) => ({ ...r, cost: (Number(r.cost) * 2).toFixed(2) })),
  );
  for (const name of ['toy', 'double']) {
    await toy.ws.run(
      `INSERT INTO dataset (name, source_file, format, rows_read, rows_accepted, rows_rejected, total_cost, imported_at)
       SELECT $1, 'toy.csv', 'csv', count(*), count(*), 0, sum(cost), TIMESTAMP '2026-04-01 09:00:00'
       FROM activity WHERE dataset = $1`,
      [name],
    );
  }
  await runBasisConversion(toy.ws, { dataset: 'toy' });
  await runBasisConversion(toy.ws, { dataset: 'double' });
  await runBasisConversion(toy.ws, { dataset: 'toy', vintage: '2023' });
  toyCost = (await toy.ws.one<{ n: number }>(
    "SELECT CAST(sum(cost) AS DOUBLE) AS n FROM activity WHERE dataset = 'toy' AND financial_year = '2024/25'",
  ))!.n;
  toy.close();
});
afterAll(() => toy.cleanup());

describe('footprint report --dataset and --geography', () => {
  it('reads the dataset named, and the current one without it', () => {
    const current = footprint(['report', 'allocations', '--workspace', toy.dir, '--year', '2024/25']);
    expect(current.status, current.stderr).toBe(0);
    const second = footprint([
      'report',
      'allocations',
      '--workspace',
      toy.dir,
      '--year',
      '2024/25',
      '--dataset',
      'double',
    ]);
    expect(second.status, second.stderr).toBe(0);
    const a = JSON.parse(current.stdout);
    const b = JSON.parse(second.stdout);
    expect(a.meta.dataset).toBe('toy');
    expect(b.meta.dataset).toBe('double');
    expect(total(a.rows)).toBeCloseTo(toyCost, 2);
    expect(total(b.rows)).toBeCloseTo(2 * toyCost, 2);
  });

  it('reads the geography named: the 2023 run has the 2023 ICBs; a dataset not run on it is FP_RUN_NOT_RUN', () => {
    const old = footprint([
      'report',
      'allocations',
      '--workspace',
      toy.dir,
      '--year',
      '2024/25',
      '--geography',
      '2023',
    ]);
    expect(old.status, old.stderr).toBe(0);
    const json = JSON.parse(old.stdout);
    expect(json.meta).toMatchObject({ dataset: 'toy', vintage: '2023' });
    expect(total(json.rows)).toBeCloseTo(toyCost, 2);
    const notRun = footprint(['report', 'flows', '--workspace', toy.dir, '--dataset', 'double', '--geography', '2023']);
    expect(notRun.status).toBe(1);
    expect(notRun.stderr).toContain('FP_RUN_NOT_RUN');
    expect(notRun.stderr).toContain('--dataset double --geography 2023');
  });

  it('an unknown dataset or geography is refused naming it, and a command drawn on the current ICBs refuses 2023', () => {
    const unknown = footprint(['report', 'flows', '--workspace', toy.dir, '--dataset', 'nope']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('FP_DATASET_NOT_FOUND');
    expect(unknown.stderr).toContain('"nope"');
    expect(unknown.stderr).not.toContain('    at ');
    const badVintage = footprint(['report', 'flows', '--workspace', toy.dir, '--geography', '2019']);
    expect(badVintage.status).toBe(1);
    expect(badVintage.stderr).toContain('FP_GEOGRAPHY_UNKNOWN_VINTAGE');
    const atlas = footprint(['atlas', '--workspace', toy.dir, '--geography', '2023']);
    expect(atlas.status).toBe(1);
    expect(atlas.stderr).toContain('FP_CLI_BAD_OPTION');
    expect(atlas.stderr).toContain('--geography');
  });
});
