// The rules that turn a KPI's SPC picture into an escalation status (definitions/kpi-escalation.json):
// named rule sets, each an ordered list of levels; the first level with a condition that holds gives the
// status, and the last level (no conditions) is the default. Conditions read the SPC result: the variation
// icon of the last point, the assurance icon, a run of months missing the target, or a concern signal in
// the last few months. The parser is pure and returns the value and every problem, each naming its field.
import { z } from 'zod';
import type { Problem } from '../errors.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-10-01');
const VARIATION_TYPES = [
  'common_cause',
  'improvement_high',
  'improvement_low',
  'concern_high',
  'concern_low',
  'neutral_high',
  'neutral_low',
] as const;

const condition = z.union([
  z.object({ variation: z.array(z.enum(VARIATION_TYPES)).min(1) }).strict(),
  z.object({ assurance: z.enum(['consistent_pass', 'consistent_fail', 'inconsistent']) }).strict(),
  z.object({ missedTargetMonths: z.number().int().min(1).max(36) }).strict(),
  z.object({ concernInLastMonths: z.number().int().min(1).max(36) }).strict(),
]);
export type EscalationCondition = z.infer<typeof condition>;

const level = z.object({
  status: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a lower-case status such as escalate-to-cqrm'),
  description: z.string().min(1),
  when: z.array(condition),
});

export const escalationRulesSchema = z.object({
  id: z.literal('kpi-escalation'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semantic version such as 1.0.0'),
  owner: z.string().min(1),
  checker: z.string().min(1),
  reviewed: isoDate,
  nextReview: isoDate,
  description: z.string().min(1),
  ruleSets: z.record(
    z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    z.object({ description: z.string().min(1), levels: z.array(level).min(1) }),
  ),
});

export type EscalationRules = z.infer<typeof escalationRulesSchema>;
export type EscalationLevel = z.infer<typeof level>;

export function parseEscalationRules(
  json: unknown,
  file = 'definitions/kpi-escalation.json',
): { value: EscalationRules | null; issues: Problem[] } {
  const parsed = escalationRulesSchema.safeParse(json);
  if (!parsed.success) {
    return {
      value: null,
      issues: parsed.error.issues.map((issue) => ({
        code: 'FP_KPI_BAD_RULES',
        message: issue.message,
        where: { file, field: issue.path.join('.') },
      })),
    };
  }
  const issues: Problem[] = [];
  const value = parsed.data;
  if (value.nextReview <= value.reviewed) {
    issues.push({
      code: 'FP_KPI_BAD_RULES',
      message: 'The next review must come after the last review.',
      where: { file, field: 'nextReview' },
      received: value.nextReview,
    });
  }
  for (const [name, set] of Object.entries(value.ruleSets)) {
    set.levels.forEach((entry, i) => {
      const last = i === set.levels.length - 1;
      if (last !== (entry.when.length === 0)) {
        issues.push({
          code: 'FP_KPI_BAD_RULES',
          message: last
            ? 'The last level of a rule set is the default and must have no conditions.'
            : 'Only the last level of a rule set may have no conditions.',
          where: { file, field: `ruleSets.${name}.levels.${i}.when` },
        });
      }
    });
  }
  return issues.length ? { value: null, issues } : { value, issues };
}
