// A plan as the CLI and the API hand it out: JSON with the rows the issue lists plus the schemes,
// convergence and risk-share sections; a CSV of the rows; and an Excel workbook laid out as a finance lead
// lays out a plan (an about sheet, the inputs, one sheet per unit with the years across, then the detail).
import { PLAN_ROW_COLUMNS, type PlanJsonRow } from '../../core/planning/plan-answers.ts';
import type { Scenario } from '../../core/planning/scenario-schema.ts';
import type { Table, TableColumn, TableRow } from '../export/table.ts';
import { type PlanResult, type PlanRow, planSchemeSavings, type SchemeSaving } from './plan-scenario.ts';

export function planJsonRow(r: PlanRow): PlanJsonRow {
  return {
    unit: r.unit,
    financialYear: r.financialYear,
    previousDoNothing: r.previousDoNothing,
    demographicGrowth: r.demographicGrowth,
    nonDemographicGrowth: r.nonDemographicGrowth,
    inflation: r.inflation,
    doNothing: r.doNothing,
    qippSaving: r.qippSaving,
    transactionalSaving: r.transactionalSaving,
    transformationalSaving: r.transformationalSaving,
    planSpend: r.planSpend,
    allocation: r.allocation,
    gap: r.gap,
    controlTotal: r.controlTotal,
    distanceToControlTotal: r.distanceToControlTotal,
    distanceFromTarget: r.distanceFromTarget,
  };
}

/** The plan without its savings detail: what is stored and shown first. */
export function planSummary(result: PlanResult) {
  return {
    scenario: result.scenario,
    baseYear: result.baseYear,
    years: result.years,
    units: result.units,
    provenance: result.provenance,
    rows: result.rows.map(planJsonRow),
    convergence: result.convergence,
    riskShare: result.riskShare,
    warnings: result.warnings,
  };
}

export type PlanSummary = ReturnType<typeof planSummary>;

export function planJson(result: PlanResult): PlanSummary & { schemes: SchemeSaving[] } {
  return { ...planSummary(result), schemes: [...planSchemeSavings(result)] };
}

/** The plan rows, with each unit's name beside it (an ICB's name for its code; a footprint is its name). */
export function planRowsTable(result: PlanResult): Table {
  const names = new Map(result.workings.map((w) => [w.unit, w.name]));
  const [unit, ...rest] = PLAN_ROW_COLUMNS;
  return {
    name: 'Plan',
    columns: [unit!, { key: 'unitName', header: 'Unit name', kind: 'text' }, ...rest],
    rows: result.rows.map((r) => ({ ...planJsonRow(r), unitName: names.get(r.unit) ?? r.unit })),
  };
}

const asRows = <T extends object>(rows: readonly T[]) => rows as unknown as TableRow[];

/** Label, then one column per plan year. */
function yearsAcross(name: string, result: PlanResult, kind: TableColumn['kind'], first: TableColumn[]): Table {
  const years = result.rows.slice(0, result.years).map((r) => r.financialYear);
  return { name, columns: [...first, ...years.map((y) => ({ key: y, header: y, kind }))], rows: [] };
}

/** The workbook's first sheet: what the plan is, what it rests on, and how to read the formula sheets. */
export function planAboutTable(result: PlanResult, scenario: Scenario): Table {
  const p = result.provenance;
  const facts: [string, string][] = [
    ['Scenario', scenario.name],
    ['Description', scenario.description ?? ''],
    ['Owner', scenario.owner ?? ''],
    ['Checked by', scenario.checker ?? ''],
    ['Base year', result.baseYear],
    ['Plan years', String(result.years)],
    ['Units', result.units.join(', ')],
    ['Dataset', p.dataset],
    ['Geography', `${p.vintage} ICBs`],
    ['Unknown residence rule', p.unknownResidenceRule],
    ['Run at', p.runAt],
    ['Needs index', p.needsIndexYear ? `general & acute weighted population ${p.needsIndexYear}` : 'not used'],
    ['How derived', p.derivation],
    [
      'How to read this workbook',
      'The Inputs sheet holds every assumption as a defined name (years across). Each unit’s sheet works its figures out with formulas: ' +
        'its base-year spend in groups that share the same rates, each grown by demographic growth, non-demographic growth and inflation, ' +
        'then each QIPP scheme’s recurrent saving (earlier tranches) and part-year saving (this year’s tranche); plan spend, allocation, ' +
        'gap, control total and distance follow. Change an input and the sheets recalculate.',
    ],
    ...(scenario.allocation.convergence
      ? ([
          [
            'Allocations',
            'With convergence, allocations are shared out by the pace-of-change rule (floors, then towards target within caps, in whole pence): Footprint works them out and the unit sheets hold them as values (see the Convergence sheet).',
          ],
        ] as [string, string][])
      : []),
    ...result.warnings.map((w): [string, string] => [`Warning ${w.code}`, w.message]),
  ];
  return {
    name: 'About',
    columns: [
      { key: 'field', header: 'About this plan', kind: 'text' },
      { key: 'value', header: '', kind: 'text' },
    ],
    rows: facts.map(([field, value]) => ({ field, value })),
  };
}

/** Savings by unit and scheme, years across (providers and services added together). */
function schemesSheet(result: PlanResult): Table {
  const table = yearsAcross('QIPP by scheme', result, 'money', [
    { key: 'unit', header: 'Unit', kind: 'text' },
    { key: 'scheme', header: 'Scheme', kind: 'text' },
    { key: 'type', header: 'Type', kind: 'text' },
  ]);
  const byKey = new Map<string, TableRow>();
  for (const s of planSchemeSavings(result)) {
    const key = `${s.unit}\u0000${s.scheme}`;
    const row = byKey.get(key) ?? { unit: s.unit, scheme: s.scheme, type: s.type };
    row[s.financialYear] = ((row[s.financialYear] as number | undefined) ?? 0) + s.saving;
    byKey.set(key, row);
  }
  table.rows = [...byKey.values()];
  return table;
}

function savingsDetailSheet(result: PlanResult): Table {
  return {
    name: 'QIPP by provider',
    columns: [
      { key: 'unit', header: 'Unit', kind: 'text' },
      { key: 'scheme', header: 'Scheme', kind: 'text' },
      { key: 'type', header: 'Type', kind: 'text' },
      { key: 'financialYear', header: 'Year', kind: 'text' },
      { key: 'provider', header: 'Provider', kind: 'text' },
      { key: 'service', header: 'Service', kind: 'text' },
      { key: 'saving', header: 'Saving (£)', kind: 'money' },
    ],
    rows: (function* () {
      for (const s of planSchemeSavings(result)) yield { ...s };
    })(),
  };
}

/** A worksheet holds 1,048,576 rows, one of them the header. */
const SHEET_ROWS = 1_048_575;

/** The flat tables after the formula sheets: the plan rows, savings by scheme and by provider, convergence
 * and risk share, as values. */
export function planDetailTables(result: PlanResult): Table[] {
  let detailRows = 0;
  for (const _ of planSchemeSavings(result)) detailRows++;
  const tables = [planRowsTable(result), schemesSheet(result)];
  if (detailRows <= SHEET_ROWS) tables.push(savingsDetailSheet(result));
  else {
    tables.push({
      name: 'QIPP by provider',
      columns: [{ key: 'note', header: 'QIPP by provider', kind: 'text' }],
      rows: [
        {
          note: `Left out: ${detailRows.toLocaleString('en-GB')} rows is more than a worksheet holds. Use the JSON or CSV export for savings by provider and service.`,
        },
      ],
    });
  }
  if (result.convergence) {
    tables.push({
      name: 'Convergence',
      columns: [
        { key: 'financialYear', header: 'Year', kind: 'text' },
        { key: 'icb', header: 'ICB', kind: 'text' },
        { key: 'targetShare', header: 'Target share', kind: 'share' },
        { key: 'previousAllocation', header: 'Previous allocation (£)', kind: 'money' },
        { key: 'targetAllocation', header: 'Target allocation (£)', kind: 'money' },
        { key: 'floor', header: 'Floor (£)', kind: 'money' },
        { key: 'cap', header: 'Cap (£)', kind: 'money' },
        { key: 'allocation', header: 'Allocation (£)', kind: 'money' },
        { key: 'distanceFromTargetBefore', header: 'Distance from target before', kind: 'share' },
        { key: 'distanceFromTargetAfter', header: 'Distance from target after', kind: 'share' },
        { key: 'capExceeded', header: 'Grew beyond cap', kind: 'text' },
      ],
      rows: asRows(result.convergence),
    });
  }
  if (result.riskShare) {
    tables.push({
      name: 'Risk share',
      columns: [
        { key: 'icb', header: `${result.riskShare.footprint} member`, kind: 'text' },
        { key: 'allocation', header: `Allocation ${result.riskShare.financialYear} (£)`, kind: 'money' },
        { key: 'outturn', header: 'Outturn (£)', kind: 'money' },
        { key: 'variance', header: 'Variance (£)', kind: 'money' },
        { key: 'ownVariance', header: 'Own variance borne (£)', kind: 'money' },
        { key: 'basisShare', header: `Share (${result.riskShare.basis})`, kind: 'share' },
        { key: 'poolShare', header: 'Share of pool (£)', kind: 'money' },
        { key: 'position', header: 'Final position (£)', kind: 'money' },
        { key: 'capped', header: 'Capped', kind: 'text' },
      ],
      rows: asRows(result.riskShare.members),
    });
  }
  return tables;
}
