import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { legacyServiceKeysWarning } from '../../data/reference/legacy-service-keys.ts';
import { ensureFirstAdmin } from '../../data/users/ensure-first-admin.ts';
import { openWorkspace, WORKSPACE_FILE } from '../../data/workspace.ts';
import { say } from '../output.ts';
import { cliWorkspaceDir } from '../session.ts';
import { initWorkspaceShowingProgress } from './init.ts';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  LOG_LEVEL_OPTION,
  type ServeOptions,
  serveWorkspace,
  TRUST_PROXY_HELP,
} from './serve.ts';

export function register(program: Command): void {
  program
    .command('start')
    .description('What `npm start` runs: create the default workspace on first run, then serve it.')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option('--port <n>', 'port to listen on', process.env.PORT ?? String(DEFAULT_PORT))
    .option('--host <h>', 'address to bind (loopback by default)', DEFAULT_HOST)
    .option('--trust-proxy', TRUST_PROXY_HELP)
    .option(...LOG_LEVEL_OPTION)
    .action(async (opts: ServeOptions) => {
      const dir = cliWorkspaceDir(opts.workspace);
      if (!existsSync(join(dir, WORKSPACE_FILE))) {
        say(`First run: creating a workspace at ${dir} with England reference data and synthetic activity.`);
        const started = Date.now();
        await initWorkspaceShowingProgress({ dir });
        say(`Workspace created in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
      }
      const ws = await openWorkspace(dir);
      const legacy = await legacyServiceKeysWarning(ws);
      if (legacy) say(`Warning: ${legacy}`);
      const firstAdmin = await ensureFirstAdmin(ws).finally(() => ws.close());
      if (firstAdmin) {
        say('');
        say('No users yet, so Footprint made the first administrator. This password is shown once only:');
        say(`  email:    ${firstAdmin.email}`);
        say(`  password: ${firstAdmin.password}`);
        say(
          `Sign in at http://${opts.host}:${opts.port}/ (you will set a password of your own), then add people on the Users page or with \`footprint user add\`.`,
        );
        say('');
      }
      await serveWorkspace({ ...opts, workspace: dir });
    });
}
