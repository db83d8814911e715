import { describe, expect, it } from 'vitest';
import { checkDerogation, isCalendarDate, isOverdue } from './derogation.ts';

describe('derogations', () => {
  it('accepts a complete derogation and names each bad field', () => {
    expect(
      checkDerogation({ providerCode: 'RJ7', serviceCode: '13X', clause: '3.2', agreedDate: '2027-03-31' }),
    ).toEqual([]);
    const problems = checkDerogation({
      providerCode: 'R J7',
      serviceCode: ' ',
      clause: '',
      agreedDate: '31/03/2027',
      status: 'closed' as never,
    });
    expect(problems.map((p) => p.where?.field)).toEqual([
      'providerCode',
      'serviceCode',
      'clause',
      'agreedDate',
      'status',
    ]);
    expect(problems[0]!.code).toBe('FP_DEROGATION_BAD_INPUT');
  });

  it('knows real dates and judges overdue only for open derogations', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isOverdue('open', '2026-03-31', '2026-04-01')).toBe(true);
    expect(isOverdue('compliant', '2026-03-31', '2026-04-01')).toBe(false);
    expect(isOverdue('open', '2026-03-31', '2026-03-31')).toBe(false);
  });
});
