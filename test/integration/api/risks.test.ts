// The risk register's routes: scoped to the organisations a person covers (every organisation named in a
// request checked), editors only for changes, links checked against the workspace, every change audited and
// read back as the risk's history; then the same register at the command line.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/data/audit/record-audit.ts';
import { openWorkspace, type Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

let ws: Workspace;
let app: FastifyInstance;
let as: Record<'qweEditor' | 'qweViewer' | 'qkkEditor' | 'londonEditor', SignedInClient>;
let provider: string;
let service: string;
let riskId: string;

const risk = (changes: Record<string, unknown> = {}) => ({
  organisation: 'QWE',
  title: 'A paediatric surgery centre may not sustain its rota',
  category: 'provider-stability',
  owner: 'Director of specialised commissioning',
  likelihood: 4,
  impact: 4,
  mitigation: 'Network support from the tertiary centre',
  residualLikelihood: 2,
  residualImpact: 4,
  links: [
    { kind: 'provider', code: provider },
    { kind: 'service', code: service },
  ],
  reviewed: '2026-01-10',
  nextReview: '2026-04-10',
  ...changes,
});

const post = (who: SignedInClient, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/risks', headers: who.change, payload });
const put = (who: SignedInClient, id: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'PUT', url: `/api/risks/${id}`, headers: who.change, payload });
const get = (who: SignedInClient, url: string) => app.inject({ method: 'GET', url, headers: who.read });

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  provider = (await ws.one<{ code: string }>(
    "SELECT provider_code AS code FROM provider WHERE host_icb = 'QWE' ORDER BY 1 LIMIT 1",
  ))!.code;
  service = (await ws.one<{ code: string }>(
    'SELECT service_code AS code FROM service WHERE is_current ORDER BY 1 LIMIT 1',
  ))!.code;
  app = await buildApp({ workspace: ws });
  as = {
    qweEditor: await signIn(app, 'qweEditor'),
    qweViewer: await signIn(app, 'qweViewer'),
    qkkEditor: await signIn(app, 'qkkEditor'),
    londonEditor: await signIn(app, 'londonEditor'),
  };
});

afterAll(async () => {
  await app.close();
  ws.close();
});

describe('risk register routes', () => {
  it('an editor adds a risk for their ICB; it is scored, named and audited', async () => {
    const response = await post(as.qweEditor, risk());
    expect(response.statusCode, response.body).toBe(201);
    const saved = response.json();
    riskId = saved.id;
    expect(saved).toMatchObject({
      organisation: 'QWE',
      organisationName: expect.stringContaining('South West London'),
      score: 16,
      rating: 'extreme',
      residualScore: 8,
      residualRating: 'high',
      status: 'open',
      revision: 1,
      reviewDue: true,
    });
    const names = (
      await ws.all<{ name: string }>('SELECT name FROM provider WHERE provider_code = $1', [provider])
    )[0]!;
    expect(saved.links[0]).toEqual({ kind: 'provider', code: provider, name: names.name });
    const events = await listAudit(ws, { objectType: 'risk', objectId: riskId });
    expect(events.map((e) => [e.action, e.actor])).toEqual([['create', 'qwe.editor@example.nhs.uk']]);
  });

  it('is seen by its ICB and its region, not by another ICB, which is refused when it names QWE', async () => {
    const ids = async (who: SignedInClient, url = '/api/risks') =>
      get(who, url).then((r) => r.json().rows.map((x: { id: string }) => x.id)) as Promise<string[]>;
    expect(await ids(as.qweViewer)).toEqual([riskId]);
    expect(await ids(as.londonEditor, '/api/risks?organisation=QWE')).toEqual([riskId]);
    expect(await ids(as.qkkEditor)).toEqual([]);
    const refused = await get(as.qkkEditor, '/api/risks?organisation=QWE');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'FP_AUTH_FORBIDDEN', where: { parameter: 'organisation' } });
    expect((await get(as.qkkEditor, `/api/risks/${riskId}`)).statusCode).toBe(403);
    expect(await ids(as.qweViewer, `/api/risks?linkKind=provider&linkCode=${provider}`)).toEqual([riskId]);
    expect(await ids(as.qweViewer, '/api/risks?linkKind=provider&linkCode=NOPE')).toEqual([]);
  });

  it('refuses a viewer, an editor of another ICB, and a risk for an organisation the editor does not cover', async () => {
    expect((await post(as.qweViewer, risk())).statusCode).toBe(403);
    const other = await post(as.qkkEditor, risk());
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({ code: 'FP_AUTH_FORBIDDEN', where: { parameter: 'body.organisation' } });
    const moved = await put(as.qkkEditor, riskId, risk({ organisation: 'QKK' }));
    expect(moved.statusCode).toBe(403);
    expect(moved.json().error.where.parameter).toBe('id');
  });

  it('names the bad parameter: an unknown link, a score raised by mitigation, a review out of order', async () => {
    const link = await post(
      as.qweEditor,
      risk({
        links: [
          { kind: 'provider', code: provider },
          { kind: 'scheme', code: 'No such scheme' },
        ],
      }),
    );
    expect(link.statusCode).toBe(400);
    expect(link.json().error).toMatchObject({
      code: 'FP_RISK_UNKNOWN_LINK',
      where: { parameter: 'body.links.1.code' },
    });
    const score = await post(as.qweEditor, risk({ residualLikelihood: 5, residualImpact: 5 }));
    expect(score.json().error).toMatchObject({
      code: 'FP_RISK_BAD_SCORE',
      where: { parameter: 'body.residualLikelihood' },
    });
    const review = await post(as.qweEditor, risk({ nextReview: '2025-12-01' }));
    expect(review.json().error).toMatchObject({
      code: 'FP_RISK_BAD_REVIEW_DATE',
      where: { parameter: 'body.nextReview' },
    });
    const shape = await post(as.qweEditor, risk({ likelihood: 9 }));
    expect(shape.json().error).toMatchObject({ code: 'FP_RISK_BAD_INPUT', where: { parameter: 'body.likelihood' } });
    const missing = await get(as.qweEditor, '/api/risks/risk-ffffffff');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('FP_RISK_NOT_FOUND');
    expect(await ws.one<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM risk')).toEqual({ n: 1 });
  });

  it('a review lowers the score and closes it; the history gives each revision newest first', async () => {
    const response = await put(
      as.qweEditor,
      riskId,
      risk({ residualLikelihood: 1, status: 'closed', reviewed: '2026-04-10', nextReview: '2026-10-10' }),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      revision: 2,
      residualScore: 4,
      residualRating: 'moderate',
      reviewDue: false,
    });
    const detail = (await get(as.qweViewer, `/api/risks/${riskId}`)).json();
    expect(
      detail.history.map((h: { action: string; revision: number; residualScore: number; status: string }) => [
        h.action,
        h.revision,
        h.residualScore,
        h.status,
      ]),
    ).toEqual([
      ['update', 2, 4, 'closed'],
      ['create', 1, 8, 'open'],
    ]);
  });

  it('the ICB board pack lists its open risks', async () => {
    const open = await post(
      as.qweEditor,
      risk({ title: 'Workforce: two consultants retiring in 2027', category: 'workforce' }),
    );
    expect(open.statusCode).toBe(201);
    const pack = await get(as.qweViewer, '/api/assurance/pack?icb=QWE');
    expect(pack.statusCode).toBe(200);
    const risks = pack.body.slice(pack.body.indexOf('<h2>Risks</h2>'));
    expect(risks).toContain('Workforce: two consultants retiring in 2027');
    // The closed one is not on the pack.
    expect(risks).not.toContain('A paediatric surgery centre may not sustain its rota');
    await put(
      as.qweEditor,
      open.json().id,
      risk({ title: 'Workforce: two consultants retiring in 2027', category: 'workforce', status: 'closed' }),
    );
  });

  it('exports the register as CSV with the same rows', async () => {
    const csv = await get(as.qweViewer, '/api/risks?format=csv');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,title,organisationName,category,owner,score,rating,residualScore,residualRating,status,reviewed,nextReview',
    );
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).some((line) => line.startsWith(`${riskId},`))).toBe(true);
  });
});

describe('footprint risk', () => {
  it('lists the register and adds a risk from a file, audited as the command line', async () => {
    await app.close();
    const dir = dirname(ws.file);
    ws.close();
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [tsx, join(root, 'src/cli/main.ts'), ...args, '--workspace', dir], {
        encoding: 'utf8',
        env: { ...process.env, FOOTPRINT_WORKSPACE: '' },
      });
    const listed = JSON.parse(cli(['risk', 'list', '--format', 'json', '--organisation', 'QWE']).stdout);
    expect(listed.rows.map((r: { id: string }) => r.id)).toHaveLength(2);
    expect(listed.rows.map((r: { id: string }) => r.id)).toContain(riskId);
    const file = join(dir, 'risk.json');
    writeFileSync(
      file,
      JSON.stringify(
        risk({
          organisation: 'Y56',
          title: 'Data: unknown residence above 2%',
          category: 'data',
          likelihood: 3,
          impact: 3,
          residualLikelihood: 2,
          residualImpact: 3,
        }),
      ),
    );
    const added = cli(['risk', 'add', file]);
    expect(added.stdout, added.stderr).toMatch(/^Added risk-[0-9a-f]{8}\s+6 moderate \(was 9 high\)/);
    const bad = cli(['risk', 'list', '--link', 'nonsense']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('FP_CLI_BAD_OPTION');
    ws = await openWorkspace(dir);
    const events = await listAudit(ws, { objectType: 'risk' });
    expect(events[0]!.actor).toMatch(/^cli:/);
    app = await buildApp({ workspace: ws });
  }, 180_000);
});
