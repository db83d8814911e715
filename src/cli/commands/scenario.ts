// `footprint scenario add|list|show|remove`: financial-planning scenarios stored in the workspace.
import type { Command } from 'commander';
import { readScenarioFile } from '../../data/planning/read-scenario-file.ts';
import { deleteScenario, getScenario, listScenarios, saveScenario } from '../../data/planning/scenario-store.ts';
import { NATIONAL, requireOrganisation } from '../../data/users/organisations.ts';
import { parseListFormat } from '../list-format.ts';
import { say } from '../output.ts';
import { cliSession, openCliWorkspace } from '../session.ts';

const WORKSPACE = ['--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)'] as const;

export function register(program: Command): void {
  const scenario = program.command('scenario').description('Add, list, show and remove financial-planning scenarios.');

  scenario
    .command('add')
    .description('Check a scenario file (docs/scenario.md) and store it under its name.')
    .argument('<file>', 'scenario JSON file')
    .option('--owner <org>', 'owning organisation: 2026 ICB ODS code, region ODS code or national', NATIONAL)
    .option('--replace', 'replace a stored scenario of the same name')
    .option(...WORKSPACE)
    .action(async (file: string, opts: { owner: string; replace?: boolean; workspace?: string }) => {
      const json = await readScenarioFile(file);
      const ws = await openCliWorkspace(opts.workspace);
      try {
        const owner = await requireOrganisation(ws, opts.owner, '--owner');
        const saved = await saveScenario(ws, json, {
          owner: owner.code,
          by: cliSession().actor,
          file,
          replace: opts.replace,
        });
        say(
          `Stored scenario ${saved.name} (revision ${saved.revision}): base year ${saved.baseYear}, ${saved.years} years, ` +
            `${saved.units.length} units, ${saved.schemes} QIPP schemes`,
        );
      } finally {
        ws.close();
      }
    });

  scenario
    .command('list')
    .description('List the stored scenarios.')
    .option('--format <format>', 'text or json', 'text')
    .option(...WORKSPACE)
    .action(async (opts: { format: string; workspace?: string }) => {
      const format = parseListFormat(opts.format);
      const ws = await openCliWorkspace(opts.workspace, { readOnly: true });
      try {
        const rows = await listScenarios(ws);
        if (format === 'json') {
          say(JSON.stringify({ rows }, null, 2));
          return;
        }
        for (const s of rows) {
          say(`${s.name}\t${s.owner}\tr${s.revision}\t${s.baseYear} + ${s.years} years\t${s.units.join(' ')}`);
        }
        say(`${rows.length} scenario${rows.length === 1 ? '' : 's'}`);
      } finally {
        ws.close();
      }
    });

  scenario
    .command('show')
    .description('Print a stored scenario as JSON (the file that would add it again).')
    .argument('<name>', 'scenario name')
    .option(...WORKSPACE)
    .action(async (name: string, opts: { workspace?: string }) => {
      const ws = await openCliWorkspace(opts.workspace, { readOnly: true });
      try {
        say(JSON.stringify((await getScenario(ws, name)).scenario, null, 2));
      } finally {
        ws.close();
      }
    });

  scenario
    .command('remove')
    .description('Remove a stored scenario and its stored plan.')
    .argument('<name>', 'scenario name')
    .option(...WORKSPACE)
    .action(async (name: string, opts: { workspace?: string }) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        await deleteScenario(ws, name, cliSession().actor);
        say(`Removed scenario ${name}`);
      } finally {
        ws.close();
      }
    });
}
