// One event of the audit trail as the API answers it (GET /api/assurance/audit) and the web app shows it.
import { z } from 'zod';
import type { TableColumn } from '../export-columns.ts';

export const auditEventShape = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  organisation: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  source: z.string().nullable().describe('From where: the client address, or cli@<host> for the command line.'),
});

export type AuditEventShape = z.infer<typeof auditEventShape>;

/** The audit trail export: before and after as JSON text. */
export const AUDIT_EVENT_COLUMNS: TableColumn[] = [
  { key: 'seq', header: 'Event', kind: 'number' },
  { key: 'at', header: 'When (UTC)', kind: 'text' },
  { key: 'actor', header: 'Who', kind: 'text' },
  { key: 'organisation', header: 'Organisation', kind: 'text' },
  { key: 'source', header: 'From', kind: 'text' },
  { key: 'objectType', header: 'Object type', kind: 'text' },
  { key: 'objectId', header: 'Object', kind: 'text' },
  { key: 'action', header: 'Action', kind: 'text' },
  { key: 'before', header: 'Before (JSON)', kind: 'text' },
  { key: 'after', header: 'After (JSON)', kind: 'text' },
];
