// API load benchmark: every GET route of the OpenAPI document, as a national user and as an ICB user, each
// driven by autocannon with 50 connections for a bounded time, on a workspace served on 127.0.0.1 (a free
// port). Per route it prints the time of the first answer after a fresh start (the computed one: nothing
// remembered yet), then p50/p95/p99 latency and requests a second under load, and flags a p95 over the
// target. GET /api/health, which reads nothing, is the floor measured in the same run: the ratio column is
// each route's p95 against it, steadier than absolute times on a shared machine. Never a timed assertion.
//
// Usage: tsx bench/api.bench.ts WORKSPACE_DIR [--seconds N] [--connections N] [--only REGEX] [--as national|icb]
//        [--icb CODE] [--encoding gzip|identity] [--target MS]
//   (or FOOTPRINT_BENCH_WORKSPACE). The workspace needs a stored run. Two users are added for the bench and
//   removed afterwards. The first time, a few objects the address-parameter routes name (a review round, a
//   network, risks, contracts for every ICB, intentions) are created through the API as the national user
//   and kept, so the next run finds them.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { addUser, removeUser } from '../src/data/users/user-store.ts';
import { openWorkspace } from '../src/data/workspace.ts';
import { buildApp } from '../src/server/app.ts';
import { getJson as getJsonAt, type Principal, type Session, seed, signIn as signInAt } from './bench-client.ts';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    as: { type: 'string' },
    icb: { type: 'string', default: 'QWE' },
    encoding: { type: 'string', default: 'gzip' },
    target: { type: 'string', default: '50' },
  },
});
const dir = positionals[0] ?? process.env.FOOTPRINT_BENCH_WORKSPACE;
if (!dir) {
  console.error('Usage: tsx bench/api.bench.ts WORKSPACE_DIR [--seconds N] [--only REGEX] [--as national|icb]');
  process.exit(1);
}
const seconds = Number(opts.seconds);
const connections = Number(opts.connections);
const targetMs = Number(opts.target);
const only = opts.only ? new RegExp(opts.only) : undefined;

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: { in: string; name: string; required?: boolean; schema?: { enum?: string[] } }[] } | undefined
    >
  >;
};

const ws = await openWorkspace(dir);
const tag = randomBytes(4).toString('hex');
const principals: Principal[] = [
  {
    label: 'national',
    email: `bench-national-${tag}@footprint.local`,
    password: randomBytes(18).toString('base64url'),
    organisation: 'national',
  },
  {
    label: `ICB ${opts.icb}`,
    email: `bench-icb-${tag}@footprint.local`,
    password: randomBytes(18).toString('base64url'),
    organisation: opts.icb!,
  },
].filter((p) => !opts.as || (opts.as === 'national') === (p.organisation === 'national'));
// Users a run that was stopped left behind.
for (const stale of await ws.all<{ email: string }>(
  "SELECT email FROM app_user WHERE email LIKE 'bench-%@footprint.local'",
)) {
  await removeUser(ws, stale.email);
}
for (const p of principals) await addUser(ws, { ...p, role: 'admin' });

let app = await buildApp({ workspace: ws });
let base = await listen();

/** Requests the server is still working on: a route's load leaves a queue behind when its answers are slow,
 * and the next route's first answer is timed only once it has drained. */
const inFlight = new Set<string>();
async function drained(): Promise<void> {
  while (inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Waits until this process is idle (under a tenth of a core over a quarter second, at most two minutes): a
 * request its client gave up on is no longer in flight, but its handler still runs, and its work would be
 * counted in the next route's first answer. */
async function quiet(): Promise<void> {
  const until = performance.now() + 120_000;
  while (performance.now() < until) {
    const cpu = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const used = process.cpuUsage(cpu);
    if ((used.user + used.system) / 1000 < 25) return;
  }
}

async function listen(): Promise<string> {
  app.addHook('onRequest', async (request) => {
    inFlight.add(request.id);
  });
  app.addHook('onResponse', async (request) => {
    inFlight.delete(request.id);
  });
  app.addHook('onRequestAbort', async (request) => {
    inFlight.delete(request.id);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/** A fresh server on the same workspace: nothing remembered, as after a restart. Sessions are stored in the
 * workspace, so the cookies stay good. */
async function restart(): Promise<void> {
  await drained();
  await app.close();
  inFlight.clear();
  app = await buildApp({ workspace: ws });
  base = await listen();
}

const signIn = (p: Principal) => signInAt(base, p);
const getJson = <T>(session: Session, path: string) => getJsonAt<T>(base, session, path);

const routeColumns =
  '| Route | as | first ms | first CPU ms | req/s | p50 ms | p95 ms | p99 ms | p95 ÷ health | non-2xx | load |';

interface Measured {
  route: string;
  who: string;
  url: string;
  firstMs: number;
  firstCpuMs: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  status: number;
  load: number;
}

async function measure(session: Session, url: string): Promise<Omit<Measured, 'route' | 'who' | 'url'>> {
  await drained();
  await quiet();
  // The server runs in this process, so the process's CPU time over the first request is what computing the
  // answer cost, whatever else the machine is doing.
  const cpu = process.cpuUsage();
  const started = performance.now();
  const first = await fetch(`${base}${url}`, {
    headers: { cookie: session.cookie, 'accept-encoding': opts.encoding! },
  });
  await first.arrayBuffer();
  const firstMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const firstCpuMs = (used.user + used.system) / 1000;
  // autocannon's summary has no p95 (it jumps from p90 to p97.5), so every response time is kept here.
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url: `${base}${url}`,
        connections,
        duration: seconds,
        headers: { cookie: session.cookie, 'accept-encoding': opts.encoding! },
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] ?? Number.NaN;
  return {
    firstMs,
    firstCpuMs,
    rps: result.requests.total / seconds,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    status: first.status,
    load: loadavg()[0]!,
  };
}

/** The realistic address and query values of a route for one user, or why it is skipped. */
async function resolveUrl(
  session: Session,
  path: string,
  parameters: { in: string; name: string; required?: boolean }[],
  own: { icb: string; service: string; provider: string; year: string },
): Promise<string | { skip: string }> {
  const first = async <T>(list: string, pick: (x: T) => string | undefined): Promise<string | undefined> => {
    const body = await getJson<{ rows?: T[] } & Record<string, unknown>>(session, list);
    const rows = (body?.rows ?? []) as T[];
    for (const row of rows) {
      const v = pick(row);
      if (v) return v;
    }
    return undefined;
  };
  const values: Record<string, () => Promise<string | undefined>> = {
    '/api/icbs/{code}': async () => own.icb,
    '/api/icbs/{code}/comparison': async () => own.icb,
    '/api/variation/icbs/{code}': async () => own.icb,
    '/api/services/{code}': async () => own.service,
    '/api/services/{code}/trend': async () => own.service,
    '/api/delegation/services/{code}': async () => own.service,
    '/api/networks/{name}': () => first<{ name: string }>('/api/networks', (x) => x.name),
    '/api/assurance/rounds/{id}': () => first<{ id: string }>('/api/assurance/rounds', (x) => x.id),
    '/api/assurance/reviews/{id}': async () => {
      const roundId = await first<{ id: string }>('/api/assurance/rounds', (x) => x.id);
      const round = await getJson<{ reviews: { id: string }[] }>(session, `/api/assurance/rounds/${roundId}`);
      return round?.reviews[0]?.id;
    },
    '/api/planning/scenarios/{name}': () => first<{ name: string }>('/api/planning/scenarios', (x) => x.name),
    '/api/planning/scenarios/{name}/plan': () => first<{ name: string }>('/api/planning/scenarios', (x) => x.name),
    '/api/planning/scenarios/{name}/whatif': () => first<{ name: string }>('/api/planning/scenarios', (x) => x.name),
    '/api/planning/scenarios/{name}/qipp-delivery': () =>
      first<{ name: string }>('/api/planning/scenarios', (x) => x.name),
    '/api/quality/kpis/{id}': () => first<{ id: string }>('/api/quality/kpis', (x) => x.id),
    '/api/risks/{id}': () => first<{ id: string }>('/api/risks', (x) => x.id),
  };
  let url = path;
  const pathParams = parameters.filter((p) => p.in === 'path');
  if (pathParams.length > 0) {
    const find = values[path];
    if (!find) return { skip: 'no realistic value known for its address (an uploaded file or attachment)' };
    const value = await find();
    if (!value) return { skip: 'nothing stored to name' };
    url = path.replace(/\{[^}]+\}/, encodeURIComponent(value));
  }
  const queryValues: Record<string, string> = {
    icb: own.icb,
    service: own.service,
    provider: own.provider,
    year: own.year,
  };
  // Required parameters, and the ICB wherever a route takes one (a national user must name it).
  const query = parameters
    .filter((p) => p.in === 'query' && (p.required || p.name === 'icb') && p.name !== 's')
    .map((p) => {
      const v = queryValues[p.name];
      if (v === undefined) throw new Error(`${path}: no value for required query parameter ${p.name}`);
      return `${p.name}=${encodeURIComponent(v)}`;
    });
  if (path === '/api/planning/compare') {
    // Every scenario the user can see, side by side, as the compare page asks.
    const names = await getJson<{ rows: { name: string }[] }>(session, '/api/planning/scenarios');
    if (!names || names.rows.length < 2) return { skip: 'fewer than two stored scenarios to compare' };
    query.push(...names.rows.slice(0, 4).map((r) => `s=${encodeURIComponent(r.name)}`));
  }
  return query.length > 0 ? `${url}?${query.join('&')}` : url;
}

try {
  const national = await signIn(principals.find((p) => p.organisation === 'national') ?? principals[0]!);
  if (principals.some((p) => p.organisation === 'national')) await seed(base, national, ws);
  const rows = await ws.one<{ n: number }>('SELECT CAST(count(*) AS BIGINT) AS n FROM activity');
  const flows = await ws.one<{ n: number }>('SELECT CAST(count(*) AS BIGINT) AS n FROM flow');
  const year = (await ws.one<{ y: string }>("SELECT max(financial_year) AS y FROM flow WHERE vintage = '2026'"))!.y;
  const busiest = (await ws.one<{ service: string }>(
    "SELECT service_code AS service FROM flow WHERE vintage = '2026' GROUP BY 1 ORDER BY sum(spend) DESC LIMIT 1",
  ))!.service;
  const provider = (await ws.one<{ provider: string }>(
    "SELECT provider_code AS provider FROM flow WHERE vintage = '2026' AND resident_icb = $1 GROUP BY 1 ORDER BY sum(spend) DESC LIMIT 1",
    [opts.icb],
  ))!.provider;
  const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as OpenApi;
  const gets = Object.entries(doc.paths)
    .filter(([path, methods]) => methods.get && path.startsWith('/api/'))
    .map(([path, methods]) => ({ path, parameters: methods.get!.parameters ?? [] }))
    .filter((r) => !only || only.test(r.path) || r.path === '/api/health');
  // The floor first.
  gets.sort((a, b) => (a.path === '/api/health' ? -1 : b.path === '/api/health' ? 1 : a.path.localeCompare(b.path)));
  console.log(
    `Workspace ${dir}: ${rows?.n.toLocaleString('en-GB')} activity rows, ${flows?.n.toLocaleString('en-GB')} flows; ` +
      `${gets.length} GET routes; service ${busiest}, provider ${provider}, ICB ${opts.icb}, year ${year}.`,
  );
  console.log(
    `${seconds} s per route and user, ${connections} connections, accept-encoding ${opts.encoding}, ${base}; ` +
      `load average at start ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}\n`,
  );
  const all: Measured[] = [];
  const skipped: string[] = [];
  for (const p of principals) {
    await restart();
    const session = await signIn(p);
    const own = { icb: opts.icb!, service: busiest, provider, year };
    // Addresses are found first (the lists they come from warm their own answers), then the server restarts
    // so each route's first answer is computed afresh.
    const urls: { route: string; url: string }[] = [];
    for (const r of gets) {
      const url = await resolveUrl(session, r.path, r.parameters, own);
      if (typeof url === 'string') urls.push({ route: r.path, url });
      else if (p === principals[0]) skipped.push(`${r.path}: ${url.skip}`);
    }
    await restart();
    console.log(`As ${p.label}:\n${routeColumns}\n|---|---|---|---|---|---|---|---|---|---|---|`);
    let floor = Number.NaN;
    for (const { route, url } of urls) {
      const m = { route, who: p.label, url, ...(await measure(session, url)) };
      if (route === '/api/health') floor = m.p95;
      all.push(m);
      const over = m.p95 > targetMs ? ' **over**' : '';
      console.log(
        `| GET ${url} | ${p.label} | ${m.firstMs.toFixed(0)} | ${m.firstCpuMs.toFixed(0)} | ${m.rps.toFixed(0)} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)}${over} | ${m.p99.toFixed(1)} | ${(m.p95 / floor).toFixed(1)} | ${m.non2xx}${m.status >= 300 ? ` (first ${m.status})` : ''} | ${m.load.toFixed(1)} |`,
      );
    }
    console.log('');
  }
  if (skipped.length > 0) console.log(`Not measured:\n${skipped.map((s) => `- ${s}`).join('\n')}\n`);
  const overs = all.filter((m) => m.p95 > targetMs);
  console.log(
    overs.length === 0
      ? `Every measured route has p95 ≤ ${targetMs} ms.`
      : `Over ${targetMs} ms p95: ${overs.map((m) => `${m.route} (${m.who}) ${m.p95.toFixed(0)} ms`).join('; ')}`,
  );
  const slowFirst = all.filter((m) => m.firstMs > 1000);
  if (slowFirst.length > 0) {
    console.log(
      `First answer over 1 s: ${slowFirst.map((m) => `${m.route} (${m.who}) ${m.firstMs.toFixed(0)} ms (${m.firstCpuMs.toFixed(0)} CPU ms)`).join('; ')}`,
    );
  }
  console.log(
    `Load average at end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await app.close();
  for (const p of principals) await removeUser(ws, p.email);
  ws.close();
}
