// What verifying the audit trail finds: how many events, the anchored head, and the first broken link
// (the earliest event that does not follow from the one before, or the first missing event after the
// last one left when the newest were deleted). The CLI's `footprint audit verify` and the admin API
// both answer with this.
import { z } from 'zod';

export const AUDIT_BREAKS = ['prev-hash', 'hash', 'truncated'] as const;

export const auditChainReport = z.object({
  intact: z.boolean(),
  events: z.number().int().describe('Events in the trail.'),
  head: z
    .object({ seq: z.number().int(), hash: z.string() })
    .nullable()
    .describe('The anchored head: the last event recorded, as written when it was recorded.'),
  firstBroken: z
    .object({
      seq: z.number().int(),
      reason: z.enum(AUDIT_BREAKS),
      explanation: z.string(),
    })
    .nullable(),
});

export type AuditChainReport = z.infer<typeof auditChainReport>;
