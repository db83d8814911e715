// The England overview (GET /api/overview): totals by year on both bases and each ICB's figures for one
// year, with the export's column lists.
import { z } from 'zod';
import type { TableColumn } from '../export-columns.ts';
import { provenance } from '../provenance.ts';

export const overviewIcbRow = z.object({
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  population: z.number(),
  providerBasisSpend: z.number(),
  populationBasisSpend: z.number(),
  difference: z.number().describe('Population basis minus provider basis.'),
  outOfAreaShare: z.number().nullable(),
  spendPerHead: z.number().nullable(),
});
export type OverviewIcb = z.infer<typeof overviewIcbRow>;

export const yearTotals = z.object({
  financialYear: z.string(),
  providerBasisSpend: z.number(),
  populationBasisSpend: z.number(),
});
export type YearTotals = z.infer<typeof yearTotals>;

export const overviewAnswer = z.object({
  years: z.array(z.string()),
  /** null when no activity has been run */
  year: z.string().nullable(),
  totalsByYear: z.array(yearTotals),
  icbs: z.array(overviewIcbRow),
  provenance,
});
export type Overview = z.infer<typeof overviewAnswer>;

export const OVERVIEW_ICB_COLUMNS: TableColumn[] = [
  { key: 'code', header: 'ICB code', kind: 'text' },
  { key: 'name', header: 'ICB', kind: 'text' },
  { key: 'regionName', header: 'Region', kind: 'text' },
  { key: 'population', header: 'Population', kind: 'number' },
  { key: 'providerBasisSpend', header: 'Provider-basis spend (£)', kind: 'money' },
  { key: 'populationBasisSpend', header: 'Population-basis spend (£)', kind: 'money' },
  { key: 'difference', header: 'Difference (£)', kind: 'money' },
  { key: 'outOfAreaShare', header: 'Out-of-area share', kind: 'share' },
  { key: 'spendPerHead', header: 'Spend per head (£)', kind: 'money' },
];

export const YEAR_TOTALS_COLUMNS: TableColumn[] = [
  { key: 'financialYear', header: 'Financial year', kind: 'text' },
  { key: 'providerBasisSpend', header: 'Provider-basis spend (£)', kind: 'money' },
  { key: 'populationBasisSpend', header: 'Population-basis spend (£)', kind: 'money' },
];
