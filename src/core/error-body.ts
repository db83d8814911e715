// The body of every error answer of the HTTP API: the code, what went wrong and where, what was received
// and what is accepted.
import { z } from 'zod';

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      where: z.object({ route: z.string().optional(), parameter: z.string().optional() }).optional(),
      received: z.string().optional(),
      accepted: z.string().optional(),
      hint: z.string().optional(),
      requestId: z.string().optional().describe('Given with FP_HTTP_INTERNAL: the id its log lines carry.'),
    }),
  })
  .describe('What went wrong, where, what was received and what is accepted.');

export type ApiErrorBody = z.infer<typeof errorBody>;
