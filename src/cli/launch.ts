// Starts the compiled CLI (dist/cli/launch.js, run by bin/footprint.js) without loading every verb: the
// top-level help and the version need no verb at all, and a verb loads only its own module and what that
// imports. Which module registers which verb, and the full help text, were written at build time by
// scripts/build-cli.ts into cli-manifest.json beside this file.
import { readFileSync } from 'node:fs';
import { endQuietlyWhenReaderCloses, footprintVersion, newProgram } from './program.ts';

export interface CliManifest {
  /** `footprint --help` as the full program prints it. */
  help: string;
  /** Verb (or alias) → module, relative to this directory, whose `register` adds it. */
  verbs: Record<string, string>;
}

export const MANIFEST_FILE = 'cli-manifest.json';

export async function launch(argv: string[]): Promise<void> {
  endQuietlyWhenReaderCloses();
  const manifest = JSON.parse(readFileSync(new URL(`./${MANIFEST_FILE}`, import.meta.url), 'utf8')) as CliManifest;
  const args = argv.slice(2);
  if (args.length === 1 && ['--help', '-h', 'help'].includes(args[0]!)) {
    process.stdout.write(manifest.help);
    return;
  }
  if (args.length === 1 && ['--version', '-V'].includes(args[0]!)) {
    process.stdout.write(`${footprintVersion()}\n`);
    return;
  }
  // A running server holding the workspace runs the command itself (control/): nothing is locked out.
  const { forwardIfServed } = await import('./control/control-client.ts');
  const forwarded = await forwardIfServed(args).catch(async (error: unknown) => {
    const { exitWithError } = await import('./output.ts');
    return exitWithError(error);
  });
  if (forwarded !== null) process.exit(forwarded);
  const asked = args[0] === 'help' ? args[1] : args[0];
  const module = asked === undefined ? undefined : manifest.verbs[asked];
  try {
    if (module === undefined) {
      // No args, an unknown verb or a misspelling: the full program answers with its usual help and hints.
      const { buildProgram } = await import('./main.ts');
      await buildProgram().parseAsync(argv);
      return;
    }
    const { register } = (await import(new URL(module, import.meta.url).href)) as {
      register: (program: ReturnType<typeof newProgram>) => void;
    };
    const program = newProgram();
    register(program);
    await program.parseAsync(argv);
  } catch (error) {
    const { exitWithError } = await import('./output.ts');
    exitWithError(error);
  }
}
