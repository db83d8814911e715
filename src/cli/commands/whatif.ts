// `footprint whatif --scenario NAME [--year Y]`: the service changes of a stored scenario, as the changed
// flows beside the unchanged baseline (JSON with provider and ICB evidence, CSV of the flows, or a workbook).
import type { Command } from 'commander';
import type { FinancialYear } from '../../core/units.ts';
import { readWhatIf } from '../../data/service-change/read-what-if.ts';
import { whatIfTables } from '../../data/service-change/what-if-tables.ts';
import { yearOption } from '../options.ts';
import { REPORT_FORMATS, reportFormat, writeReport } from '../report-output.ts';
import { openCliWorkspace } from '../session.ts';

interface WhatIfCliOptions {
  scenario: string;
  year?: FinancialYear;
  workspace?: string;
  format: string;
  out?: string;
}

export function register(program: Command): void {
  program
    .command('whatif')
    .description("Show what a scenario's service changes (repatriation, consolidation) do to flows and spend.")
    .requiredOption('--scenario <name>', 'a stored scenario name (`footprint scenario list`)')
    .option(...yearOption('one plan year, e.g. 2026/27 (default every year of the horizon)'))
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option('--format <format>', REPORT_FORMATS.join(' | '), 'json')
    .option('--out <file>', 'write to this file (needed for xlsx; json and csv go to stdout without it)')
    .action(async (opts: WhatIfCliOptions) => {
      const format = reportFormat(opts.format, opts.out, 'whatif.xlsx');
      const ws = await openCliWorkspace(opts.workspace);
      try {
        const answer = await readWhatIf(ws, opts.scenario, { year: opts.year });
        await writeReport(format, opts.out, { json: answer, tables: whatIfTables(answer) });
      } finally {
        ws.close();
      }
    });
}
