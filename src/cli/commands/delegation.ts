// `footprint delegation run --exercise NAME [--format json|csv|xlsx]`: outcomes, tiers, evidence and the
// summary of services and spend per outcome and per tier. `footprint delegation models`: the commissioning
// model each service × footprint has year by year (proposed from the status, and any recorded).
// `footprint delegation occasional-practice`: per service, the providers under its minimum annual volume.

import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import {
  COMMISSIONING_MODEL_COLUMNS,
  OCCASIONAL_PRACTICE_COLUMNS,
  type OccasionalPracticeAnswer,
  occasionalPracticeRows,
} from '../../core/delegation/index.ts';
import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import type { FinancialYear } from '../../core/units.ts';
import { commissioningModelRows, commissioningModels } from '../../data/delegation/commissioning-models.ts';
import { icbRegion } from '../../data/delegation/delegation-status.ts';
import { delegationJson, delegationTables } from '../../data/delegation/delegation-tables.ts';
import { occasionalPractice } from '../../data/delegation/occasional-practice.ts';
import { runDelegation } from '../../data/delegation/run-delegation.ts';
import { simulateInWorkers } from '../../data/delegation/volatility-workers.ts';
import { writeCsv } from '../../data/export/write-csv.ts';
import { writeXlsx } from '../../data/export/write-xlsx.ts';
import { countText, percentText } from '../human-format.ts';
import { DATASET_OPTION, geographyOption, yearOption } from '../options.ts';
import { say } from '../output.ts';
import { cliSession, openCliWorkspace } from '../session.ts';

const FORMATS = ['json', 'csv', 'xlsx'] as const;
const READ_FORMATS = ['text', 'json', 'csv'] as const;

function readFormat(asked: string): (typeof READ_FORMATS)[number] {
  const format = READ_FORMATS.find((f) => f === asked);
  if (!format) {
    fail('FP_REPORT_BAD_FORMAT', `The format ${JSON.stringify(asked)} is not accepted.`, {
      where: { parameter: '--format' },
      received: asked,
      accepted: READ_FORMATS.join(', '),
    });
  }
  return format;
}

function describeOccasionalPractice(answer: OccasionalPracticeAnswer): void {
  say(
    `Occasional practice in ${answer.financialYear ?? 'no year'} (dataset ${answer.dataset ?? 'none'}), providers treating residents of ${answer.scope}; minimum volumes from ${answer.rubric}, in patients the activity records:`,
  );
  const under = answer.rows.filter((s) => s.occasional.length > 0);
  for (const s of under) {
    say(
      `${s.serviceName} (${s.serviceCode}): ${s.occasional.length} of ${s.providers} providers under ${countText(s.minimumAnnualVolume)} patients a year, ${countText(s.occasionalPatients)} of ${countText(s.patients)} patients (${percentText(s.occasionalShare ?? 0)})`,
    );
    for (const p of s.occasional) {
      const icbs = p.icbsServed.map((i) => `${i.icbName} (${countText(i.patients)})`).join(', ');
      say(`  ${p.providerName}: ${countText(p.patients)} patients, ${countText(p.activity)} activity; serves ${icbs}`);
    }
  }
  say(`${under.length} of ${answer.rows.length} services have providers under their minimum.`);
}

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
    .option(...yearOption('financial year of the evidence (default the latest)'))
    .option('--segmentation-rubric <file>', 're-run under a changed copy of the segmentation rubric')
    .option('--delegation-rubric <file>', 're-run under a changed copy of the delegation rubric')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option(...DATASET_OPTION)
    .addOption(geographyOption([DEFAULT_VINTAGE]))
    .action(
      async (opts: {
        dataset?: string;
        exercise: string;
        format: string;
        out?: string;
        year?: FinancialYear;
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

  delegation
    .command('models')
    .description(
      'Each service × footprint’s commissioning model year by year over the plan horizon: proposed from the delegation status (joint committee or lead ICB named), and any recorded.',
    )
    .option('--service <code>', 'only this service')
    .option('--footprint <name>', 'only this footprint')
    .option('--format <format>', READ_FORMATS.join(', '), 'text')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option(...DATASET_OPTION)
    .addOption(geographyOption([DEFAULT_VINTAGE]))
    .action(
      async (opts: { service?: string; footprint?: string; format: string; workspace?: string; dataset?: string }) => {
        const format = readFormat(opts.format);
        const ws = await openCliWorkspace(opts.workspace, { readOnly: true, dataset: opts.dataset });
        try {
          const answer = await commissioningModels(ws, {
            service: opts.service,
            footprint: opts.footprint,
            editable: new Set(),
          });
          if (format === 'json') say(JSON.stringify(answer, null, 2));
          else if (format === 'csv') {
            await writeCsv(
              {
                name: 'Commissioning models',
                columns: [...COMMISSIONING_MODEL_COLUMNS],
                rows: commissioningModelRows(answer),
              },
              cliSession().stdout,
            );
          } else {
            say(['service', 'footprint', ...answer.years].join('\t'));
            for (const line of answer.rows) {
              const cells = line.years.map((y) =>
                y.recorded
                  ? `${y.proposal.label} [${y.recorded.status}: ${y.recorded.model}${y.recorded.lead ? `, ${y.recorded.lead}` : ''}]`
                  : y.proposal.label,
              );
              say([line.serviceName, line.footprint, ...cells].join('\t'));
            }
            say(
              `${answer.rows.length} service × footprint lines; tiers from ${answer.tierFrom ?? 'no delegation run'}; lead ICBs from ${answer.spendYear ?? 'no stored run'} spend`,
            );
          }
        } finally {
          ws.close();
        }
      },
    );

  delegation
    .command('occasional-practice')
    .description(
      'Per service, the providers under its minimum annual volume in patients, with their activity and the ICBs they serve.',
    )
    .option(...yearOption('financial year (default the latest)'))
    .option('--service <code>', 'only this service')
    .option('--icb <code>', 'only providers treating this ICB’s residents')
    .option('--format <format>', READ_FORMATS.join(', '), 'text')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option(...DATASET_OPTION)
    .addOption(geographyOption([DEFAULT_VINTAGE]))
    .action(
      async (opts: {
        year?: FinancialYear;
        service?: string;
        icb?: string;
        format: string;
        workspace?: string;
        dataset?: string;
      }) => {
        const format = readFormat(opts.format);
        const ws = await openCliWorkspace(opts.workspace, { readOnly: true, dataset: opts.dataset });
        try {
          const icb = opts.icb ? await icbRegion(ws, opts.icb, DEFAULT_VINTAGE, '--icb') : null;
          const answer = await occasionalPractice(ws, {
            year: opts.year,
            service: opts.service,
            icbs: icb ? [icb.icbCode] : null,
            scope: icb ? icb.icbName : 'England',
            yearParameter: '--year',
            serviceParameter: '--service',
          });
          if (format === 'json') say(JSON.stringify(answer, null, 2));
          else if (format === 'csv') {
            await writeCsv(
              {
                name: 'Occasional practice',
                columns: [...OCCASIONAL_PRACTICE_COLUMNS],
                rows: occasionalPracticeRows(answer.rows),
              },
              cliSession().stdout,
            );
          } else describeOccasionalPractice(answer);
        } finally {
          ws.close();
        }
      },
    );
}
