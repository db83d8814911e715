// The plan assembler: a checked scenario and the workspace's base-year spend become a plan for each of the
// scenario's units. Every ICB involved is planned once (do-nothing growth, QIPP, allocation and gap, in
// src/core); a footprint's plan is the sum of its ICBs'. Allocations grow at the scenario's rate or, with a
// target and convergence, are shared out year by year across all the plan's ICBs by the pace-of-change
// rule; the risk share applies to plan year 1's allocations (docs/methods.md, "Financial planning").
import { beforeGlidePath } from '../../core/convergence/before-glide-path.ts';
import { paceOfChange } from '../../core/convergence/pace-of-change.ts';
import { fail, type ResultWarning } from '../../core/errors.ts';
import { allocationEnvelopePence, allocationPath } from '../../core/planning/allocation.ts';
import { mergeSegments, type PlanSegment, planSegments } from '../../core/planning/plan-segments.ts';
import {
  footprintPlan,
  type PlanYear,
  schemeSavingLines,
  type UnitPlan,
  unitPlan,
} from '../../core/planning/plan-unit.ts';
import { effectiveBaseYear, planFinancialYear } from '../../core/planning/plan-years.ts';
import type { Scenario } from '../../core/planning/scenario-schema.ts';
import type { QippType } from '../../core/qipp/qipp-scheme.ts';
import { type RiskShareBasis, type RiskShareType, riskShare } from '../../core/riskshare/risk-share.ts';
import type { FinancialYear } from '../../core/units.ts';
import type { ActivityEngine } from '../engines/engine.ts';
import { withActivityEngine } from '../engines/open-engine.ts';
import type { Workspace } from '../workspace.ts';
import { PLAN_VINTAGE, planRun, readBaseYearSpend, yearsWithSpend } from './base-year-spend.ts';
import { icbNeedsIndex } from './needs-index.ts';
import { projectedDemographicGrowth } from './projected-demographic-growth.ts';
import { rejectScenario } from './reject-scenario.ts';
import { FOOTPRINT_PREFIX, type PlanUnit, resolveScenario } from './resolve-scenario.ts';

/** A unit's plan year, with its distance from its needs-based target allocation (null with no target). */
export interface PlanRow extends PlanYear {
  distanceFromTarget: number | null;
}

/** A scheme's saving for a unit in a year at one provider and service (all pods), in pounds. */
export interface SchemeSaving {
  unit: string;
  scheme: string;
  type: QippType;
  financialYear: FinancialYear;
  provider: string;
  service: string;
  saving: number;
}

/** One ICB's convergence in one plan year, in pounds. */
export interface ConvergenceRow {
  financialYear: FinancialYear;
  icb: string;
  targetShare: number;
  previousAllocation: number;
  targetAllocation: number;
  floor: number;
  cap: number;
  allocation: number;
  distanceFromTargetBefore: number | null;
  distanceFromTargetAfter: number | null;
  capExceeded: boolean;
}

export interface RiskShareMemberRow {
  icb: string;
  allocation: number;
  outturn: number;
  variance: number;
  ownVariance: number;
  basisShare: number;
  poolShare: number;
  position: number;
  capped: boolean;
}

export interface RiskShareResult {
  footprint: string;
  /** The plan year whose allocations the outturns are compared with (plan year 1). */
  financialYear: FinancialYear;
  type: RiskShareType;
  basis: RiskShareBasis;
  totalVariance: number;
  pool: number;
  members: RiskShareMemberRow[];
}

export interface PlanProvenance {
  scenario: string;
  /** The stored scenario's revision; null for a scenario read from a file. */
  scenarioRevision: number | null;
  dataset: string;
  vintage: string;
  unknownResidenceRule: string;
  runAt: string;
  baseYear: FinancialYear;
  /** The year of the weighted populations used as the needs index; null when none was used. */
  needsIndexYear: string | null;
  derivation: string;
}

/** What a unit's plan is made from, for the workbook's formulas: its spend groups and member ICBs. */
export interface UnitWorkings {
  unit: string;
  /** The unit's name as a person reads it (an ICB's name, or the footprint's). */
  name: string;
  icbs: string[];
  segments: PlanSegment[];
  /** Base-year allocation (population-basis spend) in pounds. */
  baseAllocation: number;
}

export interface PlanResult {
  scenario: string;
  baseYear: FinancialYear;
  years: number;
  units: string[];
  provenance: PlanProvenance;
  rows: PlanRow[];
  /** Each unit's plan, in the scenario's order: its savings by scheme, provider and service are held
   * compactly here and listed by `planSchemeSavings`. */
  unitPlans: UnitPlan[];
  convergence: ConvergenceRow[] | null;
  riskShare: RiskShareResult | null;
  warnings: ResultWarning[];
  /** Each unit's spend groups, in the scenario's order (not stored: the workbook is built from them). */
  workings: UnitWorkings[];
}

export interface PlanOptions {
  engine?: ActivityEngine;
  /** Names the scenario file in problems. */
  file?: string;
  revision?: number;
}

const penceOf = (pounds: number) => Math.round(pounds * 100);

interface Allocations {
  /** Allocation per ICB and plan year (index 0 = plan year 1), pounds. */
  byIcb: Map<string, number[]>;
  /** Target share per ICB; null with no target. */
  shares: Map<string, number> | null;
  convergence: ConvergenceRow[] | null;
  needsIndexYear: string | null;
  warnings: ResultWarning[];
}

async function targetShares(
  ws: Workspace,
  scenario: Scenario,
  baseYear: FinancialYear,
  icbs: readonly string[],
): Promise<{ shares: Map<string, number> | null; needsIndexYear: string | null }> {
  const target = scenario.allocation.target;
  if (!target) return { shares: null, needsIndexYear: null };
  if (target !== 'needs') return { shares: new Map(icbs.map((icb) => [icb, target[icb]!])), needsIndexYear: null };
  const index = await icbNeedsIndex(ws, planFinancialYear(baseYear, 1));
  const missing = icbs.filter((icb) => !((index?.byIcb.get(icb) ?? 0) > 0));
  if (!index || missing.length > 0) {
    fail('FP_PLAN_NO_NEEDS_INDEX', `There is no weighted population for ${missing.join(', ')}.`, {
      where: { field: 'allocation.target' },
      received: index ? `no general & acute weighted population for ${missing.join(', ')}` : 'no weighted populations',
      accepted: 'ICBs with published weighted populations, or target shares given by ICB',
      hint: 'Give allocation.target as shares by ICB, or load the reference data again (`footprint init`).',
    });
  }
  const total = icbs.reduce((sum, icb) => sum + index.byIcb.get(icb)!, 0);
  return {
    shares: new Map(icbs.map((icb) => [icb, index.byIcb.get(icb)! / total])),
    needsIndexYear: index.financialYear,
  };
}

async function allocations(
  ws: Workspace,
  scenario: Scenario,
  baseYear: FinancialYear,
  icbs: readonly string[],
  baseAllocation: ReadonlyMap<string, number>,
): Promise<Allocations> {
  const { shares, needsIndexYear } = await targetShares(ws, scenario, baseYear, icbs);
  const { growth, convergence } = scenario.allocation;
  if (!shares || !convergence) {
    return {
      byIcb: new Map(icbs.map((icb) => [icb, allocationPath(baseAllocation.get(icb)!, growth)])),
      shares,
      convergence: null,
      needsIndexYear,
      warnings: [],
    };
  }
  const byIcb = new Map(icbs.map((icb) => [icb, [] as number[]]));
  const rows: ConvergenceRow[] = [];
  const warnings: ResultWarning[] = [];
  let previous = icbs.map((icb) => penceOf(baseAllocation.get(icb)!));
  growth.forEach((rate, y) => {
    const financialYear = planFinancialYear(baseYear, y + 1);
    const units = icbs.map((icb, i) => ({
      unit: icb,
      previousAllocationPence: previous[i]!,
      targetShare: shares.get(icb)!,
    }));
    const { floorGrowth, capGrowth, from } = convergence;
    const result =
      from && financialYear < from
        ? beforeGlidePath(units, rate)
        : paceOfChange(units, { envelopePence: allocationEnvelopePence(previous, rate), floorGrowth, capGrowth });
    warnings.push(...result.warnings.map((w) => ({ ...w, message: `${financialYear}: ${w.message}` })));
    for (const a of result.allocations) {
      byIcb.get(a.unit)!.push(a.allocationPence / 100);
      rows.push({
        financialYear,
        icb: a.unit,
        targetShare: shares.get(a.unit)!,
        previousAllocation: a.previousAllocationPence / 100,
        targetAllocation: a.targetAllocationPence / 100,
        floor: a.floorPence / 100,
        cap: a.capPence / 100,
        allocation: a.allocationPence / 100,
        distanceFromTargetBefore: a.distanceFromTargetBefore,
        distanceFromTargetAfter: a.distanceFromTargetAfter,
        capExceeded: a.capExceeded,
      });
    }
    previous = result.allocations.map((a) => a.allocationPence);
  });
  return { byIcb, shares, convergence: rows, needsIndexYear, warnings };
}

/** Every unit's savings by scheme, year, provider and service (pods added together). */
export function* planSchemeSavings(result: PlanResult): Generator<SchemeSaving> {
  for (const plan of result.unitPlans) {
    for (const s of schemeSavingLines(plan.savings)) {
      yield {
        unit: plan.unit,
        scheme: s.scheme,
        type: s.type,
        financialYear: plan.rows[s.planYear - 1]!.financialYear,
        provider: s.provider,
        service: s.service,
        saving: s.saving,
      };
    }
  }
}

/** Each year's distance of the unit's allocation from its target: Σ allocation ÷ Σ (share × total) − 1. */
function distancesFromTarget(unit: PlanUnit, years: number, alloc: Allocations): (number | null)[] {
  const shares = alloc.shares;
  if (!shares) return Array.from({ length: years }, () => null);
  return Array.from({ length: years }, (_, y) => {
    let total = 0;
    for (const path of alloc.byIcb.values()) total += path[y]!;
    let allocation = 0;
    let target = 0;
    for (const icb of unit.icbs) {
      allocation += alloc.byIcb.get(icb)![y]!;
      target += shares.get(icb)! * total;
    }
    return target > 0 ? (allocation - target) / target : null;
  });
}

/** Registered population of every ICB, from the latest population source. */
async function icbPopulations(ws: Workspace): Promise<Map<string, number>> {
  const rows = await ws.all<{ icb: string; persons: number }>(
    `SELECT area_code AS icb, CAST(sum(persons) AS DOUBLE) AS persons FROM population
     WHERE area_type = 'icb' AND source = (SELECT source FROM population ORDER BY as_at DESC LIMIT 1)
     GROUP BY area_code`,
  );
  return new Map(rows.map((r) => [r.icb, r.persons]));
}

async function planRiskShare(
  ws: Workspace,
  scenario: Scenario,
  members: readonly string[],
  plans: ReadonlyMap<string, UnitPlan>,
): Promise<{ result: RiskShareResult; warnings: ResultWarning[] }> {
  const agreement = scenario.riskShare!;
  const population = agreement.basis === 'population' ? await icbPopulations(ws) : new Map();
  const shared = riskShare(
    members.map((icb) => ({
      icb,
      allocationPence: penceOf(plans.get(icb)!.rows[0]!.allocation),
      outturnPence: penceOf(agreement.outturn[icb]!),
      population: population.get(icb),
    })),
    {
      type: agreement.type,
      basis: agreement.basis,
      shares: agreement.shares,
      threshold: agreement.threshold,
      capPence: agreement.cap === undefined ? undefined : penceOf(agreement.cap),
    },
  );
  return {
    result: {
      footprint: agreement.footprint,
      financialYear: plans.get(members[0]!)!.rows[0]!.financialYear,
      type: agreement.type,
      basis: agreement.basis,
      totalVariance: shared.totalVariancePence / 100,
      pool: shared.poolPence / 100,
      members: shared.members.map((m) => ({
        icb: m.icb,
        allocation: penceOf(plans.get(m.icb)!.rows[0]!.allocation) / 100,
        outturn: penceOf(agreement.outturn[m.icb]!) / 100,
        variance: m.variancePence / 100,
        ownVariance: m.ownVariancePence / 100,
        basisShare: m.basisShare,
        poolShare: m.poolSharePence / 100,
        position: m.positionPence / 100,
        capped: m.capped,
      })),
    },
    warnings: shared.warnings,
  };
}

export async function planScenario(ws: Workspace, scenario: Scenario, options: PlanOptions = {}): Promise<PlanResult> {
  const engine = options.engine;
  if (!engine) return withActivityEngine(ws, (opened) => planScenario(ws, scenario, { ...options, engine: opened }));
  const resolved = await resolveScenario(ws, scenario, options.file);
  rejectScenario(resolved.problems);
  const { baseYear, warning: baseYearWarning } = await planBaseYear(ws, scenario);
  const { years, growth } = scenario;
  const base = await readBaseYearSpend(ws, baseYear, engine);
  const linesOf = (icb: string) => base.linesByIcb.get(icb) ?? [];
  const projected =
    growth.demographic === 'projections'
      ? await projectedDemographicGrowth(ws, engine, {
          dataset: base.dataset,
          baseYear,
          years,
          icbs: resolved.icbs,
          linesOf,
          file: options.file,
        })
      : null;
  const baseAllocation = new Map(resolved.icbs.map((icb) => [icb, linesOf(icb).reduce((s, l) => s + l.spend, 0)]));
  const alloc = await allocations(ws, scenario, baseYear, resolved.icbs, baseAllocation);
  const controlTotals = scenario.allocation.controlTotals ?? {};
  const ratesOf = (icb: string) => ({
    demographic: projected ? projected.byIcb.get(icb)! : { default: growth.demographic as number[] },
    nonDemographic: growth.nonDemographic,
    inflation: growth.inflation,
  });
  const icbPlans = new Map(
    resolved.icbs.map((icb) => [
      icb,
      unitPlan({
        unit: icb,
        baseYear,
        years,
        lines: linesOf(icb),
        growth: ratesOf(icb),
        qipp: scenario.qipp,
        allocation: alloc.byIcb.get(icb)!,
        controlTotals: controlTotals[icb],
      }),
    ]),
  );
  const rows: PlanRow[] = [];
  const unitPlans: UnitPlan[] = [];
  const workings: UnitWorkings[] = [];
  const icbNames = await planIcbNames(ws);
  const segmentsOf = (icb: string) => planSegments(icb, linesOf(icb), ratesOf(icb), scenario.qipp, projected !== null);
  for (const unit of resolved.units) {
    const plan =
      unit.kind === 'icb'
        ? icbPlans.get(unit.unit)!
        : footprintPlan(
            unit.unit,
            unit.icbs.map((icb) => icbPlans.get(icb)!),
            controlTotals[unit.unit],
          );
    const distances = distancesFromTarget(unit, years, alloc);
    plan.rows.forEach((row, y) => {
      rows.push({ ...row, distanceFromTarget: distances[y]! });
    });
    unitPlans.push(plan);
    workings.push({
      unit: unit.unit,
      name: unit.kind === 'icb' ? (icbNames.get(unit.unit) ?? unit.unit) : unit.unit.slice(FOOTPRINT_PREFIX.length),
      icbs: unit.icbs,
      segments: mergeSegments(unit.icbs.map(segmentsOf)),
      baseAllocation: unit.icbs.reduce((sum, icb) => sum + baseAllocation.get(icb)!, 0),
    });
  }
  const warnings = [...(baseYearWarning ? [baseYearWarning] : []), ...alloc.warnings];
  let shared: RiskShareResult | null = null;
  if (resolved.riskShareMembers) {
    const risk = await planRiskShare(ws, scenario, resolved.riskShareMembers, icbPlans);
    shared = risk.result;
    warnings.push(...risk.warnings);
  }
  return {
    scenario: scenario.name,
    baseYear,
    years,
    units: resolved.units.map((u) => u.unit),
    provenance: {
      scenario: scenario.name,
      scenarioRevision: options.revision ?? null,
      dataset: base.dataset,
      vintage: base.vintage,
      unknownResidenceRule: base.unknownResidenceRule,
      runAt: base.runAt,
      baseYear,
      needsIndexYear: alloc.needsIndexYear,
      derivation:
        (baseYearWarning ? `${baseYearWarning.message} ` : '') +
        `Base year ${baseYear}: population-basis spend of dataset "${base.dataset}" on the ${base.vintage} ICBs ` +
        `(unknown residence placed by "${base.unknownResidenceRule}"), by provider, service and point of delivery. ` +
        'Each ICB is planned on its own spend; a footprint is the sum of its ICBs. ' +
        (projected ? `Demographic growth from ${projected.source}. ` : '') +
        (alloc.shares
          ? `Target shares ${alloc.needsIndexYear ? `from ${alloc.needsIndexYear} general & acute weighted populations (needs index proxy)` : 'as given in the scenario'} across the plan's ${resolved.icbs.length} ICBs` +
            (alloc.convergence ? ', allocations converging by the pace-of-change rule.' : '.')
          : 'Allocations grow from base-year population-basis spend at the scenario’s allocation growth.'),
    },
    rows,
    unitPlans,
    convergence: alloc.convergence,
    riskShare: shared,
    warnings,
    workings,
  };
}

/** The scenario's base year, or, when it asks for it and the data starts later, the earliest year with
 * activity (with a warning saying so). A base year inside the data's range with no activity still fails. */
async function planBaseYear(
  ws: Workspace,
  scenario: Scenario,
): Promise<{ baseYear: FinancialYear; warning: ResultWarning | null }> {
  const asked = scenario.baseYear;
  if (scenario.baseYearIfMissing !== 'earliest') return { baseYear: asked, warning: null };
  const earliest = effectiveBaseYear(asked, await yearsWithSpend(ws, (await planRun(ws)).dataset), 'earliest');
  if (earliest === asked) return { baseYear: asked, warning: null };
  return {
    baseYear: earliest,
    warning: {
      code: 'FPW103',
      message: `The scenario's base year ${asked} has no activity in this workspace, so it is planned on ${earliest}, the earliest year the data has: plan year 1 is ${planFinancialYear(earliest, 1)}.`,
      where: { field: 'baseYear' },
    },
  };
}

async function planIcbNames(ws: Workspace): Promise<Map<string, string>> {
  const rows = await ws.all<{ code: string; name: string }>(
    'SELECT icb_code AS code, name FROM icb WHERE vintage = $1',
    [PLAN_VINTAGE],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}
