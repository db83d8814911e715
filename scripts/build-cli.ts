// Compiles src/ to dist/ (tsc with tsconfig.build.json) and writes dist/cli/cli-manifest.json, so that
// bin/footprint.js starts the CLI as plain JavaScript and loads only the verb it is asked for. Compiles into a
// scratch folder and swaps it in, so a CLI started meanwhile never sees half a build.
// Run by `npm run build`, by `npm start`, and by bin/footprint.js once when dist/ is missing or older than src/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { COMMANDS } from '../src/cli/commands/index.ts';
import { type CliManifest, MANIFEST_FILE } from '../src/cli/launch.ts';
import { buildProgram } from '../src/cli/main.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const scratch = join(root, `dist.building-${process.pid}`);

async function manifest(): Promise<CliManifest> {
  const commandsDir = join(root, 'src/cli/commands');
  const moduleOf = new Map<unknown, string>();
  for (const file of readdirSync(commandsDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const mod = (await import(pathToFileURL(join(commandsDir, file)).href)) as { register?: unknown };
    if (mod.register) moduleOf.set(mod.register, `./commands/${file.replace(/\.ts$/, '.js')}`);
  }
  const verbs: Record<string, string> = {};
  for (const register of COMMANDS) {
    const module = moduleOf.get(register);
    if (!module) throw new Error('A registered CLI verb does not come from a module in src/cli/commands.');
    const alone = new Command();
    register(alone);
    for (const command of alone.commands) {
      for (const name of [command.name(), ...command.aliases()]) verbs[name] = module;
    }
  }
  // A fixed width, so the help does not depend on the terminal that ran the build.
  const help = buildProgram().configureHelp({ helpWidth: 80 }).helpInformation();
  return { help, verbs };
}

const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', scratch], {
  stdio: 'inherit',
});
if (compiled.status !== 0) {
  rmSync(scratch, { recursive: true, force: true });
  process.exit(compiled.status ?? 1);
}
writeFileSync(join(scratch, 'cli', MANIFEST_FILE), `${JSON.stringify(await manifest(), null, 2)}\n`);
const old = `${dist}.old-${process.pid}`;
if (existsSync(dist)) renameSync(dist, old);
try {
  renameSync(scratch, dist);
} catch (error) {
  // Another build (two CLI calls started on a stale dist/ at once) swapped its dist/ in first: same sources,
  // so keep that one.
  if (!existsSync(dist)) throw error;
  rmSync(scratch, { recursive: true, force: true });
}
rmSync(old, { recursive: true, force: true });
console.log('Compiled the CLI and server into dist/.');
