// Remembered answers hold only while the workspace is unchanged. A write that reaches neither the server's
// own requests nor its change notice (a command's data-layer write on its own connection, as a command run
// beside the server writes; a stored plan or an import made there) moves the workspace's data version, and
// the next request computes the answer afresh: the same answer a server with nothing remembered gives.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandLineActor } from '../../../src/data/audit/record-audit.ts';
import { importActivity } from '../../../src/data/import/import-activity.ts';
import { storeBaselinePlan } from '../../../src/data/planning/baseline-scenarios.ts';
import { getScenario, saveScenario } from '../../../src/data/planning/scenario-store.ts';
import { planStoredScenario } from '../../../src/data/planning/stored-plan.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace, TEST_DATASET } from './support/api-workspace.ts';

let ws: Workspace;
/** The command line's connection: its writes are never announced to the app. */
let cli: Workspace;
let app: FastifyInstance;
let viewer: SignedInClient;
let national: SignedInClient;

beforeAll(async () => {
  ws = await createApiWorkspace(5_000);
  cli = await ws.connect();
  // No change notice is given to this app: only the data version can tell it of the command line's writes.
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  viewer = await signIn(app, 'qweViewer');
  national = await signIn(app, 'nationalAdmin');
});

afterAll(async () => {
  await app.close();
  cli.close();
  ws.close();
});

/** What a server with nothing remembered answers now. */
async function fresh(url: string, who: 'qweViewer' | 'nationalAdmin'): Promise<unknown> {
  const other = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  try {
    const client = await signIn(other, who);
    const response = await other.inject({ method: 'GET', url, headers: client.read });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  } finally {
    await other.close();
  }
}

describe('the data version', () => {
  it('moves with a commit on any connection, and not with a read', async () => {
    const before = ws.dataVersion();
    await cli.all('SELECT count(*) FROM activity');
    expect(ws.dataVersion()).toBe(before);
    await cli.setSetting('answer_version_test', 'one');
    const after = ws.dataVersion();
    expect(after).not.toBe(before);
    await cli.transaction(async () => {
      await cli.setSetting('answer_version_test', 'two');
      await cli.run('DELETE FROM setting WHERE key = $1', ['answer_version_test']);
    });
    expect(ws.dataVersion()).not.toBe(after);
  });
});

describe('remembered answers after a write the server is not told of', () => {
  it('plans a scenario again after the command line replaces it, and not before', async () => {
    const name = await storeBaselinePlan(cli);
    expect(name).toBe('Baseline: current planning round');
    const url = `/api/planning/scenarios/${encodeURIComponent(name!)}/plan`;
    const first = await app.inject({ method: 'GET', url, headers: viewer.read });
    expect(first.statusCode, first.body).toBe(200);
    // Asked again on unchanged data, the plan is the remembered one; planned again, it stores nothing new
    // (so the version stays, and what is remembered with it).
    const version = ws.dataVersion();
    const again = await app.inject({ method: 'GET', url, headers: viewer.read });
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(again.headers.etag).toBe(first.headers.etag);
    await planStoredScenario(cli, name!);
    expect(ws.dataVersion()).toBe(version);

    // `footprint scenario save FILE --replace` with twice the non-demographic growth, on its own connection.
    const stored = await getScenario(cli, name!);
    const doubled = (rates: number[]) => rates.map((r) => r * 2);
    const growth = stored.scenario.growth;
    await saveScenario(
      cli,
      {
        ...stored.scenario,
        growth: {
          ...growth,
          nonDemographic: {
            ...growth.nonDemographic,
            default: doubled(growth.nonDemographic.default),
          },
        },
      },
      { owner: stored.owner, by: commandLineActor(), replace: true },
    );
    const after = await app.inject({ method: 'GET', url, headers: viewer.read });
    expect(after.statusCode, after.body).toBe(200);
    expect(after.headers.etag).not.toBe(first.headers.etag);
    const plan = after.json() as { provenance: { scenarioRevision: number }; rows: { nonDemographicGrowth: number }[] };
    expect(plan.provenance.scenarioRevision).toBe(stored.revision + 1);
    const before = first.json() as typeof plan;
    const growthOf = (p: typeof plan) => p.rows.reduce((s, r) => s + r.nonDemographicGrowth, 0);
    expect(growthOf(plan)).toBeGreaterThan(growthOf(before));
    expect(plan).toEqual(await fresh(url, 'qweViewer'));
  });

  it('lists a dataset the command line imported on its own connection', async () => {
    const list = async () =>
      (
        (await app.inject({ method: 'GET', url: '/api/datasets', headers: national.read })).json() as {
          rows: { name: string; years: string[] }[];
        }
      ).rows.map((d) => d.name);
    expect(await list()).toEqual([TEST_DATASET]);
    expect(await list()).toEqual([TEST_DATASET]);
    const file = join(await mkdtemp(join(tmpdir(), 'footprint-version-')), 'extract.csv');
    await cli.run(
      `COPY (SELECT financial_year, month, provider_code, residence_code, service_code, pod, age_band, sex, activity,
                    cost, patients FROM activity WHERE dataset = $1 LIMIT 500) TO '${file}' (HEADER)`,
      [TEST_DATASET],
    );
    await importActivity(cli, { file, dataset: 'second' });
    expect((await list()).sort()).toEqual(['second', TEST_DATASET].sort());
    expect((await app.inject({ method: 'GET', url: '/api/datasets', headers: national.read })).json()).toEqual(
      await fresh('/api/datasets', 'nationalAdmin'),
    );
  });
});
