// A plan unit's plan year by year: do-nothing, each growth step, QIPP savings by type, plan spend,
// allocation, gap and control total, and savings by scheme, provider and service. A footprint's plan is
// the sum of its ICBs' plans. Lines are grown and saved on one at a time and only totals are kept, so a
// plan for every ICB in England takes well under a second.
import { checkGrowthInputs, type GrowthRates, growLine, type SpendLine } from '../growth/do-nothing.ts';
import { checkCombinedEffect, coveringSchemes, schemeEffects } from '../qipp/qipp-saving.ts';
import type { QippScheme, QippType } from '../qipp/qipp-scheme.ts';
import type { FinancialYear, ProviderCode, ServiceCode } from '../units.ts';
import { gap } from './gap.ts';
import { checkPerYear, planFinancialYear } from './plan-years.ts';

export interface UnitPlanInput {
  /** An ICB code or 'footprint:NAME'. */
  unit: string;
  baseYear: FinancialYear;
  years: number;
  /** Base-year population-basis spend by provider, service and pod, in pounds. */
  lines: readonly SpendLine[];
  growth: GrowthRates;
  qipp: readonly QippScheme[];
  /** Allocation in each plan year (index 0 = plan year 1), from `allocationPath` or convergence. */
  allocation: readonly number[];
  /** Control total in each plan year; omitted = none set. */
  controlTotals?: readonly number[];
}

/** One unit's figures for one plan year, in pounds. */
export interface PlanYear {
  unit: string;
  planYear: number;
  financialYear: FinancialYear;
  /** Last year's do-nothing spend (the base-year spend in plan year 1): where the waterfall starts. */
  previousDoNothing: number;
  demographicGrowth: number;
  nonDemographicGrowth: number;
  inflation: number;
  doNothing: number;
  qippSaving: number;
  transactionalSaving: number;
  transformationalSaving: number;
  planSpend: number;
  allocation: number;
  gap: number;
  controlTotal: number | null;
  distanceToControlTotal: number | null;
}

/** A unit's QIPP savings by provider × service pair (pods added together), scheme and plan year, held in
 * flat arrays: a national plan has millions of these figures. */
export interface SchemeSavings {
  /** The scenario's schemes, in its order. */
  schemes: readonly { name: string; type: QippType }[];
  years: number;
  /** Provider × service pairs with spend, in the order first met. */
  pairs: { provider: ProviderCode; service: ServiceCode }[];
  /** Saving in pounds of pair p, scheme s, plan year y + 1 at amounts[p][s × years + y]. */
  amounts: Float64Array[];
}

export interface UnitPlan {
  unit: string;
  rows: PlanYear[];
  savings: SchemeSavings;
}

/** One non-zero saving of a scheme at a provider and service in a plan year. */
export interface SchemeSavingLine {
  scheme: string;
  type: QippType;
  provider: ProviderCode;
  service: ServiceCode;
  planYear: number;
  saving: number;
}

/** The non-zero savings, pair by pair, then scheme, then year. */
export function* schemeSavingLines(savings: SchemeSavings): Generator<SchemeSavingLine> {
  const { schemes, years } = savings;
  for (let p = 0; p < savings.pairs.length; p++) {
    const pair = savings.pairs[p]!;
    const amounts = savings.amounts[p]!;
    for (let s = 0; s < schemes.length; s++) {
      for (let y = 0; y < years; y++) {
        const saving = amounts[s * years + y]!;
        if (saving !== 0) {
          const { name, type } = schemes[s]!;
          yield { scheme: name, type, provider: pair.provider, service: pair.service, planYear: y + 1, saving };
        }
      }
    }
  }
}

/** Adds into `savings` the amounts of the provider × service pair, made on first use. */
class PairIndex {
  readonly #index = new Map<string, number>();
  readonly #savings: SchemeSavings;
  constructor(savings: SchemeSavings) {
    this.#savings = savings;
    savings.pairs.forEach((pair, p) => {
      this.#index.set(`${pair.provider}\u0000${pair.service}`, p);
    });
  }
  amounts(provider: ProviderCode, service: ServiceCode): Float64Array {
    const key = `${provider}\u0000${service}`;
    let p = this.#index.get(key);
    if (p === undefined) {
      p = this.#savings.pairs.length;
      this.#index.set(key, p);
      this.#savings.pairs.push({ provider, service });
      this.#savings.amounts.push(new Float64Array(this.#savings.schemes.length * this.#savings.years));
    }
    return this.#savings.amounts[p]!;
  }
}

const noSavings = (schemes: readonly { name: string; type: QippType }[], years: number): SchemeSavings => ({
  schemes: schemes.map(({ name, type }) => ({ name, type })),
  years,
  pairs: [],
  amounts: [],
});

const MONEY_FIELDS = [
  'previousDoNothing',
  'demographicGrowth',
  'nonDemographicGrowth',
  'inflation',
  'doNothing',
  'qippSaving',
  'transactionalSaving',
  'transformationalSaving',
  'planSpend',
  'allocation',
] as const;

function emptyYear(unit: string, baseYear: FinancialYear, planYear: number): PlanYear {
  return {
    unit,
    planYear,
    financialYear: planFinancialYear(baseYear, planYear),
    previousDoNothing: 0,
    demographicGrowth: 0,
    nonDemographicGrowth: 0,
    inflation: 0,
    doNothing: 0,
    qippSaving: 0,
    transactionalSaving: 0,
    transformationalSaving: 0,
    planSpend: 0,
    allocation: 0,
    gap: 0,
    controlTotal: null,
    distanceToControlTotal: null,
  };
}

function withGap(row: PlanYear, controlTotal: number | null): PlanYear {
  const planSpend = row.doNothing - row.qippSaving;
  return { ...row, planSpend, ...gap(row.allocation, planSpend, controlTotal) };
}

export function unitPlan(input: UnitPlanInput): UnitPlan {
  const { unit, baseYear, years, qipp } = input;
  checkGrowthInputs(input.growth, years);
  const effects = schemeEffects(qipp, years);
  checkPerYear(input.allocation, years, 'allocation');
  if (input.controlTotals) checkPerYear(input.controlTotals, years, `allocation.controlTotals.${unit}`);
  const rows = Array.from({ length: years }, (_, y) => emptyYear(unit, baseYear, y + 1));
  const planYears = rows.map((r) => r.planYear);
  const financialYearOf = (planYear: number) => rows[planYear - 1]!.financialYear;
  const transactional = qipp.map((scheme) => scheme.type === 'transactional');
  const savings = noSavings(qipp, years);
  const pairs = new PairIndex(savings);
  input.lines.forEach((line, i) => {
    const covering = coveringSchemes(qipp, line);
    checkCombinedEffect(qipp, effects, covering, line, planYears, financialYearOf);
    const amounts = covering.length > 0 ? pairs.amounts(line.provider, line.service) : null;
    growLine(line, i + 1, input.growth, years, (y, previous, demographic, nonDemographic, inflation, doNothing) => {
      const row = rows[y]!;
      row.previousDoNothing += previous;
      row.demographicGrowth += demographic;
      row.nonDemographicGrowth += nonDemographic;
      row.inflation += inflation;
      row.doNothing += doNothing;
      for (const s of covering) {
        const saving = doNothing * effects[s]![y]!;
        amounts![s * years + y]! += saving;
        row.qippSaving += saving;
        if (transactional[s]) row.transactionalSaving += saving;
        else row.transformationalSaving += saving;
      }
    });
  });
  return {
    unit,
    rows: rows.map((row, y) => withGap({ ...row, allocation: input.allocation[y]! }, input.controlTotals?.[y] ?? null)),
    savings,
  };
}

/** A footprint's plan: its ICBs' plans added year by year and pair by pair. The control total is the
 * footprint's own when given, otherwise the sum of its ICBs' when every one has one. */
export function footprintPlan(
  footprint: string,
  icbPlans: readonly UnitPlan[],
  controlTotals?: readonly number[],
): UnitPlan {
  const first = icbPlans[0]?.rows ?? [];
  const rows = first.map((template, y) => {
    // Plan year 0 of a row's own financial year is that year, so the label is carried over unchanged.
    const row = { ...emptyYear(footprint, template.financialYear, 0), planYear: template.planYear };
    let memberControlTotal: number | null = 0;
    for (const plan of icbPlans) {
      const member = plan.rows[y]!;
      for (const field of MONEY_FIELDS) row[field] += member[field];
      memberControlTotal =
        memberControlTotal === null || member.controlTotal === null ? null : memberControlTotal + member.controlTotal;
    }
    return withGap(row, controlTotals?.[y] ?? memberControlTotal);
  });
  const template = icbPlans[0]?.savings;
  const savings = noSavings(template?.schemes ?? [], template?.years ?? 0);
  const pairs = new PairIndex(savings);
  for (const plan of icbPlans) {
    plan.savings.pairs.forEach((pair, p) => {
      const into = pairs.amounts(pair.provider, pair.service);
      const from = plan.savings.amounts[p]!;
      for (let k = 0; k < from.length; k++) into[k]! += from[k]!;
    });
  }
  return { unit: footprint, rows, savings };
}
