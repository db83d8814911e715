// `footprint kpi import FILE` (KPI definitions or monthly values, CSV or XLSX, all or nothing) and
// `footprint kpi list` (every KPI with its SPC icons and escalation status).
import type { Command } from 'commander';
import { fail } from '../../core/errors.ts';
import { writeCsv } from '../../data/export/write-csv.ts';
import { writeJson } from '../../data/export/write-json.ts';
import { importKpiFile, readKpis } from '../../data/quality/kpi-store.ts';
import { kpiTable } from '../../data/quality/quality-tables.ts';
import { say } from '../output.ts';
import { cliSession, openCliWorkspace } from '../session.ts';

export function register(program: Command): void {
  const kpi = program
    .command('kpi')
    .description('Quality KPIs: import definitions or monthly values, list them with SPC.');
  kpi
    .command('import')
    .description(
      'Import KPI definitions (kpi_id,name,service_code,provider_code|icb_code,unit,direction[,target,escalation_rule]) or monthly values (kpi_id,period,value) from CSV or XLSX; all or nothing.',
    )
    .argument('<file>', 'a .csv or .xlsx file')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (file: string, opts: { workspace?: string }) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        const result = await importKpiFile(ws, file, cliSession().actor);
        say(
          `Imported ${result.rows} KPI ${result.kind === 'values' ? 'monthly values' : 'definitions'} from ${file} (import ${result.importId}).`,
        );
      } finally {
        ws.close();
      }
    });
  kpi
    .command('list')
    .description('Every KPI with its latest value, SPC variation and assurance icons and escalation status.')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option('--status <status>', 'only KPIs with this escalation status, e.g. escalate-to-cqrm')
    .option('--format <format>', 'csv | json', 'csv')
    .action(async (opts: { workspace?: string; status?: string; format: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'json') {
        fail('FP_CLI_BAD_OPTION', `"${opts.format}" is not an output format for this list.`, {
          where: { parameter: '--format' },
          received: opts.format,
          accepted: 'csv, json',
        });
      }
      const ws = await openCliWorkspace(opts.workspace, { readOnly: true });
      try {
        const kpis = (await readKpis(ws)).filter((k) => !opts.status || k.assessment.status === opts.status);
        const table = kpiTable(kpis);
        if (opts.format === 'json') await writeJson(table, cliSession().stdout);
        else await writeCsv(table, cliSession().stdout);
      } finally {
        ws.close();
      }
    });
}
