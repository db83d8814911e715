// API load benchmark: serves a workspace on 127.0.0.1 (a free port), signs in, and drives the overview,
// ICB and flows endpoints with autocannon, 50 connections for a bounded time each, printing the time of the
// first (computed) answer, then p50/p95/p99 latency, requests a second and errors for the JSON body plain
// and gzipped. Never a timed assertion.
//
// Usage: tsx bench/api.bench.ts WORKSPACE_DIR [SECONDS_PER_ENDPOINT]
//   (or FOOTPRINT_BENCH_WORKSPACE). The workspace needs a stored run; a user is added for the bench and
//   removed afterwards.

import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { addUser, removeUser } from '../src/data/users/user-store.ts';
import { openWorkspace } from '../src/data/workspace.ts';
import { buildApp } from '../src/server/app.ts';

const dir = process.argv[2] ?? process.env.FOOTPRINT_BENCH_WORKSPACE;
const seconds = Number(process.argv[3] ?? 10);
if (!dir) {
  console.error('Usage: tsx bench/api.bench.ts WORKSPACE_DIR [SECONDS_PER_ENDPOINT]');
  process.exit(1);
}

const ws = await openWorkspace(dir);
const email = `bench-${randomBytes(4).toString('hex')}@footprint.local`;
const password = randomBytes(18).toString('base64url');
await addUser(ws, { email, organisation: 'national', role: 'viewer', password });
const app = await buildApp({ workspace: ws });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no port');
const base = `http://127.0.0.1:${address.port}`;

try {
  const signIn = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const rows = await ws.one<{ n: number }>('SELECT CAST(count(*) AS BIGINT) AS n FROM activity');
  const flows = await ws.one<{ n: number }>('SELECT CAST(count(*) AS BIGINT) AS n FROM flow');
  const busiest = await ws.one<{ service: string }>(
    "SELECT service_code AS service FROM flow WHERE vintage = '2026' GROUP BY service_code ORDER BY count(*) DESC LIMIT 1",
  );
  console.log(
    `Workspace ${dir}: ${rows?.n.toLocaleString('en-GB')} activity rows, ${flows?.n.toLocaleString('en-GB')} flows.`,
  );
  console.log(`${seconds} s per endpoint, 50 connections, ${base}\n`);
  const endpoints = [
    '/api/overview',
    '/api/icbs/QWE',
    `/api/flows?service=${encodeURIComponent(busiest?.service ?? '')}`,
    '/api/flows?footprint=South%20London',
  ];
  console.log('| Endpoint | body | first answer ms | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const path of endpoints) {
    // The first request computes the answer (the query, then one serialisation); the load test then
    // measures the remembered answer, which is what every later request gets until something changes.
    const started = performance.now();
    const first = await fetch(`${base}${path}`, { headers: { cookie } });
    await first.arrayBuffer();
    const firstMs = (performance.now() - started).toFixed(0);
    // Plain JSON, as a script would fetch it, and gzipped, as every browser asks for it.
    for (const encoding of ['identity', 'gzip']) {
      // autocannon's summary has no p95 (it jumps from p90 to p97.5), so every response time is kept here.
      const latencies: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const run = autocannon(
          {
            url: `${base}${path}`,
            connections: 50,
            duration: seconds,
            headers: { cookie, 'accept-encoding': encoding },
          },
          (error, done) => (error ? reject(error) : resolve(done)),
        );
        run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
      });
      latencies.sort((a, b) => a - b);
      const at = (p: number) =>
        (latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] ?? Number.NaN).toFixed(1);
      const kb = (result.throughput.total / Math.max(1, result.requests.total) / 1024).toFixed(0);
      console.log(
        `| GET ${path} | ${encoding} ${kb} KB | ${firstMs} | ${result.requests.average.toFixed(0)} | ${at(50)} | ${at(95)} | ${at(99)} | ${result.errors + result.timeouts} | ${result.non2xx} |`,
      );
    }
  }
} finally {
  await app.close();
  await removeUser(ws, email);
  ws.close();
}
