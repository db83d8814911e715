// The board pack's figures for one ICB or footprint, gathered once so the HTML page, its PDF and the web
// button all show the same thing: population and spend on both bases, flows, the financial plan and its
// waterfall, delegation, variation outliers, KPI escalations and KLOE ratings, with the date, data
// vintage and scenario they rest on. Sections whose capability a workspace lacks say so.

import { listValue } from '@duckdb/node-api';
import type { Rating } from '../../core/assurance/rating-scale.ts';
import {
  DELEGATION_STATUS_YEARS,
  describeIcbDelegation,
  summariseIcbDelegation,
} from '../../core/delegation/delegation-status.ts';
import { fail } from '../../core/errors.ts';
import { providerLabel } from '../../core/names/organisation-name.ts';
import type { PlanJsonRow } from '../../core/planning/plan-answers.ts';
import type { Scenario } from '../../core/planning/scenario-schema.ts';
import type { QippDeliveryRow } from '../../core/qipp/qipp-delivery.ts';
import type { Risk } from '../../core/risks/index.ts';
import { listContracts } from '../assurance/contracts.ts';
import { ratingHeatMap } from '../assurance/heat-map.ts';
import { type EvidenceItem, workspaceEvidence } from '../assurance/review-evidence.ts';
import { icbDelegationStatuses } from '../delegation/delegation-status.ts';
import type { ConvergenceRow } from '../planning/plan-scenario.ts';
import type { PlanSummary } from '../planning/plan-tables.ts';
import { readQippDelivery } from '../qipp/qipp-delivery.ts';
import { readEscalationRules } from '../quality/escalation-rules-file.ts';
import { readKpis } from '../quality/kpi-store.ts';
import { ICB_POPULATION_SOURCE, icbPopulationSql } from '../queries/icb-population.ts';
import { readRunContext } from '../queries/run-context.ts';
import { listRisks } from '../risks/risk-register.ts';
import { covers, findOrganisation, type Organisation } from '../users/organisations.ts';
import type { Workspace } from '../workspace.ts';

export interface BoardPackSubject {
  icb?: string;
  footprint?: string;
  scenario?: string;
}

export interface SpendYear {
  financialYear: string;
  providerBasis: number;
  populationBasis: number;
}

export interface ProviderFlow {
  providerCode: string;
  providerName: string;
  providerIcb: string;
  spend: number;
  inArea: boolean;
}

export interface WaterfallStep {
  label: string;
  amount: number;
  kind: 'start' | 'up' | 'down' | 'total';
}

/** One plan year of the pack's unit, in pounds; a control total or distance not set is null. */
export type BoardPackPlanYear = Pick<
  PlanJsonRow,
  | 'financialYear'
  | 'doNothing'
  | 'transactionalSaving'
  | 'transformationalSaving'
  | 'qippSaving'
  | 'planSpend'
  | 'allocation'
  | 'gap'
  | 'controlTotal'
  | 'distanceToControlTotal'
  | 'distanceFromTarget'
>;

/** One of the pack's ICBs in one year of the glide path from the population-basis baseline to target. */
export type GlidePathYear = Omit<ConvergenceRow, 'distanceFromTargetBefore' | 'distanceFromTargetAfter'> & {
  icbName: string;
  distanceFromTarget: number | null;
};

export interface BoardPackAllocation {
  /** The population-basis baseline: the base year's spend on the unit's residents, in pounds. */
  baseYear: string;
  baseline: number;
  /** How the target and the glide path are worked out, as the plan states it. */
  method: string;
  needsIndexYear: string | null;
  growth: number[];
  floorGrowth: number | null;
  capGrowth: number | null;
  /** Empty when the scenario sets no target with convergence. */
  glidePath: GlidePathYear[];
}

export interface BoardPackPlan {
  scenario: string;
  /** The scenario's description, e.g. that it is the baseline made from the current template. */
  description: string | null;
  unit: string;
  financialYear: string;
  steps: WaterfallStep[];
  allocation: number;
  gap: number;
  years: BoardPackPlanYear[];
  schemes: { name: string; type: string }[];
  allocationBasis: BoardPackAllocation;
  warnings: string[];
}

export interface KpiEscalation {
  kpiId: string;
  name: string;
  subject: string;
  lastPeriod: string | null;
  lastValue: number | null;
  target: number | null;
  unit: string;
  status: string;
  variation: string | null;
  assurance: string | null;
  reasons: string;
}

export interface BoardPack {
  title: string;
  subjectName: string;
  icbs: string[];
  generatedAt: string;
  vintage: string;
  dataset: string | null;
  rule: string | null;
  populationSource: string;
  population: number;
  spend: SpendYear[];
  flows: ProviderFlow[];
  outOfAreaShare: number | null;
  plan: BoardPackPlan | null;
  /** Why there is no plan, when there is none. */
  planNote: string | null;
  delegation: EvidenceItem;
  variation: { available: boolean; lines: string[] };
  /** Monitored quality KPIs (provider hosted in the area, or the area's own ICB KPIs) not at their rule
   * set's default level, worst level first. */
  kpiEscalations: KpiEscalation[];
  /** Contract quality-schedule KPIs reported as not met, for contracts the area is party to. */
  scheduleEscalations: { provider: string; kpi: string; target: string; escalation: string }[];
  kloe: {
    roundName: string;
    subjectName: string;
    questions: { id: string; theme: string; rating: Rating }[];
  }[];
  /** Open risks held by the area's ICBs that the reader can see, highest after mitigation first. */
  risks: Risk[];
  /** The plan's QIPP delivery for its unit (schemes and their sum) in the latest year with actuals, else
   * plan year 1; null without a plan. */
  qippDelivery: { financialYear: string; actualsFrom: string; rows: QippDeliveryRow[] } | null;
}

async function qippDeliveryOf(ws: Workspace, plan: BoardPackPlan | null): Promise<BoardPack['qippDelivery']> {
  if (!plan) return null;
  const answer = await readQippDelivery(ws, plan.scenario);
  return {
    financialYear: answer.financialYear,
    actualsFrom: answer.actualsFrom.kind === 'dataset' ? `dataset ${answer.actualsFrom.dataset}` : 'imported actuals',
    rows: answer.rows.filter((r) => r.unit === plan.unit),
  };
}

/** The same assessment the quality pages show (readKpis), kept for KPIs of providers hosted in the area or
 * of its ICBs whose status is an escalation level rather than their rule set's default. */
async function kpiEscalations(ws: Workspace, icbs: readonly string[]): Promise<KpiEscalation[]> {
  const rules = readEscalationRules();
  const hosted = await ws.all<{ code: string; name: string }>(
    'SELECT provider_code AS code, name FROM provider WHERE list_contains($1::VARCHAR[], host_icb)',
    [listValue([...icbs])],
  );
  const providerName = new Map(hosted.map((p) => [p.code, p.name]));
  const rank = (kpi: { escalationRule: string; assessment: { status: string } }) =>
    rules.ruleSets[kpi.escalationRule]?.levels.findIndex((l) => l.status === kpi.assessment.status) ?? -1;
  const isDefault = (kpi: { escalationRule: string; assessment: { status: string } }) =>
    rules.ruleSets[kpi.escalationRule]?.levels.at(-1)?.status === kpi.assessment.status;
  return (await readKpis(ws, undefined, rules))
    .filter((k) => (k.providerCode ? providerName.has(k.providerCode) : k.icbCode !== null && icbs.includes(k.icbCode)))
    .filter((k) => k.assessment.status !== 'not-enough-data' && !isDefault(k))
    .sort((a, b) => rank(a) - rank(b) || a.kpiId.localeCompare(b.kpiId))
    .map((k) => ({
      kpiId: k.kpiId,
      name: k.name,
      subject: k.providerCode ? providerLabel(providerName.get(k.providerCode), k.providerCode) : `ICB ${k.icbCode}`,
      lastPeriod: k.assessment.lastPeriod,
      lastValue: k.assessment.lastValue,
      target: k.target,
      unit: k.unit,
      status: k.assessment.status,
      variation: k.assessment.variationType,
      assurance: k.assessment.assuranceType,
      reasons: k.assessment.reasons.join('; '),
    }));
}

async function resolveSubject(ws: Workspace, actor: Organisation, subject: BoardPackSubject) {
  if ((subject.icb === undefined) === (subject.footprint === undefined)) {
    fail('FP_PACK_BAD_OPTION', 'Name exactly one ICB or one footprint for the board pack.', {
      where: { parameter: subject.icb ? 'footprint' : 'icb' },
      accepted: '--icb CODE or --footprint NAME',
    });
  }
  if (subject.icb !== undefined) {
    const icb = await findOrganisation(ws, subject.icb);
    if (icb?.type !== 'icb') {
      fail('FP_REPORT_UNKNOWN_ICB', `${subject.icb} is not an ICB of the 2026 geography.`, {
        where: { parameter: 'icb' },
        received: subject.icb,
      });
    }
    if (!covers(actor, icb)) {
      fail('FP_AUTH_FORBIDDEN', `${actor.name} cannot make ${icb.name}'s board pack.`, {
        where: { parameter: 'icb' },
        received: icb.code,
        accepted: 'your ICB, an ICB of your region, or any (national)',
      });
    }
    return { name: icb.name, icbs: [icb.code], unit: icb.code };
  }
  const rows = await ws.all<{ name: string; owner: string | null; code: string }>(
    `SELECT f.name, f.owner_organisation AS owner, m.icb_code AS code
       FROM footprint f JOIN footprint_member m ON m.footprint_name = f.name
      WHERE lower(f.name) = lower($1) ORDER BY m.icb_code`,
    [subject.footprint!.trim()],
  );
  if (rows.length === 0) {
    fail('FP_FOOTPRINT_NOT_FOUND', `There is no footprint called ${JSON.stringify(subject.footprint)}.`, {
      where: { parameter: 'footprint' },
      received: subject.footprint,
    });
  }
  const owner = rows[0]!.owner ? ((await findOrganisation(ws, rows[0]!.owner)) ?? null) : null;
  let coversAll = true;
  for (const r of rows) coversAll &&= covers(actor, (await findOrganisation(ws, r.code)) ?? null);
  if (!coversAll && !(owner && covers(actor, owner))) {
    fail('FP_AUTH_FORBIDDEN', `${actor.name} cannot make the board pack of ${rows[0]!.name}.`, {
      where: { parameter: 'footprint' },
      received: subject.footprint,
      accepted: 'a footprint your organisation owns or whose ICBs it all covers',
    });
  }
  return { name: rows[0]!.name, icbs: rows.map((r) => r.code), unit: `footprint:${rows[0]!.name}` };
}

async function readPlan(
  ws: Workspace,
  unit: string,
  icbs: string[],
  scenario: string | undefined,
): Promise<{ plan: BoardPackPlan | null; note: string | null }> {
  const stored = await ws.all<{ name: string; result: string | null; json: string }>(
    `SELECT s.name, p.result_json AS result, s.json FROM scenario s
       LEFT JOIN plan_result p ON p.scenario_name = s.name AND p.scenario_revision = s.revision
      WHERE $1::VARCHAR IS NULL OR lower(s.name) = lower($1) ORDER BY s.updated_at DESC`,
    [scenario ?? null],
  );
  if (scenario && stored.length === 0) {
    fail('FP_PLAN_SCENARIO_NOT_FOUND', `There is no stored scenario called ${JSON.stringify(scenario)}.`, {
      where: { parameter: 'scenario' },
      received: scenario,
    });
  }
  const units = new Set([unit, ...icbs]);
  const chosen = stored.find((s) =>
    ((JSON.parse(s.json) as { units: string[] }).units ?? []).some((u) => units.has(u)),
  );
  if (!chosen) {
    return {
      plan: null,
      note: scenario ? `${scenario} does not plan for this ICB.` : 'No saved plan covers this ICB yet.',
    };
  }
  if (!chosen.result) return { plan: null, note: `${chosen.name} has not been run since it last changed.` };
  const result = JSON.parse(chosen.result) as PlanSummary;
  const scenarioJson = JSON.parse(chosen.json) as Scenario;
  const unitRows = result.rows.filter((r) => r.unit === unit);
  const rows = unitRows.length ? unitRows : result.rows.filter((r) => units.has(r.unit));
  // Plan year 1 is the unit's earliest financial year (stored rows carry the year, not its number).
  const first = [...rows].sort((a, b) => a.financialYear.localeCompare(b.financialYear))[0];
  if (!first) return { plan: null, note: `${chosen.name} has no plan year 1 for this ICB.` };
  const steps: WaterfallStep[] = [
    { label: `Spend ${result.baseYear}`, amount: first.previousDoNothing, kind: 'start' },
    { label: 'Demographic growth', amount: first.demographicGrowth, kind: 'up' },
    { label: 'Non-demographic growth', amount: first.nonDemographicGrowth, kind: 'up' },
    { label: 'Inflation', amount: first.inflation, kind: 'up' },
    { label: 'Transactional QIPP', amount: -first.transactionalSaving, kind: 'down' },
    { label: 'Transformational QIPP', amount: -first.transformationalSaving, kind: 'down' },
    { label: `Plan spend ${first.financialYear}`, amount: first.planSpend, kind: 'total' },
  ];
  const convergence = scenarioJson.allocation.convergence;
  const names = new Map(
    (
      await ws.all<{ code: string; name: string }>(
        "SELECT icb_code AS code, name FROM icb WHERE vintage = '2026' AND list_contains($1::VARCHAR[], icb_code)",
        [listValue(icbs)],
      )
    ).map((r) => [r.code, r.name]),
  );
  return {
    plan: {
      scenario: chosen.name,
      description: scenarioJson.description ?? null,
      unit: first.unit,
      financialYear: first.financialYear,
      steps,
      allocation: first.allocation,
      gap: first.gap,
      years: rows
        .filter((r) => r.unit === first.unit)
        .map((r) => ({
          financialYear: r.financialYear,
          doNothing: r.doNothing,
          transactionalSaving: r.transactionalSaving,
          transformationalSaving: r.transformationalSaving,
          qippSaving: r.qippSaving,
          planSpend: r.planSpend,
          allocation: r.allocation,
          gap: r.gap,
          controlTotal: r.controlTotal,
          distanceToControlTotal: r.distanceToControlTotal,
          distanceFromTarget: r.distanceFromTarget,
        })),
      schemes: scenarioJson.qipp.map((q) => ({ name: q.name, type: q.type })),
      allocationBasis: {
        baseYear: result.baseYear,
        baseline: first.previousDoNothing,
        method: result.provenance.derivation,
        needsIndexYear: result.provenance.needsIndexYear,
        growth: scenarioJson.allocation.growth,
        floorGrowth: convergence?.floorGrowth ?? null,
        capGrowth: convergence?.capGrowth ?? null,
        glidePath: (result.convergence ?? [])
          .filter((c) => icbs.includes(c.icb))
          .map((c) => ({
            financialYear: c.financialYear,
            icb: c.icb,
            icbName: names.get(c.icb) ?? c.icb,
            targetShare: c.targetShare,
            previousAllocation: c.previousAllocation,
            targetAllocation: c.targetAllocation,
            floor: c.floor,
            cap: c.cap,
            allocation: c.allocation,
            distanceFromTarget: c.distanceFromTargetAfter,
            capExceeded: c.capExceeded,
          })),
      },
      warnings: result.warnings.map((w) => w.message),
    },
    note: null,
  };
}

/** Services where an ICB's standardised rate lies outside England's 99.8% funnel limits (with the
 * overdispersion allowance where the atlas made one), from the variation atlas when it has been run. */
async function variationOutliers(ws: Workspace, dataset: string | null, icbs: string[]) {
  const exists = await ws.one<{ n: number }>(
    "SELECT CAST(count(*) AS INTEGER) AS n FROM information_schema.tables WHERE table_name = 'atlas_rate'",
  );
  if (!exists?.n) return { available: false, lines: ['Variation outliers: not available yet in this workspace.'] };
  const rows = await ws.all<{ icb: string; service: string; measure: string; year: string; label: string }>(
    `WITH latest AS (SELECT max(financial_year) AS year FROM atlas_rate WHERE dataset = $1)
     SELECT a.icb_code AS icb, coalesce(any_value(s.name), a.service_code) AS service, a.measure, a.financial_year AS year,
            coalesce(a.significance_overdispersed, a.significance) AS label
       FROM atlas_rate a JOIN latest l ON a.financial_year = l.year
       LEFT JOIN service s ON s.service_code = a.service_code AND s.is_current
      WHERE a.dataset = $1 AND list_contains($2::VARCHAR[], a.icb_code)
        AND coalesce(a.significance_overdispersed, a.significance) LIKE '%0.001%'
      GROUP BY a.icb_code, a.service_code, a.measure, a.financial_year, label
      ORDER BY label, service LIMIT 20`,
    [dataset, listValue(icbs)],
  );
  if (rows.length === 0) {
    return {
      available: true,
      lines: ['No service is outside England’s 99.8% funnel limits in the latest atlas year.'],
    };
  }
  return {
    available: true,
    lines: rows.map((r) => `${r.year} ${r.icb}: ${r.service} (${r.measure}) — ${r.label}`),
  };
}

export async function readBoardPack(ws: Workspace, actor: Organisation, subject: BoardPackSubject): Promise<BoardPack> {
  const { name, icbs, unit } = await resolveSubject(ws, actor, subject);
  const context = await readRunContext(ws);
  const codes = listValue(icbs);
  const population =
    (
      await ws.one<{ n: number }>(
        `SELECT CAST(coalesce(sum(population), 0) AS DOUBLE) AS n FROM (${icbPopulationSql('2026')}) p
          WHERE list_contains($1::VARCHAR[], icb_code)`,
        [codes],
      )
    )?.n ?? 0;
  const spend = await ws.all<SpendYear>(
    `SELECT financial_year AS "financialYear", CAST(sum(provider_basis_spend) AS DOUBLE) AS "providerBasis",
            CAST(sum(population_basis_spend) AS DOUBLE) AS "populationBasis"
       FROM allocation WHERE dataset = $1 AND vintage = '2026' AND list_contains($2::VARCHAR[], icb_code)
      GROUP BY financial_year ORDER BY financial_year`,
    [context.dataset, codes],
  );
  const latest = context.years.at(-1) ?? null;
  const flows = await ws.all<ProviderFlow>(
    `SELECT f.provider_code AS "providerCode", coalesce(any_value(p.name), f.provider_code) AS "providerName",
            any_value(f.provider_icb) AS "providerIcb", CAST(sum(f.spend) AS DOUBLE) AS spend,
            bool_or(list_contains($3::VARCHAR[], f.provider_icb)) AS "inArea"
       FROM flow f LEFT JOIN provider p ON p.provider_code = f.provider_code
      WHERE f.dataset = $1 AND f.vintage = '2026' AND f.financial_year = $2
        AND list_contains($3::VARCHAR[], f.resident_icb)
      GROUP BY f.provider_code ORDER BY spend DESC, f.provider_code`,
    [context.dataset, latest, codes],
  );
  const total = flows.reduce((s, f) => s + f.spend, 0);
  const outOfArea = flows.filter((f) => !f.inArea).reduce((s, f) => s + f.spend, 0);
  const { plan, note } = await readPlan(ws, unit, icbs, subject.scenario);
  const evidenceSubject =
    subject.icb !== undefined
      ? { subjectKind: 'icb' as const, subjectCode: icbs[0]! }
      : { subjectKind: 'footprint' as const, subjectCode: name };
  const [delegation] = await workspaceEvidence(ws, evidenceSubject, ['delegation-outcomes']);
  // Who commissions each ICB's services, year by year through the three delegation waves, as the ICB page
  // shows it; the last wave's arrangements hold for the later plan years until NHS England changes them.
  for (const icb of icbs) {
    for (const statusYear of DELEGATION_STATUS_YEARS) {
      const statuses = await icbDelegationStatuses(ws, { icbCode: icb, financialYear: statusYear, vintage: '2026' });
      delegation!.lines.push(
        `Commissioning arrangements: ${describeIcbDelegation(summariseIcbDelegation(statuses, []))}.`,
      );
    }
  }
  const contracts = (await listContracts(ws, actor)).filter((c) => c.commissioners.some((code) => icbs.includes(code)));
  const heat = await ratingHeatMap(ws, actor);
  const kloe = heat.rows
    .filter((row) => (subject.icb !== undefined ? icbs.includes(row.subjectCode) : row.subjectCode === name))
    .map((row) => {
      const round = heat.rounds.find((x) => x.id === row.roundId)!;
      return {
        roundName: round.name,
        subjectName: row.subjectName,
        questions: round.questions.map((q) => ({ ...q, rating: row.ratings[q.id] ?? ('not-assessed' as const) })),
      };
    });
  return {
    title: `Specialised commissioning board pack: ${name}`,
    subjectName: name,
    icbs,
    generatedAt: new Date().toISOString(),
    vintage: context.vintage,
    dataset: context.dataset,
    rule: context.rule,
    populationSource: ICB_POPULATION_SOURCE['2026'],
    population,
    spend,
    flows: flows.slice(0, 12),
    outOfAreaShare: total > 0 ? outOfArea / total : null,
    plan,
    planNote: note,
    delegation: delegation!,
    variation: await variationOutliers(ws, context.dataset, icbs),
    kpiEscalations: await kpiEscalations(ws, icbs),
    scheduleEscalations: contracts.flatMap((c) =>
      c.qualitySchedule
        .filter((q) => q.status === 'not-met')
        .map((q) => ({ provider: c.providerName, kpi: q.kpi, target: q.target, escalation: q.escalation })),
    ),
    kloe,
    risks: (await listRisks(ws, actor, { today: new Date().toISOString().slice(0, 10) })).filter(
      (r) => r.status === 'open' && icbs.includes(r.organisation),
    ),
    qippDelivery: await qippDeliveryOf(ws, plan),
  };
}
