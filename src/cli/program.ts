// The `footprint` program: every verb of commands/, with file paths made absolute from where the command was
// typed (the client's folder when it runs inside a server).
import { Command } from 'commander';
import { COMMANDS } from './commands/index.ts';
import { resolvePathArguments } from './session.ts';

/** A fresh program. configure (output and exit handling for a forwarded run) is applied before the verbs are
 * registered, so every verb inherits it. */
export function buildProgram(configure: (program: Command) => void = () => {}): Command {
  const program = new Command('footprint')
    .description('Plan NHS specialised services on the right population footprint.')
    .showHelpAfterError('(run `footprint --help` for the commands)')
    .configureOutput({ outputError: (text, write) => write(text) });
  configure(program);
  program.hook('preAction', (_program, command) => resolvePathArguments(command));
  for (const register of COMMANDS) register(program);
  return program;
}
