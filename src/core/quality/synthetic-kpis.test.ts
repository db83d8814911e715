import { describe, expect, it } from 'vitest';
import { generateSyntheticKpis, monthsEnding } from './synthetic-kpis.ts';

describe('synthetic KPIs', () => {
  const subjects = [
    { providerCode: 'RJ7', serviceCode: '13X' },
    { providerCode: 'RJZ', serviceCode: '11' },
  ];

  it('the same seed gives the same KPIs; three KPIs of 24 months per subject', () => {
    const a = generateSyntheticKpis(subjects, { seed: 1, lastMonth: '2026-03' });
    expect(generateSyntheticKpis(subjects, { seed: 1, lastMonth: '2026-03' })).toEqual(a);
    expect(a.definitions).toHaveLength(6);
    expect(a.values).toHaveLength(6 * 24);
    expect(generateSyntheticKpis(subjects, { seed: 2, lastMonth: '2026-03' }).values).not.toEqual(a.values);
  });

  it('counts months back across a year end', () => {
    expect(monthsEnding('2026-02', 3)).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
  });
});
