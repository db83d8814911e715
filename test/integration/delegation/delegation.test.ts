// Segmentation and delegation on a real workspace (real reference data, 20,000 rows of synthetic activity):
// assessment import all-or-nothing with errors naming row and field, the delegation run's outcomes, tiers,
// summary and provenance, re-running under a changed rubric copy, commissioning models from the status, and the
// CLI's volatility keys.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FootprintError, type Problem } from '../../../src/core/errors.ts';
import { checkModelEntry, commissioningModels } from '../../../src/data/delegation/commissioning-models.ts';
import { importAssessment } from '../../../src/data/delegation/import-assessment.ts';
import {
  addReviewComment,
  compareExercise,
  readDelegationResult,
  reconcileOutcome,
} from '../../../src/data/delegation/reconcile.ts';
import { DEFAULT_DELEGATION_RUBRIC } from '../../../src/data/delegation/rubrics.ts';
import { type DelegationResult, runDelegation } from '../../../src/data/delegation/run-delegation.ts';
import { simulateInWorkers } from '../../../src/data/delegation/volatility-workers.ts';
import { initWorkspace } from '../../../src/data/init-workspace.ts';
import type { Workspace } from '../../../src/data/workspace.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const by = { actor: 'test', organisation: 'national' };
const FACTORS = ['patient-numbers', 'provision', 'financial-risk', 'service-specification', 'strategy'];
const SUITABILITY = [
  'patient-clinical-benefit',
  'co-dependent-services',
  'financial-risk-volatility',
  'number-of-providers',
];
const READINESS = ['future-technologies', 'provider-landscape', 'commissioning-infrastructure'];

let dir: string;
let ws: Workspace;
let services: { code: string; hss: boolean | null }[];
let result: DelegationResult;

function assessmentCsv(name: string, rows: string[][]): string {
  const file = join(dir, name);
  writeFileSync(file, ['service_code,item,answer,evidence', ...rows.map((r) => r.join(','))].join('\n'));
  return file;
}

/** Every service answered: suitable and ready unless its index says otherwise; scores differ by assessor. */
function fullAssessment(shift: number): string[][] {
  return services.flatMap(({ code }, i) => [
    ...FACTORS.map((f) => [code, f, String(Math.min(5, 1 + ((i + shift) % 5))), '']),
    ...SUITABILITY.map((c) => [code, c, i % 6 === 0 ? 'does-not-meet' : 'meets', 'seen']),
    ...READINESS.map((c) => [code, c, i % 6 === 1 ? 'partly' : 'meets', '']),
  ]);
}

async function problemOf(promise: Promise<unknown>): Promise<Problem> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FootprintError) return error.problem;
    throw error;
  }
  throw new Error('expected a FootprintError');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fp-delegation-'));
  ws = await initWorkspace({ dir, activityRows: 20_000 });
  services = await ws.all(
    'SELECT service_code AS code, highly_specialised AS hss FROM service WHERE is_current ORDER BY 1',
  );
  await importAssessment(ws, {
    file: assessmentCsv('north.csv', fullAssessment(0)),
    exercise: 'Delegation 2023',
    assessor: 'North',
    by,
  });
  await importAssessment(ws, {
    file: assessmentCsv('south.csv', fullAssessment(0)),
    exercise: 'Delegation 2023',
    assessor: 'South',
    by,
  });
  result = await runDelegation(ws, { exercise: 'Delegation 2023', by });
});

afterAll(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('assessment import', () => {
  const count = () =>
    ws.one<{ n: number }>("SELECT CAST(count(*) AS INTEGER) AS n FROM assessment WHERE assessor = 'North'");

  it.each([
    ['FP_ASSESS_UNKNOWN_SERVICE', ['NOPE', 'provision', '3', ''], 'service'],
    ['FP_ASSESS_UNKNOWN_ITEM', ['7', 'waiting-times', '3', ''], 'item'],
    ['FP_ASSESS_BAD_SCORE', ['7', 'provision', '6', ''], 'answer'],
    ['FP_ASSESS_BAD_SCORE', ['7', 'provision', '2.5', ''], 'answer'],
    ['FP_ASSESS_BAD_ANSWER', ['7', 'provider-landscape', 'mostly', ''], 'answer'],
  ])('refuses %s naming the row and field, and changes nothing stored', async (code, bad, field) => {
    const before = await count();
    const file = assessmentCsv('bad.csv', [['7', 'strategy', '2', ''], bad]);
    const problem = await problemOf(importAssessment(ws, { file, exercise: 'Delegation 2023', assessor: 'North', by }));
    expect(problem).toMatchObject({ code, where: { file, row: 2, field } });
    expect(await count()).toEqual(before);
  });

  it('refuses the same service and item twice', async () => {
    const file = assessmentCsv('dup.csv', [
      ['7', 'strategy', '2', ''],
      ['7', 'strategy', '3', ''],
    ]);
    const problem = await problemOf(importAssessment(ws, { file, exercise: 'Delegation 2023', assessor: 'North', by }));
    expect(problem).toMatchObject({ code: 'FP_ASSESS_DUPLICATE', where: { row: 2, field: 'item' } });
  });

  it('refuses a file without the needed columns, and a bad assessor name', async () => {
    const file = join(dir, 'nocols.csv');
    writeFileSync(file, 'code,score\n7,3\n');
    expect(
      await problemOf(importAssessment(ws, { file, exercise: 'Delegation 2023', assessor: 'North', by })),
    ).toMatchObject({
      code: 'FP_ASSESS_BAD_FILE',
      where: { file, field: 'service' },
    });
    expect(
      await problemOf(importAssessment(ws, { file, exercise: 'Delegation 2023', assessor: 'North/../x', by })),
    ).toMatchObject({ code: 'FP_ASSESS_BAD_NAME', where: { parameter: 'assessor' } });
  });

  it('says when an exercise does not exist', async () => {
    expect(await problemOf(runDelegation(ws, { exercise: 'Nothing', by }))).toMatchObject({
      code: 'FP_EXERCISE_NOT_FOUND',
      where: { parameter: 'exercise' },
    });
  });
});

describe('delegation run', () => {
  it('gives every current service exactly one outcome; counts add up and spend shares sum to 1', () => {
    expect(result.rows).toHaveLength(services.length);
    expect(result.summary.byOutcome.reduce((s, g) => s + g.services, 0)).toBe(services.length);
    expect(result.summary.byOutcome.reduce((s, g) => s + (g.spendShare ?? 0), 0)).toBeCloseTo(1, 9);
    const tiered = result.rows.filter((r) => r.tier !== null).length;
    expect(result.summary.byTier.reduce((s, g) => s + g.services, 0)).toBe(tiered);
  });

  it('never treats an unknown highly-specialised flag as "no"', () => {
    for (const row of result.rows) {
      const hss = services.find((s) => s.code === row.service)!.hss;
      if (hss === null) expect(['needs-information', 'not-suitable']).toContain(row.outcome);
      if (hss === true) expect(row.outcome).toBe('not-suitable');
      // Needs information always says what is missing; nothing else does.
      expect(row.missing.length > 0).toBe(row.outcome === 'needs-information');
    }
    const waiting = result.rows.filter((r) => r.outcome === 'needs-information');
    const needs = result.summary.byOutcome.find((g) => g.group === 'needs-information')!;
    expect(needs.services).toBe(waiting.length);
    for (const item of result.summary.missing) {
      expect(item.services).toBe(waiting.filter((r) => r.missing.includes(item.group)).length);
    }
    expect(result.rows.some((r) => r.outcome === 'suitable-and-ready')).toBe(true);
  });

  it('tiers only suitable-and-ready services, with evidence for every ICB, group and region', () => {
    for (const row of result.rows) {
      expect(row.tier !== null).toBe(row.outcome === 'suitable-and-ready');
    }
    const tiered = result.rows.find((r) => r.tier !== null)!;
    const kinds = new Set(tiered.evidence.footprints.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['icb', 'multi-icb', 'region']);
    expect(tiered.evidence.footprints.filter((f) => f.kind === 'icb')).toHaveLength(36);
    expect(tiered.evidence.minimumViablePopulation?.curve.length).toBe(13);
  });

  it('records the rubric versions, dataset, year and seed', async () => {
    expect(result.provenance).toMatchObject({
      segmentationRubric: 'segmentation-default@1.0.0',
      delegationRubric: 'delegation-default@1.0.0',
      masterSeed: 20240401,
      iterations: 10000,
    });
  });

  it('proposes a model for every service × footprint, year by year from 2023/24 to 2028/29, named', async () => {
    const all = await commissioningModels(ws, { editable: new Set() });
    expect(all.years).toEqual(['2023/24', '2024/25', '2025/26', '2026/27', '2027/28', '2028/29']);
    const footprints = await ws.all<{ n: number }>(
      'SELECT CAST(count(DISTINCT footprint_name) AS INTEGER) AS n FROM footprint_member',
    );
    expect(all.rows).toHaveLength(services.length * footprints[0]!.n);
    expect(all.rows.every((line) => line.years.length === 6)).toBe(true);
    expect(all.tierFrom).toBe('Delegation 2023');
    // A service among the 59 (delegated 2023 in the catalogue).
    const [in59] = await ws.all<{ code: string }>(
      `SELECT d.service_code AS code FROM service_delegation d
        JOIN service s ON s.service_code = d.service_code AND s.catalogue_version = d.catalogue_version AND s.is_current
       WHERE d.financial_year = '2023/24' AND d.delegated ORDER BY 1 LIMIT 1`,
    );
    const one = await commissioningModels(ws, { service: in59!.code, editable: new Set(['London']) });
    const line = (footprint: string) => one.rows.find((r) => r.footprint === footprint)!;
    const year = (footprint: string, y: string) => line(footprint).years.find((m) => m.financialYear === y)!.proposal;
    const london = 'London specialised services joint committee';
    expect(year('London', '2023/24')).toMatchObject({ model: 'joint-committee', jointCommittee: london });
    expect(year('London', '2024/25')).toMatchObject({ model: 'joint-committee', jointCommittee: london });
    const greaterManchester = one.rows.find(
      (r) => r.footprintKind === 'icb' && r.icbNames[0]?.includes('Greater Manchester'),
    )!;
    expect(greaterManchester.years.map((y) => y.proposal.model)).toEqual([
      'joint-committee',
      'delegated',
      'delegated',
      'delegated',
      'delegated',
      'delegated',
    ]);
    // The North West took delegation in 2024/25: several delegated ICBs, so one leads (tier aside).
    const northWest = year('North West', '2024/25');
    if (line('North West').tier === 'icb') expect(northWest.model).toBe('delegated');
    else {
      expect(northWest.model).toBe('lead-commissioner');
      expect(line('North West').icbNames).toContain(northWest.lead!.icbName);
      expect(northWest.label).toBe(`Lead commissioner: ${northWest.lead!.icbName}`);
    }
    expect(year('London', '2028/29')).toEqual(year('London', '2025/26'));
    expect(one.footprints.filter((f) => f.canEdit).map((f) => f.name)).toEqual(['London']);
  });

  it('gives the same numbers in worker threads, and re-runs under a changed rubric copy', async () => {
    const changed = JSON.parse(readFileSync(DEFAULT_DELEGATION_RUBRIC, 'utf8'));
    changed.version = '1.1.0';
    changed.tiering.maxOutOfFootprintShare = 1;
    changed.tiering.maxOccasionalPracticeShare = 1;
    changed.tiering.maxMissProbability = 0.99;
    const file = join(dir, 'delegation-changed.json');
    writeFileSync(file, JSON.stringify(changed));
    const again = await runDelegation(ws, {
      exercise: 'Delegation 2023',
      by,
      rubricFiles: { delegation: file },
      simulate: simulateInWorkers,
    });
    expect(again.provenance.delegationRubric).toBe('delegation-default@1.1.0');
    const miss = (r: DelegationResult) =>
      r.rows.flatMap((row) => row.evidence.footprints.map((f) => f.missProbability));
    expect(miss(again)).toEqual(miss(result));
    // With every threshold relaxed, every suitable-and-ready service plans on an ICB footprint.
    expect(again.rows.filter((r) => r.tier !== null).every((r) => r.tier === 'icb')).toBe(true);
  });

  it('checks a commissioning model entry, naming the field', async () => {
    const entry = { serviceCode: services[0]!.code, footprint: 'South London', financialYear: '2026/27', lead: null };
    expect(await problemOf(checkModelEntry(ws, { ...entry, model: 'lead-commissioner' }))).toMatchObject({
      code: 'FP_MODEL_BAD_ENTRY',
      where: { field: 'lead' },
    });
    expect(await problemOf(checkModelEntry(ws, { ...entry, model: 'devolved' as never }))).toMatchObject({
      where: { field: 'model' },
    });
    expect(await problemOf(checkModelEntry(ws, { ...entry, model: 'delegated', financialYear: '2026' }))).toMatchObject(
      {
        where: { field: 'financialYear' },
      },
    );
    expect(await problemOf(checkModelEntry(ws, { ...entry, model: 'delegated', footprint: 'Atlantis' }))).toMatchObject(
      {
        where: { field: 'footprint' },
      },
    );
    expect(await checkModelEntry(ws, { ...entry, model: 'delegated' })).toHaveLength(2);
  });
});

describe('comparing and reconciling', () => {
  it('compares the assessors: identical scores agree fully', async () => {
    const comparison = await compareExercise(ws, 'Delegation 2023');
    expect(comparison.assessors).toEqual(['North', 'South']);
    expect(comparison.factors.every((f) => f.percentageAgreement === 1)).toBe(true);
    expect(comparison.disagreements).toEqual([]);
  });

  it('records a reconciled outcome that the next run uses, and review comments', async () => {
    const code = services[0]!.code;
    await reconcileOutcome(
      ws,
      {
        exercise: 'Delegation 2023',
        serviceCode: code,
        outcome: 'suitable-not-yet-ready',
        level: 'sub-regional-hub',
        rationale: 'Networks not ready',
        agreedBy: 'Regional leads',
      },
      by,
    );
    await addReviewComment(
      ws,
      { exercise: 'Delegation 2023', serviceCode: code, author: 'Cancer PoC board', body: 'Agree' },
      by,
    );
    const stored = await readDelegationResult(ws, 'Delegation 2023');
    expect(stored.rows).toHaveLength(services.length);
    const rerun = await runDelegation(ws, { exercise: 'Delegation 2023', by });
    const row = rerun.rows.find((r) => r.service === code)!;
    expect(row).toMatchObject({
      outcome: 'suitable-not-yet-ready',
      level: 'sub-regional-hub',
      reason: 'Reconciled: Networks not ready',
    });
  });

  it.each([
    ['outcome', { outcome: 'maybe' }],
    ['level', { level: 'district' }],
    ['rationale', { rationale: ' ' }],
    ['agreedBy', { agreedBy: '' }],
    ['serviceCode', { serviceCode: 'NOPE' }],
  ])('refuses a reconciled outcome with a bad %s', async (field, change) => {
    const entry = {
      exercise: 'Delegation 2023',
      serviceCode: services[1]!.code,
      outcome: 'not-suitable',
      level: null,
      rationale: 'r',
      agreedBy: 'a',
    };
    expect(await problemOf(reconcileOutcome(ws, { ...entry, ...change }, by))).toMatchObject({
      code: 'FP_DELEGATION_BAD_OUTCOME',
      where: { field },
    });
  });

  it('says when an exercise has not been run', async () => {
    await importAssessment(ws, {
      file: assessmentCsv('x.csv', [['7', 'strategy', '2', '']]),
      exercise: 'Unrun',
      assessor: 'East',
      by,
    });
    expect(await problemOf(readDelegationResult(ws, 'Unrun'))).toMatchObject({
      code: 'FP_DELEGATION_NOT_RUN',
      where: { parameter: 'exercise' },
    });
  });
});

describe('footprint volatility (CLI)', () => {
  it('prints exactly the keys of the issue', () => {
    const run = spawnSync(
      process.execPath,
      [
        tsx,
        join(root, 'src/cli/main.ts'),
        'volatility',
        '--mean-cost',
        '10000',
        '--cv-cost',
        '0.5',
        '--patients',
        '100',
        '--miss',
        '0.1',
        '--iterations',
        '10000',
        '--seed',
        '7',
        '--format',
        'json',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(Object.keys(answer)).toEqual([
      'expectedSpend',
      'cvSpend',
      'analyticCv',
      'missProbability',
      'iterations',
      'seed',
    ]);
    expect(answer.expectedSpend).toBe(1_000_000);
    expect(answer.analyticCv).toBeCloseTo(0.111803, 6);
  });
});
