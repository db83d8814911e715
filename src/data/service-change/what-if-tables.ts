// The what-if as export tables: the changed flows first (the CSV), then providers, ICBs and year totals.
import {
  WHAT_IF_FLOW_COLUMNS,
  WHAT_IF_ICB_COLUMNS,
  WHAT_IF_PROVIDER_COLUMNS,
  type WhatIfAnswer,
} from '../../core/service-change/index.ts';
import type { Table, TableRow } from '../export/table.ts';

const rows = <T extends object>(items: readonly T[]) => items as unknown as TableRow[];

export function whatIfTables(answer: WhatIfAnswer): Table[] {
  return [
    { name: 'Changed flows', columns: WHAT_IF_FLOW_COLUMNS, rows: rows(answer.rows) },
    { name: 'Providers', columns: WHAT_IF_PROVIDER_COLUMNS, rows: rows(answer.providers) },
    { name: 'ICBs', columns: WHAT_IF_ICB_COLUMNS, rows: rows(answer.icbs) },
    {
      name: 'Totals',
      columns: [
        { key: 'financialYear', header: 'Financial year', kind: 'text' },
        { key: 'baselineSpend', header: 'Spend (baseline) £', kind: 'money' },
        { key: 'spend', header: 'Spend (what-if) £', kind: 'money' },
        { key: 'difference', header: 'Difference £', kind: 'money' },
      ],
      rows: rows(answer.years),
    },
  ];
}
