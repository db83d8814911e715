import type { Command } from 'commander';
import { openWorkspace, workspaceDir } from '../../data/workspace.ts';
import { buildApp } from '../../server/app.ts';
import { parseWholeNumber } from '../options.ts';
import { say } from '../output.ts';

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';
export const TRUST_PROXY_HELP =
  'behind a reverse proxy: take client addresses and https from its X-Forwarded headers (see docs/deployment.md)';

export interface ServeOptions {
  workspace?: string;
  port: string;
  host: string;
  /** Behind a reverse proxy: believe its X-Forwarded-For and X-Forwarded-Proto (docs/deployment.md). */
  trustProxy?: boolean;
}

export async function serveWorkspace(opts: ServeOptions): Promise<void> {
  const ws = await openWorkspace(workspaceDir(opts.workspace));
  const app = await buildApp({ workspace: ws, trustProxy: opts.trustProxy === true });
  const port = parseWholeNumber(opts.port, '--port', 0);
  await app.listen({ port, host: opts.host });
  say(`Footprint is serving ${ws.dir} at http://${opts.host}:${port}/ (Ctrl-C to stop)`);
  const stop = async () => {
    await app.close();
    ws.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('Serve the web app and API over a workspace.')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option('--port <n>', 'port to listen on', String(DEFAULT_PORT))
    .option('--host <h>', 'address to bind (loopback by default)', DEFAULT_HOST)
    .option('--trust-proxy', TRUST_PROXY_HELP)
    .action(serveWorkspace);
}
