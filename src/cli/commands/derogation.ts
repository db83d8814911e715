// `footprint derogation add|list`: the register of providers agreed to be non-compliant with a clause of a
// service specification until a date.
import type { Command } from 'commander';
import { fail } from '../../core/errors.ts';
import { DEROGATION_STATUSES, type DerogationStatus } from '../../core/quality/index.ts';
import { writeCsv } from '../../data/export/write-csv.ts';
import { writeJson } from '../../data/export/write-json.ts';
import { addDerogation, listDerogations } from '../../data/quality/derogations.ts';
import { derogationTable } from '../../data/quality/quality-tables.ts';
import { say } from '../output.ts';
import { cliSession, openCliWorkspace } from '../session.ts';

interface AddOptions {
  workspace?: string;
  provider: string;
  service: string;
  clause: string;
  agreedDate: string;
  status: string;
  notes?: string;
}

export function register(program: Command): void {
  const derogation = program
    .command('derogation')
    .description('The derogation register: providers not yet compliant with a service specification.');
  derogation
    .command('add')
    .description('Record a derogation: a provider, a service, the clause not met and the date agreed to comply.')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .requiredOption('--provider <code>', 'provider ODS code, e.g. RJ7')
    .requiredOption('--service <code>', 'service line code, e.g. 13X')
    .requiredOption('--clause <text>', 'the specification clause not met')
    .requiredOption('--agreed-date <date>', 'date agreed for compliance, YYYY-MM-DD')
    .option('--status <status>', DEROGATION_STATUSES.join(' | '), 'open')
    .option('--notes <text>', 'anything the register should say')
    .action(async (opts: AddOptions) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        const made = await addDerogation(
          ws,
          {
            providerCode: opts.provider,
            serviceCode: opts.service,
            clause: opts.clause,
            agreedDate: opts.agreedDate,
            status: opts.status as DerogationStatus,
            notes: opts.notes ?? null,
          },
          cliSession().actor,
        );
        say(
          `Recorded derogation ${made.id}: ${made.providerName}, ${made.serviceName}, to comply by ${made.agreedDate}.`,
        );
      } finally {
        ws.close();
      }
    });
  derogation
    .command('list')
    .description('Every derogation, with whether it is overdue.')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option('--as-of <date>', 'judge overdue against this date (default today), YYYY-MM-DD')
    .option('--format <format>', 'csv | json', 'csv')
    .action(async (opts: { workspace?: string; asOf?: string; format: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'json') {
        fail('FP_CLI_BAD_OPTION', `"${opts.format}" is not an output format for this list.`, {
          where: { parameter: '--format' },
          received: opts.format,
          accepted: 'csv, json',
        });
      }
      const ws = await openCliWorkspace(opts.workspace, { readOnly: true });
      try {
        const table = derogationTable(await listDerogations(ws, { asOf: opts.asOf }));
        if (opts.format === 'json') await writeJson(table, cliSession().stdout);
        else await writeCsv(table, cliSession().stdout);
      } finally {
        ws.close();
      }
    });
}
