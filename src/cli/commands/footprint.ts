// `footprint footprint add|list|remove`: named sets of ICBs.
import type { Command } from 'commander';
import { addFootprint, listFootprints, removeFootprint } from '../../data/footprints.ts';
import { parseListFormat } from '../list-format.ts';
import { say } from '../output.ts';
import { cliSession, openCliWorkspace } from '../session.ts';

export function register(program: Command): void {
  const footprint = program.command('footprint').description('List, add and remove footprints (named sets of ICBs).');

  footprint
    .command('add')
    .description('Add a user-defined footprint over 2026 ICB codes.')
    .argument('<name>', 'footprint name (letters, digits, spaces, hyphens, ampersands)')
    .argument('<icb...>', 'ICB ODS codes of the 2026 geography, e.g. QKK QWE')
    .option('--description <text>', 'what the footprint is for')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (name: string, icbs: string[], opts: { description?: string; workspace?: string }) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        const added = await addFootprint(ws, name, icbs, opts.description, { by: cliSession().actor });
        say(`Added footprint ${added.name}: ${added.icbs.join(', ')}`);
      } finally {
        ws.close();
      }
    });

  footprint
    .command('list')
    .description('List every footprint and its ICBs.')
    .option('--format <format>', 'text or json', 'text')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (opts: { format: string; workspace?: string }) => {
      const format = parseListFormat(opts.format);
      const ws = await openCliWorkspace(opts.workspace, { readOnly: true });
      try {
        const rows = await listFootprints(ws);
        if (format === 'json') {
          say(JSON.stringify({ rows }, null, 2));
          return;
        }
        for (const f of rows) say(`${f.name}\t${f.kind}\t${f.icbs.join(' ')}`);
        say(`${rows.length} footprints (geography vintage 2026)`);
      } finally {
        ws.close();
      }
    });

  footprint
    .command('remove')
    .description('Remove a user-defined footprint.')
    .argument('<name>', 'footprint name')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (name: string, opts: { workspace?: string }) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        await removeFootprint(ws, name, cliSession().actor);
        say(`Removed footprint ${name}`);
      } finally {
        ws.close();
      }
    });
}
