// Assurance routes: KLOE review rounds (ICB responds, region moderates), attachments, the heat map, the
// intentions and contracts registers, the audit trail and the board pack. Every route: 401 signed out,
// 403 wrong role, 403 wrong organisation; the bad input gets a clear error and changes nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBoardPack } from '../../../src/cli/commands/report-pack.ts';
import { readKloeTemplateFile } from '../../../src/data/assurance/kloe-templates.ts';
import { recordAudit, verifyAuditChain } from '../../../src/data/audit/record-audit.ts';
import { renderBoardPackPdf } from '../../../src/data/reports/board-pack-pdf.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace, type TestUser, USERS } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
const as = {} as Record<TestUser, SignedInClient>;
let services: string[];
let roundId: string;
const QWE_REVIEW = () => `${roundId}-QWE`;

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  for (const who of Object.keys(USERS) as TestUser[]) as[who] = await signIn(app, who);
  services = (
    await ws.all<{ code: string }>(
      'SELECT DISTINCT service_code AS code FROM service WHERE is_current ORDER BY service_code LIMIT 3',
    )
  ).map((r) => r.code);
}, 120_000);

afterAll(async () => {
  await app.close();
  ws.close();
});

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, who?: TestUser, payload?: unknown) =>
  app.inject({
    method,
    url,
    headers: who ? (method === 'GET' ? as[who].read : as[who].change) : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** Everything assurance stores, to compare before and after a refused request. */
const snapshot = async () => ({
  rounds: await ws.all('SELECT * EXCLUDE (created_at) FROM review_round ORDER BY id'),
  answers: await ws.all('SELECT * EXCLUDE (reviewed_at, moderated_at) FROM review_answer ORDER BY ALL'),
  attachments: await ws.all('SELECT id, size_bytes FROM review_attachment ORDER BY id'),
  intentions: await ws.all('SELECT * EXCLUDE (updated_at) FROM commissioning_intention ORDER BY id'),
  contracts: await ws.all('SELECT * EXCLUDE (updated_at) FROM contract ORDER BY id'),
  values: await ws.all('SELECT * FROM contract_service ORDER BY ALL'),
  totals: await ws.all('SELECT * EXCLUDE (set_at) FROM system_control_total ORDER BY ALL'),
  audit: await ws.all('SELECT seq FROM audit_event ORDER BY seq'),
});

const expectRefused = async (
  request: Promise<{ statusCode: number; json: () => { error: { code: string; where?: { parameter?: string } } } }>,
  status: number,
  code: string,
  parameter?: string,
) => {
  const before = await snapshot();
  const response = await request;
  expect(response.statusCode).toBe(status);
  expect(response.json().error.code).toBe(code);
  if (parameter) expect(response.json().error.where?.parameter).toBe(parameter);
  expect(await snapshot()).toEqual(before);
};

describe('sign-in is needed for every assurance route', () => {
  it('answers 401 FP_AUTH_NOT_SIGNED_IN to each, signed out', async () => {
    const routes: [Parameters<typeof send>[0], string][] = [
      ['GET', '/api/assurance/templates'],
      ['GET', '/api/assurance/rounds'],
      ['POST', '/api/assurance/rounds'],
      ['GET', '/api/assurance/rounds/round-x'],
      ['GET', '/api/assurance/reviews/round-x-QWE'],
      ['PUT', '/api/assurance/reviews/round-x-QWE/questions/engagement'],
      ['POST', '/api/assurance/reviews/round-x-QWE/questions/engagement/moderation'],
      ['POST', '/api/assurance/reviews/round-x-QWE/questions/engagement/attachments'],
      ['GET', '/api/assurance/reviews/round-x-QWE/attachments/att-1'],
      ['GET', '/api/assurance/heatmap'],
      ['GET', '/api/assurance/intentions'],
      ['POST', '/api/assurance/intentions'],
      ['PUT', '/api/assurance/intentions/int-1'],
      ['POST', '/api/assurance/intentions/starter'],
      ['GET', '/api/assurance/contracts'],
      ['POST', '/api/assurance/contracts'],
      ['PUT', '/api/assurance/contracts/con-1'],
      ['PUT', '/api/assurance/control-totals'],
      ['GET', '/api/assurance/audit'],
      ['GET', '/api/assurance/pack?icb=QWE'],
    ];
    for (const [method, url] of routes) {
      const response = await send(method, url, undefined, method === 'GET' ? undefined : {});
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json().error.code).toBe('FP_AUTH_NOT_SIGNED_IN');
    }
  });
});

describe('KLOE templates and review rounds', () => {
  it('lists the default template: the five questions of the South of England KLOE', async () => {
    const response = await send('GET', '/api/assurance/templates', 'qweViewer');
    expect(response.statusCode).toBe(200);
    const template = response.json().rows.find((t: { id: string }) => t.id === 'specialised-stp-2017');
    expect(template.version).toBe(1);
    expect(template.questions.map((q: { id: string }) => q.id)).toEqual([
      'responsibility',
      'pooled-budgets',
      'clinical-priorities',
      'financial-assumptions',
      'engagement',
    ]);
  });

  it('a viewer may not start a round (403 role); an ICB may not review itself (403 organisation)', async () => {
    await expectRefused(
      send('POST', '/api/assurance/rounds', 'qweViewer', { name: 'Q1' }),
      403,
      'FP_AUTH_FORBIDDEN',
      'role',
    );
    await expectRefused(
      send('POST', '/api/assurance/rounds', 'qweEditor', { name: 'Q1', icbs: ['QWE'] }),
      403,
      'FP_AUTH_FORBIDDEN',
      'organisation',
    );
  });

  it('a region may not review another region’s ICB (403), nor name a template that does not exist (404)', async () => {
    await expectRefused(
      send('POST', '/api/assurance/rounds', 'northWestEditor', { name: 'Q1', icbs: ['QWE'] }),
      403,
      'FP_AUTH_FORBIDDEN',
      'body.icbs',
    );
    await expectRefused(
      send('POST', '/api/assurance/rounds', 'londonEditor', { name: 'Q1', templateId: 'no-such-template' }),
      404,
      'FP_KLOE_TEMPLATE_NOT_FOUND',
      'template',
    );
  });

  it('the London region starts a round over its ICBs and the South London footprint', async () => {
    const response = await send('POST', '/api/assurance/rounds', 'londonEditor', {
      name: 'STP plans 2017/18',
      icbs: ['QWE', 'qkk'],
      footprints: ['South London'],
    });
    expect(response.statusCode).toBe(201);
    const round = response.json();
    roundId = round.id;
    expect(round).toMatchObject({ name: 'STP plans 2017/18', reviews: 3, questions: 5, rated: 0, owner: 'Y56' });
  });

  it('an ICB sees only its own review; another region sees none', async () => {
    const qwe = await send('GET', `/api/assurance/rounds/${roundId}`, 'qweViewer');
    expect(qwe.statusCode).toBe(200);
    expect(qwe.json().reviews.map((r: { subjectCode: string }) => r.subjectCode)).toEqual(['QWE']);
    const london = await send('GET', `/api/assurance/rounds/${roundId}`, 'londonEditor');
    expect(london.json().reviews).toHaveLength(3);
    expect((await send('GET', '/api/assurance/rounds', 'northWestEditor')).json().rows).toEqual([]);
    const other = await send('GET', `/api/assurance/rounds/${roundId}`, 'northWestEditor');
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('FP_ASSURANCE_ROUND_NOT_FOUND');
    const foreign = await send('GET', `/api/assurance/reviews/${QWE_REVIEW()}`, 'qkkEditor');
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error).toMatchObject({ code: 'FP_AUTH_FORBIDDEN', where: { parameter: 'id' } });
  });

  it('the review page shows workspace evidence beside the questions that name it', async () => {
    const response = await send('GET', `/api/assurance/reviews/${QWE_REVIEW()}`, 'qweViewer');
    expect(response.statusCode).toBe(200);
    const review = response.json();
    expect(review.template.questions).toHaveLength(5);
    const pooled = review.evidence['pooled-budgets'].find((e: { kind: string }) => e.kind === 'pooled-footprints');
    // South London (QKK + QWE) ships as a reference group, so it is evidence of a pooled footprint.
    expect(pooled.available).toBe(true);
    expect(pooled.lines.some((l: string) => l.startsWith('South London'))).toBe(true);
    const delegation = review.evidence.responsibility[0];
    expect(delegation.kind).toBe('delegation-outcomes');
    expect(delegation.lines.join(' ')).toMatch(/not available yet/i);
    expect(review.evidence.engagement).toEqual([]);
  });
});

describe('rating, responding and moderating', () => {
  it('the ICB editor responds: a rating with evidence text and a link', async () => {
    const response = await send('PUT', `/api/assurance/reviews/${QWE_REVIEW()}/questions/pooled-budgets`, 'qweEditor', {
      rating: 'amber-green',
      evidenceText: 'Pooled budget for South London agreed in principle; risk share under negotiation.',
      links: ['https://example.nhs.uk/swl/board-paper-2017-03.pdf'],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      questionId: 'pooled-budgets',
      rating: 'amber-green',
      reviewer: USERS.qweEditor.email,
      reviewerOrganisation: 'QWE',
      moderatedRating: null,
    });
  });

  it('refuses a rating off the scale, a bad link, an unknown question, a viewer, and another ICB; nothing changes', async () => {
    const url = `/api/assurance/reviews/${QWE_REVIEW()}/questions/engagement`;
    await expectRefused(
      send('PUT', url, 'qweEditor', { rating: 'purple' }),
      400,
      'FP_ASSURANCE_BAD_RATING',
      'body.rating',
    );
    await expectRefused(
      send('PUT', url, 'qweEditor', { rating: 'green', links: ['javascript:alert(1)'] }),
      400,
      'FP_ASSURANCE_BAD_LINK',
      'body.links.0',
    );
    await expectRefused(
      send('PUT', `/api/assurance/reviews/${QWE_REVIEW()}/questions/no-such-question`, 'qweEditor', {
        rating: 'green',
      }),
      400,
      'FP_ASSURANCE_UNKNOWN_QUESTION',
      'question',
    );
    await expectRefused(send('PUT', url, 'qweViewer', { rating: 'green' }), 403, 'FP_AUTH_FORBIDDEN', 'role');
    await expectRefused(send('PUT', url, 'qkkEditor', { rating: 'green' }), 403, 'FP_AUTH_FORBIDDEN', 'id');
    await expectRefused(send('PUT', url, 'northWestEditor', { rating: 'green' }), 403, 'FP_AUTH_FORBIDDEN', 'id');
  });

  it('an ICB cannot moderate; the original reviewer cannot moderate their own rating', async () => {
    const url = `/api/assurance/reviews/${QWE_REVIEW()}/questions/pooled-budgets/moderation`;
    await expectRefused(
      send('POST', url, 'qweAdmin', { rating: 'green', reason: 'We agree with ourselves' }),
      403,
      'FP_AUTH_FORBIDDEN',
      'organisation',
    );
    const rated = await send('PUT', `/api/assurance/reviews/${QWE_REVIEW()}/questions/engagement`, 'londonEditor', {
      rating: 'red',
      evidenceText: 'No engagement plan found.',
    });
    expect(rated.statusCode).toBe(200);
    await expectRefused(
      send('POST', `/api/assurance/reviews/${QWE_REVIEW()}/questions/engagement/moderation`, 'londonEditor', {
        rating: 'red',
        reason: 'Agree',
      }),
      409,
      'FP_ASSURANCE_SELF_MODERATION',
      'moderator',
    );
    await expectRefused(
      send('POST', `/api/assurance/reviews/${QWE_REVIEW()}/questions/clinical-priorities/moderation`, 'londonEditor', {
        rating: 'red',
        reason: 'Nothing to moderate',
      }),
      409,
      'FP_ASSURANCE_NOT_RATED',
      'question',
    );
  });

  it('a region reviewer moderates the ICB’s response, changing it with a reason', async () => {
    const response = await send(
      'POST',
      `/api/assurance/reviews/${QWE_REVIEW()}/questions/pooled-budgets/moderation`,
      'londonEditor',
      { rating: 'amber-red', reason: 'No risk/gain share terms yet, so the pool is not credible for 2017/18.' },
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      rating: 'amber-green',
      moderatedRating: 'amber-red',
      moderator: USERS.londonEditor.email,
      moderationReason: 'No risk/gain share terms yet, so the pool is not credible for 2017/18.',
    });
    const agreed = await send(
      'POST',
      `/api/assurance/reviews/${QWE_REVIEW()}/questions/engagement/moderation`,
      'londonAdmin',
      { rating: 'red', reason: 'Agree: no engagement plan.' },
    );
    expect(agreed.statusCode).toBe(200);
  });

  it('the heat map shows the standing (moderated) ratings, and the ICB sees only its row', async () => {
    const london = (await send('GET', `/api/assurance/heatmap?round=${roundId}`, 'londonEditor')).json();
    expect(london.rows).toHaveLength(3);
    const qwe = london.rows.find((r: { subjectCode: string }) => r.subjectCode === 'QWE');
    expect(qwe.ratings).toMatchObject({
      'pooled-budgets': 'amber-red',
      engagement: 'red',
      responsibility: 'not-assessed',
    });
    // amber-red = 2, red = 1: mean 1.5 over the two rated questions.
    expect(qwe.meanScore).toBe(1.5);
    const mine = (await send('GET', '/api/assurance/heatmap', 'qweViewer')).json();
    expect(mine.rows.map((r: { subjectCode: string }) => r.subjectCode)).toEqual(['QWE']);
    const csv = await send('GET', '/api/assurance/heatmap?format=csv', 'londonEditor');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('amber-red');
  });
});

describe('evidence attachments', () => {
  const url = () => `/api/assurance/reviews/${QWE_REVIEW()}/questions/pooled-budgets/attachments`;
  const pdf = Buffer.from('%PDF-1.4\n% evidence\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

  it('stores a PDF in the workspace and gives it back byte for byte to those who can see the review', async () => {
    const response = await send('POST', url(), 'qweEditor', {
      fileName: 'Risk share heads of terms.pdf',
      contentBase64: pdf.toString('base64'),
    });
    expect(response.statusCode).toBe(201);
    const info = response.json();
    expect(info).toMatchObject({
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      uploadedBy: USERS.qweEditor.email,
    });
    const download = await send('GET', `/api/assurance/reviews/${QWE_REVIEW()}/attachments/${info.id}`, 'londonEditor');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const foreign = await send('GET', `/api/assurance/reviews/${QWE_REVIEW()}/attachments/${info.id}`, 'qkkEditor');
    expect(foreign.statusCode).toBe(403);
  });

  it('refuses a disallowed type, content that is not what its name says, and a file over 2 MiB', async () => {
    await expectRefused(
      send('POST', url(), 'qweEditor', { fileName: 'setup.exe', contentBase64: Buffer.from('MZ').toString('base64') }),
      415,
      'FP_ASSURANCE_ATTACHMENT_TYPE',
      'body.fileName',
    );
    await expectRefused(
      send('POST', url(), 'qweEditor', {
        fileName: 'fake.pdf',
        contentBase64: Buffer.from('<html>').toString('base64'),
      }),
      415,
      'FP_ASSURANCE_ATTACHMENT_TYPE',
      'body.contentBase64',
    );
    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 0x20);
    big.write('%PDF-1.4');
    await expectRefused(
      send('POST', url(), 'qweEditor', { fileName: 'big.pdf', contentBase64: big.toString('base64') }),
      413,
      'FP_ASSURANCE_ATTACHMENT_TOO_LARGE',
      'body.contentBase64',
    );
    await expectRefused(
      send('POST', url(), 'qkkEditor', { fileName: 'a.pdf', contentBase64: pdf.toString('base64') }),
      403,
      'FP_AUTH_FORBIDDEN',
      'id',
    );
  });
});

describe('commissioning intentions register', () => {
  let intentionId: string;
  const body = (services: string[]) => ({
    title: 'Outpatient efficiency',
    ownerName: 'Director of Specialised Commissioning',
    services,
    providers: ['RJ7'],
    measure: 'follow-ups −20%',
    financialYear: '2017/18',
    measuredBy: 'QIPP: Referral support pathways for surgical pathways',
  });

  it('an ICB editor records an intention; its own organisation owns it', async () => {
    const response = await send('POST', '/api/assurance/intentions', 'qweEditor', body([services[0]!]));
    expect(response.statusCode).toBe(201);
    intentionId = response.json().id;
    expect(response.json()).toMatchObject({ owner: 'QWE', measure: 'follow-ups −20%', providers: ['RJ7'] });
  });

  it('refuses unknown services and providers, viewers, and another ICB’s edit; nothing changes', async () => {
    await expectRefused(
      send('POST', '/api/assurance/intentions', 'qweEditor', body(['NOPE1'])),
      400,
      'FP_CONTRACT_UNKNOWN_SERVICE',
      'body.services',
    );
    await expectRefused(
      send('POST', '/api/assurance/intentions', 'qweViewer', body([])),
      403,
      'FP_AUTH_FORBIDDEN',
      'role',
    );
    await expectRefused(
      send('PUT', `/api/assurance/intentions/${intentionId}`, 'qkkEditor', body([])),
      403,
      'FP_AUTH_FORBIDDEN',
      'id',
    );
    await expectRefused(
      send('POST', '/api/assurance/intentions', 'qkkEditor', { ...body([]), owner: 'QWE' }),
      403,
      'FP_AUTH_FORBIDDEN',
      'body.owner',
    );
  });

  it('the region edits it; the starter adds the nine HIOW intentions; each organisation sees its own', async () => {
    const edited = await send('PUT', `/api/assurance/intentions/${intentionId}`, 'londonEditor', {
      ...body([]),
      owner: 'QWE',
      measure: 'follow-ups −25%',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().measure).toBe('follow-ups −25%');
    const starter = await send('POST', '/api/assurance/intentions/starter', 'qkkEditor', { financialYear: '2018/19' });
    expect(starter.statusCode).toBe(201);
    expect(starter.json().rows.map((i: { title: string }) => i.title)).toContain('High-cost drugs and devices');
    expect(starter.json().rows).toHaveLength(9);
    expect((await send('GET', '/api/assurance/intentions', 'qweViewer')).json().rows).toHaveLength(1);
    expect((await send('GET', '/api/assurance/intentions', 'londonEditor')).json().rows).toHaveLength(10);
    const xlsx = await send('GET', '/api/assurance/intentions?format=xlsx', 'londonEditor');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('contracts register', () => {
  let contractId: string;
  const contract = (value: unknown, extra: object = {}) => ({
    providerCode: 'RJ7',
    financialYear: '2017/18',
    type: 'lead-provider',
    partners: ['RAX'],
    commissioners: ['QKK'],
    systemName: 'South London',
    services: [
      { serviceCode: services[0], value },
      { serviceCode: services[1], value: 400_000 },
    ],
    activityPlan: [{ serviceCode: services[0], pod: 'APC_EL', activity: 1200 }],
    qualitySchedule: [
      {
        kpi: '18-week RTT',
        target: '92%',
        escalation: 'Escalate to CQRM when below target two months',
        status: 'not-met',
      },
    ],
    ...extra,
  });

  it('an ICB editor records a lead-provider contract; text money is read exactly', async () => {
    const response = await send('POST', '/api/assurance/contracts', 'qweEditor', contract('£1,250,000.50'));
    expect(response.statusCode).toBe(201);
    contractId = response.json().id;
    expect(response.json()).toMatchObject({
      leadCommissioner: 'QWE',
      commissioners: ['QWE', 'QKK'],
      type: 'lead-provider',
      totalValue: 1_650_000.5,
      fragmentedServices: [],
    });
    const stored = await ws.one<{ v: string }>(
      'SELECT CAST(value AS VARCHAR) AS v FROM contract_service WHERE contract_id = $1 AND service_code = $2',
      [contractId, services[0]!],
    );
    expect(stored?.v).toBe('1250000.50');
  });

  it('refuses values that are not money, unknown providers, duplicate services, bad types and other organisations', async () => {
    for (const bad of ['12.345', 'abc', -5, '1e6', 0.1 + 0.2]) {
      await expectRefused(
        send('POST', '/api/assurance/contracts', 'qweEditor', contract(bad)),
        400,
        'FP_CONTRACT_BAD_MONEY',
        'body.services.0.value',
      );
    }
    await expectRefused(
      send('POST', '/api/assurance/contracts', 'qweEditor', contract(1, { providerCode: 'ZZZ99' })),
      400,
      'FP_CONTRACT_UNKNOWN_PROVIDER',
      'body.providerCode',
    );
    await expectRefused(
      send('POST', '/api/assurance/contracts', 'qweEditor', {
        ...contract(1),
        services: [
          { serviceCode: services[0], value: 1 },
          { serviceCode: services[0], value: 2 },
        ],
      }),
      400,
      'FP_CONTRACT_DUPLICATE_SERVICE',
      'body.services.1.serviceCode',
    );
    await expectRefused(
      send('POST', '/api/assurance/contracts', 'qweEditor', contract(1, { type: 'block' })),
      400,
      'FP_HTTP_BAD_REQUEST',
      'body.type',
    );
    await expectRefused(
      send('POST', '/api/assurance/contracts', 'qweViewer', contract(1)),
      403,
      'FP_AUTH_FORBIDDEN',
      'role',
    );
    await expectRefused(
      send('POST', '/api/assurance/contracts', 'qweEditor', contract(1, { leadCommissioner: 'QKK' })),
      403,
      'FP_AUTH_FORBIDDEN',
      'body.leadCommissioner',
    );
    await expectRefused(
      send('PUT', `/api/assurance/contracts/${contractId}`, 'northWestEditor', contract(1)),
      403,
      'FP_AUTH_FORBIDDEN',
      'id',
    );
  });

  it('flags a provider holding a second contract for the same service in the same year', async () => {
    const second = await send('POST', '/api/assurance/contracts', 'qkkEditor', {
      ...contract(100_000, { type: 'single-provider', partners: [], commissioners: [] }),
      services: [{ serviceCode: services[0], value: 100_000 }],
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().fragmentedServices).toEqual([services[0]]);
    const register = (await send('GET', '/api/assurance/contracts', 'londonEditor')).json();
    const first = register.rows.find((c: { id: string }) => c.id === contractId);
    expect(first.fragmentedServices).toEqual([services[0]]);
  });

  it('sets the South London control total and shows the contracts’ position against it', async () => {
    await expectRefused(
      send('PUT', '/api/assurance/control-totals', 'qweEditor', {
        systemName: 'South London',
        financialYear: '2017/18',
        amount: 2_000_000,
      }),
      403,
      'FP_AUTH_FORBIDDEN',
      'body.systemName',
    );
    await expectRefused(
      send('PUT', '/api/assurance/control-totals', 'londonEditor', {
        systemName: 'South London',
        financialYear: '2017/18',
        amount: 'two million',
      }),
      400,
      'FP_CONTRACT_BAD_MONEY',
      'body.amount',
    );
    const set = await send('PUT', '/api/assurance/control-totals', 'londonEditor', {
      systemName: 'South London',
      financialYear: '2017/18',
      amount: '1,700,000',
    });
    expect(set.statusCode).toBe(200);
    // Contracted: 1,250,000.50 + 400,000 (first) + 100,000 (second) = 1,750,000.50; headroom −50,000.50.
    expect(set.json()).toEqual({
      systemName: 'South London',
      financialYear: '2017/18',
      controlTotal: 1_700_000,
      contracted: 1_750_000.5,
      headroom: -50_000.5,
    });
    const register = (await send('GET', '/api/assurance/contracts', 'londonEditor')).json();
    expect(register.positions).toContainEqual(set.json());
    expect((await send('GET', '/api/assurance/contracts', 'northWestEditor')).json()).toEqual({
      rows: [],
      positions: [],
    });
  });
});

describe('audit trail', () => {
  it('records each change with who, before and after, in order, with an intact hash chain', async () => {
    const history = (
      await send('GET', `/api/assurance/audit?objectType=review&objectId=${QWE_REVIEW()}`, 'qweViewer')
    ).json().rows as { actor: string; action: string; before: unknown; after: Record<string, unknown> | null }[];
    const pooled = history.filter(
      (e) => (e.after as { questionId?: string } | null)?.questionId === 'pooled-budgets' && e.action !== 'attach',
    );
    // Newest first: the region's moderation, then the ICB's response.
    expect(pooled.map((e) => [e.action, e.actor])).toEqual([
      ['moderate', USERS.londonEditor.email],
      ['rate', USERS.qweEditor.email],
    ]);
    expect(pooled[1]!.before).toBeNull();
    expect(pooled[1]!.after).toMatchObject({ rating: 'amber-green', moderatedRating: null });
    expect(pooled[0]!.before).toMatchObject({ rating: 'amber-green', moderatedRating: null });
    expect(pooled[0]!.after).toMatchObject({ rating: 'amber-green', moderatedRating: 'amber-red' });
    expect(history.some((e) => e.action === 'attach')).toBe(true);
    expect(await verifyAuditChain(ws)).toBeNull();
  });

  it('records footprint and user changes made through their routes, and contract updates with before', async () => {
    expect((await send('POST', '/api/footprints', 'qweEditor', { name: 'Audit hub', icbs: ['QWE'] })).statusCode).toBe(
      201,
    );
    expect((await send('DELETE', '/api/footprints/Audit%20hub', 'qweEditor')).statusCode).toBe(204);
    const footprint = (await send('GET', '/api/assurance/audit?objectType=footprint&objectId=Audit%20hub', 'qweViewer'))
      .json()
      .rows.map((e: { action: string; before: unknown; after: unknown }) => [e.action, e.before, e.after]);
    expect(footprint).toEqual([
      [
        'delete',
        { name: 'Audit hub', kind: 'user', vintage: '2026', description: null, owner: 'QWE', icbs: ['QWE'] },
        null,
      ],
      [
        'create',
        null,
        { name: 'Audit hub', kind: 'user', vintage: '2026', description: null, icbs: ['QWE'], owner: 'QWE' },
      ],
    ]);
    const added = await send('POST', '/api/users', 'qweAdmin', {
      email: 'audited@example.nhs.uk',
      organisation: 'QWE',
      role: 'viewer',
      password: 'a long enough password',
    });
    expect(added.statusCode).toBe(201);
    const user = (await send('GET', '/api/assurance/audit?objectType=user', 'qweAdmin')).json().rows[0];
    expect(user).toMatchObject({
      actor: USERS.qweAdmin.email,
      action: 'create',
      before: null,
      after: { email: 'audited@example.nhs.uk', organisation: 'QWE', role: 'viewer' },
    });
    expect(JSON.stringify(user)).not.toContain('scrypt');
  });

  it('scopes the trail: another region sees none of London’s changes', async () => {
    const rows = (await send('GET', '/api/assurance/audit', 'northWestEditor')).json().rows;
    expect(rows).toEqual([]);
    const foreign = await send('GET', `/api/assurance/audit?objectType=review&objectId=${QWE_REVIEW()}`, 'qkkEditor');
    expect(foreign.statusCode).toBe(403);
    const csv = await send('GET', '/api/assurance/audit?format=csv', 'nationalAdmin');
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toBe('seq,at,actor,organisation,objectType,objectId,action,before,after');
  });

  it('cannot be changed or deleted through any route: every method on every audit address is refused', async () => {
    const before = await ws.all('SELECT * FROM audit_event ORDER BY seq');
    const urls = [
      '/api/assurance/audit',
      '/api/assurance/audit/1',
      '/api/assurance/audit?objectType=review',
      `/api/assurance/audit/review/${QWE_REVIEW()}`,
      '/api/audit',
      '/api/audit/1',
    ];
    for (const url of urls) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        for (const who of ['nationalAdmin', 'qweEditor'] as const) {
          const response = await send(method, url, who, { before: null, after: null, seq: 1 });
          expect(response.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
          expect(response.statusCode).toBeLessThan(500);
        }
      }
    }
    expect(await ws.all('SELECT * FROM audit_event ORDER BY seq')).toEqual(before);
  });
});

describe('board pack', () => {
  // A monitored KPI at a trust hosted in QWE, twelve months at 80% against a 95% target: every month
  // misses, so the standard rule set's first level (three missed months) makes it escalate-to-cqrm.
  beforeAll(async () => {
    const host = await ws.one<{ code: string }>(
      "SELECT provider_code AS code FROM provider WHERE host_icb = 'QWE' AND kind = 'nhs-trust' ORDER BY provider_code LIMIT 1",
    );
    await ws.run(
      `INSERT INTO kpi VALUES ('PACK-RTT', 'Pack RTT', $1, $2, NULL, '%', 'increase', 95,
         'standard', 'test', now())`,
      [services[0]!, host!.code],
    );
    await ws.run(`INSERT INTO kpi_value SELECT 'PACK-RTT', make_date(2025, m, 1), 80, 0 FROM range(1, 13) t(m)`);
  });

  it('serves the ICB’s pack as HTML to its own users, with every section and the KLOE ratings', async () => {
    const response = await send('GET', '/api/assurance/pack?icb=QWE', 'qweViewer');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    for (const heading of [
      'Population and spend on both bases',
      'Patient flows',
      'Financial plan',
      'Delegation outcomes and tiers',
      'Variation outliers',
      'KPI escalations',
      'Key lines of enquiry',
    ]) {
      expect(response.body).toContain(`<h2>${heading}</h2>`);
    }
    expect(response.body).toContain('Geography vintage 2026');
    // Who commissions the ICB's services in the pack's year: in London, the 59 under a joint committee in 2024/25.
    expect(response.body).toMatch(
      /Commissioning arrangements: NHS South West London Integrated Care Board \(London\), 2024\/25: \d+ retained nationally, \d+ joint committee/,
    );
    expect(response.body).toContain('Amber/red');
    expect(response.body).toContain('18-week RTT');
    expect(response.body).toMatch(
      /Pack RTT<\/td><td>2025-12<\/td><td class="num">80 %<\/td><td class="num">95 %<\/td><td class="status"><strong>escalate-to-cqrm<\/strong>/,
    );
    expect(response.body).not.toContain('<script');
  });

  it('refuses another ICB’s pack (403), an unknown ICB (404) and both icb and footprint (400)', async () => {
    const other = await send('GET', '/api/assurance/pack?icb=QKK', 'qweViewer');
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({ code: 'FP_AUTH_FORBIDDEN', where: { parameter: 'icb' } });
    const unknown = await send('GET', '/api/assurance/pack?icb=ZZZ', 'nationalAdmin');
    expect(unknown.statusCode).toBe(404);
    const both = await send('GET', '/api/assurance/pack?icb=QWE&footprint=South%20London', 'nationalAdmin');
    expect(both.statusCode).toBe(400);
  });

  it('renders the footprint pack to PDF with headless Chromium; its text reads back', async () => {
    const response = await send('GET', '/api/assurance/pack?footprint=South%20London&format=pdf', 'londonEditor');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'footprint-pack-test-'));
    const file = join(dir, 'pack.pdf');
    writeFileSync(file, response.rawPayload);
    // Layout mode keeps reading order; whitespace is collapsed because a long title wraps onto two lines.
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Specialised commissioning board pack: South London');
    expect(text).toContain('ICBs: QKK, QWE');
    expect(text).toContain('Population and spend on both bases');
    expect(text).toContain('Key lines of enquiry');
    // Layout mode prints the first line of each wrapped cell, then the second: "Pack … RTT", "common … cause".
    expect(text).toMatch(
      /Monitored quality KPIs .*Pack 2025-12 80 % 95 % escalate-to-cqrm common consistent .*RTT cause fail/,
    );
    expect(text).toMatch(/Page 1 of \d/);
  }, 60_000);
});

describe('the remaining errors, each with its code and where', () => {
  it('unknown rounds, reviews, attachments, intentions and contracts are 404s naming the id', async () => {
    const cases: [string, string, string][] = [
      ['/api/assurance/rounds/round-00000000', 'FP_ASSURANCE_ROUND_NOT_FOUND', 'id'],
      ['/api/assurance/reviews/round-00000000-QWE', 'FP_ASSURANCE_REVIEW_NOT_FOUND', 'id'],
      [
        `/api/assurance/reviews/${QWE_REVIEW()}/attachments/att-000000000000`,
        'FP_ASSURANCE_ATTACHMENT_NOT_FOUND',
        'attachment',
      ],
    ];
    for (const [url, code, parameter] of cases) {
      const response = await send('GET', url, 'nationalAdmin');
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error).toMatchObject({ code, where: { parameter } });
    }
    const intention = await send('PUT', '/api/assurance/intentions/int-00000000', 'nationalAdmin', {
      title: 'x',
      ownerName: 'x',
      measure: 'x',
      financialYear: '2017/18',
    });
    expect(intention.json().error).toMatchObject({ code: 'FP_INTENTION_NOT_FOUND', where: { parameter: 'id' } });
    const contract = await send('PUT', '/api/assurance/contracts/con-00000000', 'nationalAdmin', {
      providerCode: 'RJ7',
      financialYear: '2017/18',
      type: 'alliance',
      services: [{ serviceCode: services[0], value: 1 }],
    });
    expect(contract.json().error).toMatchObject({ code: 'FP_CONTRACT_NOT_FOUND', where: { parameter: 'id' } });
  });

  it('a round naming nothing is refused', async () => {
    await expectRefused(
      send('POST', '/api/assurance/rounds', 'nationalAdmin', { name: 'Empty', icbs: [], footprints: [] }),
      400,
      'FP_ASSURANCE_EMPTY_ROUND',
      'body',
    );
  });

  it('an audit event must say who and what, in lower-case words', async () => {
    const change = {
      actor: 'a@b.c',
      organisation: 'QWE',
      objectType: 'review',
      objectId: 'r',
      action: 'rate',
      before: null,
      after: null,
    };
    await expect(recordAudit(ws, { ...change, objectType: 'Review!' })).rejects.toMatchObject({
      problem: { code: 'FP_AUDIT_BAD_EVENT', where: { field: 'objectType' } },
    });
    await expect(recordAudit(ws, { ...change, actor: '' })).rejects.toMatchObject({
      problem: { code: 'FP_AUDIT_BAD_EVENT', where: { field: 'actor' } },
    });
  });

  it('a KLOE template file that is not JSON is refused naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'footprint-kloe-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "id": ');
    expect(() => readKloeTemplateFile(file)).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'FP_KLOE_BAD_TEMPLATE', where: { file } }) }),
    );
  });

  it('the pack command needs one subject and a .pdf or .html file; a missing Chromium is a clear error', async () => {
    await expect(writeBoardPack({ icb: 'QWE', out: 'pack.docx', workspace: ws.dir })).rejects.toMatchObject({
      problem: { code: 'FP_PACK_BAD_OPTION', where: { parameter: '--out' } },
    });
    await expect(writeBoardPack({ out: 'pack.html', workspace: ws.dir })).rejects.toMatchObject({
      problem: { code: 'FP_PACK_BAD_OPTION', where: { parameter: '--icb' } },
    });
    await expect(renderBoardPackPdf('<p>x</p>', '/nonexistent/chromium')).rejects.toMatchObject({
      problem: { code: 'FP_PACK_RENDER_FAILED', where: { file: '/nonexistent/chromium' } },
    });
  });
});
