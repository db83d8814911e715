// The atlas as export tables (one column model for the command line's CSV/JSON/XLSX and the API's Excel and
// CSV downloads), so a file holds exactly the figures on screen.
import type { Table, TableColumn, TableRow } from '../export/table.ts';
import type { AtlasRateRow, AtlasVariationRow } from './read-atlas.ts';

const RATE_COLUMNS: TableColumn[] = [
  { key: 'financialYear', header: 'Financial year', kind: 'text' },
  { key: 'serviceCode', header: 'Service', kind: 'text' },
  { key: 'serviceName', header: 'Service name', kind: 'text' },
  { key: 'icbCode', header: 'ICB', kind: 'text' },
  { key: 'icbName', header: 'ICB name', kind: 'text' },
  { key: 'measure', header: 'Measure', kind: 'text' },
  { key: 'events', header: 'Events (all ages)', kind: 'number' },
  { key: 'standardisedEvents', header: 'Events with age and sex', kind: 'number' },
  { key: 'population', header: 'Registered population', kind: 'number' },
  { key: 'crudeRate', header: 'Crude rate', kind: 'number' },
  { key: 'crudeLower95', header: 'Crude lower 95%', kind: 'number' },
  { key: 'crudeUpper95', header: 'Crude upper 95%', kind: 'number' },
  { key: 'crudeLower998', header: 'Crude lower 99.8%', kind: 'number' },
  { key: 'crudeUpper998', header: 'Crude upper 99.8%', kind: 'number' },
  { key: 'crudeMethod', header: 'Crude method', kind: 'text' },
  { key: 'standardisedRate', header: 'Standardised rate', kind: 'number' },
  { key: 'standardisedLower95', header: 'Standardised lower 95%', kind: 'number' },
  { key: 'standardisedUpper95', header: 'Standardised upper 95%', kind: 'number' },
  { key: 'standardisedLower998', header: 'Standardised lower 99.8%', kind: 'number' },
  { key: 'standardisedUpper998', header: 'Standardised upper 99.8%', kind: 'number' },
  { key: 'standardisedMethod', header: 'Standardised method', kind: 'text' },
  { key: 'standardisedNote', header: 'Note', kind: 'text' },
  { key: 'significance', header: 'Against England', kind: 'text' },
  { key: 'significanceOverdispersed', header: 'Against England (overdispersion allowed)', kind: 'text' },
  { key: 'previousStandardisedRate', header: 'Previous year standardised rate', kind: 'number' },
  { key: 'changeSincePrevious', header: 'Change since previous year', kind: 'number' },
  { key: 'peerMeanRate', header: 'Peer mean standardised rate', kind: 'number' },
  { key: 'peerRank', header: 'Rank among peers (1 = highest)', kind: 'number' },
];

const VARIATION_COLUMNS: TableColumn[] = [
  { key: 'financialYear', header: 'Financial year', kind: 'text' },
  { key: 'serviceCode', header: 'Service', kind: 'text' },
  { key: 'serviceName', header: 'Service name', kind: 'text' },
  { key: 'measure', header: 'Measure', kind: 'text' },
  { key: 'icbs', header: 'ICBs', kind: 'number' },
  { key: 'englandCrudeRate', header: 'England crude rate', kind: 'number' },
  { key: 'funnelBaseline', header: 'Funnel baseline', kind: 'number' },
  { key: 'meanRate', header: 'Mean standardised rate', kind: 'number' },
  { key: 'cv', header: 'Coefficient of variation', kind: 'number' },
  { key: 'q1Rate', header: 'Lower quartile', kind: 'number' },
  { key: 'medianRate', header: 'Median', kind: 'number' },
  { key: 'q3Rate', header: 'Upper quartile', kind: 'number' },
  { key: 'iqr', header: 'Interquartile range', kind: 'number' },
  { key: 'previousCv', header: 'Previous year CV', kind: 'number' },
  { key: 'cvChange', header: 'Change in CV', kind: 'number' },
  { key: 'narrowing', header: 'Narrowing', kind: 'text' },
  { key: 'high998', header: 'High (99.8%)', kind: 'number' },
  { key: 'high95', header: 'High (95%)', kind: 'number' },
  { key: 'low95', header: 'Low (95%)', kind: 'number' },
  { key: 'low998', header: 'Low (99.8%)', kind: 'number' },
  { key: 'tau2', header: 'Overdispersion τ²', kind: 'number' },
];

export function atlasRatesTable(rows: readonly AtlasRateRow[], name = 'Rates by ICB'): Table {
  return { name, columns: RATE_COLUMNS, rows: rows as unknown as TableRow[] };
}

export function atlasVariationTable(rows: readonly AtlasVariationRow[], name = 'Variation across ICBs'): Table {
  return { name, columns: VARIATION_COLUMNS, rows: rows as unknown as TableRow[] };
}
