import { describe, expect, it } from 'vitest';
import { FootprintError } from '../../core/errors.ts';
import { DEFAULT_VINTAGE, GEOGRAPHY_VINTAGES } from '../../core/geography/vintage.ts';
import { parseVintage } from './geography.ts';

describe('parseVintage', () => {
  it('accepts the two vintages, 2026 first and the default', () => {
    expect(GEOGRAPHY_VINTAGES).toEqual(['2026', '2023']);
    expect(DEFAULT_VINTAGE).toBe('2026');
    expect(parseVintage(' 2023 ')).toBe('2023');
  });

  it('rejects anything else with FP_GEOGRAPHY_UNKNOWN_VINTAGE naming the option', () => {
    try {
      parseVintage('2022');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FootprintError);
      expect((error as FootprintError).problem).toMatchObject({
        code: 'FP_GEOGRAPHY_UNKNOWN_VINTAGE',
        where: { parameter: '--geography' },
        received: '2022',
        accepted: '2026, 2023',
      });
    }
  });
});
