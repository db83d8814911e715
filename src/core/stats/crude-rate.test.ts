import { describe, expect, it } from 'vitest';
import { expectMatchesOracle, oracleNumber, readOracle } from '../../../test/fixtures/oracles/read-oracle.ts';
import { estimateColumns } from './arguments.ts';
import { calculateCrudeRate } from './crude-rate.ts';
import { byarLower, byarUpper } from './poisson-limits.ts';

// PHEindicatormethods prints 15–17 significant digits; 1e-9 relative leaves room only for the last few bits
// of the chi-square inversion.
const TOLERANCE = 1e-9;
const FIGURES = ['value', 'lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'];

const expectMatches = (actual: unknown, expected: string | undefined) =>
  expectMatchesOracle(actual, expected, TOLERANCE);

describe('crude rate against PHEindicatormethods (rate_cases.csv)', () => {
  for (const row of readOracle('indicators/rate_cases.csv')) {
    it(`case ${row.case_row}: ${row.Numerator} / ${row.Denominator} per ${row.multiplier}`, () => {
      const estimate = calculateCrudeRate(
        { numerator: oracleNumber(row.Numerator), denominator: oracleNumber(row.Denominator) },
        { confidence: [0.95, 0.998], multiplier: Number(row.multiplier) },
      );
      const columns = estimateColumns(estimate);
      for (const figure of FIGURES) expectMatches(columns[figure], row[figure]);
      expect(columns.method).toBe(row.method === 'NA' ? null : row.method);
      expect(columns.statistic).toBe(row.statistic);
    });
  }
});

describe('grouped crude rates (rate_grouped_results.csv: numerators and denominators summed by area)', () => {
  for (const row of readOracle('indicators/rate_grouped_results.csv')) {
    it(`${row.Area}`, () => {
      const estimate = calculateCrudeRate(
        { numerator: oracleNumber(row.Numerator), denominator: oracleNumber(row.Denominator) },
        { confidence: 0.95, multiplier: Number(row.multiplier) },
      );
      const columns = estimateColumns(estimate);
      for (const figure of ['value', 'lowercl', 'uppercl']) expectMatches(columns[figure], row[figure]);
      expect(columns.confidence).toBe(row.confidence);
    });
  }
});

describe("Byar's limits (byars_wilson_limits.csv)", () => {
  for (const row of readOracle('indicators/byars_wilson_limits.csv').filter((r) => r.method === 'byars')) {
    it(`O = ${row.x} at ${row.confidence}`, () => {
      const confidence = Number(row.confidence);
      const lower = byarLower(Number(row.x), confidence);
      expectMatches(lower, row.lowercl);
      expectMatches(byarUpper(Number(row.x), confidence), row.uppercl);
    });
  }
});

describe('worked examples (docs/methods.md)', () => {
  it("Crude rate: 20 events in a population of 100, per 100, Byar's 95% limits", () => {
    // z = 1.959963984540054; lower = 20·(1 − 1/180 − z/(3√20))³ = 12.211428834875935;
    // upper = 21·(1 − 1/189 + z/(3√21))³ = 30.88988036919706; both / 100 × 100.
    const estimate = calculateCrudeRate({ numerator: 20, denominator: 100 }, { multiplier: 100 });
    expect(estimate.value).toBe(20);
    expect(estimate.method).toBe('Byars');
    expect(estimate.limits[0]!.lower).toBeCloseTo(12.211428834875935, 10);
    expect(estimate.limits[0]!.upper).toBeCloseTo(30.88988036919706, 10);
  });

  it('Crude rate: 3 events in a population of 1,000, per 1,000, exact 95% limits', () => {
    // lower = ½·χ²₆(0.025) = 0.6186721228956014; upper = ½·χ²₈(0.975) = 8.767273069742323 (scipy chi2.ppf).
    const estimate = calculateCrudeRate({ numerator: 3, denominator: 1000 }, { multiplier: 1000 });
    expect(estimate.method).toBe('Exact');
    expect(estimate.limits[0]!.lower).toBeCloseTo(0.6186721228956014, 10);
    expect(estimate.limits[0]!.upper).toBeCloseTo(8.767273069742323, 10);
  });
});

describe('bad arguments', () => {
  it.each([
    ['numerator', { numerator: -1, denominator: 10 }, {}],
    ['denominator', { numerator: 1, denominator: 0 }, {}],
    ['confidence', { numerator: 1, denominator: 10 }, { confidence: 0.5 }],
    ['confidence', { numerator: 1, denominator: 10 }, { confidence: 101 }],
    ['multiplier', { numerator: 1, denominator: 10 }, { multiplier: -5 }],
  ])('rejects a bad %s with FP_STATS_BAD_ARGUMENT naming it', (field, input, options) => {
    expect(() => calculateCrudeRate(input, options)).toThrow(
      expect.objectContaining({
        code: 'FP_STATS_BAD_ARGUMENT',
        problem: expect.objectContaining({ where: { field } }),
      }),
    );
  });

  it('reads 95 as 95%', () => {
    expect(calculateCrudeRate({ numerator: 5, denominator: 10 }, { confidence: 95 }).confidence).toEqual([0.95]);
  });
});
