// Route × principal × organisation: for every state-changing route in the OpenAPI document, every
// principal who is not national sends a write naming an organisation outside their scope: in each body
// field that names an organisation, footprint or scenario plan, and in each address that names a stored
// object (one belonging to an ICB none of them covers). Every such write must be refused (4xx) with
// nothing stored. Cases are generated from the document, so a new route or a new organisation field is
// covered as soon as it ships; a route without a case fails the test until it is listed below, with why.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace, TEST_PASSWORD, type TestUser, USERS } from './support/api-workspace.ts';

const PRINCIPALS = [
  'qweEditor',
  'qweViewer',
  'qweAdmin',
  'qkkEditor',
  'londonEditor',
  'londonAdmin',
  'northWestEditor',
] as const satisfies readonly TestUser[];
type Principal = (typeof PRINCIPALS)[number];

/** Routes that name no organisation, footprint or organisation-owned object, and why. */
const NAMES_NO_ORGANISATION: Record<string, string> = {
  'POST /api/session': 'signs in: names an account, not an organisation',
  'DELETE /api/session': 'signs the caller out',
  'PUT /api/session/password':
    "sets the caller's own password: the account is the session's, the body names no organisation or user",
  'POST /api/assurance/intentions/starter': "adds starter intentions to the caller's own organisation",
  'POST /api/planning/scenarios/check': 'checks a scenario and stores nothing',
  'POST /api/delegation/exercises': 'exercises are national, run by regions and national together',
  'PUT /api/delegation/exercises/{name}/assessments': 'exercises are national, run by regions and national together',
  'POST /api/delegation/exercises/{name}/reconciled': 'exercises are national, run by regions and national together',
  'POST /api/delegation/exercises/{name}/comments': 'exercises are national, run by regions and national together',
  'POST /api/delegation/exercises/{name}/run': 'exercises are national, run by regions and national together',
};

/** Body fields that refer to organisations without writing into them, and why. */
const REFERENCE_ONLY: Record<string, string[]> = {
  // A footprint is the owner's own analytical grouping: other ICBs' figures are read, nothing of theirs changes.
  'POST /api/footprints': ['icbs'],
  // A commissioner contracts with providers anywhere in England; the provider's host ICB is not a party.
  'POST /api/assurance/contracts': ['providerCode'],
  'PUT /api/assurance/contracts/{id}': ['providerCode'],
  // A risk may concern a provider anywhere in England, as a contract may (docs/risks.md).
  'POST /api/risks': ['links.provider'],
  'PUT /api/risks/{id}': ['links.provider'],
};

/** Body fields a route's document does not spell out (a free-form body checked by the data layer), or whose
 * outsider value is the route's own, with the value that names what lies outside every principal's scope.
 * `links.<kind>` is a one-link list of that kind. Datasets are national: a dataset lies outside every
 * principal here, since none is national. */
const ROUTE_FIELDS: Record<string, Record<string, () => unknown>> = {
  'POST /api/risks': {
    organisation: () => outsider,
    'links.footprint': () => ({ kind: 'footprint', code: objects[outsider]!.footprint }),
    'links.scheme': () => ({ kind: 'scheme', code: objects[outsider]!.scheme }),
  },
  'PUT /api/risks/{id}': {
    organisation: () => outsider,
    'links.footprint': () => ({ kind: 'footprint', code: objects[outsider]!.footprint }),
    'links.scheme': () => ({ kind: 'scheme', code: objects[outsider]!.scheme }),
  },
  'PUT /api/datasets/current': { name: () => SPARE_DATASET },
};

/** Writes not addressed by a path parameter or a JSON body field: the upload names its dataset in the query. */
const EXTRA_CASES: Record<string, (who: Principal) => Omit<Case, 'route' | 'who'>[]> = {
  'POST /api/datasets/upload': () => [
    {
      what: 'query names a national dataset',
      url: '/api/datasets/upload?dataset=matrix-upload&filename=matrix.csv&makeCurrent=true',
      body: 'dataset,financial_year\nmatrix-upload,2023/24\n',
      contentType: 'application/octet-stream',
    },
  ],
};

/** Routes only national users may use: any other refusal (409 for the current dataset, 400 for a file that
 * does not import) would hide a write let through, so these must answer FP_AUTH_FORBIDDEN. */
const NATIONAL_ONLY = [
  'PUT /api/datasets/current',
  'DELETE /api/datasets/{name}',
  'POST /api/datasets/{name}/run',
  'POST /api/datasets/upload',
];

/** Refusals of a request's shape (schema or JSON), which say nothing about its scope. */
const SHAPE_REFUSALS = ['FP_HTTP_BAD_REQUEST', 'FP_HTTP_MALFORMED_JSON', 'FP_HTTP_UNSUPPORTED_MEDIA_TYPE'];

/** A dataset that is not current, so removing it, running it or making it current would succeed for national. */
const SPARE_DATASET = 'matrix-spare';

/** The tables a write can change. */
const STORED = [
  'footprint',
  'footprint_member',
  'app_user',
  'scenario',
  'assessment_exercise',
  'commissioning_model',
  'derogation',
  'place_grouping',
  'clinical_network',
  'review_round',
  'review',
  'review_answer',
  'review_attachment',
  'commissioning_intention',
  'contract',
  'contract_service',
  'system_control_total',
  'risk',
  'contract_payment',
  'contract_cquin',
  'qipp_actual',
  'dataset',
  'dataset_importer',
  'run',
  'setting',
  'password_change_due',
  'audit_event',
];

let ws: Workspace;
let app: FastifyInstance;
const as = {} as Record<Principal | 'nationalAdmin', SignedInClient>;
let outsider: string;
let serviceCode: string;
const provider: Record<string, string> = {};
const practices: Record<string, string[]> = {};
const icbFootprint: Record<string, string> = {};
/** Each principal's organisation and an ICB it covers. */
const home = {} as Record<Principal, { org: string; icb: string }>;
/** Stored objects, by kind, of the outsider ICB and of each principal's organisation. */
const objects: Record<string, Record<string, string>> = {};
let serial = 0;

const send = (method: string, url: string, client: SignedInClient, payload?: unknown, contentType?: string) =>
  app.inject({
    method: method as 'POST',
    url,
    headers: contentType ? { ...client.change, 'content-type': contentType } : client.change,
    payload: payload as object,
  });

async function made(method: string, url: string, payload: unknown): Promise<Record<string, unknown>> {
  const response = await send(method, url, as.nationalAdmin, payload);
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.body}`);
  return response.json();
}

const scenarioFor = (name: string, icb: string, qipp: unknown[] = []) => ({
  version: 1,
  name,
  baseYear: '2023/24',
  years: 1,
  units: [icb],
  growth: { demographic: [0.01], nonDemographic: { default: [0.02] }, inflation: [0.02] },
  qipp,
  allocation: { growth: [0.025] },
});

const riskFor = (org: string, n: number) => ({
  organisation: org,
  title: `Matrix risk ${n}`,
  category: 'financial',
  owner: 'Director',
  likelihood: 3,
  impact: 3,
  residualLikelihood: 2,
  residualImpact: 2,
  links: [],
});

/** Makes, as national, one of each organisation-owned object for `org` (planning `icb`). */
async function seed(org: string, icb: string): Promise<void> {
  const tag = org.toLowerCase();
  const footprint = `Matrix system ${tag}`;
  await made('POST', '/api/footprints', { name: footprint, icbs: [icb], owner: org });
  const contract = await made('POST', '/api/assurance/contracts', {
    providerCode: provider[icb],
    financialYear: '2017/18',
    type: 'single-provider',
    leadCommissioner: org,
    systemName: footprint,
    services: [{ serviceCode, value: 1000 }],
  });
  const intention = await made('POST', '/api/assurance/intentions', {
    title: `Intention ${tag}`,
    ownerName: 'Director',
    measure: 'x',
    financialYear: '2017/18',
    owner: org,
  });
  const scenario = `Matrix plan ${tag}`;
  const scheme = `Matrix scheme ${tag}`;
  await made('POST', '/api/planning/scenarios', {
    scenario: scenarioFor(scenario, icb, [{ name: scheme, type: 'transactional', scope: {}, rates: [0.01] }]),
    owner: org,
  });
  const grouping = `Matrix places ${tag}`;
  await made('POST', '/api/places/groupings', {
    name: grouping,
    icb,
    places: [{ name: 'All', practices: practices[icb] }],
  });
  const network = `Matrix network ${tag}`;
  await made('POST', '/api/networks', { name: network, type: 'cardiac', icbs: [icb] });
  const derogation = await made('POST', '/api/quality/derogations', {
    providerCode: provider[icb],
    serviceCode,
    clause: 'x',
    agreedDate: '2027-03-31',
  });
  const user = `matrix.${tag}@example.nhs.uk`;
  await made('POST', '/api/users', { email: user, organisation: org, role: 'viewer', password: TEST_PASSWORD });
  const risk = await made('POST', '/api/risks', riskFor(org, 0));
  objects[org] = {
    risk: String(risk.id),
    scheme,
    unit: icb,
    dataset: SPARE_DATASET,
    footprint,
    contract: String(contract.id),
    intention: String(intention.id),
    scenario,
    grouping,
    network,
    derogation: String(derogation.id),
    user,
  };
}

/** The address of a route, its object named by kind for `org`. */
function address(path: string, org: string): string | undefined {
  const o = objects[org]!;
  const named: Record<string, string | undefined> = {
    '/api/footprints/{name}': o.footprint,
    '/api/users/{email}': o.user,
    '/api/users/{email}/password': o.user,
    '/api/risks/{id}': o.risk,
    '/api/assurance/contracts/{id}/payment': o.contract,
    '/api/datasets/{name}': o.dataset,
    '/api/datasets/{name}/run': o.dataset,
    '/api/places/groupings/{name}': o.grouping,
    '/api/networks/{name}': o.network,
    '/api/assurance/intentions/{id}': o.intention,
    '/api/assurance/contracts/{id}': o.contract,
    '/api/planning/scenarios/{name}': o.scenario,
    '/api/planning/scenarios/{name}/qipp-actuals': o.scenario,
    '/api/quality/derogations/{id}/status': o.derogation,
    '/api/assurance/reviews/{id}/questions/{question}': o.review,
    '/api/assurance/reviews/{id}/questions/{question}/moderation': o.review,
    '/api/assurance/reviews/{id}/questions/{question}/attachments': o.review,
  };
  if (!path.includes('{')) return path;
  const value = named[path];
  if (value === undefined) return undefined;
  return path.replace(/\{(id|name|email)\}/, encodeURIComponent(value)).replace('{question}', 'engagement');
}

/** A body that the route would accept from `who` for their own organisation. */
function baseBody(route: string, who: Principal, pathOrg = home[who].org): Record<string, unknown> | undefined {
  const { org, icb } = home[who];
  const n = ++serial;
  const bodies: Record<string, () => Record<string, unknown>> = {
    'POST /api/footprints': () => ({ name: `Matrix fp ${n}`, icbs: [icb] }),
    'POST /api/users': () => ({
      email: `m${n}@example.nhs.uk`,
      organisation: org,
      role: 'viewer',
      password: TEST_PASSWORD,
    }),
    'POST /api/places/groupings': () => ({
      name: `Matrix grouping ${n}`,
      icb,
      places: [{ name: 'All', practices: practices[icb] }],
    }),
    'POST /api/networks': () => ({ name: `Matrix net ${n}`, type: 'cardiac', icbs: [icb] }),
    'POST /api/assurance/rounds': () => ({ name: `Matrix round ${n}`, icbs: [icb] }),
    'PUT /api/assurance/reviews/{id}/questions/{question}': () => ({ rating: 'green' }),
    'POST /api/assurance/reviews/{id}/questions/{question}/moderation': () => ({ rating: 'green', reason: 'Agree' }),
    'POST /api/assurance/reviews/{id}/questions/{question}/attachments': () => ({
      fileName: 'a.txt',
      contentBase64: 'aGk=',
    }),
    'POST /api/assurance/intentions': () => ({
      title: `Intention ${n}`,
      ownerName: 'Director',
      measure: 'x',
      financialYear: '2017/18',
    }),
    'PUT /api/assurance/intentions/{id}': () => ({
      title: `Intention ${n}`,
      ownerName: 'Director',
      measure: 'x',
      financialYear: '2017/18',
    }),
    'POST /api/assurance/contracts': () => ({
      providerCode: provider[icb],
      financialYear: '2018/19',
      type: 'single-provider',
      services: [{ serviceCode, value: n }],
    }),
    'PUT /api/assurance/contracts/{id}': () => ({
      providerCode: provider[icb],
      financialYear: '2018/19',
      type: 'single-provider',
      services: [{ serviceCode, value: n }],
    }),
    'PUT /api/assurance/control-totals': () => ({
      systemName: icbFootprint[icb],
      financialYear: '2017/18',
      amount: n,
    }),
    'PUT /api/delegation/models': () => ({
      serviceCode,
      footprint: icbFootprint[icb],
      financialYear: '2026/27',
      model: 'delegated',
    }),
    'POST /api/quality/derogations': () => ({
      providerCode: provider[icb],
      serviceCode,
      clause: `Clause ${n}`,
      agreedDate: '2027-03-31',
    }),
    'POST /api/planning/scenarios': () => ({ scenario: scenarioFor(`Matrix plan ${n}`, icb) }),
    'PUT /api/planning/scenarios/{name}': () => ({ scenario: scenarioFor(objects[pathOrg]!.scenario!, icb) }),
    // A valid year's actuals for the scenario's own scheme and unit: only the address can lie outside.
    'POST /api/planning/scenarios/{name}/qipp-actuals': () => ({
      year: '2024/25',
      csv: `scheme,unit,month,saving\n"${objects[pathOrg]!.scheme}",${objects[pathOrg]!.unit},1,100.00\n`,
    }),
    'PATCH /api/users/{email}': () => ({ role: 'editor' }),
    'POST /api/users/{email}/password': () => ({ password: `${TEST_PASSWORD}-${n}` }),
    'POST /api/quality/derogations/{id}/status': () => ({ status: 'compliant' }),
    'POST /api/risks': () => riskFor(org, n),
    'PUT /api/risks/{id}': () => riskFor(org, n),
    'PUT /api/assurance/contracts/{id}/payment': () => ({
      lines: [{ serviceCode, mechanism: 'block' }],
      cquin: [{ scheme: `Matrix CQUIN ${n}`, value: 1000, achievement: 0.5 }],
    }),
    'PUT /api/datasets/current': () => ({ name: SPARE_DATASET }),
    'POST /api/datasets/{name}/run': () => ({}),
  };
  const body = bodies[route]?.();
  if (!body) return route.startsWith('DELETE') ? {} : undefined;
  return body;
}

/** The outsider's value for a body field that names an organisation, footprint or what a plan covers. */
function outsiderValue(field: string, type: string | undefined): unknown {
  const byField: Record<string, unknown> = {
    owner: outsider,
    organisation: outsider,
    leadCommissioner: outsider,
    commissioners: outsider,
    icb: outsider,
    icbs: outsider,
    systemName: objects[outsider]!.footprint,
    footprint: objects[outsider]!.footprint,
    footprints: objects[outsider]!.footprint,
    providerCode: provider[outsider],
    scenario: scenarioFor(`Matrix plan outside ${serial}`, outsider),
  };
  if (!(field in byField)) return undefined;
  const value = byField[field];
  return type === 'array' ? [value] : value;
}

interface Operation {
  method: string;
  path: string;
  properties: Record<string, { type?: string }>;
}

interface Case {
  route: string;
  who: Principal;
  what: string;
  url: string;
  body: unknown;
  contentType?: string;
}

const snapshot = async () => {
  const out: Record<string, unknown> = {};
  for (const table of STORED) {
    out[table] = await ws.one(
      `SELECT CAST(count(*) AS INTEGER) AS n, md5(coalesce(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS VARCHAR)), '')) AS h FROM ${table} t`,
    );
  }
  return out;
};

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 10_000, timeWindowMs: 60_000 } });
  as.nationalAdmin = await signIn(app, 'nationalAdmin');
  for (const who of PRINCIPALS) as[who] = await signIn(app, who);
  // An ICB outside London (Y56) and the North West (Y62): none of the principals covers it.
  outsider = (await ws.one<{ code: string }>(
    "SELECT icb_code AS code FROM icb WHERE vintage = '2026' AND region_code NOT IN ('Y56', 'Y62') AND length(icb_code) = 3 ORDER BY icb_code LIMIT 1",
  ))!.code;
  const northWestIcb = (await ws.one<{ code: string }>(
    "SELECT icb_code AS code FROM icb WHERE vintage = '2026' AND region_code = 'Y62' AND length(icb_code) = 3 ORDER BY icb_code LIMIT 1",
  ))!.code;
  serviceCode = (await ws.one<{ code: string }>(
    'SELECT service_code AS code FROM service WHERE is_current ORDER BY service_code LIMIT 1',
  ))!.code;
  for (const who of PRINCIPALS) {
    const org = USERS[who].organisation;
    home[who] = { org, icb: org === 'Y56' ? 'QWE' : org === 'Y62' ? northWestIcb : org };
  }
  for (const icb of new Set([outsider, ...Object.values(home).map((h) => h.icb)])) {
    provider[icb] = (await ws.one<{ code: string }>(
      "SELECT provider_code AS code FROM provider WHERE host_icb = $1 AND kind = 'nhs-trust' ORDER BY provider_code LIMIT 1",
      [icb],
    ))!.code;
    practices[icb] = (
      await ws.all<{ code: string }>('SELECT practice_code AS code FROM gp_practice WHERE icb_code = $1', [icb])
    ).map((r) => r.code);
    icbFootprint[icb] = (await ws.one<{ name: string }>(
      "SELECT f.name FROM footprint f JOIN footprint_member m ON m.footprint_name = f.name WHERE f.kind = 'icb' AND m.icb_code = $1",
      [icb],
    ))!.name;
  }
  await ws.run(
    `INSERT INTO dataset (name, source_file, format, rows_read, rows_accepted, rows_rejected, total_cost, imported_at)
     VALUES ($1, 'matrix.csv', 'csv', 0, 0, 0, 0, now())`,
    [SPARE_DATASET],
  );
  // Some of the current dataset's activity, so that running the spare dataset would succeed for national.
  await ws.run(
    `INSERT INTO activity SELECT * REPLACE ($1 AS dataset) FROM activity
     WHERE dataset = (SELECT value FROM setting WHERE key = 'current_dataset') ORDER BY ALL LIMIT 200`,
    [SPARE_DATASET],
  );
  mkdirSync(join(ws.dir, 'uploads'), { recursive: true });
  for (const org of new Set([outsider, ...Object.values(home).map((h) => h.org)])) {
    const icb = org === outsider ? outsider : Object.values(home).find((h) => h.org === org)!.icb;
    await seed(org, icb);
  }
  const round = await made('POST', '/api/assurance/rounds', { name: 'Matrix outsider round', icbs: [outsider] });
  const detail = (
    await app.inject({ method: 'GET', url: `/api/assurance/rounds/${round.id}`, headers: as.nationalAdmin.read })
  ).json();
  objects[outsider]!.review = detail.reviews[0].id;
});

afterAll(async () => {
  await app.close();
  ws.close();
});

async function operations(): Promise<Operation[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, { type?: string }> } }> } }
      >
    >;
  };
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      const properties = op.requestBody?.content?.['application/json']?.schema?.properties ?? {};
      out.push({ method: method.toUpperCase(), path, properties });
    }
  }
  return out;
}

function casesFor(op: Operation): Case[] {
  const route = `${op.method} ${op.path}`;
  const out: Case[] = [];
  for (const who of PRINCIPALS) {
    const outside = address(op.path, outsider);
    if (op.path.includes('{') && outside !== undefined) {
      out.push({
        route,
        who,
        what: 'address names the outsider’s object',
        url: outside,
        body: baseBody(route, who, outsider),
      });
    }
    const fields = new Set([...Object.keys(op.properties), ...Object.keys(ROUTE_FIELDS[route] ?? {})]);
    for (const field of fields) {
      if (REFERENCE_ONLY[route]?.includes(field)) continue;
      const own = ROUTE_FIELDS[route]?.[field];
      const value = own ? own() : outsiderValue(field, op.properties[field]?.type);
      const url = address(op.path, home[who].org);
      if (value === undefined || url === undefined) continue;
      const base = baseBody(route, who);
      if (!base) continue;
      const [key, kind] = field.split('.') as [string, string | undefined];
      out.push({
        route,
        who,
        what: `body.${field} names the outsider`,
        url,
        body: { ...base, [key]: kind ? [value] : value },
      });
    }
    for (const extra of EXTRA_CASES[route]?.(who) ?? []) out.push({ route, who, ...extra });
  }
  return out;
}

describe('route × principal × organisation, generated from the OpenAPI document', () => {
  it('refuses every write naming an organisation outside the principal’s scope, and stores nothing', async () => {
    const ops = await operations();
    const leaks: string[] = [];
    const uncovered: string[] = [];
    const unchecked: string[] = [];
    let cases = 0;
    let routesWithCases = 0;
    for (const op of ops) {
      const route = `${op.method} ${op.path}`;
      const generated = casesFor(op);
      if (generated.length === 0) {
        if (!(route in NAMES_NO_ORGANISATION)) uncovered.push(route);
        continue;
      }
      routesWithCases++;
      for (const c of generated) {
        cases++;
        const before = await snapshot();
        const response = await send(op.method, c.url, as[c.who], c.body, c.contentType);
        const after = await snapshot();
        const changed = STORED.filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t]));
        if (response.statusCode < 400 || changed.length > 0) {
          leaks.push(
            `${c.route} as ${c.who}: ${c.what} → ${response.statusCode}${changed.length ? `, changed ${changed.join(' ')}` : ''}`,
          );
        } else if (
          SHAPE_REFUSALS.includes(response.json().error?.code) ||
          (NATIONAL_ONLY.includes(route) && response.json().error?.code !== 'FP_AUTH_FORBIDDEN')
        ) {
          // Refused for its shape, before any scope was checked (or, national only, for something other than
          // not being national): the case proves nothing, so its request is wrong.
          unchecked.push(`${c.route} as ${c.who}: ${c.what} → ${response.json().error.code}`);
        }
      }
    }
    console.log(
      `scope matrix: ${ops.length} state-changing routes (${routesWithCases} with cases, ${Object.keys(NAMES_NO_ORGANISATION).length} naming no organisation), ${PRINCIPALS.length} principals, ${cases} cases, ${leaks.length} leaks`,
    );
    expect(uncovered).toEqual([]);
    expect(Object.keys(NAMES_NO_ORGANISATION).filter((r) => !ops.some((o) => `${o.method} ${o.path}` === r))).toEqual(
      [],
    );
    expect(cases).toBeGreaterThan(100);
    expect(unchecked).toEqual([]);
    expect(leaks).toEqual([]);
    expect(readdirSync(join(ws.dir, 'uploads'), { withFileTypes: true }).length, 'files left in uploads/').toBe(0);
  }, 300_000);
});

describe('register entries are corrected and withdrawn by those in scope, audited', () => {
  const audited = (type: string, id: string) =>
    ws.all<{ action: string; actor: string }>(
      'SELECT action, actor FROM audit_event WHERE object_type = $1 AND object_id = $2 ORDER BY seq',
      [type, id],
    );

  it('a contract: another ICB, another region and a viewer are refused; the lead ICB corrects then withdraws it', async () => {
    const id = objects.QWE!.contract!;
    const url = `/api/assurance/contracts/${id}`;
    for (const who of ['qkkEditor', 'northWestEditor', 'qweViewer'] as const) {
      const refused = await send('DELETE', url, as[who]);
      expect(refused.statusCode, who).toBe(403);
    }
    const corrected = await send('PUT', url, as.qweEditor, baseBody('PUT /api/assurance/contracts/{id}', 'qweEditor'));
    expect(corrected.statusCode).toBe(200);
    const withdrawn = await send('DELETE', url, as.qweEditor);
    expect(withdrawn.statusCode).toBe(204);
    const register = (
      await app.inject({ method: 'GET', url: '/api/assurance/contracts', headers: as.qweViewer.read })
    ).json();
    expect(register.rows.map((c: { id: string }) => c.id)).not.toContain(id);
    expect(await ws.one('SELECT id FROM contract WHERE id = $1', [id])).toBeUndefined();
    expect(await audited('contract', id)).toEqual([
      { action: 'create', actor: USERS.nationalAdmin.email },
      { action: 'update', actor: USERS.qweEditor.email },
      { action: 'delete', actor: USERS.qweEditor.email },
    ]);
    expect((await send('DELETE', url, as.qweEditor)).statusCode).toBe(404);
  });

  it('an intention: another ICB is refused; the ICB’s region withdraws it', async () => {
    const id = objects.QWE!.intention!;
    const url = `/api/assurance/intentions/${id}`;
    expect((await send('DELETE', url, as.qkkEditor)).statusCode).toBe(403);
    expect((await send('DELETE', url, as.londonEditor)).statusCode).toBe(204);
    expect(await audited('intention', id)).toEqual([
      { action: 'create', actor: USERS.nationalAdmin.email },
      { action: 'delete', actor: USERS.londonEditor.email },
    ]);
    expect((await send('DELETE', url, as.londonEditor)).statusCode).toBe(404);
  });
});
