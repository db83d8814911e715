// What the API benchmarks share: signing in over HTTP, calling the API as a signed-in user, and the few
// objects the address-parameter routes name (a network, a review round and its reviews, intentions, risks,
// contracts for every ICB), made through the API as a national user the first time and kept, so the next
// run finds them.
import type { Workspace } from '../src/data/workspace.ts';

export interface Principal {
  label: string;
  email: string;
  password: string;
  organisation: string;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export const SEED_MARK = 'Bench network';

export async function signIn(base: string, p: Principal): Promise<Session> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: p.email, password: p.password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${p.label}: HTTP ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
}

export async function getJson<T>(base: string, session: Session, path: string): Promise<T | undefined> {
  const res = await fetch(`${base}${path}`, { headers: { cookie: session.cookie } });
  return res.ok ? ((await res.json()) as T) : undefined;
}

async function send(base: string, session: Session, method: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Objects for the address-parameter routes, made through the API as a national user, each kind only when
 * the workspace has none yet. */
export async function seed(base: string, national: Session, w: Workspace): Promise<void> {
  const none = async (sql: string, params: string[] = []) =>
    ((await w.one<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${sql}`, params))?.n ?? 0) === 0;
  const post = (path: string, body: unknown) => send(base, national, 'POST', path, body);
  const icbs = await w.all<{ code: string }>("SELECT icb_code AS code FROM icb WHERE vintage = '2026' ORDER BY 1");
  const year = (await w.one<{ y: string }>("SELECT max(financial_year) AS y FROM flow WHERE vintage = '2026'"))!.y;
  if (await none('clinical_network WHERE name = $1', [SEED_MARK])) {
    await post('/api/networks', { name: SEED_MARK, type: 'cardiac', icbs: icbs.slice(0, 6).map((i) => i.code) });
  }
  if (await none('review_round')) await post('/api/assurance/rounds', { name: 'Bench round' });
  if (await none('commissioning_intention')) {
    await post('/api/assurance/intentions/starter', { financialYear: year });
  }
  if (await none('risk')) {
    for (const icb of icbs.filter((_, n) => n % 3 === 0)) {
      await post('/api/risks', {
        organisation: icb.code,
        title: 'A paediatric surgery centre may not sustain its rota',
        category: 'provider-stability',
        owner: 'Director of specialised commissioning',
        likelihood: 4,
        impact: 4,
        mitigation: 'Network support from the tertiary centre',
        residualLikelihood: 2,
        residualImpact: 4,
        links: [],
        reviewed: '2026-01-10',
        nextReview: '2026-04-10',
      });
    }
  }
  if (!(await none('contract'))) return;
  console.log('Seeding contracts through the API (first run on this workspace)…');
  for (const icb of icbs) {
    // Each ICB's three biggest providers by its residents' spend, with its five biggest services there.
    const lines = await w.all<{ provider: string; service: string; spend: number }>(
      `WITH top AS (SELECT provider_code FROM flow WHERE vintage = '2026' AND resident_icb = $1
                    GROUP BY 1 ORDER BY sum(spend) DESC LIMIT 3)
       SELECT provider_code AS provider, service_code AS service, CAST(sum(spend) AS DOUBLE) AS spend
       FROM flow WHERE vintage = '2026' AND resident_icb = $1 AND financial_year = $2
         AND provider_code IN (SELECT provider_code FROM top)
       GROUP BY 1, 2 ORDER BY 1, 3 DESC`,
      [icb.code, year],
    );
    const byProvider = new Map<string, typeof lines>();
    for (const l of lines) byProvider.set(l.provider, [...(byProvider.get(l.provider) ?? []), l]);
    for (const [provider, services] of byProvider) {
      await post('/api/assurance/contracts', {
        providerCode: provider,
        financialYear: year,
        type: 'single-provider',
        leadCommissioner: icb.code,
        services: services.slice(0, 5).map((s) => ({ serviceCode: s.service, value: Math.round(s.spend) })),
      });
    }
  }
}
