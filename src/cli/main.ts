// The `footprint` command. Each verb lives in commands/<verb>.ts and registers itself here.
import type { Command } from 'commander';
import { COMMANDS } from './commands/index.ts';
import { exitWithError } from './output.ts';
import { endQuietlyWhenReaderCloses, newProgram } from './program.ts';

export function buildProgram(): Command {
  const program = newProgram();
  for (const register of COMMANDS) register(program);
  return program;
}

// Only run when executed (from source or compiled), not when imported by tests.
if (process.argv[1] && /cli[\\/]main\.[jt]s$/.test(process.argv[1])) {
  endQuietlyWhenReaderCloses();
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => exitWithError(error));
}
