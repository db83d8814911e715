// `footprint scenario add|list|show|remove`: financial-planning scenarios stored in the workspace.
import type { Command } from 'commander';
import { writeXlsx } from '../../data/export/write-xlsx.ts';
import { comparisonTables, readScenarioComparison } from '../../data/planning/compare-scenarios.ts';
import { readScenarioFile } from '../../data/planning/read-scenario-file.ts';
import { deleteScenario, getScenario, listScenarios, saveScenario } from '../../data/planning/scenario-store.ts';
import { NATIONAL, requireOrganisation } from '../../data/users/organisations.ts';
import { parseListFormat } from '../list-format.ts';
import { say } from '../output.ts';
import { reportFormat } from '../report-output.ts';
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

  scenario
    .command('compare')
    .description('Compare two or three stored scenarios for a unit they share: key figures and gap by year.')
    .argument('<names...>', 'two or three stored scenario names')
    .option('--unit <unit>', 'the unit to compare (an ICB code or footprint:NAME; default the first they share)')
    .option('--format <format>', 'text, json or xlsx', 'text')
    .option('--out <file>', 'file for xlsx')
    .option(...WORKSPACE)
    .action(async (names: string[], opts: { unit?: string; format: string; out?: string; workspace?: string }) => {
      reportFormat(opts.format, opts.out, 'comparison.xlsx', ['text', 'json', 'xlsx']);
      // Planning the scenarios stores their plans, so this opens the workspace for writing.
      const ws = await openCliWorkspace(opts.workspace);
      try {
        const comparison = await readScenarioComparison(ws, names, opts.unit);
        if (opts.format === 'json') say(JSON.stringify(comparison, null, 2));
        else if (opts.format === 'xlsx') {
          await writeXlsx(comparisonTables(comparison), opts.out!);
          say(`Wrote the comparison of ${comparison.scenarios.join(', ')} to ${opts.out}`);
        } else {
          const money = (v: number | string | null) =>
            typeof v === 'number' ? v.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' }) : (v ?? '–');
          say(`Comparing for ${comparison.unit ?? 'each scenario’s first unit'}`);
          say(['Figure', ...comparison.scenarios].join('\t'));
          for (const f of comparison.figures) {
            say([f.figure, ...f.values.map((v) => (f.kind === 'money' ? money(v) : String(v ?? '–')))].join('\t'));
          }
          for (const g of comparison.gapByYear) {
            say([`Gap ${g.scenario}`, ...comparison.years.map((y) => `${y} ${money(g.byYear[y] ?? null)}`)].join('\t'));
          }
        }
      } finally {
        ws.close();
      }
    });
}
