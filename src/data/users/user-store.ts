// The users of a workspace: add, list, find, remove. Emails are kept in lower case; passwords only as
// scrypt hashes (password-hash.ts).
import { listValue } from '@duckdb/node-api';
import { fail } from '../../core/errors.ts';
import { type AuditActor, recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.ts';
import type { Workspace } from '../workspace.ts';
import { type Organisation, requireOrganisation } from './organisations.ts';
import { hashPassword } from './password-hash.ts';
import { parseRole, type Role } from './roles.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export interface User {
  email: string;
  organisation: Organisation;
  role: Role;
  /** They must set a password of their own before anything else (first administrator, after a reset). */
  mustChangePassword: boolean;
}

export interface NewUser {
  email: string;
  organisation: string;
  role: string;
  password: string;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,60}$/;

export function normaliseEmail(text: string, parameter = 'email'): string {
  const email = text.trim().toLowerCase();
  if (!EMAIL.test(email)) {
    fail('FP_AUTH_BAD_EMAIL', `${JSON.stringify(text)} is not an email address.`, {
      where: { parameter },
      received: text,
      accepted: 'name@domain, up to 254 characters',
    });
  }
  return email;
}

export function checkPassword(password: string, parameter = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    fail('FP_AUTH_BAD_PASSWORD', `The password has ${password.length} characters.`, {
      where: { parameter },
      accepted: `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
    });
  }
}

/** Adds a user; `by` is who adds them, for the audit trail (which never sees the password or its hash).
 * With mustChangePassword the password given is a first one they must replace at sign-in. */
export async function addUser(
  ws: Workspace,
  user: NewUser,
  by: AuditActor = SYSTEM_ACTOR,
  options: { mustChangePassword?: boolean } = {},
): Promise<User> {
  const email = normaliseEmail(user.email);
  const organisation = await requireOrganisation(ws, user.organisation);
  const role = parseRole(user.role);
  checkPassword(user.password);
  if (await findUserRow(ws, email)) {
    fail('FP_AUTH_USER_EXISTS', `A user ${email} already exists.`, { where: { parameter: 'email' }, received: email });
  }
  const hash = await hashPassword(user.password);
  await ws.transaction(async () => {
    await ws.run('INSERT INTO app_user VALUES ($1, $2, $3, $4, now())', [email, organisation.code, role, hash]);
    if (options.mustChangePassword) await ws.run('INSERT INTO password_change_due VALUES ($1, now())', [email]);
    await recordAudit(ws, {
      ...by,
      objectType: 'user',
      objectId: email,
      action: 'create',
      before: null,
      after: { email, organisation: organisation.code, role },
    });
  });
  return { email, organisation, role, mustChangePassword: options.mustChangePassword === true };
}

interface UserRow {
  email: string;
  organisationCode: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
}

const USER_COLUMNS = `u.email, u.organisation_code AS "organisationCode", u.role, u.password_hash AS "passwordHash",
  d.email IS NOT NULL AS "mustChangePassword"`;

async function findUserRow(ws: Workspace, email: string): Promise<UserRow | undefined> {
  return ws.one<UserRow>(
    `SELECT ${USER_COLUMNS} FROM app_user u LEFT JOIN password_change_due d ON d.email = u.email WHERE u.email = $1`,
    [email.trim().toLowerCase()],
  );
}

/** The user and their password hash, for sign-in; undefined when the email is unknown. */
export async function findUserForSignIn(
  ws: Workspace,
  email: string,
): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await findUserRow(ws, email);
  if (!row) return undefined;
  return { user: await toUser(ws, row), passwordHash: row.passwordHash };
}

export async function findUser(ws: Workspace, email: string): Promise<User | undefined> {
  const row = await findUserRow(ws, email);
  return row ? toUser(ws, row) : undefined;
}

async function toUser(ws: Workspace, row: Omit<UserRow, 'passwordHash'>): Promise<User> {
  return {
    email: row.email,
    organisation: await requireOrganisation(ws, row.organisationCode),
    role: row.role,
    mustChangePassword: row.mustChangePassword,
  };
}

/** Users whose organisation is one of `organisations` (null: every user), by email. */
export async function listUsers(ws: Workspace, organisations: string[] | null = null): Promise<User[]> {
  const rows = await ws.all<UserRow>(
    `SELECT ${USER_COLUMNS} FROM app_user u LEFT JOIN password_change_due d ON d.email = u.email
      WHERE $1::VARCHAR[] IS NULL OR list_contains($1::VARCHAR[], u.organisation_code) ORDER BY u.email`,
    [organisations ? listValue(organisations) : null],
  );
  return Promise.all(rows.map((r) => toUser(ws, r)));
}

export async function countUsers(ws: Workspace): Promise<number> {
  return (await ws.one<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM app_user'))?.n ?? 0;
}

/** Removes a user and their sessions; FP_AUTH_USER_NOT_FOUND when there is none. */
export async function removeUser(ws: Workspace, email: string, by: AuditActor = SYSTEM_ACTOR): Promise<void> {
  const normalised = email.trim().toLowerCase();
  const found = await findUserRow(ws, normalised);
  if (!found) {
    fail('FP_AUTH_USER_NOT_FOUND', `There is no user ${normalised}.`, {
      where: { parameter: 'email' },
      received: email,
    });
  }
  await ws.transaction(async () => {
    await ws.run('DELETE FROM app_session WHERE email = $1', [normalised]);
    await ws.run('DELETE FROM password_change_due WHERE email = $1', [normalised]);
    await ws.run('DELETE FROM app_user WHERE email = $1', [normalised]);
    await recordAudit(ws, {
      ...by,
      objectType: 'user',
      objectId: normalised,
      action: 'delete',
      before: { email: found.email, organisation: found.organisationCode, role: found.role },
      after: null,
    });
  });
}

async function requireUserRow(ws: Workspace, email: string, parameter = 'email'): Promise<UserRow> {
  const found = await findUserRow(ws, email);
  if (!found) {
    fail('FP_AUTH_USER_NOT_FOUND', `There is no user ${email.trim().toLowerCase()}.`, {
      where: { parameter },
      received: email,
    });
  }
  return found;
}

/** Changes a user's role and/or organisation; audited with before and after. */
export async function changeUser(
  ws: Workspace,
  email: string,
  change: { role?: string; organisation?: string },
  by: AuditActor,
): Promise<User> {
  const found = await requireUserRow(ws, email);
  const role = change.role === undefined ? found.role : parseRole(change.role);
  const organisation = await requireOrganisation(ws, change.organisation ?? found.organisationCode);
  await ws.transaction(async () => {
    await ws.run('UPDATE app_user SET role = $2, organisation_code = $3 WHERE email = $1', [
      found.email,
      role,
      organisation.code,
    ]);
    // Sessions carry the old role: end them, so the change holds from the next request.
    await ws.run('DELETE FROM app_session WHERE email = $1', [found.email]);
    await recordAudit(ws, {
      ...by,
      objectType: 'user',
      objectId: found.email,
      action: 'update',
      before: { email: found.email, organisation: found.organisationCode, role: found.role },
      after: { email: found.email, organisation: organisation.code, role },
    });
  });
  return { email: found.email, organisation, role, mustChangePassword: found.mustChangePassword };
}

/** Sets a new password for someone else (an admin's reset): their sessions end and they must choose their
 * own at the next sign-in. The audit trail records the reset, never the password. */
export async function resetPassword(ws: Workspace, email: string, password: string, by: AuditActor): Promise<void> {
  const found = await requireUserRow(ws, email);
  checkPassword(password);
  const hash = await hashPassword(password);
  await ws.transaction(async () => {
    await ws.run('UPDATE app_user SET password_hash = $2 WHERE email = $1', [found.email, hash]);
    await ws.run('DELETE FROM app_session WHERE email = $1', [found.email]);
    await ws.run('INSERT OR REPLACE INTO password_change_due VALUES ($1, now())', [found.email]);
    await recordAudit(ws, {
      ...by,
      objectType: 'user',
      objectId: found.email,
      action: 'reset-password',
      before: null,
      after: { email: found.email, mustChangePassword: true },
    });
  });
}

/** A user choosing their own password (required after a reset or as the first administrator). */
export async function setOwnPassword(ws: Workspace, email: string, password: string): Promise<void> {
  const found = await requireUserRow(ws, email);
  checkPassword(password, 'newPassword');
  const hash = await hashPassword(password);
  await ws.transaction(async () => {
    await ws.run('UPDATE app_user SET password_hash = $2 WHERE email = $1', [found.email, hash]);
    await ws.run('DELETE FROM password_change_due WHERE email = $1', [found.email]);
    await recordAudit(ws, {
      actor: found.email,
      organisation: found.organisationCode,
      objectType: 'user',
      objectId: found.email,
      action: 'change-password',
      before: null,
      after: { email: found.email },
    });
  });
}
