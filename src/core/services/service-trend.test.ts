import { describe, expect, it } from 'vitest';
import { serviceTrendYears } from './service-trend.ts';

describe('a service over the years', () => {
  it('gives spend per head and the change on the year before, in year order', () => {
    // £1.0m then £1.1m then £0.99m for 200,000 people: £5.00, £5.50, £4.95 a head; +10%, −10%.
    const years = serviceTrendYears(
      [
        { financialYear: '2024/25', spend: 1_100_000 },
        { financialYear: '2023/24', spend: 1_000_000 },
        { financialYear: '2025/26', spend: 990_000 },
      ],
      200_000,
    );
    expect(years.map((y) => y.financialYear)).toEqual(['2023/24', '2024/25', '2025/26']);
    expect(years.map((y) => y.perHead)).toEqual([5, 5.5, 4.95]);
    expect(years[0]!.change).toBeNull();
    expect(years[1]!.change).toBeCloseTo(0.1, 12);
    expect(years[2]!.change).toBeCloseTo(-0.1, 12);
  });

  it('has no per head without a population and no change after a year of no spend', () => {
    const years = serviceTrendYears(
      [
        { financialYear: '2023/24', spend: 0 },
        { financialYear: '2024/25', spend: 10 },
      ],
      0,
    );
    expect(years.map((y) => y.perHead)).toEqual([null, null]);
    expect(years[1]!.change).toBeNull();
  });
});
