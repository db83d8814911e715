// One question suite, every engine: DuckDB (the workspace), ClickHouse 18.16 (a real two-shard cluster of
// Debian's clickhouse-server, started here), the same ClickHouse engine on a current release (chdb, embedded in
// this process) and the plain in-memory reference must give the same answers, to the penny, on the toy dataset
// worked by hand and on generated activity tables.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNALLOCATED, UNKNOWN_RESIDENCE_RULES } from '../../src/core/basis/index.ts';
import { GEOGRAPHY_VINTAGES } from '../../src/core/geography/vintage.ts';
import type { FinancialYear } from '../../src/core/units.ts';
import { DuckDbEngine } from '../../src/data/engines/duckdb.ts';
import type { ActivityEngine, DelegationEvidenceEngine } from '../../src/data/engines/engine.ts';
import { type EngineFixture, startEngineFixture, TOY_MAPS, TOY_ROWS } from './support/engine-fixture.ts';
import {
  comparableDistributions,
  ReferenceEngine,
  ReferenceEvidence,
  type ReferenceRow,
  sortCells,
} from './support/reference-engine.ts';

let fixture: EngineFixture;
let engines: [string, ActivityEngine & DelegationEvidenceEngine][];

beforeAll(async () => {
  fixture = await startEngineFixture();
  engines = [
    ['duckdb', new DuckDbEngine(fixture.basis.ws)],
    ['clickhouse', fixture.clickhouse],
    ['chdb', fixture.chdb.engine],
  ];
});

afterAll(async () => {
  await fixture?.stop();
});

/** Every question of the engine interface on one dataset, in a fixed order, to compare whole. */
/** More than any generated table has rows, so every engine's sample holds every row. */
const SAMPLE_SIZE = 100;

async function answers(engine: ActivityEngine & DelegationEvidenceEngine, dataset: string, year: FinancialYear) {
  const all: Record<string, unknown> = {};
  all['patients by age and sex'] = await engine.servicePatientsByAgeSex(dataset, year);
  all['cost distributions'] = comparableDistributions(await engine.serviceCostDistribution(dataset, year, SAMPLE_SIZE));
  for (const vintage of GEOGRAPHY_VINTAGES) {
    all[`totals ${vintage}`] = await engine.activityTotals(dataset, vintage);
    all[`utilisation ${vintage}`] = sortCells(await engine.utilisationByIcbAgeSex({ dataset, vintage }));
    all[`patient flows ${vintage}`] = await engine.servicePatientFlows({
      dataset,
      vintage,
      unknownResidenceRule: 'unallocated',
      financialYear: year,
    });
    for (const rule of UNKNOWN_RESIDENCE_RULES) {
      const question = { dataset, vintage, unknownResidenceRule: rule };
      all[`flows ${vintage} ${rule}`] = await engine.flowsByResidentIcbProviderService(question);
      all[`pod ${vintage} ${rule}`] = await engine.populationBasisSpendByPod({
        ...question,
        financialYear: year,
      });
    }
  }
  for (const icbCode of ['QA', 'QC']) {
    all[`practices ${icbCode}`] = await engine.spendByPractice?.({
      dataset,
      financialYear: year,
      icbCode,
    });
  }
  return all;
}

function referenceAnswers(rows: readonly ReferenceRow[], year: string) {
  const reference = new ReferenceEngine(rows, TOY_MAPS);
  const evidence = new ReferenceEvidence(rows, TOY_MAPS);
  const all: Record<string, unknown> = {};
  all['patients by age and sex'] = evidence.patientsByAgeSex(year);
  all['cost distributions'] = comparableDistributions(evidence.costDistribution(year));
  for (const vintage of GEOGRAPHY_VINTAGES) {
    all[`totals ${vintage}`] = reference.totals(vintage);
    all[`utilisation ${vintage}`] = reference.utilisation(vintage);
    all[`patient flows ${vintage}`] = evidence.patientFlows(year, vintage);
    for (const rule of UNKNOWN_RESIDENCE_RULES) {
      all[`flows ${vintage} ${rule}`] = reference.flows(vintage, rule);
      all[`pod ${vintage} ${rule}`] = reference.podSpend(year, vintage, rule);
    }
  }
  for (const icbCode of ['QA', 'QC']) all[`practices ${icbCode}`] = reference.practiceSpend(year, icbCode);
  return all;
}

describe('the toy dataset, worked by hand (basis-fixture.ts)', () => {
  it.each(['duckdb', 'clickhouse', 'chdb'])('%s: input totals per year and service', async (name) => {
    const engine = engines.find(([n]) => n === name)![1];
    // 2024/25 S1: 10 + 5 + 30 + 7 − 1 + 0.50 = £51.50 over 6 rows, of which unknown residence: the blank (£7.00)
    // and ZZZ (£0.50) = 2 rows, £7.50. 2024/25 S2: 2 + 4 = £6.00. 2023/24 S1: £1.23.
    const totals = await engine.activityTotals('toy', '2026');
    expect(
      totals.map((t) => [
        t.financialYear,
        t.serviceCode,
        t.rows,
        t.costPence,
        t.unknownResidenceRows,
        t.unknownResidenceCostPence,
      ]),
    ).toEqual([
      ['2023/24', 'S1', 1, 123, 0, 0],
      ['2024/25', 'S1', 6, 5150, 2, 750],
      ['2024/25', 'S2', 2, 600, 0, 0],
    ]);
  });

  it.each(['duckdb', 'clickhouse', 'chdb'])(
    '%s: unknown residence is UNALLOCATED or the provider host',
    async (name) => {
      const engine = engines.find(([n]) => n === name)![1];
      const spend = async (rule: (typeof UNKNOWN_RESIDENCE_RULES)[number], icb: string) =>
        (
          await engine.flowsByResidentIcbProviderService({
            dataset: 'toy',
            vintage: '2026',
            unknownResidenceRule: rule,
          })
        )
          .filter((f) => f.residentIcb === icb && f.financialYear === '2024/25')
          .reduce((s, f) => s + f.spendPence, 0);
      // Unallocated: the £7.50 of unknown residence. Provider host: the blank row's £7.00 goes to P2's host QB
      // (QB then has B1 £5.00 + B1 £2.00 + £7.00 = £14.00) and ZZZ's £0.50 to P1's host QA.
      expect(await spend('unallocated', UNALLOCATED)).toBe(750);
      expect(await spend('provider-host-icb', 'QB')).toBe(1400);
    },
  );

  it('every engine agrees with the reference on every question', async () => {
    const expected = referenceAnswers(TOY_ROWS, '2024/25');
    for (const [name, engine] of engines)
      expect(await answers(engine, 'toy', '2024/25' as FinancialYear), name).toEqual(expected);
  });

  it('writeFlows stores the same flows and returns the same totals on every engine', async () => {
    const ws = fixture.basis.ws;
    const stored: unknown[] = [];
    for (const [name, engine] of engines) {
      const question = { dataset: 'toy', vintage: '2023' as const, unknownResidenceRule: 'unallocated' as const };
      const totals = await ws.transaction(async () => {
        await ws.run(`DELETE FROM flow WHERE dataset = 'toy'`);
        return engine.writeFlows(question, ws);
      });
      expect(totals, name).toEqual(new ReferenceEngine(TOY_ROWS, TOY_MAPS).totals('2023'));
      stored.push(
        await ws.all(
          `SELECT financial_year, resident_icb, residence_known, provider_code, provider_icb, service_code, activity,
                  CAST(spend AS VARCHAR) AS spend
           FROM flow WHERE dataset = 'toy' ORDER BY ALL`,
        ),
      );
    }
    expect(stored[1]).toEqual(stored[0]);
    expect(stored[2]).toEqual(stored[0]);
    expect(stored[0]).toHaveLength(new ReferenceEngine(TOY_ROWS, TOY_MAPS).flows('2023', 'unallocated').length);
  });
});

describe('generated activity tables', () => {
  const row: fc.Arbitrary<ReferenceRow> = fc.record({
    financialYear: fc.constantFrom('2023/24', '2024/25'),
    provider: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
    residence: fc.constantFrom('A1', 'B1', 'C1', 'D1', 'QA', 'QD', 'ZZZ', null),
    service: fc.constantFrom('S1', 'S2'),
    pod: fc.constantFrom('APC_EL', 'OP_FIRST'),
    ageBand: fc.constantFrom('0-4', '90+', null),
    sex: fc.constantFrom('M' as const, 'F' as const, 'U' as const, null),
    // Halves: exact in binary, so float sums agree in any order.
    activity: fc.integer({ min: 0, max: 400 }).map((n) => n / 2),
    patients: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
    // Up to £10m either way, in pence.
    costPence: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    gpPractice: fc.constantFrom('G1', 'G2', null),
  });

  it('DuckDB, ClickHouse 18.16, chdb and the reference agree to the penny', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), async (rows) => {
        // Re-importing one dataset name also checks the swap: rows of the last table on a shard this one
        // does not reach must be gone.
        await fixture.put('generated', rows);
        const expected = referenceAnswers(rows, '2024/25');
        for (const [name, engine] of engines) {
          expect(await answers(engine, 'generated', '2024/25' as FinancialYear), name).toEqual(expected);
        }
      }),
      { seed: 42, numRuns: 15 },
    );
  });
});
