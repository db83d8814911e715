// `footprint dataset list | use | remove`: the workspace's activity datasets, which one pages and reports
// show (the current one), and removing one that is no longer wanted.
import type { Command } from 'commander';
import { setCurrentDataset } from '../../data/datasets/current-dataset.ts';
import { listDatasets, removeDataset } from '../../data/datasets/datasets.ts';
import { parseListFormat } from '../list-format.ts';
import { say } from '../output.ts';
import { cliSession, openCliWorkspace } from '../session.ts';

const WORKSPACE = ['--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)'] as const;

const pounds = (value: number) =>
  `£${value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function register(program: Command): void {
  const dataset = program.command('dataset').description('List the activity datasets, choose the current one.');
  dataset
    .command('list')
    .description('List datasets: rows, total cost, years, runs, source file, imported when and by whom.')
    .option('--format <format>', 'text or json', 'text')
    .option(...WORKSPACE)
    .action(async (opts: { format: string; workspace?: string }) => {
      const format = parseListFormat(opts.format);
      const ws = await openCliWorkspace(opts.workspace, { readOnly: true });
      try {
        const list = await listDatasets(ws);
        if (format === 'json') {
          say(JSON.stringify(list, null, 2));
          return;
        }
        for (const d of list.rows) {
          const runs = d.runs.map((r) => `${r.vintage} run ${r.ranAt}`).join(', ') || 'not run';
          say(
            `${d.current ? '*' : ' '} ${d.name}\t${d.rowsAccepted.toLocaleString('en-GB')} rows\t${pounds(d.totalCost)}\t${d.years.join(' ')}\t${runs}\t${d.sourceFile}\t${d.importedAt}${d.importedBy ? ` by ${d.importedBy}` : ''}`,
          );
        }
        say(
          list.current
            ? `${list.rows.length} datasets; * is the current one (${list.current})`
            : `${list.rows.length} datasets; none is current`,
        );
      } finally {
        ws.close();
      }
    });
  dataset
    .command('use')
    .description('Make a dataset the current one: what pages and reports show unless told otherwise.')
    .argument('<name>', 'dataset name')
    .option(...WORKSPACE)
    .action(async (name: string, opts: { workspace?: string }) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        await setCurrentDataset(ws, name, cliSession().actor);
        say(`Dataset ${name} is the current dataset.`);
      } finally {
        ws.close();
      }
    });
  dataset
    .command('remove')
    .description('Remove a dataset that is not current, with its runs and every result computed from it.')
    .argument('<name>', 'dataset name')
    .option(...WORKSPACE)
    .action(async (name: string, opts: { workspace?: string }) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        await removeDataset(ws, name);
        say(`Removed dataset ${name}.`);
      } finally {
        ws.close();
      }
    });
}
