import { describe, expect, it } from 'vitest';
import { parseFinancialYear } from '../units.ts';
import { effectiveBaseYear } from './plan-years.ts';

const year = (text: string) => parseFinancialYear(text)!;
const years = ['2023/24', '2024/25', '2025/26'].map(year);

describe('effective base year', () => {
  it('moves a base year before the data to the earliest year only when the scenario asks for it', () => {
    expect(effectiveBaseYear(year('2016/17'), years, 'earliest')).toBe('2023/24');
    expect(effectiveBaseYear(year('2016/17'), years, undefined)).toBe('2016/17');
  });

  it('keeps a base year with data, one after the earliest, and any year when there is no data', () => {
    expect(effectiveBaseYear(year('2024/25'), years, 'earliest')).toBe('2024/25');
    expect(effectiveBaseYear(year('2030/31'), years, 'earliest')).toBe('2030/31');
    expect(effectiveBaseYear(year('2016/17'), [], 'earliest')).toBe('2016/17');
  });
});
