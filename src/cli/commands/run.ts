// `footprint run`: provider basis → population basis, flows and cross-boundary shares for one dataset and
// geography, with the money-conservation check printed.

import type { Command } from 'commander';
import { UNKNOWN_RESIDENCE_RULES } from '../../core/basis/index.ts';
import type { ActivityEngine } from '../../data/engines/engine.ts';
import { type OpenedEngine, openActivityEngine } from '../../data/engines/open-engine.ts';
import { type BasisConversionResult, runBasisConversion } from '../../data/run/run-basis-conversion.ts';
import { storeAtlasAfterRun } from '../../data/variation/compute-atlas.ts';
import type { Workspace } from '../../data/workspace.ts';
import { penceText } from '../human-format.ts';
import { geographyOption } from '../options.ts';
import { say } from '../output.ts';
import { openCliWorkspace } from '../session.ts';

interface RunOptions {
  workspace?: string;
  dataset?: string;
  geography: string;
  unknownResidence?: string;
  atlas: boolean;
}

/** `--no-atlas`, on `run` and `import --run`. */
export const NO_ATLAS_OPTION = [
  '--no-atlas',
  'leave the atlas of variation to be computed when first viewed (default: stored with the run)',
] as const;

export function register(program: Command): void {
  program
    .command('run')
    .description('Convert spend from provider basis to population basis and store flows and allocations.')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option('--dataset <name>', 'activity dataset (default: the current dataset)')
    .addOption(geographyOption())
    .option(
      '--unknown-residence <rule>',
      `where spend with no valid residence goes: ${UNKNOWN_RESIDENCE_RULES.join(' | ')} (default: the workspace setting, else provider-host-icb)`,
    )
    .option(...NO_ATLAS_OPTION)
    .action(async (opts: RunOptions) => {
      const ws = await openCliWorkspace(opts.workspace);
      let engine: OpenedEngine | undefined;
      try {
        const started = performance.now();
        engine = await openActivityEngine(ws);
        const result = await runBasisConversion(ws, {
          dataset: opts.dataset,
          vintage: opts.geography,
          unknownResidenceRule: opts.unknownResidence,
          engine: engine.engine,
        });
        await reportRun(ws, result, engine.engine, opts.atlas);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        say(`Done in ${seconds} s (${result.engine})`);
      } finally {
        await engine?.close();
        ws.close();
      }
    });
}

/** Prints what a run stored and, unless told not to, stores the atlas after it (when the run is of the
 * current dataset). */
export async function reportRun(
  ws: Workspace,
  result: BasisConversionResult,
  engine: ActivityEngine,
  atlas: boolean,
): Promise<void> {
  say(`Dataset ${result.dataset}, ${result.vintage} geography, unknown residence: ${result.unknownResidenceRule}`);
  say(`Activity rows read: ${result.rows.toLocaleString('en-GB')}`);
  say(`Total spend: ${penceText(result.costPence)}`);
  say(
    `Unknown residence: ${result.unknownResidenceRows.toLocaleString('en-GB')} rows, ${penceText(result.unknownResidenceCostPence)} (${
      result.unknownResidenceRule === 'unallocated' ? 'listed as UNALLOCATED' : "booked to the provider's host ICB"
    })`,
  );
  say(`Flows stored: ${result.flows.toLocaleString('en-GB')}`);
  say(
    `Money conserved: provider basis = population basis = accepted cost, to the penny, for all ${result.conservationChecked} year × service totals`,
  );
  if (!atlas) return;
  const stored = await storeAtlasAfterRun(ws, result, engine);
  if (stored)
    say(
      `Atlas of variation stored: ${stored.rates.toLocaleString('en-GB')} ICB rates in ${stored.seconds.toFixed(1)} s`,
    );
}
