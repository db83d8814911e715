// The 19 five-year age bands of the European Standard Population 2013, and its weights.

export const AGE_BANDS = [
  '0-4',
  '5-9',
  '10-14',
  '15-19',
  '20-24',
  '25-29',
  '30-34',
  '35-39',
  '40-44',
  '45-49',
  '50-54',
  '55-59',
  '60-64',
  '65-69',
  '70-74',
  '75-79',
  '80-84',
  '85-89',
  '90+',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** European Standard Population 2013 per 100,000, by the bands above (Eurostat 2013, as used by
 * PHEindicatormethods' `esp2013`). */
export const ESP_2013: readonly number[] = [
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
];

/** The band a single year of age falls in (90 and over share one band). */
export function ageBandOf(age: number): AgeBand {
  const index = Math.min(Math.floor(age / 5), AGE_BANDS.length - 1);
  return AGE_BANDS[index]!;
}
