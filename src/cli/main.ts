// The `footprint` command. Each verb lives in commands/<verb>.ts and registers itself here. When a running
// server holds the workspace, the command line is sent to it and run there (control/), so the server never
// locks the command line out.
import type { Command } from 'commander';
import { COMMANDS } from './commands/index.ts';
import { forwardIfServed } from './control/control-client.ts';
import { exitWithError } from './output.ts';
import { endQuietlyWhenReaderCloses, newProgram } from './program.ts';

/** The whole program. configure (output and exit handling for a run forwarded to a server) is applied
 * before the verbs are registered, so every verb inherits it. */
export function buildProgram(configure: (program: Command) => void = () => {}): Command {
  const program = newProgram();
  configure(program);
  for (const register of COMMANDS) register(program);
  return program;
}

// Only run when executed (from source or compiled), not when imported by tests.
if (process.argv[1] && /cli[\\/]main\.[jt]s$/.test(process.argv[1])) {
  endQuietlyWhenReaderCloses();
  forwardIfServed(process.argv.slice(2))
    .then(async (exitCode) => {
      if (exitCode === null) await buildProgram().parseAsync(process.argv);
      else process.exit(exitCode);
    })
    .catch((error: unknown) => exitWithError(error));
}
