// Board-pack PDFs: one shared Chromium for the whole server, a bounded queue and a per-user allowance.
// Past the queue or the allowance the answer is 429 with Retry-After, never another browser.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../../src/data/reports/board-pack-pdf.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

let ws: Workspace;

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
});

afterAll(() => ws.close());

const pack = (app: FastifyInstance, client: SignedInClient) =>
  app.inject({ method: 'GET', url: '/api/assurance/pack?icb=QWE&format=pdf', headers: client.read });

describe('the PDF queue', () => {
  let app: FastifyInstance;
  const renderer = new PdfRenderer({ concurrency: 1, queueLimit: 1, perUser: { max: 100, windowMs: 60_000 } });

  beforeAll(async () => {
    app = await buildApp({ workspace: ws, pdf: renderer, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  });
  afterAll(() => app.close());

  it('prints one at a time with one waiting; the rest get 429 FP_PACK_BUSY with Retry-After; one browser', async () => {
    const viewer = await signIn(app, 'qweViewer');
    const answers = await Promise.all([1, 2, 3, 4].map(() => pack(app, viewer)));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, 200, 429, 429]);
    for (const refused of answers.filter((a) => a.statusCode === 429)) {
      expect(refused.json().error).toMatchObject({
        code: 'FP_PACK_BUSY',
        where: { route: '/api/assurance/pack', parameter: 'format' },
      });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    for (const printed of answers.filter((a) => a.statusCode === 200)) {
      expect(printed.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    // Once the queue has drained, the next print is taken, by the same browser.
    expect((await pack(app, viewer)).statusCode).toBe(200);
    expect(renderer.launches).toBe(1);
  }, 120_000);
});

describe('the per-user allowance', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildApp({
      workspace: ws,
      pdf: new PdfRenderer({ perUser: { max: 2, windowMs: 60_000 } }),
      signInRateLimit: { max: 1000, timeWindowMs: 60_000 },
    });
  });
  afterAll(() => app.close());

  it('refuses a user’s third PDF in a minute with 429 FP_PACK_RATE_LIMITED and Retry-After; others still print', async () => {
    const viewer = await signIn(app, 'qweViewer');
    expect((await pack(app, viewer)).statusCode).toBe(200);
    expect((await pack(app, viewer)).statusCode).toBe(200);
    const third = await pack(app, viewer);
    expect(third.statusCode).toBe(429);
    expect(third.json().error).toMatchObject({
      code: 'FP_PACK_RATE_LIMITED',
      where: { route: '/api/assurance/pack', parameter: 'format' },
    });
    const wait = Number(third.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    // The HTML pack is not rationed, and another user has their own allowance.
    const html = await app.inject({ method: 'GET', url: '/api/assurance/pack?icb=QWE', headers: viewer.read });
    expect(html.statusCode).toBe(200);
    expect((await pack(app, await signIn(app, 'qweEditor'))).statusCode).toBe(200);
  }, 120_000);
});
