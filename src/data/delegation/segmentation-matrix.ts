// The segmentation matrix of an exercise: every current service × every factor, each assessor's score side
// by side with the score the data suggests, each assessor's weighted score and level, and the
// disagreements (levels more than one apart; factor scores more than one point apart). With no exercise
// (a new workspace) it is the data's evidence and suggested scores alone, under the shipped rubrics.

import type { SegmentationLevel } from '../../core/definitions/segmentation-rubric.ts';
import { type AssessmentComparison, compareAssessments, weightedScore } from '../../core/segmentation/index.ts';
import type { FinancialYear } from '../../core/units.ts';
import type { Table } from '../export/table.ts';
import type { Workspace } from '../workspace.ts';
import { previewEvidence } from './evidence-preview.ts';
import { exerciseRubrics, listExercises } from './exercises.ts';
import { loadRubrics, type Rubrics } from './rubrics.ts';
import type { DelegationResult } from './run-delegation.ts';
import { suggestions } from './run-delegation.ts';
import { parseStoredResult } from './stored-result.ts';

export interface MatrixRow {
  service: string;
  name: string;
  highlySpecialised: boolean | null;
  patientsAYear: number;
  providers: number;
  medianIcbMissProbability: number | null;
  suggested: Record<string, number | null>;
  assessments: {
    assessor: string;
    scores: Record<string, number | null>;
    weightedScore: number | null;
    level: SegmentationLevel | null;
  }[];
  /** Assessors' levels more than one level apart. */
  disagreement: boolean;
  /** Factors whose assessor scores are more than one point apart. */
  factorDisagreements: string[];
  reconciled: { outcome: string; level: string | null; rationale: string; agreedBy: string } | null;
}

export interface SegmentationMatrix {
  exercise: string | null;
  exercises: string[];
  rubrics: Rubrics;
  assessors: string[];
  rows: MatrixRow[];
  agreement: AssessmentComparison['factors'];
  /** Where the suggested scores come from: the exercise's stored run, or computed now from the data. */
  evidenceFrom: 'run' | 'data';
  dataset: string;
  financialYear: FinancialYear;
}

/** The exercise asked for (FP_EXERCISE_NOT_FOUND if unknown), else the most recent one, else null. */
export async function chooseExercise(ws: Workspace, asked: string | undefined): Promise<string | null> {
  if (asked !== undefined) {
    await exerciseRubrics(ws, asked);
    return asked;
  }
  const latest = await ws.one<{ name: string }>(
    'SELECT name FROM assessment_exercise ORDER BY created_at DESC, name LIMIT 1',
  );
  return latest?.name ?? null;
}

export async function storedResult(ws: Workspace, exercise: string | null): Promise<DelegationResult | null> {
  if (exercise === null) return null;
  const row = await ws.one<{ json: string }>('SELECT result_json AS json FROM delegation_result WHERE exercise = $1', [
    exercise,
  ]);
  return row ? parseStoredResult(row.json) : null;
}

export async function segmentationMatrix(ws: Workspace, exercise: string | null): Promise<SegmentationMatrix> {
  const rubrics = exercise ? await exerciseRubrics(ws, exercise) : await loadRubrics(ws);
  const factors = rubrics.segmentation.factors;
  const catalogue = await ws.all<{ code: string; name: string; hss: boolean | null }>(
    'SELECT service_code AS code, name, highly_specialised AS hss FROM service WHERE is_current ORDER BY service_code',
  );
  const scores = await ws.all<{ assessor: string; serviceCode: string; factor: string; score: number }>(
    `SELECT assessor, service_code AS "serviceCode", item AS factor, score FROM assessment
      WHERE exercise = $1 AND score IS NOT NULL`,
    [exercise],
  );
  const comparison = compareAssessments(rubrics.segmentation, scores);
  const reconciled = new Map(
    (
      await ws.all<{ code: string; outcome: string; level: string | null; rationale: string; agreedBy: string }>(
        `SELECT service_code AS code, outcome, level, rationale, agreed_by AS "agreedBy" FROM reconciled_outcome
          WHERE exercise = $1`,
        [exercise],
      )
    ).map(({ code, ...r }) => [code, r]),
  );
  const stored = await storedResult(ws, exercise);
  const storedRows = new Map(stored?.rows.map((r) => [r.service, r]));
  const preview = stored ? null : await previewEvidence(ws, rubrics);
  const scoreOf = new Map(scores.map((s) => [`${s.assessor}\u0000${s.serviceCode}\u0000${s.factor}`, s.score]));
  const rows = catalogue.map((service): MatrixRow => {
    const fromRun = storedRows.get(service.code);
    const e = preview?.evidence.get(service.code);
    const assessments = comparison.assessors
      .filter((assessor) => scores.some((s) => s.assessor === assessor && s.serviceCode === service.code))
      .map((assessor) => {
        const own = Object.fromEntries(
          factors.map((f) => [f.id, scoreOf.get(`${assessor}\u0000${service.code}\u0000${f.id}`) ?? null]),
        );
        const weighted = weightedScore(
          rubrics.segmentation,
          Object.fromEntries(Object.entries(own).map(([k, v]) => [k, v ?? undefined])),
        );
        return { assessor, scores: own, weightedScore: weighted.score, level: weighted.level };
      });
    const factorDisagreements = factors
      .map((f) => f.id)
      .filter((id) => {
        const given = assessments.flatMap((a) => (a.scores[id] === null ? [] : [a.scores[id]!]));
        return given.length >= 2 && Math.max(...given) - Math.min(...given) > 1;
      });
    return {
      service: service.code,
      name: service.name,
      highlySpecialised: service.hss,
      patientsAYear: fromRun?.evidence.nationalPatients ?? e?.nationalPatients ?? 0,
      providers: fromRun?.evidence.providers ?? e?.providers ?? 0,
      medianIcbMissProbability: fromRun?.evidence.medianIcbMissProbability ?? e?.medianIcbMissProbability ?? null,
      suggested: fromRun?.evidence.suggestedScores ?? suggestions(factors, e),
      assessments,
      disagreement: comparison.disagreements.includes(service.code),
      factorDisagreements,
      reconciled: reconciled.get(service.code) ?? null,
    };
  });
  return {
    exercise,
    exercises: (await listExercises(ws)).map((x) => x.name),
    rubrics,
    assessors: comparison.assessors,
    rows,
    agreement: comparison.factors,
    evidenceFrom: stored ? 'run' : 'data',
    dataset: stored?.provenance.dataset ?? preview!.dataset,
    financialYear: stored?.provenance.financialYear ?? preview!.financialYear,
  };
}

/** The matrix as a workbook: one row per service with the suggested and every assessor's score per factor,
 * and the agreement statistics per factor. */
export function matrixTables(matrix: SegmentationMatrix): Table[] {
  const factors = matrix.rubrics.segmentation.factors;
  const scoreColumns = factors.flatMap((f) => [
    { key: `suggested:${f.id}`, header: `${f.name}: suggested`, kind: 'number' as const },
    ...matrix.assessors.map((a) => ({ key: `${a}:${f.id}`, header: `${f.name}: ${a}`, kind: 'number' as const })),
  ]);
  const levelColumns = matrix.assessors.flatMap((a) => [
    { key: `${a}:score`, header: `Weighted score: ${a}`, kind: 'number' as const },
    { key: `${a}:level`, header: `Level: ${a}`, kind: 'text' as const },
  ]);
  return [
    {
      name: 'Segmentation matrix',
      columns: [
        { key: 'service', header: 'Service code', kind: 'text' },
        { key: 'name', header: 'Service', kind: 'text' },
        { key: 'patientsAYear', header: 'Patients a year', kind: 'number' },
        { key: 'providers', header: 'Providers', kind: 'number' },
        { key: 'medianIcbMissProbability', header: 'Miss probability at median ICB', kind: 'share' },
        ...scoreColumns,
        ...levelColumns,
        { key: 'disagreement', header: 'Levels more than one apart', kind: 'text' },
        { key: 'factorDisagreements', header: 'Factors more than one point apart', kind: 'text' },
        { key: 'reconciledOutcome', header: 'Reconciled outcome', kind: 'text' },
        { key: 'reconciledLevel', header: 'Reconciled level', kind: 'text' },
      ],
      rows: matrix.rows.map((r) => {
        const cells: Record<string, string | number | null> = {
          service: r.service,
          name: r.name,
          patientsAYear: r.patientsAYear,
          providers: r.providers,
          medianIcbMissProbability: r.medianIcbMissProbability,
          disagreement: r.disagreement ? 'yes' : 'no',
          factorDisagreements: r.factorDisagreements.join(', '),
          reconciledOutcome: r.reconciled?.outcome ?? null,
          reconciledLevel: r.reconciled?.level ?? null,
        };
        for (const f of factors) cells[`suggested:${f.id}`] = r.suggested[f.id] ?? null;
        for (const a of r.assessments) {
          for (const f of factors) cells[`${a.assessor}:${f.id}`] = a.scores[f.id] ?? null;
          cells[`${a.assessor}:score`] = a.weightedScore;
          cells[`${a.assessor}:level`] = a.level;
        }
        return cells;
      }),
    },
    {
      name: 'Agreement',
      columns: [
        { key: 'factor', header: 'Factor', kind: 'text' },
        { key: 'services', header: 'Services every assessor scored', kind: 'number' },
        { key: 'percentageAgreement', header: 'Percentage agreement', kind: 'share' },
        { key: 'fleissKappa', header: "Fleiss' kappa", kind: 'number' },
      ],
      rows: matrix.agreement.map((a) => ({
        factor: a.factor,
        services: a.services,
        percentageAgreement: a.percentageAgreement,
        fleissKappa: a.fleissKappa,
      })),
    },
  ];
}
