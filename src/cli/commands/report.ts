// `footprint report allocations|flows|services|reference`: stored results as JSON, CSV or an Excel workbook.
import type { Command } from 'commander';
import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import type { FinancialYear } from '../../core/units.ts';
import { buildReport, REPORT_NAMES } from '../../data/reports/index.ts';
import { DATASET_OPTION, geographyOption, type RunCliOptions, yearOption } from '../options.ts';
import { REPORT_FORMATS, reportFormat, writeReport } from '../report-output.ts';
import { openCliWorkspace } from '../session.ts';
import { writeBoardPack } from './report-pack.ts';

/** Reports over footprints, whose members are ICBs of the current geography. */
const CURRENT_GEOGRAPHY_ONLY = new Set(['triangulation', 'pack']);

interface ReportCliOptions extends RunCliOptions {
  workspace?: string;
  year?: FinancialYear;
  icb?: string;
  footprint?: string;
  byRegion?: boolean;
  threshold?: string;
  format: string;
  out?: string;
}

export function register(program: Command): void {
  program
    .command('report')
    .description(`Write a report of stored results: ${REPORT_NAMES.join(', ')}; or the board pack (pack).`)
    .argument('<report>', `${REPORT_NAMES.join(' | ')} | pack`)
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option(...DATASET_OPTION)
    .addOption(geographyOption())
    .option(...yearOption('only this financial year, e.g. 2024/25'))
    .option('--icb <code>', 'only this ICB (ODS code)')
    .option('--footprint <name>', 'allocations: sum the member ICBs of this footprint; triangulation: the footprint')
    .option('--threshold <share>', 'triangulation: materiality threshold as a share, e.g. 0.05 (default)')
    .option('--by-region', 'allocations: one row per NHS region')
    .option('--format <format>', REPORT_FORMATS.join(' | '), 'json')
    .option('--scenario <name>', 'pack: the stored scenario whose plan to show (default the latest covering it)')
    .option('--out <file>', 'write to this file (needed for xlsx; json and csv go to stdout without it)')
    .action(async (name: string, opts: ReportCliOptions & { scenario?: string }) => {
      if (CURRENT_GEOGRAPHY_ONLY.has(name) && opts.geography !== DEFAULT_VINTAGE) {
        fail('FP_CLI_BAD_OPTION', `The ${name} report is drawn on the ${DEFAULT_VINTAGE} geography only.`, {
          where: { parameter: '--geography' },
          received: opts.geography,
          accepted: DEFAULT_VINTAGE,
        });
      }
      if (name === 'pack') return writeBoardPack(opts);
      const format = reportFormat(opts.format, opts.out, 'report.xlsx');
      const ws = await openCliWorkspace(opts.workspace, { readOnly: true });
      try {
        const { table, meta } = await buildReport(ws, name, {
          dataset: opts.dataset,
          geography: opts.geography,
          year: opts.year,
          icb: opts.icb,
          footprint: opts.footprint,
          byRegion: opts.byRegion,
          threshold: opts.threshold === undefined ? undefined : Number(opts.threshold),
        });
        await writeReport(format, opts.out, { tables: [table], meta: { report: name, ...meta } });
      } finally {
        ws.close();
      }
    });
}
