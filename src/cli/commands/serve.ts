import { join } from 'node:path';
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { fail } from '../../core/errors.ts';
import { openWorkspace, type Workspace } from '../../data/workspace.ts';
import { buildApp } from '../../server/app.ts';
import { LOG_LEVELS, type LogLevel } from '../../server/logging.ts';
import { WorkspaceChanges } from '../../server/workspace-changes.ts';
import { type ControlChannel, openControlChannel } from '../control/control-server.ts';
import { parseWholeNumber } from '../options.ts';
import { say } from '../output.ts';
import { cliWorkspaceDir } from '../session.ts';

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';
export const TRUST_PROXY_HELP =
  'behind a reverse proxy: take client addresses and https from its X-Forwarded headers (see docs/deployment.md)';
export const LOG_LEVEL_OPTION = ['--log-level <level>', `what to log: ${LOG_LEVELS.join(', ')}`, 'info'] as const;

export interface ServeOptions {
  workspace?: string;
  port: string;
  host: string;
  /** Behind a reverse proxy: believe its X-Forwarded-For and X-Forwarded-Proto (docs/deployment.md). */
  trustProxy?: boolean;
  /** fatal, error, warn, info (default), debug, trace or silent. */
  logLevel?: string;
}

/** Where `footprint serve` logs, inside the workspace folder. */
export const LOG_FILE = join('logs', 'footprint.log');

function parseLogLevel(text: string): LogLevel {
  const level = LOG_LEVELS.find((l) => l === text);
  if (!level) {
    fail('FP_CLI_BAD_OPTION', `"${text}" is not a log level.`, {
      where: { parameter: '--log-level' },
      received: text,
      accepted: LOG_LEVELS.join(', '),
    });
  }
  return level;
}

export interface RunningServer {
  ws: Workspace;
  app: FastifyInstance;
  control: ControlChannel;
  /** The port listened on (the one chosen when 0 was asked for). */
  port: number;
  close(): Promise<void>;
}

/** Opens the workspace, listens for HTTP and for commands from the command line. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const level = parseLogLevel(opts.logLevel ?? 'info');
  const ws = await openWorkspace(cliWorkspaceDir(opts.workspace));
  const changes = new WorkspaceChanges();
  const app = await buildApp({
    workspace: ws,
    changes,
    trustProxy: opts.trustProxy === true,
    log: { level, file: join(ws.dir, LOG_FILE) },
  });
  const port = parseWholeNumber(opts.port, '--port', 0);
  await app.listen({ port, host: opts.host });
  const control = await openControlChannel(ws, { onChange: () => changes.changed(), log: app.log }).catch(
    (error: unknown): ControlChannel => {
      // A socket path longer than the system allows (about 100 bytes) or an unwritable folder: serve anyway;
      // commands typed meanwhile then meet the workspace lock, as before there was a channel.
      app.log.warn({ err: error }, 'commands from the command line cannot reach this server');
      return { path: '', close: async () => {} };
    },
  );
  const address = app.server.address();
  return {
    ws,
    app,
    control,
    port: typeof address === 'object' && address ? address.port : port,
    close: async () => {
      await control.close();
      await app.close();
      ws.close();
    },
  };
}

export async function serveWorkspace(opts: ServeOptions): Promise<void> {
  const server = await startServer(opts);
  say(`Footprint is serving ${server.ws.dir} at http://${opts.host}:${server.port}/ (Ctrl-C to stop)`);
  say(
    server.control.path
      ? `Footprint commands typed meanwhile run through this server. Log: ${join(server.ws.dir, LOG_FILE)}`
      : `Commands typed meanwhile cannot reach this server (see the log): ${join(server.ws.dir, LOG_FILE)}`,
  );
  const stop = async () => {
    await server.close();
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
    .option(...LOG_LEVEL_OPTION)
    .action(serveWorkspace);
}
