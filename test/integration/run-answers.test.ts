// What a run stores beside its flows for the pages that would otherwise group every activity row on first view
// (src/data/run/run-answers.ts): the latest year's spend by point of delivery and the delegation evidence's
// three questions. Read back, each is the engine's own answer; after the dataset is imported again, or on a
// year the run did not store, the engine answers instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinancialYear } from '../../src/core/units.ts';
import { previewEvidence } from '../../src/data/delegation/evidence-preview.ts';
import { gatherEvidence } from '../../src/data/delegation/gather-evidence.ts';
import { loadRubrics } from '../../src/data/delegation/rubrics.ts';
import { DuckDbEngine } from '../../src/data/engines/duckdb.ts';
import type { DelegationEvidenceEngine, YearSpendQuestion } from '../../src/data/engines/engine.ts';
import { StoredEvidence, storedSpendByPod } from '../../src/data/run/run-answers.ts';
import type { Workspace } from '../../src/data/workspace.ts';
import { createApiWorkspace, TEST_DATASET } from './api/support/api-workspace.ts';

let ws: Workspace;
let engine: DuckDbEngine;
let latest: FinancialYear;
let earliest: FinancialYear;

/** An engine that must not be asked: the stored answers stand in for it. */
const unasked: DelegationEvidenceEngine & Pick<DuckDbEngine, 'populationBasisSpendByPod'> = {
  servicePatientsByAgeSex: () => Promise.reject(new Error('asked the engine')),
  servicePatientFlows: () => Promise.reject(new Error('asked the engine')),
  serviceCostDistribution: () => Promise.reject(new Error('asked the engine')),
  populationBasisSpendByPod: () => Promise.reject(new Error('asked the engine')),
};

const spendQuestion = (financialYear: FinancialYear): YearSpendQuestion => ({
  dataset: TEST_DATASET,
  vintage: '2026',
  unknownResidenceRule: 'provider-host-icb',
  financialYear,
});

/** The same figures: equal, except that sums of doubles may differ in their last bits between two runs of one
 * query (DuckDB adds in parallel, in no fixed order), so numbers agree to one part in 10^12. */
function expectSameFigures(actual: unknown, expected: unknown, path = 'answer'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    for (const [i, e] of expected.entries()) expectSameFigures((actual as unknown[])[i], e, `${path}[${i}]`);
    return;
  }
  if (expected instanceof Map) {
    expectSameFigures([...(actual as Map<unknown, unknown>)], [...expected], path);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, e] of Object.entries(expected))
      expectSameFigures((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

beforeAll(async () => {
  ws = await createApiWorkspace(5_000);
  engine = new DuckDbEngine(ws);
  const years = (
    await ws.all<{ y: FinancialYear }>('SELECT DISTINCT financial_year AS y FROM run_total ORDER BY 1')
  ).map((r) => r.y);
  latest = years.at(-1)!;
  earliest = years[0]!;
  expect(earliest).not.toBe(latest);
});

afterAll(() => ws.close());

describe('answers a run stores', () => {
  it('are the engine’s answers for the run’s latest year, read without asking the engine', async () => {
    const stored = new StoredEvidence(ws, unasked);
    const flows = { ...spendQuestion(latest) };
    expectSameFigures(
      await stored.servicePatientsByAgeSex(TEST_DATASET, latest),
      await engine.servicePatientsByAgeSex(TEST_DATASET, latest),
    );
    expectSameFigures(await stored.servicePatientFlows(flows), await engine.servicePatientFlows(flows));
    expectSameFigures(
      await stored.serviceCostDistribution(TEST_DATASET, latest, 2000),
      await engine.serviceCostDistribution(TEST_DATASET, latest, 2000),
    );
    const spend = await storedSpendByPod(ws, unasked, spendQuestion(latest));
    expect(spend.length).toBeGreaterThan(0);
    expectSameFigures(spend, await engine.populationBasisSpendByPod(spendQuestion(latest)));
  });

  it('leave the delegation evidence preview exactly as the engine gives it', async () => {
    const rubrics = await loadRubrics(ws);
    const d = rubrics.delegation;
    const service = (await ws.one<{ code: string }>(
      'SELECT service_code AS code FROM flow WHERE financial_year = $1 GROUP BY 1 ORDER BY sum(spend) DESC LIMIT 1',
      [latest],
    ))!.code;
    const preview = await previewEvidence(ws, rubrics, { service });
    const direct = await gatherEvidence(ws, engine, {
      dataset: TEST_DATASET,
      financialYear: latest,
      rules: d.tiering,
      masterSeed: d.volatility.seed,
      iterations: d.volatility.iterations,
      costModel: d.volatility.costModel,
      simulateFor: (serviceCode, isMedianIcb) => isMedianIcb || serviceCode === service,
    });
    expect(preview.financialYear).toBe(latest);
    expectSameFigures(preview.evidence, direct);
    expect(preview.evidence.get(service)!.footprints.some((f) => f.missProbability !== null)).toBe(true);
  });

  it('give way to the engine on a year the run did not store', async () => {
    const stored = new StoredEvidence(ws, unasked);
    await expect(stored.servicePatientsByAgeSex(TEST_DATASET, earliest)).rejects.toThrow('asked the engine');
    await expect(storedSpendByPod(ws, unasked, spendQuestion(earliest))).rejects.toThrow('asked the engine');
  });

  it('give way to the engine once the dataset is imported again, until the next run', async () => {
    const before = await engine.servicePatientFlows(spendQuestion(latest));
    // A new import of the dataset: other activity, a later import time, and no run since.
    await ws.transaction(async () => {
      await ws.run('DELETE FROM activity WHERE dataset = $1 AND financial_year = $2 AND provider_code = $3', [
        TEST_DATASET,
        latest,
        before[0]!.providerCode,
      ]);
      await ws.run('UPDATE dataset SET imported_at = now() WHERE name = $1', [TEST_DATASET]);
    });
    const after = await new StoredEvidence(ws, engine).servicePatientFlows(spendQuestion(latest));
    expectSameFigures(after, await engine.servicePatientFlows(spendQuestion(latest)));
    expect(after).not.toEqual(before);
    await expect(new StoredEvidence(ws, unasked).servicePatientFlows(spendQuestion(latest))).rejects.toThrow(
      'asked the engine',
    );
  });
});
