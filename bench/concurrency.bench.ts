// Concurrency benchmark: a team using one server at once. 50 signed-in clients (sessions) read (overview, an ICB, flows,
// datasets, scenarios) in a loop while, through the same server, an editor uploads a large activity extract
// (Parquet, BENCH_ROWS rows, default 5 000 000) into a new dataset and another saves a scenario. Reports read
// latency and errors before, during and after the import, how long the import and the save took, and checks
// the results after: the new dataset listed with every row, the current dataset unchanged, the scenario at
// its next revision. Never a timed assertion.
//
// Usage: tsx bench/concurrency.bench.ts [WORKSPACE_DIR]
//   Without a directory a workspace is made in a temporary folder (reference data, 100 000 synthetic rows).
//   BENCH_ROWS sets the upload's size; BENCH_CLIENTS the readers (default 50).
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { generateActivity } from '../src/data/generate/generate-activity.ts';
import { initWorkspace } from '../src/data/init-workspace.ts';
import { createSession } from '../src/data/users/session-store.ts';
import { addUser } from '../src/data/users/user-store.ts';
import { openWorkspace, WORKSPACE_FILE } from '../src/data/workspace.ts';
import { buildApp } from '../src/server/app.ts';
import { WorkspaceChanges } from '../src/server/workspace-changes.ts';

const uploadRows = Number(process.env.BENCH_ROWS ?? 5_000_000);
const clients = Number(process.env.BENCH_CLIENTS ?? 50);
const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'footprint-bench-concurrency-'));

if (!existsSync(join(dir, WORKSPACE_FILE))) {
  console.log(`making a workspace at ${dir} (reference data, 100 000 synthetic rows)…`);
  (await initWorkspace({ dir, activityRows: 100_000 })).close();
}
const ws = await openWorkspace(dir);

// The upload: generated rows repeated up to the size asked for, written once as Parquet (a real extract's
// rows, many times over; every row valid).
const upload = join(dir, `bench-upload-${uploadRows}.parquet`);
if (!existsSync(upload)) {
  const base = join(dir, 'bench-base.parquet');
  const baseRows = Math.min(uploadRows, 200_000);
  console.log(
    `generating ${baseRows.toLocaleString('en-GB')} rows and repeating them to ${uploadRows.toLocaleString('en-GB')}…`,
  );
  await generateActivity(ws, { rows: baseRows, seed: 7, out: base });
  await ws.run(
    `COPY (SELECT b.* FROM read_parquet('${base}') b, range(${Math.ceil(uploadRows / baseRows)}) LIMIT ${uploadRows})
     TO '${upload}' (FORMAT parquet)`,
  );
}
console.log(`upload ${upload}: ${(statSync(upload).size / 1024 ** 2).toFixed(0)} MiB`);

const password = randomBytes(18).toString('base64url');
const tag = randomBytes(3).toString('hex');
const editor = `bench-editor-${tag}@footprint.local`;
const reader = `bench-reader-${tag}@footprint.local`;
await addUser(ws, { email: editor, organisation: 'national', role: 'editor', password });
await addUser(ws, { email: reader, organisation: 'national', role: 'viewer', password });
// One session per reading client. Made in the workspace rather than by 50 sign-ins: each sign-in is a
// deliberate scrypt check (tens of milliseconds of CPU), which on a shared machine would be most of the run.
const readerSessions = await Promise.all(
  Array.from({ length: clients }, () => createSession(ws, reader, 60 * 60 * 1000)),
);
const currentBefore = await ws.setting('current_dataset');
const baseYear = (await ws.one<{ y: string }>('SELECT min(financial_year) AS y FROM activity'))?.y;

const app = await buildApp({
  workspace: ws,
  changes: new WorkspaceChanges(),
  signInRateLimit: { max: 10_000, timeWindowMs: 60_000 },
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no port');
const base = `http://127.0.0.1:${address.port}`;

interface Client {
  cookie: string;
  csrf: string;
}

async function signIn(email: string): Promise<Client> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in ${email}: ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

const READS = [
  '/api/overview',
  '/api/icbs/QWE',
  '/api/flows?footprint=South%20London',
  '/api/datasets',
  '/api/planning/scenarios',
];

type Phase = 'before' | 'during' | 'after';
const samples: Record<Phase, number[]> = { before: [], during: [], after: [] };
const errors: Record<Phase, string[]> = { before: [], during: [], after: [] };
let phase: Phase = 'before';
let reading = true;

async function readLoop(client: Client, offset: number): Promise<void> {
  for (let n = offset; reading; n++) {
    const path = READS[n % READS.length]!;
    const at = phase;
    const started = performance.now();
    try {
      const response = await fetch(`${base}${path}`, { headers: { cookie: client.cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) errors[at].push(`${path} ${response.status}`);
      else samples[at].push(performance.now() - started);
    } catch (error) {
      errors[at].push(`${path} ${(error as Error).message}`);
    }
  }
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

try {
  const editorClient = await signIn(editor);
  const readerClients: Client[] = readerSessions.map((s) => ({ cookie: `fp_session=${s.id}`, csrf: s.csrfToken }));
  const loops = readerClients.map((c, i) => readLoop(c, i));
  await sleep(5_000);

  phase = 'during';
  const importStarted = performance.now();
  const importing = fetch(`${base}/api/datasets/upload?dataset=bench-upload&filename=bench-upload.parquet`, {
    method: 'POST',
    headers: {
      cookie: editorClient.cookie,
      'x-csrf-token': editorClient.csrf,
      'content-type': 'application/octet-stream',
    },
    body: Readable.toWeb(createReadStream(upload)) as ReadableStream,
    duplex: 'half',
  } as RequestInit).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as { read: number; accepted: number; imported: boolean },
    seconds: (performance.now() - importStarted) / 1000,
  }));

  // The scenario save, while the import runs: create, then replace from the revision it was given.
  await sleep(2_000);
  const scenario = {
    version: 1,
    name: `Bench plan ${tag}`,
    baseYear,
    years: 1,
    units: ['QWE'],
    growth: { demographic: [0.01], nonDemographic: { default: [0.02] }, inflation: [0.02] },
    qipp: [],
    allocation: { growth: [0.025], controlTotals: { QWE: [0] } },
  };
  const change = { cookie: editorClient.cookie, 'x-csrf-token': editorClient.csrf, 'content-type': 'application/json' };
  const saveStarted = performance.now();
  const created = await fetch(`${base}/api/planning/scenarios`, {
    method: 'POST',
    headers: change,
    body: JSON.stringify({ scenario }),
  });
  const createdBody = (await created.json()) as { revision: number };
  const replaced = await fetch(`${base}/api/planning/scenarios/${encodeURIComponent(scenario.name)}`, {
    method: 'PUT',
    headers: change,
    body: JSON.stringify({ scenario: { ...scenario, years: 1 }, revision: createdBody.revision }),
  });
  const replacedBody = (await replaced.json()) as { revision: number };
  const saveSeconds = (performance.now() - saveStarted) / 1000;

  const imported = await importing;
  phase = 'after';
  await sleep(5_000);
  reading = false;
  await Promise.all(loops);

  const check = await signIn(editor);
  const datasets = (await (await fetch(`${base}/api/datasets`, { headers: { cookie: check.cookie } })).json()) as {
    current: string;
    rows: { name: string; rowsAccepted: number }[];
  };
  const overview = (await (await fetch(`${base}/api/overview`, { headers: { cookie: check.cookie } })).json()) as {
    provenance: { dataset: string };
  };

  console.log(`\n${clients} readers, ${base}; upload ${uploadRows.toLocaleString('en-GB')} rows (Parquet)\n`);
  console.log('| Phase | reads | reads/s | p50 ms | p95 ms | p99 ms | max ms | errors |');
  console.log('|---|---|---|---|---|---|---|---|');
  const spans: Record<Phase, number> = { before: 5, during: imported.seconds, after: 5 };
  for (const p of ['before', 'during', 'after'] as const) {
    const s = samples[p];
    console.log(
      `| ${p} | ${s.length} | ${(s.length / spans[p]).toFixed(0)} | ${percentile(s, 50).toFixed(1)} | ${percentile(s, 95).toFixed(1)} | ${percentile(s, 99).toFixed(1)} | ${Math.max(...s).toFixed(0)} | ${errors[p].length} |`,
    );
  }
  console.log(
    `\nimport: HTTP ${imported.status}, ${imported.body.accepted?.toLocaleString('en-GB')} of ${imported.body.read?.toLocaleString('en-GB')} rows in ${imported.seconds.toFixed(1)} s (upload and import)`,
  );
  console.log(
    `scenario save: create HTTP ${created.status} r${createdBody.revision}, replace HTTP ${replaced.status} r${replacedBody.revision}, ${saveSeconds.toFixed(2)} s`,
  );
  const listed = datasets.rows.find((d) => d.name === 'bench-upload');
  console.log(
    `after: dataset bench-upload listed with ${listed?.rowsAccepted.toLocaleString('en-GB')} rows (expected ${uploadRows.toLocaleString('en-GB')}); current dataset ${datasets.current} (before: ${currentBefore}); overview shows ${overview.provenance.dataset}`,
  );
  const consistent =
    imported.status === 200 &&
    listed?.rowsAccepted === uploadRows &&
    datasets.current === currentBefore &&
    overview.provenance.dataset === currentBefore &&
    replacedBody.revision === createdBody.revision + 1;
  const allErrors = [...errors.before, ...errors.during, ...errors.after];
  console.log(
    `consistent: ${consistent}; read errors: ${allErrors.length}${allErrors.length ? ` (${allErrors.slice(0, 5).join('; ')})` : ''}`,
  );
} finally {
  await app.close();
  ws.close();
}
