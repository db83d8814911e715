import { describe, expect, it } from 'vitest';
import type { TieringRules } from '../definitions/delegation-rubric.ts';
import { ageSexRates, expectedPatients } from './expected-patients.ts';
import { occasionalPractice } from './occasional-practice.ts';
import { type FootprintEvidence, footprintVerdict, type Tier, tierOf } from './tier.ts';

const rules: TieringRules = {
  missMargin: 0.1,
  maxMissProbability: 0.1,
  maxOutOfFootprintShare: 0.5,
  maxOccasionalPracticeShare: 0.2,
  defaultMinimumAnnualVolume: 20,
  minimumAnnualVolume: {},
  basis: 'defaults',
};

function fp(footprint: string, kind: Tier, miss: number, out: number, occasional: number): FootprintEvidence {
  return {
    footprint,
    kind,
    population: 1,
    expectedPatients: 1,
    providersUsed: 1,
    outOfFootprintShare: out,
    occasionalProviders: 0,
    occasionalPracticeShare: occasional,
    missProbability: miss,
  };
}

describe('tiering', () => {
  it('Tiering: a toy geography', () => {
    const icbs = [
      fp('A', 'icb', 0.06, 0.3, 0),
      fp('B', 'icb', 0.22, 0.4, 0),
      fp('C', 'icb', 0.08, 0.2, 0.1),
      fp('D', 'icb', 0.09, 0.6, 0),
    ];
    const s = [
      ...icbs,
      fp('G1', 'multi-icb', 0.04, 0.25, 0),
      fp('G2', 'multi-icb', 0.05, 0.15, 0.05),
      fp('R', 'region', 0.01, 0.1, 0),
    ];
    expect(footprintVerdict(icbs[1]!, rules)).toEqual({ passes: false, fails: ['volatility'] });
    expect(footprintVerdict(icbs[3]!, rules)).toEqual({ passes: false, fails: ['flows'] });
    expect(tierOf(s, rules)).toBe('multi-icb');
    const t = s.map((e) => (e.footprint === 'G2' ? { ...e, occasionalPracticeShare: 0.3 } : e));
    expect(tierOf(t, rules)).toBe('region');
  });

  it('tiers to the ICB when every ICB passes', () => {
    expect(tierOf([fp('A', 'icb', 0.05, 0.1, 0), fp('B', 'icb', 0.1, 0.5, 0.2)], rules)).toBe('icb');
  });

  it('Expected patients: England rate times footprint population', () => {
    // Rates 50/1,000,000, 30/1,000,000, 40/100,000; 20,000·0.00005 + 10,000·0.00003 + 2,500·0.0004 = 2.3.
    const rates = ageSexRates(
      [
        { ageBand: '0-4', sex: 'M', count: 50 },
        { ageBand: '0-4', sex: 'F', count: 30 },
        { ageBand: '90+', sex: 'M', count: 40 },
      ],
      [
        { ageBand: '0-4', sex: 'M', count: 1_000_000 },
        { ageBand: '0-4', sex: 'F', count: 1_000_000 },
        { ageBand: '90+', sex: 'M', count: 100_000 },
      ],
    );
    const footprint = [
      { ageBand: '0-4', sex: 'M', count: 20_000 },
      { ageBand: '0-4', sex: 'F', count: 10_000 },
      { ageBand: '90+', sex: 'M', count: 2_500 },
    ];
    expect(expectedPatients(rates, footprint)).toBeCloseTo(2.3, 12);
  });

  it('spreads patients of unknown age or sex over the known cells', () => {
    // 10 known + 10 unknown patients in 1,000 people: the rate doubles to 0.02.
    const rates = ageSexRates(
      [
        { ageBand: '0-4', sex: 'M', count: 10 },
        { ageBand: '0-4', sex: 'U', count: 10 },
      ],
      [{ ageBand: '0-4', sex: 'M', count: 1000 }],
    );
    expect(rates.get('0-4|M')).toBeCloseTo(0.02, 12);
  });

  it('Occasional practice: providers below the minimum volume', () => {
    const result = occasionalPractice(
      [
        { providerCode: 'P1', patients: 80 },
        { providerCode: 'P2', patients: 15 },
        { providerCode: 'P3', patients: 5 },
      ],
      new Map([
        ['P1', 120],
        ['P2', 15],
        ['P3', 4],
      ]),
      20,
    );
    expect(result).toEqual({ providers: ['P2', 'P3'], share: 0.2 });
  });
});
