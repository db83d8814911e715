// The `footprint` command. Each verb lives in commands/<verb>.ts and registers itself in program.ts. When a
// running server holds the workspace, the command line is sent to it and run there (control/), so the
// server never locks the command line out.
import { forwardIfServed } from './control/control-client.ts';
import { exitWithError } from './output.ts';
import { buildProgram } from './program.ts';

export { buildProgram };

// Only run when executed, not when imported by tests.
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  forwardIfServed(process.argv.slice(2))
    .then(async (exitCode) => {
      if (exitCode === null) await buildProgram().parseAsync(process.argv);
      else process.exit(exitCode);
    })
    .catch((error: unknown) => exitWithError(error));
}
