import { describe, expect, it } from 'vitest';
import type { FinancialYear, IcbCode, ServiceCode } from '../units.ts';
import { calculateIcbRates, indexPopulations } from './icb-rates.ts';
import type { PopulationBand, UtilisationCell } from './utilisation-cell.ts';

const icb = (code: string) => code as IcbCode;
const cell = (
  icbCode: string | null,
  ageBand: string | null,
  sex: 'M' | 'F' | null,
  activity: number,
  spendPounds = 0,
): UtilisationCell => ({
  financialYear: '2024/25' as FinancialYear,
  icbCode: icbCode === null ? null : icb(icbCode),
  serviceCode: 'S1' as ServiceCode,
  ageBand,
  sex,
  activity,
  patients: null,
  spendPence: spendPounds * 100,
  rows: 1,
});
const population = (icbCode: string, sex: 'M' | 'F', persons: number): PopulationBand => ({
  icbCode: icb(icbCode),
  ageBand: '0-4',
  sex,
  persons,
});

describe('ICB rates', () => {
  // ICB A: 1,000 males and 1,000 females aged 0-4 (its only populated bands); 20 and 30 events, and 5 more
  // with no sex. Each band's weight is half the ESP 2013 0-4 weight: 2,500, so W = 5,000.
  const populations = indexPopulations([population('A', 'M', 1000), population('A', 'F', 1000)]);
  const cells = [
    cell('A', '0-4', 'M', 20),
    cell('A', '0-4', 'F', 30),
    cell('A', '0-4', null, 5),
    cell(null, '0-4', 'M', 7),
  ];

  it('Atlas: crude rate counts every event of the ICB, standardised rate those with age and sex', () => {
    const [a] = calculateIcbRates(cells, populations, 'activity');
    // Crude: 55 / 2,000 × 100,000 = 2,750. The 7 events with no ICB belong to nobody.
    expect(a).toMatchObject({ icbCode: 'A', events: 55, standardisedEvents: 50, population: 2000 });
    expect(a!.crude.value).toBeCloseTo(2750, 9);
    expect(a!.crude.method).toBe('Byars');
    // DSR = 100,000 × (20·2500/1000 + 30·2500/1000) / 5000 = 2,500.
    // Var = (20 + 30)·2.5² / 5000² = 1.25e-5; √(Var/O) = √(2.5e-7) = 5e-4, × M = 50.
    // Byar's 95% for O = 50: 37.108100 and 65.920157 (docs/methods.md), so
    // lower = 2500 + 50·(37.108100 − 50) = 1855.405; upper = 2500 + 50·15.920157 = 3296.00785.
    expect(a!.standardised.value).toBeCloseTo(2500, 9);
    expect(a!.standardised.lower95).toBeCloseTo(1855.405, 2);
    expect(a!.standardised.upper95).toBeCloseTo(3296.008, 2);
    expect(a!.standardised.lower998!).toBeLessThan(a!.standardised.lower95!);
    expect(a!.standardised.method).toBe('Dobson');
  });

  it('Atlas: spend per head, crude and standardised, has no limits', () => {
    // Males 1,000 spend £2,000; females 3,000 spend £3,000. Crude = 5,000 / 4,000 = £1.25 per head.
    // Standardised = (2,000/1,000 · 2,500 + 3,000/3,000 · 2,500) / 5,000 = £1.50.
    const pops = indexPopulations([population('A', 'M', 1000), population('A', 'F', 3000)]);
    const [a] = calculateIcbRates([cell('A', '0-4', 'M', 1, 2000), cell('A', '0-4', 'F', 1, 3000)], pops, 'spend');
    expect(a!.crude.value).toBeCloseTo(1.25, 12);
    expect(a!.standardised.value).toBeCloseTo(1.5, 12);
    expect(a!.standardised.lower95).toBeNull();
  });

  it('an ICB with no activity has a rate of 0; fewer than 10 events suppress the standardised rate', () => {
    const pops = indexPopulations([population('A', 'M', 1000), population('B', 'M', 1000)]);
    const rates = calculateIcbRates([cell('A', '0-4', 'M', 4)], pops, 'activity');
    const b = rates.find((r) => r.icbCode === 'B')!;
    expect(b.crude.value).toBe(0);
    expect(b.crude.method).toBe('Exact');
    const a = rates.find((r) => r.icbCode === 'A')!;
    expect(a.standardised.value).toBeNull();
    expect(a.standardised.note).toBe('dsr NA for total count < 10');
  });

  it('gives no patients rates when no cell gives patients', () => {
    expect(calculateIcbRates(cells, populations, 'patients')).toEqual([]);
  });
});
