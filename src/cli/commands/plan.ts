// `footprint plan --scenario NAME|FILE`: the financial plan of a stored scenario (its result is stored too)
// or of a scenario file (checked, not stored), as JSON, CSV (the rows) or an Excel workbook.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import type { Scenario } from '../../core/planning/scenario-schema.ts';
import { type PlanResult, planScenario } from '../../data/planning/plan-scenario.ts';
import { planJson, planRowsTable } from '../../data/planning/plan-tables.ts';
import { writePlanWorkbook } from '../../data/planning/plan-workbook.ts';
import { readScenarioFile } from '../../data/planning/read-scenario-file.ts';
import { checkScenario, findScenario } from '../../data/planning/scenario-store.ts';
import { planStoredScenario } from '../../data/planning/stored-plan.ts';
import type { Workspace } from '../../data/workspace.ts';
import { DATASET_OPTION, geographyOption } from '../options.ts';
import { REPORT_FORMATS, reportFormat, writeReport } from '../report-output.ts';
import { cliPath, openCliWorkspace } from '../session.ts';

interface PlanCliOptions {
  scenario: string;
  workspace?: string;
  dataset?: string;
  format: string;
  out?: string;
}

async function plan(ws: Workspace, named: string): Promise<{ scenario: Scenario; result: PlanResult }> {
  if (await findScenario(ws, named)) {
    const { stored, result } = await planStoredScenario(ws, named);
    return { scenario: stored.scenario, result };
  }
  // Not a stored scenario, so a file, named from where the command was typed.
  const file = cliPath(named);
  if (!existsSync(file)) {
    fail('FP_PLAN_SCENARIO_NOT_FOUND', `${named} is neither a stored scenario nor a file.`, {
      where: { parameter: '--scenario' },
      received: named,
      accepted: 'a stored scenario name (`footprint scenario list`) or a scenario JSON file',
    });
  }
  const scenario = await checkScenario(ws, await readScenarioFile(file), named);
  return { scenario, result: await planScenario(ws, scenario, { file: named }) };
}

export function register(program: Command): void {
  program
    .command('plan')
    .description('Work out the financial plan of a scenario: do-nothing growth, QIPP, allocation, gap.')
    .requiredOption('--scenario <name|file>', 'a stored scenario name or a scenario JSON file')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option(...DATASET_OPTION)
    .addOption(geographyOption([DEFAULT_VINTAGE]))
    .option('--format <format>', REPORT_FORMATS.join(' | '), 'json')
    .option('--out <file>', 'write to this file (needed for xlsx; json and csv go to stdout without it)')
    .action(async (opts: PlanCliOptions) => {
      const format = reportFormat(opts.format, opts.out, 'plan.xlsx');
      const ws = await openCliWorkspace(opts.workspace, { dataset: opts.dataset });
      try {
        const { scenario, result } = await plan(ws, opts.scenario);
        // The workbook is the plan's own, with formulas; JSON and CSV are written as every report's.
        if (format === 'xlsx') await writePlanWorkbook(result, scenario, opts.out!);
        else await writeReport(format, opts.out, { json: planJson(result), tables: [planRowsTable(result)] });
      } finally {
        ws.close();
      }
    });
}
