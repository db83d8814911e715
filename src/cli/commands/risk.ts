// `footprint risk list|show|add|update`: the risk register at the command line, read and written through
// the same register as the API (the command line acts with national scope, audited as cli:<user>).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { fail } from '../../core/errors.ts';
import { RISK_COLUMNS, RISK_LINK_KINDS, type Risk } from '../../core/risks/index.ts';
import { commandLineActor } from '../../data/audit/record-audit.ts';
import { writeCsv } from '../../data/export/write-csv.ts';
import { getRisk, listRisks, saveRisk } from '../../data/risks/risk-register.ts';
import { findOrganisation } from '../../data/users/organisations.ts';
import type { Workspace } from '../../data/workspace.ts';
import { reportFormat } from '../report-output.ts';
import { openCliWorkspace } from '../session.ts';

const today = () => new Date().toISOString().slice(0, 10);

async function readRiskFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) =>
    fail('FP_RISK_BAD_INPUT', `${file} cannot be read.`, { where: { file }, received: error.code ?? 'unreadable' }),
  );
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail('FP_RISK_BAD_INPUT', `${file} is not JSON.`, {
      where: { file },
      received: (error as Error).message,
      accepted: 'a risk as JSON (docs/risks.md)',
    });
  }
}

async function withWorkspace<T>(dir: string | undefined, work: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await openCliWorkspace(dir);
  try {
    return await work(ws);
  } finally {
    ws.close();
  }
}

const national = async (ws: Workspace) => (await findOrganisation(ws, 'national'))!;

function line(r: Risk): string {
  const due = r.reviewDue ? '  REVIEW DUE' : '';
  return `${r.id}  ${r.residualScore.toString().padStart(2)} ${r.residualRating.padEnd(8)} (was ${r.score} ${r.rating})  ${r.category}  ${r.organisationName}: ${r.title} [${r.status}]${due}`;
}

export function register(program: Command): void {
  const risk = program.command('risk').description('The risk register: list, show, add and update risks.');
  risk
    .command('list')
    .description('Risks, highest score after mitigation first.')
    .option('--organisation <code>', "only this organisation's risks (ICB, region or national)")
    .option('--link <kind:code>', `only risks linked to this (${RISK_LINK_KINDS.join(', ')}), e.g. provider:RJ1`)
    .option('--format <format>', 'text | json | csv', 'text')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (opts: { organisation?: string; link?: string; format: string; workspace?: string }) => {
      reportFormat(opts.format, undefined, 'risks.csv', ['text', 'json', 'csv']);
      const [kind, ...code] = (opts.link ?? '').split(':');
      if (opts.link !== undefined && (!RISK_LINK_KINDS.some((k) => k === kind) || code.length === 0)) {
        fail('FP_CLI_BAD_OPTION', 'A link is a kind and a code.', {
          where: { parameter: '--link' },
          received: opts.link,
          accepted: `${RISK_LINK_KINDS.join(' | ')}:CODE, e.g. provider:RJ1`,
        });
      }
      await withWorkspace(opts.workspace, async (ws) => {
        const rows = await listRisks(ws, await national(ws), {
          organisation: opts.organisation,
          link: opts.link ? { kind: kind!, code: code.join(':') } : undefined,
          today: today(),
        });
        if (opts.format === 'json') process.stdout.write(`${JSON.stringify({ rows }, null, 1)}\n`);
        else if (opts.format === 'csv') {
          await writeCsv({ name: 'Risks', columns: RISK_COLUMNS, rows: rows as never }, process.stdout);
        } else process.stdout.write(rows.length ? `${rows.map(line).join('\n')}\n` : 'No risks.\n');
      });
    });
  risk
    .command('show <id>')
    .description('One risk and its history (JSON).')
    .option('--workspace <dir>', 'workspace folder')
    .action(async (id: string, opts: { workspace?: string }) => {
      await withWorkspace(opts.workspace, async (ws) => {
        process.stdout.write(`${JSON.stringify(await getRisk(ws, await national(ws), id, today()), null, 1)}\n`);
      });
    });
  for (const [verb, description] of [
    ['add', 'Add a risk from a JSON file (docs/risks.md).'],
    ['update', 'Replace risk ID with the JSON file (its revision goes up; the change is audited).'],
  ] as const) {
    risk
      .command(verb === 'add' ? 'add <file>' : 'update <id> <file>')
      .description(description)
      .option('--workspace <dir>', 'workspace folder')
      .action(async (...args: unknown[]) => {
        const [id, file] = verb === 'add' ? [null, args[0] as string] : [args[0] as string, args[1] as string];
        const opts = args[verb === 'add' ? 1 : 2] as { workspace?: string };
        const json = await readRiskFile(file);
        await withWorkspace(opts.workspace, async (ws) => {
          const saved = await saveRisk(ws, id, json, {
            actor: await national(ws),
            by: commandLineActor(),
            today: today(),
          });
          process.stdout.write(`${verb === 'add' ? 'Added' : 'Updated'} ${line(saved)}\n`);
        });
      });
  }
}
