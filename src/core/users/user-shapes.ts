// Users and sessions as the API gives them: one shape shared by the routes that check them, the command
// line and the web app's users page and header.
import { z } from 'zod';
import type { TableColumn } from '../export-columns.ts';

/** Roles, weakest first: a viewer reads; an editor also changes what belongs to their organisation; an
 * admin also manages users. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const organisationSummary = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(['icb', 'region', 'national']),
});

export const userSummary = z.object({
  email: z.string(),
  organisation: organisationSummary,
  role: z.enum(ROLES),
  mustChangePassword: z
    .boolean()
    .describe('True until they set a password of their own (the first administrator, or after a reset).'),
});

export const sessionAnswer = z.object({ user: userSummary, csrfToken: z.string() });

export const userList = z.object({ rows: z.array(userSummary) });

export type OrganisationSummary = z.infer<typeof organisationSummary>;
export type UserSummary = z.infer<typeof userSummary>;
export type SessionAnswer = z.infer<typeof sessionAnswer>;
export type UserList = z.infer<typeof userList>;

/** The users export: the organisation's code and name beside each email. */
export const USER_COLUMNS: TableColumn[] = [
  { key: 'email', header: 'Email', kind: 'text' },
  { key: 'organisation', header: 'Organisation code', kind: 'text' },
  { key: 'organisationName', header: 'Organisation', kind: 'text' },
  { key: 'role', header: 'Role', kind: 'text' },
];
