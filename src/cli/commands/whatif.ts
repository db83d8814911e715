// `footprint whatif --scenario NAME [--year Y]`: the service changes of a stored scenario, as the changed
// flows beside the unchanged baseline (JSON with provider and ICB evidence, CSV of the flows, or a workbook).
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { fail } from '../../core/errors.ts';
import { writeCsv } from '../../data/export/write-csv.ts';
import { writeXlsx } from '../../data/export/write-xlsx.ts';
import { readWhatIf } from '../../data/service-change/read-what-if.ts';
import { whatIfTables } from '../../data/service-change/what-if-tables.ts';
import { openWorkspace, workspaceDir } from '../../data/workspace.ts';

const FORMATS = ['json', 'csv', 'xlsx'] as const;

interface WhatIfCliOptions {
  scenario: string;
  year?: string;
  workspace?: string;
  format: string;
  out?: string;
}

export function register(program: Command): void {
  program
    .command('whatif')
    .description("Show what a scenario's service changes (repatriation, consolidation) do to flows and spend.")
    .requiredOption('--scenario <name>', 'a stored scenario name (`footprint scenario list`)')
    .option('--year <year>', 'one plan year, e.g. 2026/27 (default every year of the horizon)')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option('--format <format>', FORMATS.join(' | '), 'json')
    .option('--out <file>', 'write to this file (needed for xlsx; json and csv go to stdout without it)')
    .action(async (opts: WhatIfCliOptions) => {
      const format = FORMATS.find((f) => f === opts.format);
      if (!format) {
        fail('FP_REPORT_BAD_FORMAT', `"${opts.format}" is not an output format.`, {
          where: { parameter: '--format' },
          received: opts.format,
          accepted: FORMATS.join(', '),
        });
      }
      if (format === 'xlsx' && !opts.out) {
        fail('FP_CLI_BAD_OPTION', 'An Excel workbook needs a file to go to.', {
          where: { parameter: '--out' },
          received: '(none)',
          accepted: 'a file path ending .xlsx',
          hint: 'Add --out whatif.xlsx.',
        });
      }
      const ws = await openWorkspace(workspaceDir(opts.workspace));
      try {
        const answer = await readWhatIf(ws, opts.scenario, { year: opts.year });
        if (format === 'xlsx') {
          await writeXlsx(whatIfTables(answer), opts.out!);
        } else if (format === 'json') {
          const text = `${JSON.stringify(answer, null, 1)}\n`;
          if (opts.out) await writeFile(opts.out, text);
          else process.stdout.write(text);
        } else if (opts.out) {
          const out = createWriteStream(opts.out);
          await writeCsv(whatIfTables(answer)[0]!, out);
          out.end();
          await finished(out);
        } else {
          await writeCsv(whatIfTables(answer)[0]!, process.stdout);
        }
      } finally {
        ws.close();
      }
    });
}
