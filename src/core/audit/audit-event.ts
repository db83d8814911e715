// One event of the audit trail as the API answers it (GET /api/assurance/audit) and the web app shows it.
import { z } from 'zod';

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
