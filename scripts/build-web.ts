// Builds the web app into web/dist when it is missing or older than its sources, so `npm start` and the
// browser tests always serve what is in web/src without paying for a build (≈7 s) on every start.
// Run directly (`tsx scripts/build-web.ts [--force]`) or import `buildWebIfStale`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');
const builtPage = join(web, 'dist', 'index.html');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export function webBuildIsStale(): boolean {
  if (!existsSync(builtPage)) return true;
  const sources = [
    join(web, 'src'),
    join(web, 'index.html'),
    join(web, 'vite.config.ts'),
    join(root, 'package-lock.json'),
  ];
  const newestSource = Math.max(...sources.filter((p) => existsSync(p)).map(newestChange));
  return newestSource > statSync(builtPage).mtimeMs;
}

export async function buildWebIfStale(
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<boolean> {
  if (!options.force && !webBuildIsStale()) return false;
  const started = Date.now();
  // Vite takes NODE_ENV from the environment when set; under vitest it is 'test', which would bundle
  // React's development build (twice the size). The app is always built for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(web, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  options.log?.(`Built the web app into web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWebIfStale({ force: process.argv.includes('--force'), log: (line) => console.error(line) });
}
