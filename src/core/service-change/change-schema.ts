// A scenario's service changes (docs/scenario.md, "changes"): zod checks each change's shape, and the rules
// that tie fields together or to the plan horizon are checked here, each problem naming its field path.
import { z } from 'zod';
import type { Problem } from '../errors.ts';
import { planFinancialYear } from '../planning/plan-years.ts';
import { financialYearText } from '../units.ts';

export const SERVICE_CHANGE_TYPES = ['repatriate', 'consolidate'] as const;
export type ServiceChangeType = (typeof SERVICE_CHANGE_TYPES)[number];

const code = z.string().min(1).max(200);

export const serviceChangeSchema = z.strictObject({
  type: z.enum(SERVICE_CHANGE_TYPES),
  /** A service code from the catalogue. */
  service: code,
  /** ODS codes of the providers the activity leaves. */
  fromProviders: z.array(code).min(1),
  /** ODS codes of the receiving providers; a repatriation without them goes to the nearest provider. */
  toProviders: z.array(code).optional(),
  /** Repatriation only: the residents whose activity moves (every resident ICB when omitted). */
  residentIcbs: z.array(z.string().regex(/^[A-Z0-9]{3}$/, 'an ICB ODS code such as QUY')).optional(),
  /** The fraction of the selected activity that moves once fully phased in. */
  share: z.number().optional(),
  /** The first financial year the change is in effect, e.g. "2026/27". */
  startYear: financialYearText('2026/27'),
  /** Fractions of the share in effect in the start year and after; the last value holds. Default [1]. */
  phasing: z.array(z.number()).min(1).optional(),
  /** Unit-cost change of the moved activity at the receivers, as a fraction (−0.1 = 10% cheaper). */
  costChange: z.number().optional(),
});

export type ServiceChange = z.infer<typeof serviceChangeSchema>;

const problem = (field: string, message: string, received: string, accepted: string): Problem => ({
  code: 'FP_PLAN_BAD_CHANGE',
  message,
  where: { field },
  received,
  accepted,
});

/** The rules the shape cannot say, for change `index` of a plan from `baseYear` over `years`. */
export function serviceChangeProblems(
  change: ServiceChange,
  baseYear: string,
  years: number,
  field: string,
): Problem[] {
  const problems: Problem[] = [];
  const share = change.share ?? 1;
  if (!(share > 0 && share <= 1)) {
    problems.push(problem(`${field}.share`, `${field}.share is not a share.`, String(share), 'above 0 and at most 1'));
  }
  change.phasing?.forEach((phase, i) => {
    if (phase >= 0 && phase <= 1) return;
    problems.push(
      problem(`${field}.phasing[${i}]`, 'A phasing value is not a fraction.', String(phase), 'from 0 to 1'),
    );
  });
  if ((change.phasing?.length ?? 0) > years) {
    problems.push(
      problem(
        `${field}.phasing`,
        `${field}.phasing has more values than the plan has years.`,
        `${change.phasing?.length} values`,
        `at most ${years} values`,
      ),
    );
  }
  if (change.costChange !== undefined && !(change.costChange > -1)) {
    problems.push(
      problem(`${field}.costChange`, 'A cost change is not above −100%.', String(change.costChange), 'above −1'),
    );
  }
  const planYears = Array.from({ length: years }, (_, i) => planFinancialYear(baseYear as never, i + 1) as string);
  if (!planYears.includes(change.startYear)) {
    problems.push(
      problem(
        `${field}.startYear`,
        `${change.startYear} is not a year of the plan.`,
        change.startYear,
        `one of ${planYears.join(', ')}`,
      ),
    );
  }
  if (change.type === 'consolidate' && !change.toProviders?.length) {
    problems.push(
      problem(`${field}.toProviders`, 'A consolidation needs receiving providers.', 'none', 'one or more ODS codes'),
    );
  }
  if (change.type === 'consolidate' && change.residentIcbs) {
    problems.push(
      problem(
        `${field}.residentIcbs`,
        'A consolidation moves every resident’s activity; residentIcbs is for repatriation.',
        change.residentIcbs.join(', '),
        'type "repatriate", or no residentIcbs',
      ),
    );
  }
  change.toProviders?.forEach((provider, i) => {
    if (!change.fromProviders.includes(provider)) return;
    problems.push(
      problem(
        `${field}.toProviders[${i}]`,
        `${provider} is both a provider the activity leaves and one it goes to.`,
        provider,
        'receivers not among fromProviders',
      ),
    );
  });
  return problems;
}
