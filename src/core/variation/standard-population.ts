// The standard population the atlas standardises to: the European Standard Population 2013 by five-year
// age band, split equally between males and females (ESP 2013 has no sex split). Standardising by age and
// sex with half weights gives the mean of the male and female age-standardised rates.
import { AGE_BANDS, type AgeBand, ESP_2013 } from '../population/age-bands.ts';

export const STANDARD_POPULATION_NAME = 'European Standard Population 2013, split equally by sex';

export interface StandardBand {
  ageBand: AgeBand;
  sex: 'M' | 'F';
  /** 'M 0-4', 'F 90+', …: the key the atlas uses for an age-sex band. */
  key: string;
  weight: number;
}

export const bandKey = (sex: 'M' | 'F', ageBand: string): string => `${sex} ${ageBand}`;

export const AGE_SEX_STANDARD: readonly StandardBand[] = (['M', 'F'] as const).flatMap((sex) =>
  AGE_BANDS.map((ageBand, i) => ({ ageBand, sex, key: bandKey(sex, ageBand), weight: ESP_2013[i]! / 2 })),
);
