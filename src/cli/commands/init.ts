import type { Command } from 'commander';
import { DEFAULT_ACTIVITY_ROWS, DEFAULT_SEED, type InitOptions, initWorkspace } from '../../data/init-workspace.ts';
import { parseWholeNumber } from '../options.ts';
import { progressReporter, say } from '../output.ts';
import { cliWorkspaceDir } from '../session.ts';

/** Initialises a workspace, printing each step and a progress bar (or lines) for the long ones. */
export async function initWorkspaceShowingProgress(options: Omit<InitOptions, 'onStep' | 'onProgress'>): Promise<void> {
  const progress = progressReporter();
  const ws = await initWorkspace({
    ...options,
    onStep: (step) => {
      progress.finish();
      say(`${step}…`);
    },
    onProgress: progress.update,
  });
  progress.finish();
  ws.close();
}

export function register(program: Command): void {
  program
    .command('init')
    .description('Create a workspace: load England reference data and generate synthetic national activity.')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option('--activity-rows <n>', 'rows of synthetic activity to generate', String(DEFAULT_ACTIVITY_ROWS))
    .option('--seed <s>', 'seed for the synthetic activity', String(DEFAULT_SEED))
    .option('--no-activity', 'load reference data only')
    .action(async (opts: { workspace?: string; activityRows: string; seed: string; activity: boolean }) => {
      const dir = cliWorkspaceDir(opts.workspace);
      await initWorkspaceShowingProgress({
        dir,
        activityRows: parseWholeNumber(opts.activityRows, '--activity-rows', 1),
        seed: parseWholeNumber(opts.seed, '--seed', 0),
        withActivity: opts.activity,
      });
      say(`Workspace ready at ${dir}`);
    });
}
