// Places and neighbourhoods below an ICB (GET /api/icbs/:code/places): their populations, size flags,
// practices and the place groupings defined for the ICB.
import { z } from 'zod';
import type { TableColumn } from '../export-columns.ts';
import { AGE_BANDS } from '../population/age-bands.ts';
import { provenance } from '../provenance.ts';

export const sizeFlag = z.enum(['below-usual-size', 'within-usual-size', 'above-usual-size']);
export const ageSexCell = z.object({ sex: z.enum(['M', 'F']), ageBand: z.enum(AGE_BANDS), persons: z.number() });
export const area = z.object({
  id: z.string(),
  name: z.string(),
  practices: z.array(z.string()),
  population: z.number(),
  sizeFlag,
  ageSex: z.array(ageSexCell),
  activity: z.number().nullable().describe('From activity rows carrying a practice of this area; null when none do.'),
  spend: z.number().nullable(),
});
export type AreaSummary = z.infer<typeof area>;

export const grouping = z.object({
  name: z.string(),
  icbCode: z.string(),
  description: z.string().nullable(),
  owner: z.string(),
  places: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type PlaceGroupingSummary = z.infer<typeof grouping>;

export const placePractice = z.object({
  code: z.string(),
  name: z.string(),
  place: z.string(),
  neighbourhood: z.string(),
  population: z.number(),
});

/** What the data layer reads for an ICB; the answer adds the groupings, usual sizes and provenance. */
export type IcbPlaces = Omit<z.infer<typeof placesAnswer>, 'groupings' | 'usualSize' | 'provenance'>;

export const placesAnswer = z.object({
  icbCode: z.string(),
  icbName: z.string(),
  regionCode: z.string(),
  population: z.number(),
  systemSizeFlag: sizeFlag,
  grouping: z.string().nullable(),
  places: z.array(area),
  neighbourhoods: z.array(area),
  practices: z.array(placePractice),
  practiceCoded: z
    .object({ dataset: z.string(), financialYear: z.string(), activity: z.number(), spend: z.number() })
    .nullable(),
  groupings: z.array(grouping),
  usualSize: z.object({
    system: z.object({ min: z.number(), max: z.number() }),
    place: z.object({ min: z.number(), max: z.number() }),
    neighbourhood: z.object({ min: z.number(), max: z.number() }),
  }),
  provenance,
});
export type IcbPlacesAnswer = z.infer<typeof placesAnswer>;

/** The places (or neighbourhoods) export: one row an area, its practices counted. */
export function placeAreaColumns(level: string): TableColumn[] {
  return [
    { key: 'name', header: level, kind: 'text' },
    { key: 'practices', header: 'GP practices', kind: 'number' },
    { key: 'population', header: 'Population', kind: 'number' },
    { key: 'sizeFlag', header: 'Size against the usual range', kind: 'text' },
    { key: 'activity', header: 'Activity (practice-coded)', kind: 'number' },
    { key: 'spend', header: 'Spend (practice-coded, £)', kind: 'money' },
  ];
}

export const PLACE_AGE_SEX_COLUMNS: TableColumn[] = [
  { key: 'level', header: 'Level', kind: 'text' },
  { key: 'name', header: 'Place or neighbourhood', kind: 'text' },
  { key: 'sex', header: 'Sex', kind: 'text' },
  { key: 'ageBand', header: 'Age band', kind: 'text' },
  { key: 'persons', header: 'Persons', kind: 'number' },
];

export const PLACE_PRACTICE_COLUMNS: TableColumn[] = [
  { key: 'code', header: 'Practice', kind: 'text' },
  { key: 'name', header: 'Name', kind: 'text' },
  { key: 'place', header: 'Place', kind: 'text' },
  { key: 'neighbourhood', header: 'Neighbourhood', kind: 'text' },
  { key: 'population', header: 'Population', kind: 'number' },
];
