// Every problem with a scenario, without storing anything: its shape and rules first, then (when those
// pass) the codes it names and its base year against the workspace. An editor shows these as the scenario
// is written, so a finance lead sees a base year without activity before asking for the plan.
import type { Problem } from '../../core/errors.ts';
import { effectiveBaseYear } from '../../core/planning/plan-years.ts';
import { parseScenario } from '../../core/planning/scenario-schema.ts';
import { currentDataset } from '../datasets/current-dataset.ts';
import type { Workspace } from '../workspace.ts';
import { yearsWithSpend } from './base-year-spend.ts';
import { resolveScenario } from './resolve-scenario.ts';

export async function scenarioProblems(ws: Workspace, json: unknown): Promise<Problem[]> {
  const parsed = parseScenario(json);
  if (!parsed.value) return parsed.issues;
  const problems = [...(await resolveScenario(ws, parsed.value)).problems];
  const dataset = await currentDataset(ws);
  const years = dataset ? await yearsWithSpend(ws, dataset) : [];
  const { baseYear, baseYearIfMissing } = parsed.value;
  const planned = effectiveBaseYear(baseYear, years, baseYearIfMissing);
  if (!years.includes(planned)) {
    problems.push({
      code: 'FP_PLAN_NO_BASE_YEAR',
      message: `The base year ${parsed.value.baseYear} has no activity${dataset ? ` in dataset "${dataset}"` : ''}.`,
      where: { field: 'baseYear' },
      received: parsed.value.baseYear,
      accepted: years.length ? years.join(', ') : 'none: import activity and run `footprint run` first',
    });
  }
  return problems;
}
