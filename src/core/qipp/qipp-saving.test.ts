import { describe, expect, it } from 'vitest';
import type { DoNothingLine } from '../growth/do-nothing.ts';
import type { FinancialYear, ProviderCode, ServiceCode } from '../units.ts';
import { qippSavings } from './qipp-saving.ts';
import type { QippScheme } from './qipp-scheme.ts';

/** Matches a thrown FootprintError by its problem's code and location. */
const problem = (code: string, where: object) =>
  expect.objectContaining({ problem: expect.objectContaining({ code, where }) });

const line = (provider: string, pod: DoNothingLine['pod'], planYear: number, doNothing: number): DoNothingLine => ({
  provider: provider as ProviderCode,
  service: 'S1' as ServiceCode,
  pod,
  planYear,
  financialYear: (planYear === 1 ? '2025/26' : '2026/27') as FinancialYear,
  previous: 0,
  demographicGrowth: 0,
  nonDemographicGrowth: 0,
  inflation: 0,
  doNothing,
});
const lines = [
  line('P1', 'APC_EL', 1, 1_000_000),
  line('P1', 'APC_EL', 2, 1_100_000),
  line('P2', 'HCD', 1, 500_000),
  line('P2', 'HCD', 2, 550_000),
];
const pathways: QippScheme = {
  name: 'Pathways',
  type: 'transformational',
  scope: {},
  rates: [0.03, 0.01],
  startMonth: [7, 1],
};
const drugs: QippScheme = { name: 'Drugs', type: 'transactional', scope: { pods: ['HCD'] }, rates: [0.02, 0.01] };

const total = (savings: ReturnType<typeof qippSavings>, keep: (s: (typeof savings)[number]) => boolean) =>
  savings.filter(keep).reduce((sum, s) => sum + s.saving, 0);

describe('QIPP savings', () => {
  it('Worked example (QIPP savings by scheme, type and provider)', () => {
    const savings = qippSavings(lines, [pathways, drugs], 2);
    const y1 = (s: { planYear: number }) => s.planYear === 1;
    const y2 = (s: { planYear: number }) => s.planYear === 2;
    // Year 1: Pathways 1,500,000 × 0.015 = 22,500 (P1 15,000, P2 7,500); Drugs 500,000 × 0.02 = 10,000.
    expect(total(savings, (s) => y1(s) && s.scheme === 'Pathways')).toBeCloseTo(22_500, 6);
    expect(total(savings, (s) => y1(s) && s.scheme === 'Pathways' && s.provider === 'P1')).toBeCloseTo(15_000, 6);
    expect(total(savings, (s) => y1(s) && s.scheme === 'Pathways' && s.provider === 'P2')).toBeCloseTo(7_500, 6);
    expect(total(savings, (s) => y1(s) && s.type === 'transactional')).toBeCloseTo(10_000, 6);
    expect(total(savings, (s) => y1(s) && s.type === 'transformational')).toBeCloseTo(22_500, 6);
    // Plan spend year 1: 1,500,000 − 32,500 = 1,467,500.
    expect(1_500_000 - total(savings, y1)).toBeCloseTo(1_467_500, 6);
    // Year 2: Pathways 1,650,000 × 0.04 = 66,000 (P1 44,000, P2 22,000); Drugs 550,000 × 0.03 = 16,500.
    expect(total(savings, (s) => y2(s) && s.scheme === 'Pathways')).toBeCloseTo(66_000, 6);
    expect(total(savings, (s) => y2(s) && s.scheme === 'Pathways' && s.provider === 'P1')).toBeCloseTo(44_000, 6);
    expect(total(savings, (s) => y2(s) && s.scheme === 'Pathways' && s.provider === 'P2')).toBeCloseTo(22_000, 6);
    expect(total(savings, (s) => y2(s) && s.scheme === 'Drugs')).toBeCloseTo(16_500, 6);
    // Plan spend year 2: 1,650,000 − 82,500 = 1,567,500.
    expect(1_650_000 - total(savings, y2)).toBeCloseTo(1_567_500, 6);
  });

  it('saves only on the providers a scheme is scoped to', () => {
    const savings = qippSavings(lines, [{ ...drugs, scope: { providers: ['P1'] } }], 2);
    // P1 APC_EL: 1,000,000 × 0.02 = 20,000 in year 1; no P2 lines.
    expect(savings.every((s) => s.provider === 'P1')).toBe(true);
    expect(total(savings, (s) => s.planYear === 1)).toBeCloseTo(20_000, 6);
  });

  it('FP_PLAN_BAD_RATE names the scheme and year', () => {
    expect(() => qippSavings(lines, [pathways, { ...drugs, rates: [0.02, 1] }], 2)).toThrow(
      problem('FP_PLAN_BAD_RATE', { field: 'qipp[1].rates[1]' }),
    );
  });

  it('FP_PLAN_BAD_START_MONTH names the scheme and year', () => {
    expect(() => qippSavings(lines, [{ ...pathways, startMonth: [13, 1] }], 2)).toThrow(
      problem('FP_PLAN_BAD_START_MONTH', { field: 'qipp[0].startMonth[0]' }),
    );
  });

  it('FP_PLAN_CUMULATIVE_SAVING when a scheme’s rates add up to more than 1', () => {
    expect(() => qippSavings(lines, [{ ...drugs, rates: [0.6, 0.5] }], 2)).toThrow(
      problem('FP_PLAN_CUMULATIVE_SAVING', { field: 'qipp[0].rates' }),
    );
  });

  it('FP_PLAN_SAVINGS_EXCEED_SPEND when schemes covering the same spend save more than all of it', () => {
    const big = { ...drugs, rates: [0.6, 0] };
    expect(() => qippSavings(lines, [big, { ...big, name: 'Again' }], 2)).toThrow(
      problem('FP_PLAN_SAVINGS_EXCEED_SPEND', { field: 'qipp' }),
    );
  });

  it('FP_PLAN_ARRAY_LENGTH when a scheme has too few rates', () => {
    expect(() => qippSavings(lines, [{ ...drugs, rates: [0.02] }], 2)).toThrow(
      problem('FP_PLAN_ARRAY_LENGTH', { field: 'qipp[0].rates' }),
    );
  });
});
