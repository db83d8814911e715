import { describe, expect, it } from 'vitest';
import { groupMeasures, providerComparisonYears } from './provider-profile.ts';

// Worked by hand. P1 in 2024/25: income £100, £40 of it for other ICBs' residents, 10 patients on rows
// costing £90. P2: £300, £60, 20 patients on £200. In 2023/24 P1 had £80 and P2 £320.
const figures = [
  { providerCode: 'P1', financialYear: '2024/25', income: 100, incomeFromOutside: 40, patients: 10, patientCost: 90 },
  { providerCode: 'P2', financialYear: '2024/25', income: 300, incomeFromOutside: 60, patients: 20, patientCost: 200 },
  { providerCode: 'P1', financialYear: '2023/24', income: 80, incomeFromOutside: 20, patients: 0, patientCost: 0 },
  { providerCode: 'P2', financialYear: '2023/24', income: 320, incomeFromOutside: 0, patients: 0, patientCost: 0 },
];

describe('provider comparison (docs/methods.md, "Similar providers")', () => {
  it('takes a group as one place: sums first, then the ratios', () => {
    const group = groupMeasures(figures, new Set(['P1', 'P2']), '2024/25', '2023/24');
    expect(group.income).toBe(400);
    expect(group.perPatient).toBeCloseTo(290 / 30, 10);
    expect(group.outsideShare).toBe(0.25);
    expect(group.change).toBe(0);
  });

  it('gives the provider its own figures and the change on the year before', () => {
    const [first, second] = providerComparisonYears(
      figures,
      { provider: 'P1', region: new Set(['P1', 'P2']), peers: new Set() },
      ['2023/24', '2024/25'],
    );
    expect(first!.provider).toEqual({ income: 80, perPatient: null, outsideShare: 0.25, change: null });
    expect(second!.provider).toEqual({ income: 100, perPatient: 9, outsideShare: 0.4, change: 0.25 });
    expect(second!.england.income).toBe(400);
    // No peers: no peer figures, rather than zeros.
    expect(second!.peers).toBeNull();
  });
});
