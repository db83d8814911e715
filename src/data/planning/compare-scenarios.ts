// Stored scenarios compared side by side (core's compareScenarios over each one's plan, worked out now so it
// rests on the current run), and the comparison as export tables: key figures, then the gap by year.
import { compareScenarios, type ScenarioComparison } from '../../core/planning/scenario-comparison.ts';
import type { Table, TableRow } from '../export/table.ts';
import type { Workspace } from '../workspace.ts';
import { planJsonRow } from './plan-tables.ts';
import { planStoredScenario } from './stored-plan.ts';

export async function readScenarioComparison(
  ws: Workspace,
  names: readonly string[],
  unit?: string,
): Promise<ScenarioComparison> {
  if (names.length < 2 || names.length > 3) return compareScenarios([], unit);
  const plans = [];
  for (const name of names) {
    const { stored, result } = await planStoredScenario(ws, name);
    plans.push({
      scenario: stored.name,
      baseYear: result.baseYear,
      years: result.years,
      units: result.units,
      rows: result.rows.map(planJsonRow),
    });
  }
  return compareScenarios(plans, unit);
}

export function comparisonTables(c: ScenarioComparison): Table[] {
  const scenarioColumns = c.scenarios.map((name, i) => ({ key: `s${i}`, header: name }));
  return [
    {
      name: 'Comparison',
      columns: [
        { key: 'figure', header: 'Figure', kind: 'text' },
        ...scenarioColumns.map((s) => ({ ...s, kind: 'money' as const })),
      ],
      rows: c.figures.map((f) => {
        const row: TableRow = { figure: f.figure };
        f.values.forEach((v, i) => {
          row[`s${i}`] = v;
        });
        return row;
      }),
    },
    {
      name: 'Gap by year',
      columns: [
        { key: 'scenario', header: 'Scenario', kind: 'text' },
        ...c.years.map((y) => ({ key: y, header: y, kind: 'money' as const })),
      ],
      rows: c.gapByYear.map((g) => ({ scenario: g.scenario, ...g.byYear })),
    },
  ];
}
