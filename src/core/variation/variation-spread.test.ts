import { describe, expect, it } from 'vitest';
import { measureSpread } from './variation-spread.ts';

describe('spread of standardised rates across ICBs', () => {
  it('Atlas: coefficient of variation and interquartile range of 10, 20, 30, 40', () => {
    // mean 25; sd = √((15² + 5² + 5² + 15²)/3) = √(500/3) = 12.909944487358056; cv = 0.5163977794943222.
    // Type 7 quantiles: h = 3p; q1 = 10 + 0.75·10 = 17.5, median 25, q3 = 30 + 0.25·10 = 32.5; IQR 15.
    const spread = measureSpread([40, 10, 30, 20]);
    expect(spread.mean).toBe(25);
    expect(spread.sd).toBeCloseTo(12.909944487358056, 12);
    expect(spread.cv).toBeCloseTo(0.5163977794943222, 12);
    expect(spread).toMatchObject({ units: 4, q1: 17.5, median: 25, q3: 32.5, iqr: 15 });
  });

  it('one rate has no spread; none has no figures', () => {
    expect(measureSpread([7])).toMatchObject({ units: 1, mean: 7, sd: null, cv: null, iqr: 0 });
    expect(measureSpread([])).toMatchObject({ units: 0, mean: null, cv: null });
  });
});
