// `footprint qipp import|delivery`: monthly actual QIPP savings of a stored scenario, and its delivery
// (planned, actual to date, forecast outturn, RAG and trend per scheme, unit and in total).
import type { Command } from 'commander';
import { QIPP_DELIVERY_COLUMNS } from '../../core/qipp/qipp-delivery.ts';
import { commandLineActor } from '../../data/audit/record-audit.ts';
import { importQippActuals, readQippDelivery } from '../../data/qipp/qipp-delivery.ts';
import { REPORT_FORMATS, reportFormat, writeReport } from '../report-output.ts';
import { openCliWorkspace } from '../session.ts';

export function register(program: Command): void {
  const qipp = program.command('qipp').description('QIPP delivery: import monthly actual savings, show delivery.');
  qipp
    .command('import <file>')
    .description('Import a CSV of scheme, unit, month (1 = April) and saving for one plan year; replaces that year.')
    .requiredOption('--scenario <name>', 'a stored scenario name')
    .requiredOption('--year <year>', 'the plan year, e.g. 2026/27')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (file: string, opts: { scenario: string; year: string; workspace?: string }) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        const n = await importQippActuals(ws, opts.scenario, opts.year, file, commandLineActor());
        process.stdout.write(`Imported ${n} monthly actual${n === 1 ? '' : 's'} for ${opts.scenario} ${opts.year}.\n`);
      } finally {
        ws.close();
      }
    });
  qipp
    .command('delivery')
    .description('Planned against actual and forecast outturn, with RAG and trend, for one plan year.')
    .requiredOption('--scenario <name>', 'a stored scenario name')
    .option('--year <year>', 'the plan year (default the latest with actuals, else the first)')
    .option(
      '--actuals-from-dataset <name>',
      'derive the actuals from this later activity dataset against the plan’s do-nothing, month by month',
    )
    .option('--format <format>', REPORT_FORMATS.join(' | '), 'json')
    .option('--out <file>', 'write to this file (needed for xlsx)')
    .option('--workspace <dir>', 'workspace folder')
    .action(
      async (opts: {
        scenario: string;
        year?: string;
        actualsFromDataset?: string;
        format: string;
        out?: string;
        workspace?: string;
      }) => {
        const format = reportFormat(opts.format, opts.out, 'qipp-delivery.xlsx');
        const ws = await openCliWorkspace(opts.workspace);
        try {
          const answer = await readQippDelivery(ws, opts.scenario, opts.year, {
            actualsFromDataset: opts.actualsFromDataset,
          });
          await writeReport(format, opts.out, {
            json: answer,
            tables: [{ name: 'QIPP delivery', columns: QIPP_DELIVERY_COLUMNS, rows: answer.rows as never }],
          });
        } finally {
          ws.close();
        }
      },
    );
}
