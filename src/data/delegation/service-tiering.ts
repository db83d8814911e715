// One service's tiering page: its outcome and tier in the exercise's stored run (when there is one), the
// evidence per footprint with the thresholds each passes or fails, the miss probability against population
// with the minimum viable population, the assessors' criterion answers with their evidence, the reconciled
// outcome and review comments. Without a run, the evidence is computed now for this service alone and the
// tier shown is the one the evidence would give if the service were suitable and ready.

import { minimumAnnualVolume } from '../../core/definitions/delegation-rubric.ts';
import type { DelegationOutcome } from '../../core/delegation/index.ts';
import { fail } from '../../core/errors.ts';
import { type FootprintEvidence, footprintVerdict, type Tier, tierOf } from '../../core/tiering/index.ts';
import type { FinancialYear } from '../../core/units.ts';
import type { Table } from '../export/table.ts';
import type { Workspace } from '../workspace.ts';
import { previewEvidence } from './evidence-preview.ts';
import { exerciseRubrics } from './exercises.ts';
import { loadRubrics } from './rubrics.ts';
import { type DelegationRow, viablePopulation } from './run-delegation.ts';
import { storedResult } from './segmentation-matrix.ts';

export interface ServiceTiering {
  exercise: string | null;
  service: string;
  name: string;
  highlySpecialised: boolean | null;
  /** From the stored run; null without one. */
  outcome: DelegationOutcome | null;
  reason: string | null;
  tier: Tier | null;
  /** The tier the evidence gives, whatever the outcome. */
  evidenceTier: Tier;
  spend: number | null;
  evidenceFrom: 'run' | 'data';
  dataset: string;
  financialYear: FinancialYear;
  thresholds: {
    missMargin: number;
    maxMissProbability: number;
    maxOutOfFootprintShare: number;
    maxOccasionalPracticeShare: number;
    minimumAnnualVolume: number;
  };
  nationalPatients: number;
  providers: number;
  meanCost: number | null;
  cvCost: number | null;
  footprints: (FootprintEvidence & { passes: boolean; fails: string[] })[];
  minimumViablePopulation: DelegationRow['evidence']['minimumViablePopulation'];
  /** The exercise's segmentation factors, for entering scores. */
  factors: { id: string; name: string }[];
  criteria: {
    id: string;
    step: 'suitability' | 'readiness';
    name: string;
    guidance: string;
    answers: { assessor: string; answer: string; evidence: string | null }[];
  }[];
  reconciled: { outcome: string; level: string | null; rationale: string; agreedBy: string; agreedAt: string } | null;
  comments: { author: string; organisation: string; body: string; recordedAt: string }[];
}

export async function serviceTiering(ws: Workspace, exercise: string | null, code: string): Promise<ServiceTiering> {
  const service = await ws.one<{ code: string; name: string; hss: boolean | null }>(
    `SELECT service_code AS code, name, highly_specialised AS hss FROM service
      WHERE is_current AND upper(service_code) = upper($1)`,
    [code],
  );
  if (!service) {
    fail('FP_HTTP_NOT_FOUND', `There is no current service ${JSON.stringify(code)}.`, {
      where: { parameter: 'code' },
      received: code,
      accepted: 'a current service code, e.g. 13X',
    });
  }
  const rubrics = exercise ? await exerciseRubrics(ws, exercise) : await loadRubrics(ws);
  const rules = rubrics.delegation.tiering;
  const run = await storedResult(ws, exercise);
  const stored = run?.rows.find((r) => r.service === service.code);
  const preview = stored?.evidence.minimumViablePopulation
    ? null
    : await previewEvidence(ws, rubrics, { service: service.code, financialYear: run?.provenance.financialYear });
  const e = preview?.evidence.get(service.code);
  const footprints =
    stored?.evidence.footprints ?? (e?.footprints ?? []).map((f) => ({ ...f, ...footprintVerdict(f, rules) }));
  const seed = rubrics.delegation.volatility.seed;
  const mvp =
    stored?.evidence.minimumViablePopulation ??
    (e ? viablePopulation(e, rules.missMargin, rules.maxMissProbability, seed, service.code) : null);
  const answers = await ws.all<{ assessor: string; item: string; answer: string; evidence: string | null }>(
    `SELECT assessor, item, answer, evidence FROM assessment
      WHERE exercise = $1 AND service_code = $2 AND answer IS NOT NULL ORDER BY assessor`,
    [exercise, service.code],
  );
  const criteria = (['suitability', 'readiness'] as const).flatMap((step) =>
    rubrics.delegation[step].map((c) => ({
      id: c.id,
      step,
      name: c.name,
      guidance: c.guidance,
      answers: answers
        .filter((a) => a.item === c.id)
        .map((a) => ({ assessor: a.assessor, answer: a.answer, evidence: a.evidence })),
    })),
  );
  const reconciled = await ws.one<ServiceTiering['reconciled'] & object>(
    `SELECT outcome, level, rationale, agreed_by AS "agreedBy", CAST(agreed_at AS VARCHAR) AS "agreedAt"
       FROM reconciled_outcome WHERE exercise = $1 AND service_code = $2`,
    [exercise, service.code],
  );
  const comments = await ws.all<ServiceTiering['comments'][number]>(
    `SELECT author, organisation, body, CAST(recorded_at AS VARCHAR) AS "recordedAt" FROM review_comment
      WHERE exercise = $1 AND service_code = $2 ORDER BY id`,
    [exercise, service.code],
  );
  return {
    exercise,
    service: service.code,
    name: service.name,
    highlySpecialised: service.hss,
    outcome: stored?.outcome ?? null,
    reason: stored?.reason ?? null,
    tier: stored?.tier ?? null,
    evidenceTier: tierOf(footprints, rules),
    spend: stored?.spend ?? null,
    evidenceFrom: stored ? 'run' : 'data',
    dataset: run?.provenance.dataset ?? preview!.dataset,
    financialYear: run?.provenance.financialYear ?? preview!.financialYear,
    thresholds: {
      missMargin: rules.missMargin,
      maxMissProbability: rules.maxMissProbability,
      maxOutOfFootprintShare: rules.maxOutOfFootprintShare,
      maxOccasionalPracticeShare: rules.maxOccasionalPracticeShare,
      minimumAnnualVolume: minimumAnnualVolume(rules, service.code),
    },
    nationalPatients: stored?.evidence.nationalPatients ?? e?.nationalPatients ?? 0,
    providers: stored?.evidence.providers ?? e?.providers ?? 0,
    meanCost: stored?.evidence.meanCost ?? e?.meanCost ?? null,
    cvCost: stored?.evidence.cvCost ?? e?.cvCost ?? null,
    footprints,
    minimumViablePopulation: mvp,
    factors: rubrics.segmentation.factors.map((f) => ({ id: f.id, name: f.name })),
    criteria,
    reconciled: reconciled ?? null,
    comments,
  };
}

/** The evidence per footprint and the miss-probability curve, as a workbook. */
export function serviceTieringTables(t: ServiceTiering): Table[] {
  return [
    {
      name: 'Evidence per footprint',
      columns: [
        { key: 'footprint', header: 'Footprint', kind: 'text' },
        { key: 'kind', header: 'Kind', kind: 'text' },
        { key: 'population', header: 'Population', kind: 'number' },
        { key: 'expectedPatients', header: 'Expected patients a year', kind: 'number' },
        { key: 'providersUsed', header: 'Providers used', kind: 'number' },
        { key: 'outOfFootprintShare', header: 'Treated outside', kind: 'share' },
        { key: 'occasionalProviders', header: 'Occasional-practice providers', kind: 'number' },
        { key: 'occasionalPracticeShare', header: 'Share at occasional providers', kind: 'share' },
        { key: 'missProbability', header: 'Miss probability', kind: 'share' },
        { key: 'passes', header: 'Passes', kind: 'text' },
        { key: 'fails', header: 'Fails on', kind: 'text' },
      ],
      rows: t.footprints.map((f) => ({ ...f, passes: f.passes ? 'yes' : 'no', fails: f.fails.join(', ') })),
    },
    {
      name: 'Miss probability curve',
      columns: [
        { key: 'population', header: 'Population', kind: 'number' },
        { key: 'missProbability', header: 'Miss probability', kind: 'share' },
      ],
      rows: t.minimumViablePopulation?.curve ?? [],
    },
  ];
}
