// Resident ICB × provider flows for a year (GET /api/flows and `footprint report flows`, one reader:
// data/queries/flows-table.ts), with the cross-boundary share and the one export column list.
import { z } from 'zod';
import type { TableColumn } from '../export-columns.ts';
import { provenance } from '../provenance.ts';

export const flowRow = z.object({
  financialYear: z.string(),
  residentIcb: z.string(),
  residentIcbName: z.string(),
  provider: z.string(),
  providerName: z.string(),
  providerIcb: z.string(),
  providerIcbName: z.string(),
  activity: z.number(),
  spend: z.number(),
});
export type FlowRow = z.infer<typeof flowRow>;

export const flowsTableShape = z.object({ rows: z.array(flowRow), crossBoundaryShare: z.number().nullable() });
export type FlowsTable = z.infer<typeof flowsTableShape>;

export const flowsAnswer = flowsTableShape.extend({ provenance });
export type Flows = z.infer<typeof flowsAnswer>;

export const FLOW_COLUMNS: TableColumn[] = [
  { key: 'financialYear', header: 'Financial year', kind: 'text' },
  { key: 'residentIcb', header: 'Resident ICB code', kind: 'text' },
  { key: 'residentIcbName', header: 'Resident ICB', kind: 'text' },
  { key: 'provider', header: 'Provider code', kind: 'text' },
  { key: 'providerName', header: 'Provider', kind: 'text' },
  { key: 'providerIcb', header: 'Provider ICB code', kind: 'text' },
  { key: 'providerIcbName', header: 'Provider ICB', kind: 'text' },
  { key: 'activity', header: 'Activity', kind: 'number' },
  { key: 'spend', header: 'Spend (£)', kind: 'money' },
];
