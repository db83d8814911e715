// Runs an exercise: each service's segmentation level and delegation outcome from its assessments (the
// reconciled outcome where one is recorded), a tier for every suitable-and-ready service from the data's
// evidence, and the summary of services and spend per outcome and per tier. The result is stored with the
// rubric versions, dataset, year and master seed that produced it. Commissioning models follow from the
// delegation status and these tiers when read (commissioning-models.ts).

import type { CriterionAnswer } from '../../core/definitions/delegation-rubric.ts';
import type { SegmentationLevel } from '../../core/definitions/segmentation-rubric.ts';
import {
  DELEGATION_OUTCOMES,
  type DelegationOutcome,
  delegationOutcome,
  type OutcomeDecision,
  type OutcomeSummary,
  outcomeSummary,
} from '../../core/delegation/index.ts';
import { fail } from '../../core/errors.ts';
import { suggestedScore, weightedScore } from '../../core/segmentation/index.ts';
import { type FootprintEvidence, footprintVerdict, TIERS, type Tier, tierOf } from '../../core/tiering/index.ts';
import type { FinancialYear } from '../../core/units.ts';
import { minimumViablePopulation } from '../../core/volatility/index.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withActivityEngine } from '../engines/open-engine.ts';
import { readRunContext } from '../queries/run-context.ts';
import { StoredEvidence } from '../run/run-answers.ts';
import type { Workspace } from '../workspace.ts';
import { exerciseRubrics, saveExercise } from './exercises.ts';
import { gatherEvidence, type ServiceEvidence, type Simulate } from './gather-evidence.ts';
import { loadRubrics } from './rubrics.ts';

/** Missing items a run adds beside the rubric's: no assessment at all, or assessors who disagree. */
export const MISSING_ASSESSMENT = 'An assessment (no assessor has assessed this service)';
export const MISSING_RECONCILIATION = 'A reconciled outcome (assessors differ)';

export interface DelegationRow {
  service: string;
  name: string;
  highlySpecialised: boolean | null;
  suitability: boolean | null;
  readiness: boolean | null;
  outcome: DelegationOutcome;
  reason: string;
  /** What the outcome waits on (needs-information only). */
  missing: string[];
  level: SegmentationLevel | null;
  tier: Tier | null;
  spend: number;
  evidence: {
    nationalPatients: number;
    providers: number;
    meanCost: number | null;
    cvCost: number | null;
    medianIcbMissProbability: number | null;
    suggestedScores: Record<string, number | null>;
    assessors: {
      assessor: string;
      outcome: DelegationOutcome;
      level: SegmentationLevel | null;
      score: number | null;
    }[];
    minimumViablePopulation: {
      analytic: number;
      simulated: number;
      curve: { population: number; missProbability: number }[];
    } | null;
    footprints: (FootprintEvidence & { passes: boolean; fails: string[] })[];
  };
}

export interface DelegationResult {
  exercise: string;
  rows: DelegationRow[];
  summary: OutcomeSummary;
  provenance: {
    dataset: string;
    financialYear: FinancialYear;
    segmentationRubric: string;
    delegationRubric: string;
    masterSeed: number;
    iterations: number;
    costModel: string;
    thresholds: {
      missMargin: number;
      maxMissProbability: number;
      maxOutOfFootprintShare: number;
      maxOccasionalPracticeShare: number;
    };
  };
}

export interface DelegationRunOptions {
  exercise: string;
  by: { actor: string; organisation: string };
  /** Changed rubric copies to re-run under; they replace the exercise's copies. */
  rubricFiles?: { segmentation?: string; delegation?: string };
  /** Default the latest year of the run's dataset. */
  financialYear?: FinancialYear;
  /** Runs the volatility simulation; default in this thread (see volatility-workers.ts). */
  simulate?: Simulate;
}

interface CatalogueEntry {
  code: string;
  name: string;
  hss: boolean | null;
  spend_pence: number;
}

export async function runDelegation(ws: Workspace, options: DelegationRunOptions): Promise<DelegationResult> {
  let rubrics = await exerciseRubrics(ws, options.exercise);
  if (options.rubricFiles?.segmentation || options.rubricFiles?.delegation) {
    const changed = await loadRubrics(ws, options.rubricFiles);
    rubrics = {
      segmentation: options.rubricFiles.segmentation ? changed.segmentation : rubrics.segmentation,
      delegation: options.rubricFiles.delegation ? changed.delegation : rubrics.delegation,
    };
  }
  const context = await readRunContext(ws);
  if (!context.dataset || context.years.length === 0) {
    fail('FP_RUN_NOT_RUN', 'There are no basis-conversion results to take spend and evidence from.', {
      hint: 'Run `footprint run` first.',
    });
  }
  const year = options.financialYear ?? context.years.at(-1)!;
  const d = rubrics.delegation;
  const catalogue = await ws.all<CatalogueEntry>(
    `SELECT s.service_code AS code, s.name, s.highly_specialised AS hss,
            CAST(coalesce(sum(f.spend), 0) * 100 AS BIGINT) AS spend_pence
       FROM service s LEFT JOIN flow f ON f.service_code = s.service_code AND f.dataset = $1 AND f.vintage = '2026'
            AND f.financial_year = $2
      WHERE s.is_current GROUP BY s.service_code, s.name, s.highly_specialised ORDER BY s.service_code`,
    [context.dataset, year],
  );
  const answers = await ws.all<{
    assessor: string;
    service_code: string;
    item: string;
    score: number | null;
    answer: string | null;
  }>('SELECT assessor, service_code, item, score, answer FROM assessment WHERE exercise = $1', [options.exercise]);
  const reconciled = new Map(
    (
      await ws.all<{ service_code: string; level: string | null; outcome: string; rationale: string }>(
        'SELECT service_code, level, outcome, rationale FROM reconciled_outcome WHERE exercise = $1',
        [options.exercise],
      )
    ).map((r) => [r.service_code, r]),
  );
  const evidence = await withActivityEngine(ws, (engine) =>
    gatherEvidence(ws, new StoredEvidence(ws, engine), {
      dataset: context.dataset!,
      financialYear: year,
      rules: d.tiering,
      masterSeed: d.volatility.seed,
      iterations: d.volatility.iterations,
      costModel: d.volatility.costModel,
      simulate: options.simulate,
    }),
  );
  const assessors = [...new Set(answers.map((a) => a.assessor))].sort();
  const rows = catalogue.map((service): DelegationRow => {
    const own = answers.filter((a) => a.service_code === service.code);
    const byAssessor = assessors
      .filter((assessor) => own.some((a) => a.assessor === assessor))
      .map((assessor) => {
        const mine = own.filter((a) => a.assessor === assessor);
        const criteria = Object.fromEntries(
          mine.filter((a) => a.answer).map((a) => [a.item, a.answer as CriterionAnswer]),
        );
        const scores = Object.fromEntries(mine.filter((a) => a.score !== null).map((a) => [a.item, a.score!]));
        const decision = delegationOutcome(d, criteria, service.hss);
        const segmentation = weightedScore(rubrics.segmentation, scores);
        return { assessor, decision, level: segmentation.level, score: segmentation.score };
      });
    const agreed = reconciled.get(service.code);
    let decision: OutcomeDecision = byAssessor[0]?.decision ?? {
      suitable: null,
      ready: null,
      outcome: 'needs-information',
      reason: 'No assessor has assessed this service.',
      missing: [MISSING_ASSESSMENT],
    };
    if (agreed) {
      decision = {
        ...decision,
        outcome: agreed.outcome as DelegationOutcome,
        reason: `Reconciled: ${agreed.rationale}`,
        missing: [],
      };
    } else if (new Set(byAssessor.map((b) => b.decision.outcome)).size > 1) {
      decision = {
        suitable: null,
        ready: null,
        outcome: 'needs-information',
        reason: `Assessors differ (${byAssessor.map((b) => `${b.assessor}: ${b.decision.outcome}`).join('; ')}) and no outcome has been reconciled.`,
        missing: [MISSING_RECONCILIATION],
      };
    }
    const levels = new Set(byAssessor.map((b) => b.level));
    const level =
      (agreed?.level as SegmentationLevel | null | undefined) ?? (levels.size === 1 ? [...levels][0]! : null);
    const e = evidence.get(service.code);
    const footprints = (e?.footprints ?? []).map((f) => ({ ...f, ...footprintVerdict(f, d.tiering) }));
    const tier = decision.outcome === 'suitable-and-ready' ? (e ? tierOf(e.footprints, d.tiering) : 'region') : null;
    return {
      service: service.code,
      name: service.name,
      highlySpecialised: service.hss,
      suitability: decision.suitable,
      readiness: decision.ready,
      outcome: decision.outcome,
      reason: decision.reason,
      missing: decision.missing,
      level,
      tier,
      spend: service.spend_pence / 100,
      evidence: {
        nationalPatients: e?.nationalPatients ?? 0,
        providers: e?.providers ?? 0,
        meanCost: e?.meanCost ?? null,
        cvCost: e?.cvCost ?? null,
        medianIcbMissProbability: e?.medianIcbMissProbability ?? null,
        suggestedScores: suggestions(rubrics.segmentation.factors, e),
        assessors: byAssessor.map((b) => ({
          assessor: b.assessor,
          outcome: b.decision.outcome,
          level: b.level,
          score: b.score,
        })),
        minimumViablePopulation:
          tier && e
            ? viablePopulation(e, d.tiering.missMargin, d.tiering.maxMissProbability, d.volatility.seed, service.code)
            : null,
        footprints,
      },
    };
  });
  const summary = outcomeSummary(
    rows.map((r) => ({
      serviceCode: r.service,
      outcome: r.outcome,
      tier: r.tier,
      spendPence: Math.round(r.spend * 100),
      missing: r.missing,
    })),
    DELEGATION_OUTCOMES,
    TIERS,
  );
  const result: DelegationResult = {
    exercise: options.exercise,
    rows,
    summary,
    provenance: {
      dataset: context.dataset!,
      financialYear: year,
      segmentationRubric: `${rubrics.segmentation.id}@${rubrics.segmentation.version}`,
      delegationRubric: `${d.id}@${d.version}`,
      masterSeed: d.volatility.seed,
      iterations: d.volatility.iterations,
      costModel: d.volatility.costModel,
      thresholds: {
        missMargin: d.tiering.missMargin,
        maxMissProbability: d.tiering.maxMissProbability,
        maxOutOfFootprintShare: d.tiering.maxOutOfFootprintShare,
        maxOccasionalPracticeShare: d.tiering.maxOccasionalPracticeShare,
      },
    },
  };
  await ws.transaction(async () => {
    await saveExercise(ws, options.exercise, rubrics, options.by.actor);
    await ws.run(
      `INSERT INTO delegation_result VALUES ($1, $2, now())
       ON CONFLICT (exercise) DO UPDATE SET result_json = excluded.result_json, ran_at = excluded.ran_at`,
      [options.exercise, JSON.stringify(result)],
    );
    await recordAudit(ws, {
      ...options.by,
      objectType: 'delegation-run',
      objectId: options.exercise,
      action: 'run',
      before: null,
      after: { ...result.provenance, summary: result.summary.byOutcome },
    });
  });
  return result;
}

export function suggestions(
  factors: readonly { id: string; suggestion?: { measure: string } }[],
  e: ServiceEvidence | undefined,
): Record<string, number | null> {
  const measure = (name: string): number | null => {
    if (!e) return null;
    if (name === 'patients-a-year') return e.nationalPatients;
    if (name === 'providers') return e.providers;
    return e.medianIcbMissProbability;
  };
  return Object.fromEntries(
    factors.map((f) => [f.id, f.suggestion ? suggestedScore(f as never, measure(f.suggestion.measure)) : null]),
  );
}

export function viablePopulation(
  e: ServiceEvidence,
  missMargin: number,
  threshold: number,
  seed: number,
  code: string,
) {
  if (!(e.patientsPerPerson > 0) || e.meanCost === null || !(e.meanCost > 0)) return null;
  const r = minimumViablePopulation({
    patientsPerPerson: e.patientsPerPerson,
    cost: { kind: 'lognormal', mean: e.meanCost, cv: e.cvCost ?? 0 },
    missMargin,
    threshold,
    iterations: 2000,
    seed: (seed ^ code.length) >>> 0,
  });
  return {
    analytic: r.analyticPopulation,
    simulated: r.simulatedPopulation,
    curve: r.curve.map((p) => ({ population: p.population, missProbability: p.missProbability })),
  };
}
