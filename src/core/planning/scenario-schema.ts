// A financial-planning scenario as JSON (docs/scenario.md): zod checks the shape, then the rules that tie
// fields together (one value per plan year, rates, months, shares, units) are checked here. The parser is
// pure: it returns the scenario and every problem found, each naming the field path (e.g. qipp[1].rates[2]).
import { z } from 'zod';
import { POINTS_OF_DELIVERY } from '../activity/activity-record.ts';
import type { Problem } from '../errors.ts';
import { QIPP_TYPES, qippSchemeProblems } from '../qipp/qipp-scheme.ts';
import { RISK_SHARE_BASES, RISK_SHARE_TYPES } from '../riskshare/risk-share.ts';
import { serviceChangeProblems, serviceChangeSchema } from '../service-change/change-schema.ts';
import { financialYearText } from '../units.ts';
import { growthRateProblems, MAX_HORIZON, perYearProblems } from './plan-years.ts';

export const SCENARIO_VERSION = 1;
const SHARE_TOLERANCE = 1e-9;

const perYear = z.array(z.number());
// Most ICB ODS codes have three characters; Essex (2026) has five, D7T5G.
const icbCode = z.string().regex(/^[A-Z0-9]{3,5}$/, 'an ICB ODS code such as QUY');
const footprintUnit = z.string().regex(/^footprint:\S.{0,79}$/, 'footprint:NAME');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const financialYear = financialYearText();
const pod = z.enum(POINTS_OF_DELIVERY);

const qippScheme = z.strictObject({
  name: z.string().min(1).max(80),
  description: z.string().optional(),
  type: z.enum(QIPP_TYPES),
  /** Missing or empty lists mean all providers, services or pods. */
  scope: z.strictObject({
    providers: z.array(z.string().min(1)).optional(),
    services: z.array(z.string().min(1)).optional(),
    pods: z.array(pod).optional(),
  }),
  rates: perYear,
  startMonth: perYear.optional(),
});

export const scenarioSchema = z.strictObject({
  version: z.literal(SCENARIO_VERSION),
  name: z.string().min(1).max(80),
  description: z.string().optional(),
  /** Who maintains the scenario, who checked it, when, and when it is next due a review. */
  owner: z.string().min(1).optional(),
  checker: z.string().min(1).optional(),
  reviewed: isoDate.optional(),
  nextReview: isoDate.optional(),
  baseYear: financialYear,
  /** "earliest": when the data has no activity in baseYear but starts later, plan on its earliest year. */
  baseYearIfMissing: z.literal('earliest').optional(),
  years: z.number().int().min(1).max(MAX_HORIZON),
  units: z.array(z.union([icbCode, footprintUnit])).min(1),
  growth: z.strictObject({
    demographic: z.union([perYear, z.literal('projections')]),
    nonDemographic: z.strictObject({ default: perYear, byPod: z.partialRecord(pod, perYear).optional() }),
    inflation: perYear,
  }),
  qipp: z.array(qippScheme),
  allocation: z.strictObject({
    growth: perYear,
    target: z.union([z.literal('needs'), z.record(icbCode, z.number())]).optional(),
    /** `from`: the financial year the glide path to target starts (default plan year 1). */
    convergence: z
      .strictObject({ floorGrowth: z.number(), capGrowth: z.number(), from: financialYear.optional() })
      .optional(),
    /** Position to deliver per unit and year, in pounds: 0 = break even, positive = surplus required. */
    controlTotals: z.record(z.string(), perYear).optional(),
  }),
  riskShare: z
    .strictObject({
      /** The footprint's name (as in units' footprint:NAME, without the prefix). */
      footprint: z.string().min(1).max(80),
      type: z.enum(RISK_SHARE_TYPES),
      basis: z.enum(RISK_SHARE_BASES),
      shares: z.record(icbCode, z.number()).optional(),
      threshold: z.number().optional(),
      /** Pounds. */
      cap: z.number().min(0).optional(),
      /** Pounds, by member ICB. */
      outturn: z.record(icbCode, z.number()),
    })
    .optional(),
  /** Service-change what-ifs (docs/methods.md, "Service change"); they do not change the plan's figures. */
  changes: z.array(serviceChangeSchema).optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;

export interface ParsedScenario {
  value: Scenario | null;
  issues: Problem[];
}

/** ['qipp', 1, 'rates', 2] → 'qipp[1].rates[2]'. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

const unitOf = (origin: string) => (origin === 'array' ? ' items' : origin === 'string' ? ' characters' : '');

function acceptedFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'array' ? 'a list ([…])' : `a ${issue.expected}`;
    case 'invalid_value':
      return issue.values.map((v) => JSON.stringify(v)).join(', ');
    case 'unrecognized_keys':
      return 'only the fields listed in docs/scenario.md';
    case 'too_small':
      return `at least ${String(issue.minimum)}${unitOf(issue.origin)}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}${unitOf(issue.origin)}`;
    case 'invalid_union':
      return 'one of the forms listed in docs/scenario.md';
    default:
      return issue.message;
  }
}

function shapeProblems(error: z.ZodError, file: string | undefined, json: unknown): Problem[] {
  return error.issues.map((issue) => {
    const field =
      issue.code === 'unrecognized_keys'
        ? fieldPath([...issue.path, issue.keys[0] ?? ''])
        : fieldPath(issue.path) || '(scenario)';
    let received: unknown = json;
    for (const part of issue.path) received = (received as Record<PropertyKey, unknown> | undefined)?.[part];
    return {
      code: 'FP_PLAN_BAD_SCENARIO',
      message: issue.code === 'unrecognized_keys' ? `${field} is not a scenario field.` : `${field}: ${issue.message}.`,
      where: { file, field },
      received: issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : (JSON.stringify(received) ?? 'nothing'),
      accepted: acceptedFor(issue),
    };
  });
}

function sharesProblems(shares: Readonly<Record<string, number>>, field: string): Problem[] {
  const problems: Problem[] = [];
  for (const [icb, share] of Object.entries(shares)) {
    if (Number.isFinite(share) && share > 0 && share <= 1) continue;
    problems.push({
      code: 'FP_PLAN_BAD_SHARE',
      message: `${field}.${icb} is not a share.`,
      where: { field: `${field}.${icb}` },
      received: String(share),
      accepted: 'a number above 0 and at most 1',
    });
  }
  const total = Object.values(shares).reduce((sum, s) => sum + s, 0);
  if (Math.abs(total - 1) > SHARE_TOLERANCE) {
    problems.push({
      code: 'FP_PLAN_SHARES_NOT_ONE',
      message: `The shares in ${field} add up to ${total}, not 1.`,
      where: { field },
      received: `shares adding up to ${total}`,
      accepted: 'shares adding up to 1',
    });
  }
  return problems;
}

const problem = (code: Problem['code'], field: string, message: string, received: string, accepted: string) =>
  ({ code, message, where: { field }, received, accepted }) satisfies Problem;

/** The rules zod's shape cannot say: one value per plan year, rates and months, shares, units named. */
function ruleProblems(s: Scenario): Problem[] {
  const { years } = s;
  const problems: Problem[] = [];
  const seenUnits = new Set<string>();
  s.units.forEach((unit, i) => {
    if (seenUnits.has(unit)) {
      problems.push(problem('FP_PLAN_BAD_SCENARIO', `units[${i}]`, `${unit} is listed twice.`, unit, 'each unit once'));
    }
    seenUnits.add(unit);
  });
  if (s.growth.demographic !== 'projections') {
    problems.push(...growthRateProblems(s.growth.demographic, years, 'growth.demographic'));
  }
  problems.push(...growthRateProblems(s.growth.nonDemographic.default, years, 'growth.nonDemographic.default'));
  for (const [pod, rates] of Object.entries(s.growth.nonDemographic.byPod ?? {})) {
    if (rates) problems.push(...growthRateProblems(rates, years, `growth.nonDemographic.byPod.${pod}`));
  }
  problems.push(...growthRateProblems(s.growth.inflation, years, 'growth.inflation'));
  const schemeNames = new Set<string>();
  s.qipp.forEach((scheme, i) => {
    if (schemeNames.has(scheme.name)) {
      problems.push(
        problem(
          'FP_PLAN_BAD_SCENARIO',
          `qipp[${i}].name`,
          `Two schemes are called ${scheme.name}.`,
          scheme.name,
          'a name used once',
        ),
      );
    }
    schemeNames.add(scheme.name);
    problems.push(...qippSchemeProblems(scheme, years, `qipp[${i}]`));
  });

  const { allocation } = s;
  problems.push(...growthRateProblems(allocation.growth, years, 'allocation.growth'));
  if (allocation.target && allocation.target !== 'needs') {
    problems.push(...sharesProblems(allocation.target, 'allocation.target'));
  }
  if (allocation.convergence) {
    const { floorGrowth, capGrowth } = allocation.convergence;
    if (!allocation.target) {
      problems.push(
        problem(
          'FP_PLAN_BAD_SCENARIO',
          'allocation.convergence',
          'Convergence needs a target to converge towards.',
          'convergence with no allocation.target',
          'allocation.target set to "needs" or to shares by ICB',
        ),
      );
    }
    for (const [name, rate] of [
      ['floorGrowth', floorGrowth],
      ['capGrowth', capGrowth],
    ] as const) {
      if (!(rate > -1)) {
        problems.push(
          problem(
            'FP_PLAN_BAD_CONVERGENCE',
            `allocation.convergence.${name}`,
            `${name} is not a growth rate.`,
            String(rate),
            'a fraction above −1',
          ),
        );
      }
    }
    if (capGrowth < floorGrowth) {
      problems.push(
        problem(
          'FP_PLAN_BAD_CONVERGENCE',
          'allocation.convergence.capGrowth',
          'capGrowth is below floorGrowth.',
          `capGrowth ${capGrowth} with floorGrowth ${floorGrowth}`,
          'capGrowth at least floorGrowth',
        ),
      );
    }
  }
  for (const [unit, totals] of Object.entries(allocation.controlTotals ?? {})) {
    const field = `allocation.controlTotals.${unit}`;
    if (!seenUnits.has(unit)) {
      problems.push(
        problem('FP_PLAN_UNKNOWN_UNIT', field, `${unit} is not one of the scenario's units.`, unit, s.units.join(', ')),
      );
    }
    problems.push(...perYearProblems(totals, years, field));
  }

  const risk = s.riskShare;
  if (risk) {
    if (risk.basis === 'fixed') {
      if (risk.shares) problems.push(...sharesProblems(risk.shares, 'riskShare.shares'));
      else
        problems.push(
          problem(
            'FP_PLAN_BAD_RISK_SHARE',
            'riskShare.shares',
            'A fixed basis needs shares.',
            'no shares',
            'shares by ICB adding up to 1',
          ),
        );
      for (const icb of Object.keys(risk.outturn)) {
        if (risk.shares && !(icb in risk.shares)) {
          problems.push(
            problem(
              'FP_PLAN_BAD_RISK_SHARE',
              `riskShare.shares.${icb}`,
              `${icb} has an outturn but no share.`,
              'nothing',
              'a share for every member with an outturn',
            ),
          );
        }
      }
    } else if (risk.shares) {
      problems.push(
        problem(
          'FP_PLAN_BAD_RISK_SHARE',
          'riskShare.shares',
          'Shares are only used with a fixed basis.',
          `basis ${risk.basis}`,
          'basis "fixed", or no shares',
        ),
      );
    }
    const t = risk.threshold;
    if (risk.type === 'threshold' && (t === undefined || !(t >= 0 && t < 1))) {
      problems.push(
        problem(
          'FP_PLAN_BAD_RISK_SHARE',
          'riskShare.threshold',
          'A threshold agreement needs a threshold.',
          String(t),
          'a fraction from 0 up to 1 (0.02 = 2% of allocation)',
        ),
      );
    }
    if (risk.type === 'pool' && t !== undefined) {
      problems.push(
        problem(
          'FP_PLAN_BAD_RISK_SHARE',
          'riskShare.threshold',
          'A pool agreement has no threshold.',
          String(t),
          'type "threshold", or no threshold',
        ),
      );
    }
    if (Object.keys(risk.outturn).length === 0) {
      problems.push(
        problem(
          'FP_PLAN_BAD_RISK_SHARE',
          'riskShare.outturn',
          'The risk share has no members.',
          '{}',
          'an outturn in pounds for each member ICB',
        ),
      );
    }
  }
  s.changes?.forEach((change, i) => {
    problems.push(...serviceChangeProblems(change, s.baseYear, years, `changes[${i}]`));
  });
  return problems;
}

/** Checks scenario JSON (already parsed from text); `file` names it in problems. */
export function parseScenario(json: unknown, file?: string): ParsedScenario {
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) return { value: null, issues: shapeProblems(parsed.error, file, json) };
  const issues = ruleProblems(parsed.data).map((p) => ({ ...p, where: { file, ...p.where } }));
  return { value: issues.length === 0 ? parsed.data : null, issues };
}
