// The `footprint` command. Each verb lives in commands/<verb>.ts and registers itself here.
import { Command } from 'commander';
import { COMMANDS } from './commands/index.ts';
import { exitWithError } from './output.ts';

export function buildProgram(): Command {
  const program = new Command('footprint')
    .description('Plan NHS specialised services on the right population footprint.')
    .showHelpAfterError('(run `footprint --help` for the commands)')
    .configureOutput({ outputError: (text, write) => write(text) });
  for (const register of COMMANDS) register(program);
  return program;
}

// Only run when executed, not when imported by tests.
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => exitWithError(error));
}
