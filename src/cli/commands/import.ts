import type { Command } from 'commander';
import { parseYearWindow } from '../../core/activity/import-bounds.ts';
import { engineChoice, openActivityEngine } from '../../data/engines/open-engine.ts';
import { ImportRejectedError, type ImportSummary } from '../../data/import/import-activity.ts';
import { importDataset } from '../../data/import/import-dataset.ts';
import {
  type BasisConversionResult,
  runBasisConversion,
  runBasisConversionInTransaction,
} from '../../data/run/run-basis-conversion.ts';
import type { Workspace } from '../../data/workspace.ts';
import { countText, poundsText } from '../human-format.ts';
import { progressReporter, say } from '../output.ts';
import { cliSession, openCliWorkspace } from '../session.ts';
import { NO_ATLAS_OPTION, reportRun } from './run.ts';

function printCounts(summary: ImportSummary): void {
  say(
    `read ${countText(summary.read)}, accepted ${countText(summary.accepted)}, rejected ${countText(summary.rejected)}`,
  );
  if (summary.rejectsFile) say(`rejects: ${summary.rejectsFile}`);
}

export function register(program: Command): void {
  program
    .command('import')
    .description('Import activity (CSV, Parquet or XLSX in the schema of docs/data-format.md) into a dataset.')
    .argument('<file>', 'the activity file')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option('--dataset <name>', 'dataset name; an existing dataset of that name is replaced', 'main')
    .option('--rejects <file>', 'where to write rejected rows (default <file name>.rejects.csv beside the file)')
    .option('--allow-rejects', 'import the valid rows even when some are rejected (default: nothing is imported)')
    .option(
      '--years <first-last>',
      'financial years accepted, e.g. 2000/01-2036/37 (default 2000/01 to ten years ahead)',
    )
    .option('--make-current', 'make it the current dataset (default: only a first import becomes current)')
    .option(
      '--run',
      'also run it (as `footprint run` with its defaults), committed with the import in one transaction on DuckDB',
    )
    .option(...NO_ATLAS_OPTION)
    .action(
      async (
        file: string,
        opts: {
          workspace?: string;
          dataset: string;
          rejects?: string;
          allowRejects?: boolean;
          makeCurrent?: boolean;
          years?: string;
          run?: boolean;
          atlas: boolean;
        },
      ) => {
        const years = opts.years === undefined ? undefined : parseYearWindow(opts.years);
        const ws = await openCliWorkspace(opts.workspace);
        const progress = progressReporter();
        // On DuckDB the run reads the new rows inside the import's transaction: one commit, and no second pass
        // over a committed table. A cluster's import commits there first, so its run follows it.
        const runInImport = opts.run === true && (await engineChoice(ws)).kind === 'duckdb';
        let ran: BasisConversionResult | undefined;
        try {
          const { summary, engine } = await importDataset(
            ws,
            {
              file,
              dataset: opts.dataset,
              rejectsFile: opts.rejects,
              allowRejects: opts.allowRejects ?? false,
              makeCurrent: opts.makeCurrent ?? false,
              years,
              by: cliSession().actor,
              onProgress: progress.update,
              inTransaction: runInImport
                ? async (imported) => {
                    progress.update('Running', 0, 1, 'steps');
                    ran = await runBasisConversionInTransaction(ws, { dataset: imported.dataset });
                    progress.update('Running', 1, 1, 'steps');
                  }
                : undefined,
            },
            cliSession().actor.actor,
          );
          progress.finish();
          say(
            `Imported ${summary.file} into dataset ${summary.dataset} (${engine}): total cost ${poundsText(summary.totalCost)}`,
          );
          printCounts(summary);
          say(
            summary.current
              ? `Dataset ${summary.dataset} is the current dataset.`
              : `The current dataset is unchanged; make this one current with \`footprint dataset use ${summary.dataset}\`.`,
          );
          if (opts.run) await runAfterImport(ws, summary.dataset, ran, opts.atlas);
        } catch (error) {
          progress.finish();
          if (error instanceof ImportRejectedError) printCounts(error.summary);
          throw error;
        } finally {
          ws.close();
        }
      },
    );
}

/** Reports the run committed with the import, or (on a cluster) runs it now, and stores the atlas as
 * `footprint run` does. */
async function runAfterImport(
  ws: Workspace,
  dataset: string,
  ran: BasisConversionResult | undefined,
  atlas: boolean,
): Promise<void> {
  const opened = await openActivityEngine(ws);
  try {
    await reportRun(
      ws,
      ran ?? (await runBasisConversion(ws, { dataset, engine: opened.engine })),
      opened.engine,
      atlas,
    );
  } finally {
    await opened.close();
  }
}
