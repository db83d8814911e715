// The ClickHouse engine from the command line on a real two-shard cluster: engine set/show, import streamed
// to the cluster with the same counts and rejects as DuckDB, run; hostile values bound safely; and every bad
// input — unreachable, wrong password, one host short, missing table, a shard down — a clear error naming the
// engine and host, a non-zero exit and the workspace unchanged; the web app reports the engine unavailable.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FootprintError } from '../../src/core/errors.ts';
import type { FinancialYear } from '../../src/core/units.ts';
import { ClickHouseEngine } from '../../src/data/engines/clickhouse.ts';
import { parseClickHouseAddress } from '../../src/data/engines/clickhouse-address.ts';
import { openWorkspace } from '../../src/data/workspace.ts';
import { buildApp } from '../../src/server/app.ts';
import { createToyWorkspace } from '../integration/support/toy-workspace.ts';
import { type ClickHouseCluster, startClickHouseCluster } from './support/clickhouse-cluster.ts';

const root = join(import.meta.dirname, '..', '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

const HEADER = 'financial_year,month,provider_code,residence_code,service_code,pod,age_band,sex,activity,cost,patients';
// Four good rows (as test/integration/import.test.ts). Cost by hand: 1234.56 + 0.10 + 0.20 − 50.01 = £1,184.85.
const GOOD_ROWS = [
  '2024/25,4,RJ1,36L,13X,APC_EL,0-4,M,1,1234.56,1',
  '2024/25,5,RJZ,e54000042,18A,OP_FIRST,90+,F,2,0.10,2',
  '2024/25,,rj7,X98,13x,hcd,,U,3.5,0.20,',
  '2024/25,12, RJ1 ,,18A ,DEVICE,45-49,,1,-50.01,1',
];

let cluster: ClickHouseCluster;
let dir: string;
let wsDir: string;
let env: NodeJS.ProcessEnv;

function footprint(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [tsx, join(root, 'src/cli/main.ts'), ...args, '--workspace', wsDir], {
    encoding: 'utf8',
    env: { ...process.env, FOOTPRINT_WORKSPACE: '', ...env, ...extraEnv },
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function csvFile(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Everything a failed command must leave alone: settings, datasets, activity and stored results. */
async function fingerprint(): Promise<string> {
  const ws = await openWorkspace(wsDir, { readOnly: true });
  try {
    return JSON.stringify(
      await ws.all(`SELECT
        (SELECT string_agg(key || '=' || value, '|' ORDER BY key) FROM setting) AS settings,
        (SELECT string_agg(name || ':' || rows_accepted || ':' || total_cost, '|' ORDER BY name) FROM dataset) AS datasets,
        (SELECT CAST(count(*) AS INTEGER) FROM activity) AS activity_rows,
        (SELECT string_agg(dataset || ':' || rows || ':' || total_cost, '|' ORDER BY dataset) FROM run) AS runs,
        (SELECT CAST(count(*) AS INTEGER) FROM flow) AS flows`),
    );
  } finally {
    ws.close();
  }
}

/** The rows a query gives asked of one shard directly (its local tables). */
async function onShard<T>(shard: number, query: string, settings: Record<string, number> = {}): Promise<T[]> {
  const client = createClient({
    url: `http://127.0.0.1:${cluster.nodes[shard]!.httpPort}`,
    username: cluster.user,
    password: cluster.password,
  });
  try {
    if (!/^\s*SELECT/i.test(query)) {
      await client.command({ query, clickhouse_settings: settings });
      return [];
    }
    return await (await client.query({ query, format: 'JSONEachRow' })).json<T>();
  } finally {
    await client.close();
  }
}

/** Rows of one dataset on one shard's local table, asked of that shard directly. */
async function shardRows(shard: number, dataset: string): Promise<number> {
  const rows = await onShard<{ n: string }>(
    shard,
    `SELECT toString(count()) AS n FROM footprint.activity_local WHERE dataset = '${dataset}'`,
  );
  return Number(rows[0]?.n);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function problemOf(work: Promise<unknown>) {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FootprintError);
  return (error as FootprintError).problem;
}

beforeAll(async () => {
  cluster = await startClickHouseCluster();
  env = { CLICKHOUSE_USER: cluster.user, CLICKHOUSE_PASSWORD: cluster.password };
  const ws = await createToyWorkspace();
  wsDir = ws.dir;
  ws.close();
  dir = mkdtempSync(join(tmpdir(), 'footprint-clickhouse-cli-'));
});

afterAll(async () => {
  await cluster?.stop();
  for (const folder of [dir, wsDir]) if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('footprint engine, import and run on a two-shard cluster', () => {
  it('starts on duckdb and switches to the cluster, storing no credentials', async () => {
    expect(footprint(['engine', 'show']).out).toContain('Engine: duckdb');
    const set = footprint(['engine', 'set', cluster.url]);
    expect(set.out).toContain('Engine: clickhouse');
    expect(set.status).toBe(0);
    const show = footprint(['engine', 'show']);
    expect(show.status).toBe(0);
    expect(show.out).toMatch(/127\.0\.0\.1:\d+: ClickHouse 18\.16\.\d+, 0 activity rows/);
    expect(show.out).toContain('Status: available');
    expect(await fingerprint()).not.toContain(cluster.password);
  });

  it('imports a file onto the cluster with the same counts, leaving no facts in the workspace', async () => {
    const imported = footprint(['import', csvFile('good.csv', [HEADER, ...GOOD_ROWS]), '--dataset', 'main']);
    expect(imported.status).toBe(0);
    expect(imported.out).toContain('(clickhouse): total cost £1,184.85');
    expect(imported.out).toContain('read 4, accepted 4, rejected 0');
    expect((await shardRows(0, 'main')) + (await shardRows(1, 'main'))).toBe(4);
    const state = JSON.parse(await fingerprint())[0];
    expect(state.activity_rows).toBe(0);
    expect(state.datasets).toBe('main:4:1184.85');
  });

  it('loads a clean file from the reader straight onto the cluster, never taking the validating path', async () => {
    // GOOD_ROWS spell codes loosely (lower case, spaces), which only the validating path accepts; these two
    // rows are spelt as stored.
    const clean = [
      '2024/25,4,RJ1,36L,13X,APC_EL,0-4,M,1,1234.56,1',
      '2024/25,12,RJ1,36L,18A,DEVICE,45-49,F,1,-50.01,1',
    ];
    const imported = footprint(['import', csvFile('clean.csv', [HEADER, ...clean]), '--dataset', 'clean'], {
      FOOTPRINT_DEBUG: '1',
    });
    expect(imported.status).toBe(0);
    expect(imported.out).not.toContain('gave way');
    expect(imported.out).not.toContain('Checking every row');
    expect(imported.out).toContain('(clickhouse): total cost £1,184.55');
    expect(imported.out).toContain('read 2, accepted 2, rejected 0');
    expect((await shardRows(0, 'clean')) + (await shardRows(1, 'clean'))).toBe(2);
    expect(JSON.parse(await fingerprint())[0].activity_rows).toBe(0);
  });

  it('rejects a bad row as DuckDB does: counts, rejects file, nothing changed', async () => {
    const before = await fingerprint();
    const file = csvFile('bad.csv', [HEADER, ...GOOD_ROWS, '2024/25,4,ZZZ,36L,13X,APC_EL,0-4,M,1,1.00,1']);
    const refused = footprint(['import', file, '--dataset', 'main'], { FOOTPRINT_DEBUG: '1' });
    expect(refused.status).toBe(2);
    expect(refused.out).toContain('clean path gave way');
    expect(refused.out).toContain('FP_IMPORT_REJECTED');
    expect(refused.out).toContain('read 5, accepted 0, rejected 1');
    expect(existsSync(join(dir, 'bad.rejects.csv'))).toBe(true);
    expect(readFileSync(join(dir, 'bad.rejects.csv'), 'utf8')).toContain('FP_IMPORT_UNKNOWN_PROVIDER');
    expect(await fingerprint()).toBe(before);
    expect((await shardRows(0, 'main')) + (await shardRows(1, 'main'))).toBe(4);
  });

  it('with --allow-rejects loads the valid rows and counts the rest', async () => {
    const file = csvFile('some-bad.csv', [HEADER, ...GOOD_ROWS, '2024/25,4,ZZZ,36L,13X,APC_EL,0-4,M,1,1.00,1']);
    const loaded = footprint(['import', file, '--dataset', 'main', '--allow-rejects']);
    expect(loaded.status).toBe(0);
    expect(loaded.out).toContain('read 5, accepted 4, rejected 1');
    expect((await shardRows(0, 'main')) + (await shardRows(1, 'main'))).toBe(4);
    expect(JSON.parse(await fingerprint())[0].activity_rows).toBe(0);
  });

  it('runs the basis conversion on the cluster', async () => {
    const run = footprint(['run', '--dataset', 'main']);
    expect(run.status).toBe(0);
    expect(run.out).toContain('Activity rows read: 4');
    expect(run.out).toContain('Total spend: £1,184.85');
    expect(run.out).toContain('(clickhouse)');
  });
});

describe('hostile values cannot change a query', () => {
  let engine: ClickHouseEngine;
  beforeAll(async () => {
    engine = await ClickHouseEngine.connect(parseClickHouseAddress(cluster.url), {
      user: cluster.user,
      password: cluster.password,
    });
  });
  afterAll(async () => {
    await engine.close();
  });

  it.each(["main' OR '1'='1", "main\\' OR 1=1 --", "x'; DROP TABLE footprint.activity_local; --", 'main\\'])(
    'the dataset name %s matches no dataset and drops nothing',
    async (hostile) => {
      const question = { dataset: hostile, vintage: '2026' as const, unknownResidenceRule: 'unallocated' as const };
      expect(await engine.flowsByResidentIcbProviderService(question)).toEqual([]);
      expect(await engine.activityTotals(hostile, '2026')).toEqual([]);
      expect((await shardRows(0, 'main')) + (await shardRows(1, 'main'))).toBe(4);
    },
  );

  it('a hostile rule or year is only ever compared as a value', async () => {
    const base = { dataset: 'main', vintage: '2026' as const };
    const hostileRule = "unallocated' OR '1'='1" as 'unallocated';
    // Not equal to 'unallocated', so unknown residence goes to the provider's host, as for that rule.
    expect(await engine.flowsByResidentIcbProviderService({ ...base, unknownResidenceRule: hostileRule })).toEqual(
      await engine.flowsByResidentIcbProviderService({ ...base, unknownResidenceRule: 'provider-host-icb' }),
    );
    const hostileYear = "2024/25' OR '1'='1" as FinancialYear;
    expect(
      await engine.populationBasisSpendByPod({
        ...base,
        unknownResidenceRule: 'unallocated',
        financialYear: hostileYear,
      }),
    ).toEqual([]);
  });
});

/** Three rows per residence code of the toy map, one with none and one with a code the map lacks, under
 * dataset `dataset`; `month` is the SQL of the month column (r.code the residence, i the row, 0…2). */
const spreadRows = (dataset: string, month = 'CAST(4 AS TINYINT)') => `
  SELECT '${dataset}' AS dataset, '2024/25' AS financial_year, ${month} AS month, 'RJ1' AS provider_code,
    r.code AS residence_code, CASE WHEN i = 1 THEN '18A' ELSE '13X' END AS service_code, 'APC_EL' AS pod,
    CAST(NULL AS VARCHAR) AS age_band, CAST(NULL AS VARCHAR) AS sex, CAST(i + 1 AS DOUBLE) AS activity,
    CAST(1.25 AS DECIMAL(18, 2)) AS cost, CAST(NULL AS DOUBLE) AS patients, CAST(NULL AS VARCHAR) AS gp_practice_code
  FROM (SELECT code FROM residence_map UNION ALL SELECT NULL UNION ALL SELECT 'NOTMAPPED') r(code), range(3) t(i)`;

/** Per shard, each residence code's rows of a dataset: what the shard holds, in a comparable form. */
async function placementOf(dataset: string): Promise<string[]> {
  return Promise.all(
    [0, 1].map(async (shard) =>
      JSON.stringify(
        await onShard(
          shard,
          `SELECT residence_code, toString(count()) AS n FROM footprint.activity_local
           WHERE dataset = '${dataset}' GROUP BY residence_code ORDER BY residence_code`,
        ),
      ),
    ),
  );
}

describe('the load sends each shard its own rows, and a failure part-way leaves the cluster as it was', () => {
  let engine: ClickHouseEngine;
  beforeAll(async () => {
    engine = await ClickHouseEngine.connect(parseClickHouseAddress(cluster.url), {
      user: cluster.user,
      password: cluster.password,
    });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('puts every row on the shard the Distributed table would send it to', async () => {
    const ws = await openWorkspace(wsDir, { readOnly: true });
    try {
      const loaded = await engine.loadRows(ws, { select: spreadRows('spread'), dataset: 'spread' });
      expect(loaded).toEqual({ rows: 21, totalCost: '26.25' });
    } finally {
      ws.close();
    }
    // The same rows inserted through the Distributed table, which routes each by the sharding key.
    await onShard(
      0,
      `INSERT INTO footprint.activity SELECT 'routed', financial_year, month, provider_code, residence_code,
         service_code, pod, age_band, sex, activity, cost, patients, gp_practice_code
       FROM footprint.activity WHERE dataset = 'spread'`,
      { insert_distributed_sync: 1 },
    );
    const placed = await placementOf('spread');
    expect(placed).toEqual(await placementOf('routed'));
    // Both shards hold some of the codes, so the split is tested, not a single file.
    expect((await shardRows(0, 'spread')) * (await shardRows(1, 'spread'))).toBeGreaterThan(0);
    for (const shard of [0, 1]) await onShard(shard, `ALTER TABLE footprint.activity_local DROP PARTITION 'routed'`);
  });

  it('a row one shard cannot parse fails the load after the other shard took its rows: nothing changes', async () => {
    const before = await placementOf('spread');
    const ws = await openWorkspace(wsDir, { readOnly: true });
    try {
      // Month is text here, and one row's is no number: only the shard that row goes to refuses its file.
      const select = spreadRows('spread', `CASE WHEN r.code = '36L' AND i = 2 THEN 'x' ELSE '4' END`);
      const problem = await problemOf(engine.loadRows(ws, { select, dataset: 'spread' }));
      expect(problem).toMatchObject({ code: 'FP_ENGINE_QUERY_FAILED', where: { parameter: 'engine' } });
    } finally {
      ws.close();
    }
    expect(await placementOf('spread')).toEqual(before);
    for (const shard of [0, 1]) {
      const staging = await onShard<{ name: string }>(
        shard,
        `SELECT name FROM system.tables WHERE database = 'footprint' AND name LIKE 'activity_staging%'`,
      );
      expect(staging).toEqual([]);
    }
    for (const shard of [0, 1]) await onShard(shard, `ALTER TABLE footprint.activity_local DROP PARTITION 'spread'`);
  });
});

describe('bad input: a clear error naming the engine and host, exit 1, workspace unchanged', () => {
  it('an unreachable cluster', async () => {
    const before = await fingerprint();
    const port = await freePort();
    const set = footprint(['engine', 'set', `clickhouse://127.0.0.1:${port}`]);
    expect(set.status).toBe(1);
    expect(set.out).toContain('FP_ENGINE_UNREACHABLE');
    expect(set.out).toContain(`clickhouse engine at 127.0.0.1:${port}`);
    expect(await fingerprint()).toBe(before);
    const problem = await problemOf(
      ClickHouseEngine.connect(parseClickHouseAddress(`clickhouse://127.0.0.1:${port}`), { user: 'x', password: '' }),
    );
    expect(problem).toMatchObject({ code: 'FP_ENGINE_UNREACHABLE', where: { parameter: 'engine' } });
  });

  it('a wrong password, on engine set and on run', async () => {
    const before = await fingerprint();
    const wrong = { CLICKHOUSE_PASSWORD: 'not-the-password' };
    for (const args of [['engine', 'set', cluster.url], ['run']]) {
      const result = footprint(args, wrong);
      expect(result.status).toBe(1);
      expect(result.out).toContain('FP_ENGINE_AUTH_FAILED');
      expect(result.out).toMatch(/clickhouse engine at 127\.0\.0\.1:\d+/);
    }
    expect(await fingerprint()).toBe(before);
    const problem = await problemOf(
      ClickHouseEngine.connect(parseClickHouseAddress(cluster.url), { user: cluster.user, password: 'wrong' }),
    );
    expect(problem).toMatchObject({ code: 'FP_ENGINE_AUTH_FAILED', where: { parameter: 'engine' } });
  });

  it('one host short of the cluster', async () => {
    const oneHost = cluster.url.split(',')[0]!;
    const set = footprint(['engine', 'set', oneHost]);
    expect(set.status).toBe(1);
    expect(set.out).toContain('FP_ENGINE_CLUSTER_MISMATCH');
    const problem = await problemOf(
      ClickHouseEngine.connect(parseClickHouseAddress(oneHost), { user: cluster.user, password: cluster.password }),
    );
    expect(problem).toMatchObject({ code: 'FP_ENGINE_CLUSTER_MISMATCH', where: { parameter: 'engine' } });
  });

  it('a missing table', async () => {
    const engine = await ClickHouseEngine.connect(parseClickHouseAddress(cluster.url, 'never_prepared'), {
      user: cluster.user,
      password: cluster.password,
    });
    try {
      const problem = await problemOf(engine.activityTotals('main', '2026'));
      expect(problem).toMatchObject({ code: 'FP_ENGINE_MISSING_TABLE', where: { parameter: 'engine' } });
      expect(problem.message).toMatch(/clickhouse engine at 127\.0\.0\.1:\d+/);
    } finally {
      await engine.close();
    }
  });

  it('a shard down: run and import fail, nothing changes, the web app reports the engine unavailable', async () => {
    const survivingBefore = await shardRows(0, 'main');
    const engine = await ClickHouseEngine.connect(parseClickHouseAddress(cluster.url), {
      user: cluster.user,
      password: cluster.password,
    });
    await cluster.killShard(1);
    // Connected before the shard went: the first host answers and fails naming the shard it cannot reach.
    const problem = await problemOf(engine.activityTotals('main', '2026'));
    await engine.close();
    expect(problem).toMatchObject({ code: 'FP_ENGINE_QUERY_FAILED', where: { parameter: 'engine' } });
    expect(problem.message).toMatch(/clickhouse engine at 127\.0\.0\.1:\d+ failed: Code: \d+/);
    const before = await fingerprint();
    const run = footprint(['run', '--dataset', 'main']);
    expect(run.status).toBe(1);
    expect(run.out).toMatch(/FP_ENGINE_(QUERY_FAILED|UNREACHABLE)/);
    expect(run.out).toMatch(/clickhouse engine at 127\.0\.0\.1:\d+/);
    const load = footprint(['import', csvFile('again.csv', [HEADER, GOOD_ROWS[0]!]), '--dataset', 'main']);
    expect(load.status).toBe(1);
    expect(load.out).toMatch(/FP_ENGINE_(QUERY_FAILED|UNREACHABLE)/);
    const show = footprint(['engine', 'show']);
    expect(show.status).toBe(1);
    expect(show.out).toMatch(
      /127\.0\.0\.1:\d+: unavailable — The clickhouse engine at 127\.0\.0\.1:\d+ cannot be reached/,
    );
    expect(await fingerprint()).toBe(before);
    // The surviving shard holds its part of the old dataset still: no part of the new one became visible.
    expect(await shardRows(0, 'main')).toBe(survivingBefore);

    const ws = await openWorkspace(wsDir);
    const previous = { ...process.env };
    Object.assign(process.env, env);
    const app = await buildApp({ workspace: ws });
    try {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok', engine: { name: 'clickhouse', available: false } });
      expect(health.json().engine.problem).toMatch(/clickhouse engine at 127\.0\.0\.1:\d+/);
    } finally {
      await app.close();
      ws.close();
      process.env = previous;
    }
  });

  it('switches back to duckdb', () => {
    expect(footprint(['engine', 'set', 'duckdb']).status).toBe(0);
    expect(footprint(['engine', 'show']).out).toContain('Engine: duckdb');
  });
});
