import { describe, expect, it } from 'vitest';
import { penceText, percentText, poundsText, ratioText } from './human-format.ts';

describe('CLI number formats', () => {
  it('writes pounds with separators and two decimals, rounded to the penny, exactly for decimal strings', () => {
    expect(poundsText('12050.00')).toBe('£12,050.00');
    expect(poundsText('14378570.371113483')).toBe('£14,378,570.37');
    expect(poundsText(14378570.371113483)).toBe('£14,378,570.37');
    expect(poundsText('900719925474099312.5')).toBe('£900,719,925,474,099,312.50');
    expect(poundsText('-3.1')).toBe('-£3.10');
    expect(poundsText('0.999')).toBe('£1.00');
    expect(poundsText('-2.345')).toBe('-£2.35');
    expect(poundsText('-0.00')).toBe('£0.00');
    expect(poundsText('0')).toBe('£0.00');
    expect(poundsText('999')).toBe('£999.00');
  });

  it('writes whole pence as pounds exactly', () => {
    expect(penceText(123456789)).toBe('£1,234,567.89');
    expect(penceText(-5)).toBe('-£0.05');
    expect(penceText(0)).toBe('£0.00');
  });

  it('writes shares as percentages and ratios to three significant figures', () => {
    expect(percentText(0.2345)).toBe('23.4%');
    expect(percentText(1)).toBe('100.0%');
    expect(percentText(Number.NaN)).toBe('n/a');
    expect(ratioText(0.041234567)).toBe('0.0412');
    expect(ratioText(1.23456)).toBe('1.23');
  });
});
