// Peer benchmark: the core job — load an activity CSV, attribute each row to its resident ICB and its
// provider's host ICB, total spend on both bases and the flows between them — done three ways on the same
// generated file, one after another in one run:
//   R       the data.table script an NHS analyst would write (fread, two keyed joins, three group-bys);
//   floor   bare DuckDB in memory: read_csv and the same joins and aggregations, no validation, nothing kept;
//   Footprint  `footprint import --run --no-atlas`: the import (validated, rejects, all-or-nothing, durable) and
//              the run committed in one transaction — the same job as the other two. The atlas of variation,
//              which `run` also stores by default and neither peer computes, is left to its first view.
// Each is a separate process timed whole by /usr/bin/time (wall, CPU, peak memory); the page cache is warmed
// first. Prints the ratios Footprint/R and Footprint/floor. R comes from Debian (r-base-core and
// r-cran-data.table), installed here when missing. A benchmark, never a timed test.
//
// Usage: tsx bench/peer.bench.ts [--rows 3000000] [--repeat 1]
// Works in bench/out/peer: a reference-only workspace, the generated file, the R and floor scripts it
// writes, and a fresh copy of the workspace for each Footprint import.
import { spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';

const root = join(import.meta.dirname, '..');
const out = join(root, 'bench', 'out', 'peer');
const bin = join(root, 'bin', 'footprint.js');
const { values } = parseArgs({
  options: { rows: { type: 'string', default: '3000000' }, repeat: { type: 'string', default: '1' } },
});
const rows = Number(values.rows);
const repeat = Number(values.repeat);

interface Timed {
  wall: number;
  cpu: number;
  peakMiB: number;
  stdout: string;
}

/** Runs a command to the end under /usr/bin/time; fails loudly if it fails. */
function timed(command: string, args: string[]): Timed {
  const result = spawnSync('/usr/bin/time', ['-f', 'TIMED %e %U %S %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = /TIMED ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !line) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  return {
    wall: Number(line[1]),
    cpu: Number(line[2]) + Number(line[3]),
    peakMiB: Number(line[4]) / 1024,
    stdout: result.stdout,
  };
}

function must(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
  return result.stdout;
}

function ensureR(): void {
  const check = spawnSync('Rscript', ['-e', 'library(data.table)'], { stdio: 'ignore' });
  if (check.status === 0) return;
  console.log('Installing R and data.table from Debian (r-base-core, r-cran-data.table)…');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', 'r-base-core', 'r-cran-data.table'],
  ]) {
    const [command, ...rest] = [...sudo, ...args];
    const done = spawnSync(command!, rest, { stdio: 'inherit', env });
    if (done.status !== 0) throw new Error(`${args.join(' ')} failed`);
  }
}

const R_SCRIPT = `# The analyst's script: load, attribute to resident ICB and provider host ICB, aggregate both bases and flows.
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
a <- fread(args[1], colClasses = list(character = c("residence_code", "service_code", "provider_code", "month")))
residence <- fread(args[2], colClasses = "character")
provider <- fread(args[3], colClasses = "character")
a[residence, on = .(residence_code = code), resident_icb := i.icb_2026]
a[provider, on = .(provider_code), provider_icb := i.host_icb]
a[is.na(provider_icb) | provider_icb == "", provider_icb := "UNALLOCATED"]
a[, residence_known := !is.na(resident_icb) & resident_icb != ""]
# Unknown or unmapped residence: booked to the provider's host ICB (Footprint's default rule).
a[is.na(resident_icb) | resident_icb == "", resident_icb := provider_icb]
population <- a[, .(spend = sum(cost), activity = sum(activity)), by = .(financial_year, service_code, resident_icb)]
providers <- a[, .(spend = sum(cost), activity = sum(activity)), by = .(financial_year, service_code, provider_icb)]
flows <- a[, .(spend = sum(cost), activity = sum(activity)),
           by = .(financial_year, resident_icb, residence_known, provider_code, provider_icb, service_code)]
cat(sprintf("rows %d spend %.2f flows %d\\n", nrow(a), sum(population$spend), nrow(flows)))
`;

/** The floor: the same joins and aggregations in bare DuckDB, in memory, with read_csv's own typing. */
const FLOOR_SCRIPT = `import { DuckDBInstance } from ${JSON.stringify(import.meta.resolve('@duckdb/node-api'))};
const [file, residence, provider] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
await c.run(\`CREATE TABLE a AS SELECT * FROM read_csv('\${file}')\`);
await c.run(\`CREATE TABLE r AS SELECT * FROM read_csv('\${residence}', all_varchar = true)\`);
await c.run(\`CREATE TABLE p AS SELECT * FROM read_csv('\${provider}', all_varchar = true)\`);
await c.run(\`CREATE TABLE resolved AS
  SELECT a.financial_year, a.service_code, a.provider_code, a.activity, a.cost,
         COALESCE(NULLIF(p.host_icb, ''), 'UNALLOCATED') AS provider_icb,
         COALESCE(NULLIF(r.icb_2026, ''), NULLIF(p.host_icb, ''), 'UNALLOCATED') AS resident_icb,
         NULLIF(r.icb_2026, '') IS NOT NULL AS residence_known
  FROM a LEFT JOIN r ON r.code = CAST(a.residence_code AS VARCHAR)
         LEFT JOIN p ON p.provider_code = a.provider_code\`);
await c.run(\`CREATE TABLE population AS SELECT financial_year, service_code, resident_icb, sum(cost) AS spend,
  sum(activity) AS activity FROM resolved GROUP BY ALL\`);
await c.run(\`CREATE TABLE providers AS SELECT financial_year, service_code, provider_icb, sum(cost) AS spend,
  sum(activity) AS activity FROM resolved GROUP BY ALL\`);
await c.run(\`CREATE TABLE flows AS SELECT financial_year, resident_icb, residence_known, provider_code, provider_icb, service_code,
  sum(cost) AS spend, sum(activity) AS activity FROM resolved GROUP BY ALL\`);
const rows = (await c.runAndReadAll('SELECT (SELECT count(*) FROM a), (SELECT sum(spend) FROM population), (SELECT count(*) FROM flows)')).getRows()[0];
console.log(\`rows \${rows[0]} spend \${Number(rows[1]).toFixed(2)} flows \${rows[2]}\`);
`;

async function exportReference(workspaceFile: string): Promise<{ residence: string; provider: string }> {
  const residence = join(out, 'residence_map.csv');
  const provider = join(out, 'provider.csv');
  const db = await DuckDBInstance.create(workspaceFile, { access_mode: 'READ_ONLY' });
  const c = await db.connect();
  await c.run(`COPY (SELECT code, icb_2026 FROM residence_map) TO '${residence}' (HEADER)`);
  await c.run(`COPY (SELECT provider_code, host_icb FROM provider) TO '${provider}' (HEADER)`);
  c.closeSync();
  db.closeSync();
  return { residence, provider };
}

async function warm(file: string): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    createReadStream(file)
      .on('data', () => {})
      .on('end', resolve)
      .on('error', reject),
  );
}

const ratio = (a: number, b: number) => (a / b).toFixed(2);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  ensureR();
  must(process.execPath, [bin, '--version']); // compiles dist/ once if it is stale, outside the timings
  const reference = join(out, 'reference-ws');
  if (!existsSync(join(reference, 'footprint.duckdb'))) {
    must(process.execPath, [bin, 'init', '--no-activity', '--workspace', reference]);
  }
  const file = join(out, `activity-${rows}.csv`);
  if (!existsSync(file)) {
    must(process.execPath, [bin, 'generate', '--rows', String(rows), '--out', file, '--workspace', reference]);
  }
  const { residence, provider } = await exportReference(join(reference, 'footprint.duckdb'));
  const rScript = join(out, 'peer.R');
  const floorScript = join(out, 'floor.mjs');
  writeFileSync(rScript, R_SCRIPT);
  writeFileSync(floorScript, FLOOR_SCRIPT);
  await warm(file);

  console.log(`${rows.toLocaleString('en-GB')} rows, ${file}`);
  console.log(
    `${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the start`,
  );
  const results: Record<'R' | 'floor' | 'footprint', Timed[]> = { R: [], floor: [], footprint: [] };
  for (let i = 0; i < repeat; i++) {
    const r = timed('Rscript', [rScript, file, residence, provider]);
    results.R.push(r);
    const floor = timed(process.execPath, [floorScript, file, residence, provider]);
    results.floor.push(floor);
    const ws = join(out, 'import-ws');
    rmSync(ws, { recursive: true, force: true });
    mkdirSync(ws);
    copyFileSync(join(reference, 'footprint.duckdb'), join(ws, 'footprint.duckdb'));
    const imported = timed(process.execPath, [bin, 'import', file, '--workspace', ws, '--run', '--no-atlas']);
    results.footprint.push(imported);
    console.log(`run ${i + 1}: R ${r.stdout.trim()} | floor ${floor.stdout.trim()}`);
    console.log(
      `       Footprint ${/total cost (\S+)/.exec(imported.stdout)?.[1]}, ${/Flows stored: (\S+)/.exec(imported.stdout)?.[0]}`,
    );
  }
  console.log('\nwhole process, median of runs   wall s    cpu s   peak MiB');
  for (const [name, runs] of Object.entries(results)) {
    const m = (key: 'wall' | 'cpu' | 'peakMiB') => median(runs.map((t) => t[key]));
    console.log(
      `${name.padEnd(31)} ${m('wall').toFixed(2).padStart(7)} ${m('cpu').toFixed(2).padStart(8)} ${m('peakMiB').toFixed(0).padStart(10)}`,
    );
  }
  const wall = (name: keyof typeof results) => median(results[name].map((t) => t.wall));
  const cpu = (name: keyof typeof results) => median(results[name].map((t) => t.cpu));
  console.log(
    `\nFootprint (import --run) / R:     wall ${ratio(wall('footprint'), wall('R'))}, cpu ${ratio(cpu('footprint'), cpu('R'))}`,
  );
  console.log(
    `Footprint (import --run) / floor: wall ${ratio(wall('footprint'), wall('floor'))}, cpu ${ratio(cpu('footprint'), cpu('floor'))}`,
  );
  console.log(`R / floor:                        wall ${ratio(wall('R'), wall('floor'))}`);
}

await main();
