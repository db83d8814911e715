import { describe, expect, it } from 'vitest';
import { expectMatchesOracle, oracleNumber, readOracle } from '../../../test/fixtures/oracles/read-oracle.ts';
import { assignFunnelSignificance } from './funnel-significance.ts';

describe('funnel significance against PHEindicatormethods', () => {
  it('proportions (funnel_prop_inputs.csv)', () => {
    const rows = readOracle('indicators/funnel_prop_inputs.csv');
    const result = assignFunnelSignificance(
      rows.map((r) => ({ numerator: Number(r.numerator), denominator: Number(r.denominator) })),
      { statistic: 'proportion', multiplier: 100 },
    );
    expect(result.units.map((u) => u.significance)).toEqual(rows.map((r) => r.significance));
  });

  it('ratios (funnel_ratio_inputs.csv)', () => {
    const rows = readOracle('indicators/funnel_ratio_inputs.csv');
    const result = assignFunnelSignificance(
      rows.map((r) => ({ numerator: Number(r.obs), denominator: Number(r.expected) })),
      { statistic: 'ratio' },
    );
    expect(result.units.map((u) => u.significance)).toEqual(rows.map((r) => r.significance));
  });

  // Each column of funnel_rate_significance_inputs.csv is one reference test: rate type, multiplier, and
  // whether the unit with 0 events (the last row) is included.
  const rateCases = [
    { column: 'dsr_per_100000_with_0', rate: 'rate_dsr', rateType: 'dsr', multiplier: 1e5, zero: true },
    { column: 'dsr_per_100000_without_0', rate: 'rate_dsr', rateType: 'dsr', multiplier: 1e5, zero: false },
    { column: 'dsr_per_100_without_0', rate: 'rate_dsr', rateType: 'dsr', multiplier: 100, zero: false },
    {
      column: 'crude_per_100000_with_0',
      rate: 'rate_crude_per_100000',
      rateType: 'crude',
      multiplier: 1e5,
      zero: true,
    },
    { column: 'crude_per_100_with_0', rate: 'rate_crude_per_100', rateType: 'crude', multiplier: 100, zero: true },
    {
      column: 'crude_per_100000_without_0',
      rate: 'rate_crude_per_100000',
      rateType: 'crude',
      multiplier: 1e5,
      zero: false,
    },
    { column: 'crude_per_100_without_0', rate: 'rate_crude_per_100', rateType: 'crude', multiplier: 100, zero: false },
  ] as const;
  for (const c of rateCases) {
    it(`rates: ${c.column} (funnel_rate_significance_inputs.csv)`, () => {
      // The reference's DSR-per-100 test passes the per-100,000 DSRs with multiplier 100; the derived
      // populations shrink a thousandfold together, so the labels are the same.
      const rows = readOracle('indicators/funnel_rate_significance_inputs.csv').filter(
        (r) => c.zero || r.count !== '0',
      );
      const result = assignFunnelSignificance(
        rows.map((r) => ({ numerator: Number(r.count), denominator: Number(r.pop), rate: oracleNumber(r[c.rate]) })),
        { statistic: 'rate', rateType: c.rateType, multiplier: c.multiplier },
      );
      expect(result.units.map((u) => u.significance)).toEqual(rows.map((r) => r[c.column]));
    });
  }
});

describe('funnel plotting points against PHEindicatormethods (funnel_rate_limits_inputs.csv)', () => {
  const rows = readOracle('indicators/funnel_rate_limits_inputs.csv');
  const mostEvents = Math.max(...rows.map((r) => Number(r.ev)));
  // Figures printed to 10 significant digits.
  const TOLERANCE = 1e-9;

  it('DSRs over 3 years, the largest unit given 5 events: not plotted', () => {
    const result = assignFunnelSignificance(
      rows.map((r) => ({ numerator: Number(r.ev) === mostEvents ? 5 : Number(r.ev), rate: Number(r.rate) })),
      { statistic: 'rate', rateType: 'dsr', yearsOfData: 3 },
    );
    rows.forEach((r, i) => {
      expectMatchesOracle(result.units[i]!.value, r.rate_chart, TOLERANCE);
      expectMatchesOracle(result.units[i]!.denominator, r.denominator_derived, TOLERANCE);
    });
    expect(result.warnings.map((w) => w.code)).toEqual(['FPW008']);
  });

  it('crude rates over 3 years', () => {
    const result = assignFunnelSignificance(
      rows.map((r) => ({ numerator: Number(r.ev), rate: Number(r.rate) })),
      { statistic: 'rate', rateType: 'crude', yearsOfData: 3 },
    );
    rows.forEach((r, i) => {
      expectMatchesOracle(result.units[i]!.value, r.rate_chart_crude, TOLERANCE);
      expectMatchesOracle(result.units[i]!.denominator, r.denominator_derived_crude, TOLERANCE);
    });
  });

  it('crude rates over 5 years, the largest unit given 0 events and its population', () => {
    const result = assignFunnelSignificance(
      rows.map((r) => ({
        numerator: Number(r.ev) === mostEvents ? 0 : Number(r.ev),
        rate: Number(r.rate),
        denominator: Number(r.pop),
      })),
      { statistic: 'rate', rateType: 'crude', yearsOfData: 5 },
    );
    rows.forEach((r, i) => {
      expectMatchesOracle(result.units[i]!.value, r.rate_chart_crude_with_denom, TOLERANCE);
      expectMatchesOracle(result.units[i]!.denominator, r.denominator_derived_crude_with_denom, TOLERANCE);
    });
  });
});

describe('worked examples (docs/methods.md)', () => {
  it('Funnel: 62 of 100 against a 50% baseline is High (0.025)', () => {
    // Units 62/100 and 38/100: θ = 100/200 = ½. At n = 100 the 95% limits are 0.5 ± 0.0979981992 and the
    // 99.8% limits 0.5 ± 0.1545116153 (see the limits example). 0.62 > 0.5980 but < 0.6545: High (0.025);
    // 0.38 < 0.4020 but > 0.3455: Low (0.025).
    const result = assignFunnelSignificance(
      [
        { numerator: 62, denominator: 100 },
        { numerator: 38, denominator: 100 },
      ],
      { statistic: 'proportion', multiplier: 100 },
    );
    expect(result.units.map((u) => u.significance)).toEqual(['High (0.025)', 'Low (0.025)']);
    expect(result.units[0]).toMatchObject({ value: 62, denominator: 100 });
  });

  it('Funnel: 4 observed against 1 expected', () => {
    // Exact limits for O = 4 (chi-square tables): 95% lower ½χ²₈(0.025) = 1.0898654, 99.8% lower ½χ²₈(0.001)
    // = 0.4285524. O/E limits with E = 1: 1.09 > 1 (High at 95%) but 0.43 < 1: High (0.025).
    const result = assignFunnelSignificance([{ numerator: 4, denominator: 1 }], { statistic: 'ratio' });
    expect(result.units[0]!.significance).toBe('High (0.025)');
  });
});

describe('bad input names the unit and field', () => {
  const cases: [
    string,
    Parameters<typeof assignFunnelSignificance>[0],
    Parameters<typeof assignFunnelSignificance>[1],
    object,
  ][] = [
    [
      'negative numerator',
      [
        { numerator: 3, denominator: 10 },
        { numerator: -1, denominator: 10 },
      ],
      { statistic: 'proportion' },
      { row: 2, field: 'numerator' },
    ],
    [
      'zero denominator',
      [{ numerator: 0, denominator: 0 }],
      { statistic: 'proportion' },
      { row: 1, field: 'denominator' },
    ],
    [
      'numerator above denominator',
      [{ numerator: 11, denominator: 10 }],
      { statistic: 'proportion' },
      { row: 1, field: 'numerator' },
    ],
    ['ratio without expected events', [{ numerator: 4 }], { statistic: 'ratio' }, { row: 1, field: 'denominator' }],
    ['rate without its rate', [{ numerator: 4, rate: null }], { statistic: 'rate' }, { row: 1, field: 'rate' }],
    [
      'crude rate of 0 events without population',
      [
        { numerator: 5, rate: 10 },
        { numerator: 0, rate: 0 },
      ],
      { statistic: 'rate' },
      { row: 2, field: 'denominator' },
    ],
    ['no units', [], { statistic: 'rate' }, { field: 'numerator' }],
    ['no events at all', [{ numerator: 0, rate: 0, denominator: 100 }], { statistic: 'rate' }, { field: 'numerator' }],
    ['unknown statistic', [{ numerator: 1, denominator: 2 }], { statistic: 'mean' as 'ratio' }, { field: 'statistic' }],
    [
      'unknown rate type',
      [{ numerator: 1, rate: 2 }],
      { statistic: 'rate', rateType: 'isr' as 'dsr' },
      { field: 'rateType' },
    ],
    [
      'unknown ratio type',
      [{ numerator: 1, denominator: 2 }],
      { statistic: 'ratio', ratioType: 'smr' as 'isr' },
      { field: 'ratioType' },
    ],
    ['years of data 0', [{ numerator: 1, rate: 2 }], { statistic: 'rate', yearsOfData: 0 }, { field: 'yearsOfData' }],
    [
      'overdispersion with one unit',
      [{ numerator: 1, denominator: 2 }],
      { statistic: 'ratio', overdispersion: true },
      { field: 'overdispersion' },
    ],
    [
      'overdispersion at 100%',
      [
        { numerator: 2, denominator: 2 },
        { numerator: 3, denominator: 3 },
      ],
      { statistic: 'proportion', overdispersion: true },
      { field: 'overdispersion' },
    ],
  ];
  it.each(cases)('%s', (_name, units, options, where) => {
    expect(() => assignFunnelSignificance(units, options)).toThrow(
      expect.objectContaining({ code: 'FP_STATS_BAD_ARGUMENT', problem: expect.objectContaining({ where }) }),
    );
  });
});
