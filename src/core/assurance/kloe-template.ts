// A key-lines-of-enquiry template: a versioned list of questions a review round asks of each ICB's (or
// footprint's) plan. Templates are definition files (definitions/kloe/*.json) so a region can write its
// own; each question may name the evidence the workspace can show beside it. The parser is pure: it
// returns the template or every problem found, each naming the field.
import { z } from 'zod';
import type { Problem } from '../errors.ts';

/** Evidence the workspace itself can show beside a question. */
export const WORKSPACE_EVIDENCE = [
  'pooled-footprints',
  'risk-share-plans',
  'delegation-outcomes',
  'financial-plans',
] as const;
export type WorkspaceEvidence = (typeof WORKSPACE_EVIDENCE)[number];

const questionId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a lower-case id such as pooled-budgets');

export const kloeTemplateSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,59}$/, 'a lower-case id such as specialised-stp-2017'),
  version: z.number().int().min(1),
  title: z.string().min(1).max(200),
  source: z.string().min(1).max(500).describe('Where the questions come from.'),
  questions: z
    .array(
      z.strictObject({
        id: questionId,
        theme: z.string().min(1).max(80),
        text: z.string().min(1).max(1000),
        guidance: z.string().max(2000).optional(),
        evidence: z.array(z.enum(WORKSPACE_EVIDENCE)).default([]),
      }),
    )
    .min(1)
    .max(50),
});

export type KloeTemplate = z.infer<typeof kloeTemplateSchema>;
export type KloeQuestion = KloeTemplate['questions'][number];

export interface TemplateParse {
  value: KloeTemplate | null;
  issues: Problem[];
}

/** Checks a parsed JSON value against the template schema, then that no two questions share an id. */
export function parseKloeTemplate(json: unknown, file: string): TemplateParse {
  const parsed = kloeTemplateSchema.safeParse(json);
  if (!parsed.success) {
    return {
      value: null,
      issues: parsed.error.issues.map((issue) => ({
        code: 'FP_KLOE_BAD_TEMPLATE' as const,
        message: issue.message,
        where: { file, field: issue.path.join('.') },
      })),
    };
  }
  const issues: Problem[] = [];
  const seen = new Map<string, number>();
  parsed.data.questions.forEach((q, i) => {
    const first = seen.get(q.id);
    if (first !== undefined) {
      issues.push({
        code: 'FP_KLOE_DUPLICATE_QUESTION',
        message: `Questions ${first + 1} and ${i + 1} both have the id ${q.id}; each question needs its own.`,
        where: { file, field: `questions.${i}.id` },
        received: q.id,
      });
    } else {
      seen.set(q.id, i);
    }
  });
  return issues.length ? { value: null, issues } : { value: parsed.data, issues: [] };
}
