// Managing users from the web app: admins change role and organisation, reset passwords and remove users in
// their scope only, each change audited; a user whose password was set for them must choose their own before
// anything else, as the first administrator must.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/data/audit/record-audit.ts';
import { ensureFirstAdmin, FIRST_ADMIN_EMAIL } from '../../../src/data/users/ensure-first-admin.ts';
import { findUser } from '../../../src/data/users/user-store.ts';
import { openWorkspace, type Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { signIn } from './support/api-client.ts';
import { createApiWorkspace, USERS } from './support/api-workspace.ts';

let ws: Workspace;
let app: FastifyInstance;

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
});

afterAll(async () => {
  await app.close();
  ws.close();
});

const encoded = (email: string) => encodeURIComponent(email);

async function signInWith(email: string, password: string) {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  const cookie = response.cookies.find((c) => c.name === 'fp_session');
  const body = response.json() as { csrfToken: string; user: { mustChangePassword: boolean } };
  return {
    status: response.statusCode,
    user: body.user,
    read: { cookie: `fp_session=${cookie?.value}` },
    change: { cookie: `fp_session=${cookie?.value}`, 'x-csrf-token': body.csrfToken },
  };
}

describe('changing a user', () => {
  it('lets a region admin change the role of a user in one of its ICBs, audited with before and after', async () => {
    const admin = await signIn(app, 'londonAdmin');
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/users/${encoded(USERS.qweViewer.email)}`,
      headers: admin.change,
      payload: { role: 'editor' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ email: USERS.qweViewer.email, role: 'editor', mustChangePassword: false });
    const [event] = await listAudit(ws, { objectType: 'user', objectId: USERS.qweViewer.email });
    expect(event).toMatchObject({
      actor: USERS.londonAdmin.email,
      action: 'update',
      before: { role: 'viewer', organisation: 'QWE' },
      after: { role: 'editor', organisation: 'QWE' },
    });
  });

  it('refuses a user outside the admin’s scope (as if there were none), a move outside it, a non-admin and the admin themself', async () => {
    const londonAdmin = await signIn(app, 'londonAdmin');
    const qweAdmin = await signIn(app, 'qweAdmin');
    const editor = await signIn(app, 'qweEditor');
    // A user outside the admin's scope is answered as no user at all, so emails cannot be enumerated.
    const cases = [
      {
        who: londonAdmin,
        email: USERS.northWestEditor.email,
        payload: { role: 'viewer' },
        status: 404,
        code: 'FP_AUTH_USER_NOT_FOUND',
        parameter: 'email',
      },
      {
        who: qweAdmin,
        email: USERS.qweEditor.email,
        payload: { organisation: 'QKK' },
        status: 403,
        code: 'FP_AUTH_FORBIDDEN',
        parameter: 'body.organisation',
      },
      {
        who: editor,
        email: USERS.qweViewer.email,
        payload: { role: 'admin' },
        status: 403,
        code: 'FP_AUTH_FORBIDDEN',
        parameter: 'role',
      },
      {
        who: londonAdmin,
        email: USERS.londonAdmin.email,
        payload: { role: 'viewer' },
        status: 403,
        code: 'FP_AUTH_FORBIDDEN',
        parameter: 'email',
      },
    ];
    for (const c of cases) {
      const response = await app.inject({
        method: 'PATCH',
        url: `/api/users/${encoded(c.email)}`,
        headers: c.who.change,
        payload: c.payload,
      });
      expect(response.statusCode).toBe(c.status);
      expect(response.json().error).toMatchObject({ code: c.code, where: { parameter: c.parameter } });
    }
    expect((await findUser(ws, USERS.northWestEditor.email))?.role).toBe('editor');
    expect((await findUser(ws, USERS.qweEditor.email))?.organisation.code).toBe('QWE');
  });
});

describe('resetting a password', () => {
  it('makes the user choose their own at the next sign-in before they can read anything', async () => {
    const admin = await signIn(app, 'nationalAdmin');
    const reset = await app.inject({
      method: 'POST',
      url: `/api/users/${encoded(USERS.qkkEditor.email)}/password`,
      headers: admin.change,
      payload: { password: 'temporary password 1' },
    });
    expect(reset.statusCode).toBe(204);
    const [event] = await listAudit(ws, { objectType: 'user', objectId: USERS.qkkEditor.email });
    expect(event).toMatchObject({ actor: USERS.nationalAdmin.email, action: 'reset-password' });
    expect(JSON.stringify(event)).not.toContain('temporary password 1');

    const user = await signInWith(USERS.qkkEditor.email, 'temporary password 1');
    expect(user.status).toBe(200);
    expect(user.user.mustChangePassword).toBe(true);
    const blocked = await app.inject({ method: 'GET', url: '/api/overview', headers: user.read });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toMatchObject({
      code: 'FP_AUTH_PASSWORD_CHANGE_DUE',
      where: { parameter: 'password' },
    });

    const wrong = await app.inject({
      method: 'PUT',
      url: '/api/session/password',
      headers: user.change,
      payload: { currentPassword: 'not it at all', newPassword: 'my very own password' },
    });
    expect(wrong.statusCode).toBe(401);
    const same = await app.inject({
      method: 'PUT',
      url: '/api/session/password',
      headers: user.change,
      payload: { currentPassword: 'temporary password 1', newPassword: 'temporary password 1' },
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error).toMatchObject({ code: 'FP_AUTH_BAD_PASSWORD', where: { parameter: 'body.newPassword' } });

    const set = await app.inject({
      method: 'PUT',
      url: '/api/session/password',
      headers: user.change,
      payload: { currentPassword: 'temporary password 1', newPassword: 'my very own password' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().user.mustChangePassword).toBe(false);
    const open = await app.inject({ method: 'GET', url: '/api/overview', headers: user.read });
    expect(open.statusCode).toBe(200);
  });

  it('refuses a region admin resetting a national user, answering as if there were none', async () => {
    const admin = await signIn(app, 'londonAdmin');
    const response = await app.inject({
      method: 'POST',
      url: `/api/users/${encoded(USERS.nationalAdmin.email)}/password`,
      headers: admin.change,
      payload: { password: 'temporary password 2' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('FP_AUTH_USER_NOT_FOUND');
  });
});

describe('the first administrator', () => {
  it('must set a new password at the first sign-in', async () => {
    const fresh = await openWorkspace(mkdtempSync(join(tmpdir(), 'footprint-first-')), { create: true });
    try {
      const made = await ensureFirstAdmin(fresh);
      expect(made?.email).toBe(FIRST_ADMIN_EMAIL);
      expect((await findUser(fresh, FIRST_ADMIN_EMAIL))?.mustChangePassword).toBe(true);
    } finally {
      fresh.close();
    }
  });
});
