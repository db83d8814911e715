// Delegation routes: everyone signed in reads the segmentation matrix, the outcome board, a service's
// tiering and the commissioning models; regional and national editors change exercises (create, enter
// assessments, reconcile, comment, run); a commissioning model is set by an editor covering every ICB of
// the footprint. 401 signed out, 403 wrong role, 403 wrong organisation on every change; bad input names the
// body field and stores nothing; the figures served equal the stored run; exports open in exceljs.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAssessment } from '../../../src/data/delegation/import-assessment.ts';
import { compareExercise, readDelegationResult } from '../../../src/data/delegation/reconcile.ts';
import type { DelegationResult } from '../../../src/data/delegation/run-delegation.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

type Who = 'nationalAdmin' | 'londonEditor' | 'qweEditor' | 'qweViewer' | 'qkkEditor';
let ws: Workspace;
let app: FastifyInstance;
let as: Record<Who, SignedInClient>;
let services: { code: string; hss: boolean | null }[];
let qweFootprint: string;

const EXERCISE = 'Delegation 2023';
const URL_EXERCISE = '/api/delegation/exercises/Delegation%202023';
const FACTORS = ['patient-numbers', 'provision', 'financial-risk', 'service-specification', 'strategy'];
const CRITERIA = [
  'patient-clinical-benefit',
  'co-dependent-services',
  'financial-risk-volatility',
  'number-of-providers',
  'future-technologies',
  'provider-landscape',
  'commissioning-infrastructure',
];
const by = { actor: 'test', organisation: 'national' };

const get = (url: string, who: Who = 'qweViewer') => app.inject({ method: 'GET', url, headers: as[who].read });
const send = (method: 'POST' | 'PUT', url: string, who: Who, payload: unknown) =>
  app.inject({ method, url, headers: as[who].change, payload: payload as object });

/** Everything a refused change must leave alone. */
const stored = async () => ({
  exercises: await ws.all('SELECT name FROM assessment_exercise ORDER BY name'),
  assessments: await ws.all(
    'SELECT assessor, service_code, item, score, answer FROM assessment ORDER BY assessor, service_code, item',
  ),
  reconciled: await ws.all('SELECT * FROM reconciled_outcome ORDER BY service_code'),
  comments: await ws.all('SELECT body FROM review_comment ORDER BY id'),
  results: await ws.all('SELECT exercise, ran_at FROM delegation_result'),
  models: await ws.all('SELECT * FROM commissioning_model ORDER BY ALL'),
  audit: await ws.all('SELECT seq FROM audit_event ORDER BY seq'),
});

/** North and South agree except: on every ninth service South scores 5 on every factor where North scores 1
 * to 5 by position (levels apart); on the other third services South scores strategy one point higher.
 * Every sixth service does not meet a suitability criterion. */
function assessmentFile(assessor: 'North' | 'South'): string {
  const rows = services.flatMap(({ code }, i) => [
    ...FACTORS.map((f) => {
      const north = 1 + (i % 5);
      let score = north;
      if (assessor === 'South' && i % 9 === 0) score = 5;
      else if (assessor === 'South' && i % 3 === 0 && f === 'strategy') score = Math.min(5, north + 1);
      return [code, f, String(score), ''];
    }),
    ...CRITERIA.map((c) => [code, c, i % 6 === 0 && c === 'co-dependent-services' ? 'does-not-meet' : 'meets', 'seen']),
  ]);
  const file = join(tmpdir(), `fp-api-delegation-${assessor}-${process.pid}.csv`);
  writeFileSync(file, ['service_code,item,answer,evidence', ...rows.map((r) => r.join(','))].join('\n'));
  return file;
}

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  as = {
    nationalAdmin: await signIn(app, 'nationalAdmin'),
    londonEditor: await signIn(app, 'londonEditor'),
    qweEditor: await signIn(app, 'qweEditor'),
    qweViewer: await signIn(app, 'qweViewer'),
    qkkEditor: await signIn(app, 'qkkEditor'),
  };
  services = await ws.all(
    'SELECT service_code AS code, highly_specialised AS hss FROM service WHERE is_current ORDER BY 1',
  );
  qweFootprint = (await ws.one<{ name: string }>(
    `SELECT f.name FROM footprint f JOIN footprint_member m ON m.footprint_name = f.name
      WHERE f.kind = 'icb' AND m.icb_code = 'QWE'`,
  ))!.name;
}, 120_000);

afterAll(async () => {
  await app.close();
  ws.close();
});

describe('before any exercise (a new workspace)', () => {
  it('the matrix shows every service with the data’s evidence and suggested scores, and no assessors', async () => {
    const response = await get('/api/delegation/matrix');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ exercise: null, exercises: [], assessors: [], evidenceFrom: 'data' });
    expect(body.rows).toHaveLength(services.length);
    expect(body.rubrics.segmentation.factors.map((f: { id: string }) => f.id)).toEqual(FACTORS);
    const withPatients = body.rows.filter((r: { patientsAYear: number }) => r.patientsAYear > 0);
    expect(withPatients.length).toBeGreaterThan(0);
    // Patient numbers has data cut points (500, 2000, 10000, 50000; more patients → lower score): a service
    // with fewer than 500 patients a year is suggested 5.
    for (const row of withPatients) {
      if (row.patientsAYear < 500) expect(row.suggested['patient-numbers']).toBe(5);
    }
    expect(
      body.rows.some((r: { medianIcbMissProbability: number | null }) => r.medianIcbMissProbability !== null),
    ).toBe(true);
  });

  it('a service’s tiering is computed from the data for every ICB, group and region', async () => {
    const response = await get('/api/delegation/services/13');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ exercise: null, service: '13', outcome: null, tier: null, evidenceFrom: 'data' });
    expect(body.footprints.filter((f: { kind: string }) => f.kind === 'icb')).toHaveLength(36);
    expect(['icb', 'multi-icb', 'region']).toContain(body.evidenceTier);
    expect(body.criteria).toHaveLength(7);
  });

  it('the outcome board says there is no run; the exercise list says who may change', async () => {
    expect((await get('/api/delegation/outcomes')).json()).toEqual({ exercise: null, exercises: [], result: null });
    expect((await get('/api/delegation/exercises', 'qweEditor')).json()).toMatchObject({ rows: [], canChange: false });
    expect((await get('/api/delegation/exercises', 'londonEditor')).json()).toMatchObject({ canChange: true });
    const unknown = await get('/api/delegation/services/NOPE');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'FP_HTTP_NOT_FOUND', where: { parameter: 'code' } });
  });
});

describe('who may change what', () => {
  const changes: [string, 'POST' | 'PUT', string, unknown][] = [
    ['create', 'POST', '/api/delegation/exercises', { name: EXERCISE }],
    [
      'enter',
      'PUT',
      `${URL_EXERCISE}/assessments`,
      { assessor: 'North', serviceCode: '13', answers: [{ item: 'strategy', answer: '2' }] },
    ],
    [
      'reconcile',
      'POST',
      `${URL_EXERCISE}/reconciled`,
      { serviceCode: '13', outcome: 'not-suitable', rationale: 'Agreed', agreedBy: 'Leads' },
    ],
    ['comment', 'POST', `${URL_EXERCISE}/comments`, { serviceCode: '13', author: 'Board', body: 'Note' }],
    ['run', 'POST', `${URL_EXERCISE}/run`, {}],
  ];

  it('401 on every route when signed out', async () => {
    for (const [method, url] of [
      ['GET', '/api/delegation/exercises'],
      ['GET', '/api/delegation/matrix'],
      ['GET', '/api/delegation/outcomes'],
      ['GET', '/api/delegation/services/13'],
      ['GET', '/api/delegation/models'],
      ...changes.map(([, m, u]) => [m, u]),
      ['PUT', '/api/delegation/models'],
    ] as const) {
      const response = await app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('403 for a viewer (role) and an ICB editor (organisation) on every exercise change; nothing stored', async () => {
    const before = await stored();
    for (const [what, method, url, payload] of changes) {
      const viewer = await send(method, url, 'qweViewer', payload);
      expect(viewer.statusCode, what).toBe(403);
      expect(viewer.json().error, what).toMatchObject({ code: 'FP_AUTH_FORBIDDEN', where: { parameter: 'role' } });
      const icb = await send(method, url, 'qweEditor', payload);
      expect(icb.statusCode, what).toBe(403);
      expect(icb.json().error, what).toMatchObject({
        code: 'FP_AUTH_FORBIDDEN',
        where: { parameter: 'organisation' },
      });
    }
    const model = { serviceCode: '13', footprint: qweFootprint, financialYear: '2026/27', model: 'delegated' };
    expect((await send('PUT', '/api/delegation/models', 'qweViewer', model)).json().error.where.parameter).toBe('role');
    const other = await send('PUT', '/api/delegation/models', 'qkkEditor', model);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.where.parameter).toBe('organisation');
    expect(await stored()).toEqual(before);
  });
});

describe('an exercise through the API', () => {
  let result: DelegationResult;

  it('a regional editor starts it; a second with the same name or a bad name is refused', async () => {
    const made = await send('POST', '/api/delegation/exercises', 'londonEditor', { name: EXERCISE });
    expect(made.statusCode).toBe(201);
    expect(await ws.all("SELECT action, object_id FROM audit_event WHERE object_type = 'exercise'")).toEqual([
      { action: 'create', object_id: EXERCISE },
    ]);
    const before = await stored();
    const twice = await send('POST', '/api/delegation/exercises', 'londonEditor', { name: 'delegation 2023' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'FP_EXERCISE_EXISTS', where: { parameter: 'body.name' } });
    const bad = await send('POST', '/api/delegation/exercises', 'londonEditor', { name: 'North/../x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'FP_ASSESS_BAD_NAME', where: { parameter: 'body.name' } });
    expect(await stored()).toEqual(before);
  });

  it('entered assessments are checked like an import: bad answers name the body field and store nothing', async () => {
    const before = await stored();
    const cases: [unknown, string, string][] = [
      [
        {
          assessor: 'North',
          serviceCode: '13',
          answers: [
            { item: 'strategy', answer: '2' },
            { item: 'provision', answer: '6' },
          ],
        },
        'FP_ASSESS_BAD_SCORE',
        'body.answers[1].answer',
      ],
      [
        { assessor: 'North', serviceCode: '13', answers: [{ item: 'waiting-times', answer: '2' }] },
        'FP_ASSESS_UNKNOWN_ITEM',
        'body.answers[0].item',
      ],
      [
        { assessor: 'North', serviceCode: 'NOPE', answers: [{ item: 'strategy', answer: '2' }] },
        'FP_ASSESS_UNKNOWN_SERVICE',
        'body.serviceCode',
      ],
      [
        { assessor: 'North', serviceCode: '13', answers: [{ item: 'provider-landscape', answer: 'mostly' }] },
        'FP_ASSESS_BAD_ANSWER',
        'body.answers[0].answer',
      ],
      [
        { assessor: 'a/b', serviceCode: '13', answers: [{ item: 'strategy', answer: '2' }] },
        'FP_ASSESS_BAD_NAME',
        'body.assessor',
      ],
      [{ assessor: 'North', serviceCode: '13', answers: [] }, 'FP_HTTP_BAD_REQUEST', 'body.answers'],
    ];
    for (const [payload, code, parameter] of cases) {
      const response = await send('PUT', `${URL_EXERCISE}/assessments`, 'londonEditor', payload);
      expect(response.statusCode, code).toBe(400);
      expect(response.json().error, code).toMatchObject({ code, where: { parameter } });
    }
    const unknown = await send('PUT', '/api/delegation/exercises/Nothing/assessments', 'londonEditor', {
      assessor: 'North',
      serviceCode: '13',
      answers: [{ item: 'strategy', answer: '2' }],
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('FP_EXERCISE_NOT_FOUND');
    expect(await stored()).toEqual(before);
  });

  it('an editor enters one service’s answers; they replace that assessor’s earlier ones and are audited', async () => {
    const answers = FACTORS.map((item) => ({ item, answer: '3' }));
    const first = await send('PUT', `${URL_EXERCISE}/assessments`, 'nationalAdmin', {
      assessor: 'Web',
      serviceCode: '13',
      answers,
    });
    expect(first.json()).toEqual({ rows: 5 });
    await send('PUT', `${URL_EXERCISE}/assessments`, 'nationalAdmin', {
      assessor: 'Web',
      serviceCode: '13',
      answers: [{ item: 'strategy', answer: '4', evidence: 'Board view' }],
    });
    expect(await ws.all("SELECT item, score, evidence FROM assessment WHERE assessor = 'Web'")).toEqual([
      { item: 'strategy', score: 4, evidence: 'Board view' },
    ]);
    expect(await ws.all("SELECT action FROM audit_event WHERE object_type = 'assessment' ORDER BY seq")).toEqual([
      { action: 'create' },
      { action: 'update' },
    ]);
    await ws.run("DELETE FROM assessment WHERE assessor = 'Web'");
  });

  it('runs, and the board, matrix and tiering serve exactly the stored result', async () => {
    await importAssessment(ws, { file: assessmentFile('North'), exercise: EXERCISE, assessor: 'North', by });
    await importAssessment(ws, { file: assessmentFile('South'), exercise: EXERCISE, assessor: 'South', by });
    const badYear = await send('POST', `${URL_EXERCISE}/run`, 'londonEditor', { financialYear: '1999/00' });
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().error.where.parameter).toBe('body.financialYear');
    expect(await ws.all('SELECT exercise FROM delegation_result')).toEqual([]);

    const ran = await send('POST', `${URL_EXERCISE}/run`, 'londonEditor', {});
    expect(ran.statusCode).toBe(200);
    result = await readDelegationResult(ws, EXERCISE);
    expect(ran.json().byOutcome).toEqual(result.summary.byOutcome);

    const board = (await get('/api/delegation/outcomes')).json();
    expect(board.exercise).toBe(EXERCISE);
    expect(board.result.summary).toEqual(result.summary);
    expect(board.result.summary.byOutcome.reduce((s: number, g: { services: number }) => s + g.services, 0)).toBe(
      services.length,
    );
    for (const row of result.rows) {
      expect(board.result.rows.find((r: { service: string }) => r.service === row.service)).toMatchObject({
        outcome: row.outcome,
        tier: row.tier,
        spend: row.spend,
        nationalPatients: row.evidence.nationalPatients,
      });
    }

    const matrix = (await get(`/api/delegation/matrix?exercise=${encodeURIComponent(EXERCISE)}`)).json();
    expect(matrix).toMatchObject({ exercise: EXERCISE, assessors: ['North', 'South'], evidenceFrom: 'run' });
    const comparison = await compareExercise(ws, EXERCISE);
    expect(matrix.agreement).toEqual(comparison.factors);
    for (const row of matrix.rows) {
      const run = result.rows.find((r) => r.service === row.service)!;
      expect(row.suggested).toEqual(run.evidence.suggestedScores);
      expect(row.disagreement).toBe(comparison.disagreements.includes(row.service));
    }
    // The first service (a ninth one): North scores 1 everywhere, South 5, so every factor and the levels differ.
    expect(matrix.rows[0]).toMatchObject({ factorDisagreements: FACTORS, disagreement: true });
    expect(matrix.rows[1]).toMatchObject({ factorDisagreements: [], disagreement: false });

    const tiered = result.rows.find((r) => r.tier !== null)!;
    const tiering = (await get(`/api/delegation/services/${encodeURIComponent(tiered.service)}`)).json();
    expect(tiering).toMatchObject({ outcome: 'suitable-and-ready', tier: tiered.tier, evidenceFrom: 'run' });
    expect(tiering.footprints).toEqual(tiered.evidence.footprints);
    expect(tiering.minimumViablePopulation).toEqual(tiered.evidence.minimumViablePopulation);
    expect(tiering.criteria[0].answers.map((a: { assessor: string }) => a.assessor)).toEqual(['North', 'South']);
  });

  it('exports the board, matrix and tiering as workbooks with the same figures', async () => {
    const book = async (url: string) => {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-disposition']).toMatch(/attachment; filename=".+\.xlsx"/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      return workbook;
    };
    const board = await book('/api/delegation/outcomes?format=xlsx');
    expect(board.worksheets.map((s) => s.name)).toEqual([
      'Outcomes',
      'By outcome',
      'By tier',
      'Needs information',
      'Evidence per footprint',
    ]);
    const byOutcome = board.getWorksheet('By outcome')!;
    result.summary.byOutcome.forEach((g, i) => {
      expect(byOutcome.getRow(i + 2).getCell(1).value).toBe(g.group);
      expect(byOutcome.getRow(i + 2).getCell(2).value).toBe(g.services);
    });
    const matrix = await book('/api/delegation/matrix?format=xlsx');
    expect(matrix.worksheets.map((s) => s.name)).toEqual(['Segmentation matrix', 'Agreement']);
    expect(matrix.getWorksheet('Segmentation matrix')!.rowCount).toBe(services.length + 1);
    const tiered = result.rows.find((r) => r.tier !== null)!;
    const tiering = await book(`/api/delegation/services/${encodeURIComponent(tiered.service)}?format=xlsx`);
    expect(tiering.getWorksheet('Evidence per footprint')!.rowCount).toBe(tiered.evidence.footprints.length + 1);
    const csv = await get('/api/delegation/outcomes?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')).toHaveLength(services.length + 2);
  });

  it('reconciles an outcome and takes review comments; bad values name the field and store nothing', async () => {
    const before = await stored();
    const bad = await send('POST', `${URL_EXERCISE}/reconciled`, 'londonEditor', {
      serviceCode: '13',
      outcome: 'maybe',
      rationale: 'x',
      agreedBy: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'FP_DELEGATION_BAD_OUTCOME', where: { parameter: 'body.outcome' } });
    const noRationale = await send('POST', `${URL_EXERCISE}/reconciled`, 'londonEditor', {
      serviceCode: '13',
      outcome: 'not-suitable',
      rationale: ' ',
      agreedBy: 'x',
    });
    expect(noRationale.json().error.where.parameter).toBe('body.rationale');
    const noService = await send('POST', `${URL_EXERCISE}/comments`, 'londonEditor', {
      serviceCode: 'NOPE',
      author: 'Board',
      body: 'x',
    });
    expect(noService.statusCode).toBe(400);
    expect(noService.json().error.where.parameter).toBe('body.serviceCode');
    expect(await stored()).toEqual(before);

    const agreed = await send('POST', `${URL_EXERCISE}/reconciled`, 'londonEditor', {
      serviceCode: '13',
      outcome: 'not-suitable',
      level: 'national-regional',
      rationale: 'Co-dependent with cardiac surgery',
      agreedBy: 'Regional leads',
    });
    expect(agreed.statusCode).toBe(200);
    const comment = await send('POST', `${URL_EXERCISE}/comments`, 'nationalAdmin', {
      serviceCode: '13',
      author: 'Cancer programme of care board',
      body: 'Keep national for now.',
    });
    expect(comment.statusCode).toBe(201);
    const page = (await get('/api/delegation/services/13')).json();
    expect(page.reconciled).toMatchObject({ outcome: 'not-suitable', agreedBy: 'Regional leads' });
    expect(page.comments).toEqual([
      expect.objectContaining({ author: 'Cancer programme of care board', organisation: 'national' }),
    ]);
    expect(
      await ws.all(
        "SELECT object_type FROM audit_event WHERE object_type IN ('reconciled-outcome', 'review-comment') ORDER BY seq",
      ),
    ).toEqual([{ object_type: 'reconciled-outcome' }, { object_type: 'review-comment' }]);
  });
});

describe('commissioning models', () => {
  it('proposes a model for every footprint, year by year over the plan horizon, named; and who may edit', async () => {
    const [in59] = await ws.all<{ code: string }>(
      `SELECT d.service_code AS code FROM service_delegation d
        JOIN service s ON s.service_code = d.service_code AND s.catalogue_version = d.catalogue_version AND s.is_current
       WHERE d.financial_year = '2023/24' AND d.delegated ORDER BY 1 LIMIT 1`,
    );
    const response = await get(`/api/delegation/models?service=${encodeURIComponent(in59!.code)}`, 'qweEditor');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.years).toEqual(['2023/24', '2024/25', '2025/26', '2026/27', '2027/28', '2028/29']);
    const footprints = await ws.one<{ n: number }>(
      'SELECT CAST(count(DISTINCT footprint_name) AS INTEGER) AS n FROM footprint_member',
    );
    expect(body.rows).toHaveLength(footprints!.n);
    const line = (name: string) => body.rows.find((r: { footprint: string }) => r.footprint === name);
    const proposal = (name: string, year: string) =>
      line(name).years.find((y: { financialYear: string }) => y.financialYear === year).proposal;
    expect(proposal('London', '2024/25')).toMatchObject({
      model: 'joint-committee',
      label: 'Joint committee (London specialised services joint committee)',
    });
    // The North West took full delegation in 2024/25; London did so in 2025/26.
    expect(['delegated', 'lead-commissioner']).toContain(proposal('North West', '2024/25').model);
    expect(['delegated', 'lead-commissioner']).toContain(proposal('London', '2025/26').model);
    const lead = proposal('North West', '2024/25').lead;
    if (lead) expect(line('North West').icbNames).toContain(lead.icbName);
    expect(body.models.map((m: { label: string }) => m.label)).toContain('NHS England direct, ICBs at the table');
    const editable = body.footprints
      .filter((f: { canEdit: boolean }) => f.canEdit)
      .map((f: { name: string }) => f.name);
    expect(editable).toEqual([qweFootprint]);
    const viewer = (await get('/api/delegation/models?service=13', 'qweViewer')).json();
    expect(viewer.footprints.some((f: { canEdit: boolean }) => f.canEdit)).toBe(false);
    const london = (await get('/api/delegation/models?service=13', 'londonEditor')).json();
    expect(london.footprints.find((f: { name: string }) => f.name === 'London')?.canEdit).toBe(true);
    const unknown = await get('/api/delegation/models?service=NOPE');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.where.parameter).toBe('service');
  });

  it('bad entries name the field and store nothing', async () => {
    const before = await stored();
    const entry = { serviceCode: '13', footprint: qweFootprint, financialYear: '2026/27', model: 'delegated' };
    for (const [change, parameter] of [
      [{ model: 'outsourced' }, 'body.model'],
      [{ model: 'lead-commissioner' }, 'body.lead'],
      [{ financialYear: '2026' }, 'body.financialYear'],
      [{ footprint: 'Atlantis' }, 'body.footprint'],
      [{ serviceCode: 'NOPE' }, 'body.serviceCode'],
    ] as const) {
      const response = await send('PUT', '/api/delegation/models', 'qweEditor', { ...entry, ...change });
      expect(response.statusCode, parameter).toBe(400);
      expect(response.json().error, parameter).toMatchObject({ code: 'FP_MODEL_BAD_ENTRY', where: { parameter } });
    }
    expect(await stored()).toEqual(before);
  });

  it('the ICB proposes its own footprint’s model; only its region agrees it; audited, listed and exported', async () => {
    const entry = {
      serviceCode: '13',
      footprint: qweFootprint,
      financialYear: '2026/27',
      model: 'lead-commissioner',
      lead: 'South London APC',
    };
    const saved = await send('PUT', '/api/delegation/models', 'qweEditor', entry);
    expect(saved.statusCode).toBe(200);
    // An ICB editor cannot mark its own model agreed: it is the ICB's proposal.
    expect(saved.json()).toEqual({ ...entry, status: 'proposed', source: 'qwe.editor@example.nhs.uk' });
    const agreed = await send('PUT', '/api/delegation/models', 'londonEditor', entry);
    expect(agreed.statusCode).toBe(200);
    expect(agreed.json()).toEqual({ ...entry, status: 'agreed', source: 'london.editor@example.nhs.uk' });
    const listed = (
      await get(`/api/delegation/models?service=13&footprint=${encodeURIComponent(qweFootprint)}`)
    ).json();
    expect(listed.rows).toHaveLength(1);
    const year = listed.rows[0].years.find((y: { financialYear: string }) => y.financialYear === '2026/27');
    expect(year.recorded).toEqual({ ...entry, status: 'agreed', source: 'london.editor@example.nhs.uk' });
    expect(
      await ws.all(
        "SELECT action, object_id FROM audit_event WHERE object_type = 'commissioning-model' ORDER BY recorded_at",
      ),
    ).toEqual([
      { action: 'create', object_id: `13/${qweFootprint}/2026/27` },
      { action: 'update', object_id: `13/${qweFootprint}/2026/27` },
    ]);
    const xlsx = await get('/api/delegation/models?format=xlsx&service=13');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Commissioning models')!;
    const values = sheet.getSheetValues().slice(2) as unknown[][];
    expect(values.some((row) => row.includes('Lead commissioner') && row.includes('South London APC'))).toBe(true);
  });
});

describe('occasional practice', () => {
  type Report = {
    scope: string;
    financialYear: string;
    rows: {
      serviceCode: string;
      minimumAnnualVolume: number;
      occasional: { providerCode: string; providerName: string; patients: number; icbsServed: { icbName: string }[] }[];
    }[];
  };

  it('lists, per service, the providers under the minimum in patients, named, with the ICBs they serve', async () => {
    const response = await get('/api/delegation/occasional-practice', 'nationalAdmin');
    expect(response.statusCode).toBe(200);
    const body: Report = response.json();
    expect(body.scope).toBe('England');
    expect(body.rows).toHaveLength(services.length);
    const listed = body.rows.flatMap((s) => s.occasional.map((p) => ({ ...p, minimum: s.minimumAnnualVolume })));
    expect(listed.length).toBeGreaterThan(0);
    for (const p of listed) {
      expect(p.patients).toBeLessThan(p.minimum);
      expect(p.providerName).toMatch(new RegExp(`\\(${p.providerCode}\\)$`));
      expect(p.providerName).not.toBe(p.providerCode);
      expect(p.icbsServed.every((i) => / ICB|Integrated Care Board/.test(i.icbName))).toBe(true);
    }
  });

  it('an ICB sees the providers treating its residents: the tiering evidence’s count for its footprint', async () => {
    const icbName = (await ws.one<{ name: string }>(
      "SELECT name FROM icb WHERE vintage = '2026' AND icb_code = 'QWE'",
    ))!.name;
    const body: Report = (await get('/api/delegation/occasional-practice?service=13', 'qweViewer')).json();
    expect(body.scope).toBe(icbName);
    const [service] = body.rows;
    expect(service!.occasional.every((p) => p.icbsServed.some((i) => i.icbName === icbName))).toBe(true);
    const evidence = (await get('/api/delegation/services/13')).json();
    const own = evidence.footprints.find((f: { footprint: string }) => f.footprint === qweFootprint);
    expect(service!.occasional).toHaveLength(own.occasionalProviders);
    const csv = await get('/api/delegation/occasional-practice?service=13&format=csv', 'qweViewer');
    expect(csv.body.split('\r\n')[0]).toBe(
      'serviceCode,serviceName,minimumAnnualVolume,providerCode,providerName,patients,activity,icbsServed',
    );
    const bad = await get('/api/delegation/occasional-practice?year=1999/00');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.where.parameter).toBe('year');
  });
});
