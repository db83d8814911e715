// The `footprint` program before any verb is registered: shared by the full CLI (main.ts) and the launcher
// that registers only the verb it was asked for (launch.ts), so both answer alike. File paths a command is
// given are made absolute from where it was typed (the client's folder when it runs inside a server).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { resolvePathArguments } from './session.ts';

/** The version in package.json; src/cli and dist/cli sit at the same depth, so one path serves both. */
export function footprintVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function newProgram(): Command {
  return new Command('footprint')
    .description('Plan NHS specialised services on the right population footprint.')
    .version(footprintVersion(), '-V, --version', 'print the version and exit')
    .showHelpAfterError('(run `footprint --help` for the commands)')
    .configureOutput({ outputError: (text, write) => write(text) })
    .hook('preAction', (_program, command) => resolvePathArguments(command));
}

/** `footprint … | head` closes the pipe before the output is all written: stop quietly with status 0, as
 * the reader asked for no more, instead of dying on an unhandled EPIPE. */
export function endQuietlyWhenReaderCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}
