// `footprint delegation run --exercise NAME [--format json|csv|xlsx]`: outcomes, tiers, evidence and the
// summary of services and spend per outcome and per tier.
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { fail } from '../../core/errors.ts';
import { delegationJson, delegationTables } from '../../data/delegation/delegation-tables.ts';
import { runDelegation } from '../../data/delegation/run-delegation.ts';
import { simulateInWorkers } from '../../data/delegation/volatility-workers.ts';
import { writeCsv } from '../../data/export/write-csv.ts';
import { writeXlsx } from '../../data/export/write-xlsx.ts';
import { DATASET_OPTION } from '../options.ts';
import { say } from '../output.ts';
import { cliSession, openCliWorkspace } from '../session.ts';

const FORMATS = ['json', 'csv', 'xlsx'] as const;

export function register(program: Command): void {
  const delegation = program
    .command('delegation')
    .description('Run a delegation exercise: outcomes, tiers and evidence.');
  delegation
    .command('run')
    .description('Decide each service’s outcome and tier from the exercise’s assessments and the data.')
    .requiredOption('--exercise <name>', 'exercise name')
    .option('--format <format>', 'json, csv or xlsx', 'json')
    .option('--out <file>', 'write to this file (needed for xlsx)')
    .option('--year <year>', 'financial year of the evidence (default the latest)')
    .option('--segmentation-rubric <file>', 're-run under a changed copy of the segmentation rubric')
    .option('--delegation-rubric <file>', 're-run under a changed copy of the delegation rubric')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option(...DATASET_OPTION)
    .action(
      async (opts: {
        dataset?: string;
        exercise: string;
        format: string;
        out?: string;
        year?: string;
        segmentationRubric?: string;
        delegationRubric?: string;
        workspace?: string;
      }) => {
        if (!(FORMATS as readonly string[]).includes(opts.format)) {
          fail('FP_REPORT_BAD_FORMAT', `The format ${JSON.stringify(opts.format)} is not accepted.`, {
            where: { parameter: '--format' },
            received: opts.format,
            accepted: FORMATS.join(', '),
          });
        }
        if (opts.format === 'xlsx' && !opts.out) {
          fail('FP_CLI_BAD_OPTION', 'An xlsx export needs a file to write to.', {
            where: { parameter: '--out' },
            accepted: 'a file path ending .xlsx',
            hint: 'Add --out delegation.xlsx.',
          });
        }
        const ws = await openCliWorkspace(opts.workspace, { dataset: opts.dataset });
        try {
          const result = await runDelegation(ws, {
            exercise: opts.exercise,
            by: cliSession().actor,
            financialYear: opts.year,
            rubricFiles: { segmentation: opts.segmentationRubric, delegation: opts.delegationRubric },
            simulate: simulateInWorkers,
          });
          const out = opts.out && opts.format !== 'xlsx' ? createWriteStream(opts.out) : cliSession().stdout;
          if (opts.format === 'xlsx') await writeXlsx(delegationTables(result), opts.out!);
          else if (opts.format === 'csv') await writeCsv(delegationTables(result)[0]!, out);
          else out.write(`${JSON.stringify(delegationJson(result), null, 2)}\n`);
          if (out !== cliSession().stdout) out.end();
          const counts = result.summary.byOutcome.map((g) => `${g.group} ${g.services}`).join(', ');
          cliSession().stderr.write(`${opts.exercise}: ${counts}\n`);
          if (opts.out) say(`Wrote ${opts.out}`);
        } finally {
          ws.close();
        }
      },
    );
}
