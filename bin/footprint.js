#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm run build`), so a call starts at once instead of compiling
// TypeScript on every start. When dist/ is missing or older than src/ (a fresh clone, or after editing or
// pulling), it compiles once first (about 10 s, said on stderr) and then runs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'dist', 'cli', 'cli-manifest.json');

/** Newest modification time under `path`; folders count too, so a deleted file makes the build stale. */
function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

const sources = ['src', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build-cli.ts'].map((p) => join(root, p));
if (!existsSync(manifest) || Math.max(...sources.map(newestChange)) > statSync(manifest).mtimeMs) {
  process.stderr.write('footprint: compiling the CLI into dist/ first (it is missing or older than src/)…\n');
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  // The build's own output goes to stderr: stdout belongs to the command that was asked for.
  const built = spawnSync(process.execPath, [tsx, join(root, 'scripts', 'build-cli.ts')], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const { launch } = await import(pathToFileURL(join(root, 'dist', 'cli', 'launch.js')).href);
await launch(process.argv);
