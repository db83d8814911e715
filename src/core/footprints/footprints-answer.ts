// Footprints (GET /api/footprints): each with its member ICBs, their registered population and
// population-basis spend in one year, and its owner.
import { z } from 'zod';
import type { TableColumn } from '../export-columns.ts';
import { provenance } from '../provenance.ts';

export const footprintRow = z.object({
  name: z.string(),
  kind: z.string(),
  description: z.string().nullable(),
  members: z.array(z.string()),
  population: z.number(),
  populationBasisSpend: z.number(),
  owner: z
    .string()
    .nullable()
    .describe('Owning organisation code; null for footprints shipped with the reference data.'),
});
export type FootprintRow = z.infer<typeof footprintRow>;

export const footprintsAnswer = z.object({ rows: z.array(footprintRow), provenance });
export type Footprints = z.infer<typeof footprintsAnswer>;

/** The footprints export: members as space-separated ICB codes. */
export const FOOTPRINT_COLUMNS: TableColumn[] = [
  { key: 'name', header: 'Footprint', kind: 'text' },
  { key: 'kind', header: 'Kind', kind: 'text' },
  { key: 'members', header: 'ICBs', kind: 'text' },
  { key: 'population', header: 'Population', kind: 'number' },
  { key: 'populationBasisSpend', header: 'Population-basis spend (£)', kind: 'money' },
  { key: 'owner', header: 'Owner', kind: 'text' },
];
