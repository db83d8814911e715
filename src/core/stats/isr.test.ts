import { describe, expect, it } from 'vitest';
import { expectMatchesOracle, oracleNumber, readOracle } from '../../../test/fixtures/oracles/read-oracle.ts';
import { estimateColumns } from './arguments.ts';
import { calculateIsr, type IsrBand } from './isr.ts';

const TOLERANCE = 1e-9;

function bandsFor(input: string, area: string): IsrBand[] {
  if (input === 'isr_input_with_ref') {
    return readOracle('indicators/isr_input_with_ref.csv')
      .filter((r) => r.area === area)
      .map((r) => ({
        numerator: oracleNumber(r.count),
        denominator: oracleNumber(r.pop),
        referenceNumerator: oracleNumber(r.refcount),
        referenceDenominator: Number(r.refpop),
      }));
  }
  // The zero-population file pairs its rows, band by band, with the separate reference file.
  const reference = readOracle('indicators/isr_refdata.csv');
  return readOracle('indicators/isr_input_zero_pop.csv')
    .filter((r) => r.area === area)
    .map((r, i) => ({
      numerator: oracleNumber(r.count),
      denominator: oracleNumber(r.pop),
      referenceNumerator: oracleNumber(reference[i]!.refcount),
      referenceDenominator: Number(reference[i]!.refpop),
    }));
}

describe('ISR and ISRate against PHEindicatormethods (isr_results.csv)', () => {
  for (const row of readOracle('indicators/isr_results.csv')) {
    it(`case ${row.case_row}: ${row.case} ${row.area}`, () => {
      const rate = row.case!.startsWith('israte');
      const scale = Number(/(\d+)$/.exec(row.case!)![1]);
      const zeroPop = row.input === 'isr_input_zero_pop';
      const estimate = calculateIsr(bandsFor(row.input!, row.area!), {
        confidence: zeroPop ? 0.95 : [0.95, 0.998],
        type: rate ? 'rate' : 'ratio',
        ...(rate ? { multiplier: scale } : { referenceValue: scale }),
      });
      const columns = estimateColumns(estimate);
      expectMatchesOracle(columns.value, row.value, TOLERANCE);
      expectMatchesOracle(estimate.expected, row.expected, TOLERANCE);
      expect(estimate.observed).toBe(Number(row.observed));
      if (rate) expectMatchesOracle(estimate.referenceRate, row.ref_rate, TOLERANCE);
      if (zeroPop) {
        expectMatchesOracle(columns.lowercl, row.lower95_0cl, TOLERANCE);
        expectMatchesOracle(columns.uppercl, row.upper95_0cl, TOLERANCE);
      } else {
        for (const figure of ['lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'])
          expectMatchesOracle(columns[figure], row[figure], TOLERANCE);
      }
      expect(columns.method).toBe(row.method);
      expect(columns.statistic).toBe(row.statistic);
    });
  }

  it('accepts a supplied observed total (isr_observed_totals.csv gives the same totals)', () => {
    const estimate = calculateIsr(bandsFor('isr_input_with_ref', 'testdata_big'), { observed: 895 });
    expect(estimate.value).toBeCloseTo(1.0707232939020275, 12);
  });
});

describe('worked examples (docs/methods.md)', () => {
  it('ISR: 40 observed against 7 expected', () => {
    // E = 1000 × 100/100000 + 500 × 600/50000 = 1 + 6 = 7; ratio = 40/7 = 5.714285714285714.
    // Byar's 95% for O = 40: 28.57329986643691 and 54.47009932002426, so 4.081899980919558 to 7.781442760003466.
    const estimate = calculateIsr([
      { numerator: 10, denominator: 1000, referenceNumerator: 100, referenceDenominator: 100000 },
      { numerator: 30, denominator: 500, referenceNumerator: 600, referenceDenominator: 50000 },
    ]);
    expect(estimate.expected).toBeCloseTo(7, 12);
    expect(estimate.value).toBeCloseTo(5.714285714285714, 12);
    expect(estimate.limits[0]!.lower).toBeCloseTo(4.081899980919558, 11);
    expect(estimate.limits[0]!.upper).toBeCloseTo(7.781442760003466, 11);
  });
});

describe('bad arguments', () => {
  it('rejects a zero reference population, naming it', () => {
    expect(() =>
      calculateIsr([{ numerator: 1, denominator: 10, referenceNumerator: 1, referenceDenominator: 0 }]),
    ).toThrow(
      expect.objectContaining({
        code: 'FP_STATS_BAD_ARGUMENT',
        problem: expect.objectContaining({ where: { field: 'referenceDenominator' } }),
      }),
    );
  });
  it('gives null with a reason when nothing is expected', () => {
    const estimate = calculateIsr([{ numerator: 1, denominator: 0, referenceNumerator: 5, referenceDenominator: 100 }]);
    expect(estimate.value).toBeNull();
    expect(estimate.reason).toMatch(/expected events are 0/);
  });
});
