// First run: a workspace with no users gets one national admin with a generated password, which the
// caller shows once. There is no demo mode and no default password.
import type { Workspace } from '../workspace.ts';
import { NATIONAL } from './organisations.ts';
import { generatePassword } from './password-hash.ts';
import { addUser, countUsers } from './user-store.ts';

export const FIRST_ADMIN_EMAIL = 'admin@footprint.local';

/** Creates the first admin when the workspace has no users; returns the credentials to show once, or
 * undefined when users already exist. */
export async function ensureFirstAdmin(ws: Workspace): Promise<{ email: string; password: string } | undefined> {
  if ((await countUsers(ws)) > 0) return undefined;
  const password = generatePassword();
  // Shown once in a terminal: the administrator replaces it at the first sign-in.
  await addUser(ws, { email: FIRST_ADMIN_EMAIL, organisation: NATIONAL, role: 'admin', password }, undefined, {
    mustChangePassword: true,
  });
  return { email: FIRST_ADMIN_EMAIL, password };
}
