// First view of every web page: for each page of the app, the API answers it asks for when it opens, each
// timed as its first answer after a fresh start (the workspace reopened, so DuckDB holds nothing in memory;
// a new server, so nothing is remembered). The answers of one page are asked one after another, as that
// page's first view, so the CPU time of each is its own: the server runs in this process, and the process's
// CPU time over a request is what computing its answer cost, whatever else the machine is doing. Issue 17
// asks for every page under a second. Never a timed assertion.
//
// Usage: tsx bench/first-view.bench.ts WORKSPACE_DIR [--only REGEX] [--icb CODE]
//   The workspace needs a stored run (`footprint init` makes one). A national administrator is added for the
//   bench and removed afterwards; the objects the address-parameter pages name (a network, a review round,
//   risks, contracts) are made through the API the first time and kept (bench/bench-client.ts).
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { addUser, removeUser } from '../src/data/users/user-store.ts';
import { openWorkspace, type Workspace } from '../src/data/workspace.ts';
import { buildApp } from '../src/server/app.ts';
import { getJson, type Principal, type Session, seed, signIn } from './bench-client.ts';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { only: { type: 'string' }, icb: { type: 'string', default: 'QWE' } },
});
const dir = positionals[0] ?? process.env.FOOTPRINT_BENCH_WORKSPACE;
if (!dir) {
  console.error('Usage: tsx bench/first-view.bench.ts WORKSPACE_DIR [--only REGEX] [--icb CODE]');
  process.exit(1);
}
const only = opts.only ? new RegExp(opts.only) : undefined;
const icb = opts.icb!;

interface Running {
  ws: Workspace;
  app: FastifyInstance;
  base: string;
}

async function start(): Promise<Running> {
  const ws = await openWorkspace(dir!);
  const app = await buildApp({ workspace: ws });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { ws, app, base: `http://127.0.0.1:${address.port}` };
}

async function stop(running: Running): Promise<void> {
  await running.app.close();
  running.ws.close();
}

/** The objects the pages name: the ICB given, the busiest service and provider, a stored scenario and so on. */
interface Named {
  service: string;
  provider: string;
  scenario: string;
  scenarios: string[];
  network: string;
  round: string;
  review: string;
  risk: string;
  kpi: string;
}

async function named(base: string, session: Session, ws: Workspace): Promise<Named> {
  const first = async <T>(list: string, pick: (x: T) => string | undefined): Promise<string> => {
    const rows = (await getJson<{ rows: T[] }>(base, session, list))?.rows ?? [];
    const value = rows.map(pick).find(Boolean);
    if (!value) throw new Error(`${list} names nothing`);
    return value;
  };
  const year = (await ws.one<{ y: string }>("SELECT max(financial_year) AS y FROM flow WHERE vintage = '2026'"))!.y;
  const busiest = async (column: string) =>
    (await ws.one<{ code: string }>(
      `SELECT ${column} AS code FROM flow WHERE vintage = '2026' AND financial_year = $1
        GROUP BY 1 ORDER BY sum(spend) DESC LIMIT 1`,
      [year],
    ))!.code;
  const round = await first<{ id: string }>('/api/assurance/rounds', (x) => x.id);
  const reviews = await getJson<{ reviews: { id: string }[] }>(base, session, `/api/assurance/rounds/${round}`);
  const scenarios = (
    (await getJson<{ rows: { name: string }[] }>(base, session, '/api/planning/scenarios'))?.rows ?? []
  ).map((r) => r.name);
  return {
    service: await busiest('service_code'),
    provider: await busiest('provider_code'),
    scenario: scenarios[0]!,
    scenarios: scenarios.slice(0, 3),
    network: await first<{ name: string }>('/api/networks', (x) => x.name),
    round,
    review: reviews?.reviews[0]?.id ?? '',
    risk: await first<{ id: string }>('/api/risks', (x) => x.id),
    kpi: await first<{ kpiId: string }>('/api/quality/kpis', (x) => x.kpiId),
  };
}

/** Each page of web/src/app.tsx and the API answers it asks for when it first opens (its useApi calls). */
function pages(n: Named): [page: string, answers: string[]][] {
  const e = encodeURIComponent;
  const s = e(n.service);
  const plan = (name: string) => `/api/planning/scenarios/${e(name)}/plan`;
  return [
    ['/', ['/api/overview']],
    [`/icb/${icb}`, [`/api/icbs/${icb}`, `/api/icbs/${icb}/comparison`, `/api/risks?organisation=${icb}`]],
    ['/services', ['/api/services']],
    [`/services/${s}`, [`/api/services/${s}`, `/api/services/${s}/trend`, '/api/footprints']],
    [`/services/${s}?icb=${icb}`, [`/api/services/${s}?icb=${icb}`, `/api/services/${s}/trend?icb=${icb}`]],
    [`/providers/${n.provider}`, [`/api/providers/${n.provider}`]],
    ['/flows', ['/api/flows', '/api/services', '/api/footprints']],
    ['/footprints', ['/api/footprints']],
    ['/variation', ['/api/variation', '/api/services']],
    [`/variation/icb/${icb}`, [`/api/variation/icbs/${icb}`]],
    ['/quality', ['/api/quality/kpis', '/api/quality/derogations']],
    [`/quality/kpi/${e(n.kpi)}`, [`/api/quality/kpis/${e(n.kpi)}`]],
    ['/places', [`/api/places?icb=${icb}`, '/api/footprints']],
    ['/places/networks', ['/api/networks', `/api/networks/${e(n.network)}`, '/api/footprints']],
    ['/places/triangulation', ['/api/triangulation?footprint=South%20London', '/api/footprints']],
    ['/places/wiring', ['/api/wiring?footprint=South%20London', '/api/footprints']],
    ['/assurance', ['/api/assurance/rounds']],
    [`/assurance/rounds/${e(n.round)}`, [`/api/assurance/rounds/${e(n.round)}`]],
    [`/assurance/reviews/${e(n.review)}`, [`/api/assurance/reviews/${e(n.review)}`]],
    ['/assurance/heatmap', ['/api/assurance/heatmap']],
    ['/assurance/intentions', ['/api/assurance/intentions']],
    ['/assurance/contracts', ['/api/assurance/contracts']],
    ['/assurance/audit', ['/api/assurance/audit']],
    ['/assurance/payments', ['/api/assurance/payments']],
    ['/delegation', ['/api/delegation/matrix', '/api/delegation/exercises']],
    ['/delegation/outcomes', ['/api/delegation/outcomes', '/api/delegation/exercises']],
    ['/delegation/models', ['/api/services', `/api/delegation/models?service=${s}`]],
    ['/delegation/occasional-practice', ['/api/services', '/api/delegation/occasional-practice']],
    [`/delegation/services/${s}`, [`/api/delegation/services/${s}`, '/api/delegation/exercises']],
    ['/planning', ['/api/planning/scenarios']],
    ['/planning/new', ['/api/planning/choices', '/api/planning/templates']],
    [`/planning/scenarios/${e(n.scenario)}`, [`/api/planning/scenarios/${e(n.scenario)}`, plan(n.scenario)]],
    [
      `/planning/scenarios/${e(n.scenario)}/edit`,
      ['/api/planning/choices', `/api/planning/scenarios/${e(n.scenario)}`],
    ],
    [`/planning/scenarios/${e(n.scenario)}/delivery`, [`/api/planning/scenarios/${e(n.scenario)}/qipp-delivery`]],
    [`/planning/scenarios/${e(n.scenario)}/whatif`, [`/api/planning/scenarios/${e(n.scenario)}/whatif`]],
    [`/planning/compare?${n.scenarios.map((x) => `s=${e(x)}`).join('&')}`, n.scenarios.map(plan)],
    ['/risks', ['/api/risks']],
    [`/risks/${e(n.risk)}`, [`/api/risks/${e(n.risk)}`]],
    ['/users', ['/api/users']],
    ['/data', ['/api/datasets']],
  ];
}

interface Timed {
  page: string;
  answer: string;
  status: number;
  ms: number;
  cpuMs: number;
  load: number;
}

async function firstAnswer(base: string, session: Session, url: string): Promise<Omit<Timed, 'page' | 'answer'>> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const res = await fetch(`${base}${url}`, { headers: { cookie: session.cookie, 'accept-encoding': 'gzip' } });
  await res.arrayBuffer();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { status: res.status, ms, cpuMs: (used.user + used.system) / 1000, load: loadavg()[0]! };
}

const admin: Principal = {
  label: 'national',
  email: `bench-first-view-${randomBytes(4).toString('hex')}@footprint.local`,
  password: randomBytes(18).toString('base64url'),
  organisation: 'national',
};
const setUp = await openWorkspace(dir);
for (const stale of await setUp.all<{ email: string }>(
  "SELECT email FROM app_user WHERE email LIKE 'bench-%@footprint.local'",
)) {
  await removeUser(setUp, stale.email);
}
await addUser(setUp, { ...admin, role: 'admin' });
const rows = await setUp.one<{ n: number }>('SELECT CAST(count(*) AS BIGINT) AS n FROM activity');
setUp.close();

const timed: Timed[] = [];
try {
  let running = await start();
  const session = await signIn(running.base, admin);
  await seed(running.base, session, running.ws);
  const objects = await named(running.base, session, running.ws);
  await stop(running);
  console.log(
    `Workspace ${dir}: ${rows?.n.toLocaleString('en-GB')} activity rows; ICB ${icb}, service ${objects.service}, ` +
      `provider ${objects.provider}, scenario ${objects.scenario}. Load average at start ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}\n`,
  );
  console.log('| Page | API answer | first ms | first CPU ms | status | load |\n|---|---|---|---|---|---|');
  for (const [page, answers] of pages(objects)) {
    if (only && !only.test(page)) continue;
    running = await start();
    // Signing in reads only the session and user tables; it is not timed.
    const asUser = await signIn(running.base, admin);
    for (const answer of answers) {
      const t = { page, answer, ...(await firstAnswer(running.base, asUser, answer)) };
      timed.push(t);
      console.log(
        `| ${page} | GET ${answer} | ${t.ms.toFixed(0)} | ${t.cpuMs.toFixed(0)} | ${t.status} | ${t.load.toFixed(1)} |`,
      );
    }
    await stop(running);
  }
  const slow = timed.filter((t) => t.ms > 1000);
  const failed = timed.filter((t) => t.status >= 300);
  console.log(
    `\n${slow.length === 0 ? 'Every first answer took under 1 s.' : `Over 1 s: ${slow.map((t) => `${t.answer} ${t.ms.toFixed(0)} ms (${t.cpuMs.toFixed(0)} CPU ms)`).join('; ')}`}`,
  );
  if (failed.length > 0) console.log(`Not 2xx: ${failed.map((t) => `${t.answer} ${t.status}`).join('; ')}`);
  console.log(
    `Load average at end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
} finally {
  const tearDown = await openWorkspace(dir);
  await removeUser(tearDown, admin.email);
  tearDown.close();
}
