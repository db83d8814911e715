// The server's log: one line per request with its id, route, status, time and user; unexpected failures
// with their stack under the id the answer gives; never a password, cookie or CSRF token; a file that rotates.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { RotatingFile } from '../../../src/server/logging.ts';
import { signIn } from './support/api-client.ts';
import { createApiWorkspace, TEST_PASSWORD, USERS } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;
let logFile: string;
const stdout: string[] = [];

const lines = () => stdout.map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  logFile = join(mkdtempSync(join(tmpdir(), 'footprint-log-')), 'logs', 'footprint.log');
  app = await buildApp({
    workspace: ws,
    log: { level: 'info', file: logFile, stdout: { write: (line: string) => stdout.push(line) } },
  });
  // A route that fails the way a bug would, with a message that must stay in the log.
  app.get('/boom', async () => {
    throw new Error('driver detail: relation xyz at 0x7f');
  });
});

afterAll(async () => {
  await app.close();
  ws.close();
});

describe('request logs', () => {
  it('logs each request once with id, route, status, time and user, and never the password or session', async () => {
    const client = await signIn(app, 'qweEditor');
    const response = await app.inject({ method: 'GET', url: '/api/overview?year=2024/25', headers: client.read });
    expect(response.statusCode).toBe(200);
    const id = response.headers['x-request-id'];
    const line = lines().find((l) => l.reqId === id);
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      route: '/api/overview',
      statusCode: 200,
      user: USERS.qweEditor.email,
    });
    expect(typeof line?.responseTime).toBe('number');
    expect(lines().filter((l) => l.reqId === id)).toHaveLength(1);
    const everything = stdout.join('');
    expect(everything).not.toContain(TEST_PASSWORD);
    expect(everything).not.toContain(client.cookie.split('=')[1]!);
    expect(everything).not.toContain(client.csrfToken);
    // The file holds what stdout does.
    expect(readFileSync(logFile, 'utf8')).toBe(everything);
  });

  it('logs an unexpected failure with its stack and answers with the request id, not the detail', async () => {
    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    const body = response.json() as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('FP_HTTP_INTERNAL');
    expect(body.error.requestId).toBe(response.headers['x-request-id']);
    expect(body.error.message).toContain(body.error.requestId);
    expect(response.body).not.toContain('driver detail');
    const failure = lines().find((l) => l.reqId === body.error.requestId && l.msg === 'unexpected failure');
    expect(failure?.level).toBe(50);
    expect((failure?.err as { stack?: string } | undefined)?.stack).toContain('driver detail: relation xyz');
  });
});

describe('RotatingFile', () => {
  it('starts a new file when the next line would pass the limit, keeping the newest few', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'footprint-rotate-')), 'f.log');
    const log = new RotatingFile(file, 25, 2);
    for (const n of [1, 2, 3, 4, 5, 6, 7]) log.write(`line ${n}xyz\n`);
    log.close();
    // Ten-byte lines, 25-byte files: two lines a file; 7 lines → 7, (5 6), (3 4); (1 2) dropped.
    expect(readFileSync(file, 'utf8')).toBe('line 7xyz\n');
    expect(readFileSync(`${file}.1`, 'utf8')).toBe('line 5xyz\nline 6xyz\n');
    expect(readFileSync(`${file}.2`, 'utf8')).toBe('line 3xyz\nline 4xyz\n');
    expect(existsSync(`${file}.3`)).toBe(false);
  });
});
