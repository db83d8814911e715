// The places answer as export tables (GET /api/icbs/:code/places?format=xlsx|csv): places, neighbourhoods,
// their age and sex, and the practices, with the column lists of core/places/places-answer.ts.
import {
  type IcbPlaces,
  PLACE_AGE_SEX_COLUMNS,
  PLACE_PRACTICE_COLUMNS,
  placeAreaColumns,
} from '../../core/places/places-answer.ts';
import type { Table, TableRow } from '../export/table.ts';

function areaTable(name: string, level: string, areas: IcbPlaces['places']): Table {
  return {
    name,
    columns: placeAreaColumns(level),
    rows: areas.map((a) => ({ ...a, practices: a.practices.length, ageSex: null })),
  };
}

function ageSexTable(answer: IcbPlaces): Table {
  const rows = [
    ...answer.places.map((a) => ({ level: 'place', a })),
    ...answer.neighbourhoods.map((a) => ({ level: 'neighbourhood', a })),
  ].flatMap(({ level, a }) =>
    a.ageSex.map((c) => ({ level, name: a.name, sex: c.sex, ageBand: c.ageBand, persons: c.persons })),
  );
  return { name: 'Age and sex', columns: PLACE_AGE_SEX_COLUMNS, rows };
}

export function placesTables(answer: IcbPlaces): Table[] {
  return [
    areaTable('Places', 'Place', answer.places),
    areaTable('Neighbourhoods', 'Neighbourhood', answer.neighbourhoods),
    ageSexTable(answer),
    { name: 'Practices', columns: PLACE_PRACTICE_COLUMNS, rows: answer.practices as unknown as TableRow[] },
  ];
}
