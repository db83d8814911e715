// Scale benchmark (issue 8): one generated activity file loaded into a DuckDB workspace and into a two-shard
// ClickHouse cluster (two clickhouse-server processes on this machine, test/engines/support/clickhouse-cluster.ts),
// then `footprint run` on each, as CLI processes under /usr/bin/time for wall time and peak memory. On the cluster,
// the run (runBasisConversion in this process) is timed against a bare SELECT … GROUP BY of the same activity,
// alternating, best of N. Not a timed test.
//
//   tsx bench/clickhouse.bench.ts --csv FILE --reference WORKSPACE_DIR [--out DIR] [--repeat 3] [--reuse]
//
// --reuse keeps the loaded workspaces and cluster data of an earlier run in DIR and times the runs again.
// --import-only times the ClickHouse import alone (no DuckDB workspace, no runs): wall time, and CPU time of the
// CLI and of both servers (the machine is shared, so CPU time is the steadier figure), for M rows/s. The servers'
// idle CPU is measured first over --idle-seconds (default 30) and reported beside the import's, and after the
// import the servers' background merging is waited for (up to 10 minutes) and its CPU reported apart.
// FILE comes from `footprint generate --rows 100000000 --seed 1 --out FILE.csv` (CSV: ClickHouse 18.16 reads no
// Parquet). The reference workspace needs reference data only; it is copied, never changed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import { ClickHouseEngine } from '../src/data/engines/clickhouse.ts';
import { parseClickHouseAddress } from '../src/data/engines/clickhouse-address.ts';
import { runBasisConversion } from '../src/data/run/run-basis-conversion.ts';
import { openWorkspace, WORKSPACE_FILE } from '../src/data/workspace.ts';
import { startClickHouseCluster } from '../test/engines/support/clickhouse-cluster.ts';

const { values } = parseArgs({
  options: {
    csv: { type: 'string' },
    reference: { type: 'string' },
    out: { type: 'string', default: '/tmp/footprint-bench-clickhouse' },
    repeat: { type: 'string', default: '3' },
    reuse: { type: 'boolean', default: false },
    'import-only': { type: 'boolean', default: false },
    'idle-seconds': { type: 'string', default: '30' },
  },
});
if (!values.csv || !values.reference) {
  console.error('usage: tsx bench/clickhouse.bench.ts --csv FILE --reference WORKSPACE_DIR [--out DIR]');
  process.exit(2);
}
const csv = resolve(values.csv);
const out = resolve(values.out);
const repeat = Number(values.repeat);
const dataset = 'bench';
const reuse = values.reuse ?? false;
const importOnly = values['import-only'] ?? false;
if (!reuse) rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const main = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');

function workspaceCopy(name: string): string {
  const dir = join(out, name);
  if (reuse) return dir;
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(values.reference as string, WORKSPACE_FILE), join(dir, WORKSPACE_FILE));
  return dir;
}

interface Measured {
  seconds: number;
  /** User + system CPU seconds of the process. */
  cpuSeconds: number;
  peakMiB: number;
  output: string;
}

/** A CLI command under /usr/bin/time: wall seconds and the process's peak resident memory. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Measured {
  const timing = join(out, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', '-o', timing, process.execPath, tsx, main, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const output = `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((line) => !/%|npm warn/.test(line))
    .join('\n');
  if (result.status !== 0) throw new Error(`footprint ${args.join(' ')} failed:\n${output}`);
  const [seconds, kib, user, system] = readFileSync(timing, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds: seconds!, cpuSeconds: user! + system!, peakMiB: kib! / 1024, output };
}

/** The accepted count the import prints ("accepted 2,000,000"). */
const acceptedRows = (output: string) => Number(/accepted ([\d,]+)/.exec(output)?.[1]?.replaceAll(',', ''));
const mib = (n: number) => `${n.toFixed(0)} MiB`;
const rate = (rows: number, seconds: number) => `${((rows / seconds) * 1e-6).toFixed(2)} M rows/s`;
const lines: string[] = [];
const report = (line: string) => {
  console.log(line);
  lines.push(line);
};

const fileBytes = statSync(csv).size;
report(`file: ${csv} (${(fileBytes / 2 ** 30).toFixed(2)} GiB)`);

// DuckDB: the workspace holds the activity.
const duck = workspaceCopy('duckdb-workspace');
let rows = 0;
if (importOnly) {
  // no DuckDB workspace: the ClickHouse import alone is timed below
} else if (reuse) {
  const ws = await openWorkspace(duck, { readOnly: true });
  rows = (await ws.one<{ n: number }>('SELECT rows_accepted AS n FROM dataset WHERE name = $1', [dataset]))?.n ?? 0;
  ws.close();
} else {
  const duckImport = cli(['import', csv, '--workspace', duck, '--dataset', dataset]);
  rows = acceptedRows(duckImport.output);
  report(
    `DuckDB import: ${rows.toLocaleString('en-GB')} rows in ${duckImport.seconds.toFixed(1)} s (${rate(rows, duckImport.seconds)}), peak ${mib(duckImport.peakMiB)}`,
  );
}
if (!importOnly) {
  const duckRun = cli(['run', '--workspace', duck, '--dataset', dataset]);
  report(`DuckDB footprint run: ${duckRun.seconds.toFixed(1)} s, peak ${mib(duckRun.peakMiB)}`);
}

// ClickHouse: two shards on this machine.
const cluster = await startClickHouseCluster({ dir: join(out, 'cluster'), maxMemoryPerQuery: 8 * 2 ** 30 });
const env = { CLICKHOUSE_USER: cluster.user, CLICKHOUSE_PASSWORD: cluster.password };
/** Peak resident memory of each clickhouse-server since the last reset (VmHWM; writing 5 to clear_refs resets it). */
const serverPeaks = () =>
  cluster.nodes.map(
    (n) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${n.process.pid}/status`, 'utf8'))?.[1]) / 1024,
  );
const resetServerPeaks = () => {
  for (const n of cluster.nodes) writeFileSync(`/proc/${n.process.pid}/clear_refs`, '5');
};
/** User + system CPU seconds each clickhouse-server has used (/proc/PID/stat fields 14 and 15, in clock ticks). */
const serverCpu = () =>
  cluster.nodes.map((n) => {
    const fields = readFileSync(`/proc/${n.process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  });
try {
  const ch = workspaceCopy('clickhouse-workspace');
  cli(['engine', 'set', cluster.url, '--workspace', ch], env);
  if (!reuse) {
    const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const idleSeconds = Number(values['idle-seconds']);
    const idleBefore = serverCpu();
    await new Promise((done) => setTimeout(done, idleSeconds * 1000));
    const idlePerSecond = serverCpu().reduce((sum, after, i) => sum + after - (idleBefore[i] ?? 0), 0) / idleSeconds;
    report(
      `servers idle: ${idlePerSecond.toFixed(3)} CPU s per wall second (over ${idleSeconds} s); load average ${load()}`,
    );
    resetServerPeaks();
    const cpuBefore = serverCpu();
    const chImport = cli(['import', csv, '--workspace', ch, '--dataset', dataset], { ...env, FOOTPRINT_DEBUG: '1' });
    const serversCpu = serverCpu().reduce((sum, after, i) => sum + after - (cpuBefore[i] ?? 0), 0);
    if (importOnly) rows = acceptedRows(chImport.output);
    if (/gave way/.test(chImport.output)) report('(the clean path gave way: the rows were validated in the workspace)');
    const cpu = chImport.cpuSeconds + serversCpu;
    report(
      `ClickHouse import (clean rows validated as DuckDB writes them out, loaded by the 2 shard servers in parallel): ${rows.toLocaleString('en-GB')} rows in ${chImport.seconds.toFixed(1)} s wall (${rate(rows, chImport.seconds)}); CPU ${chImport.cpuSeconds.toFixed(1)} s CLI + ${serversCpu.toFixed(1)} s servers = ${cpu.toFixed(1)} s (${rate(rows, cpu / 2)} on 2 cores' CPU time); servers' idle CPU over the same wall time ${(idlePerSecond * chImport.seconds).toFixed(1)} s; CLI peak ${mib(chImport.peakMiB)}, server peaks ${serverPeaks().map(mib).join(' + ')}; load average ${load()}`,
    );
    // The parts an import leaves are merged in the background afterwards: wait for that and count it apart.
    const mergeBefore = serverCpu();
    const mergeStarted = performance.now();
    const merging = async () => {
      let running = 0;
      for (const n of cluster.nodes) {
        const answer = await fetch(
          `http://127.0.0.1:${n.httpPort}/?user=${cluster.user}&password=${encodeURIComponent(cluster.password)}`,
          { method: 'POST', body: 'SELECT count() FROM system.merges' },
        );
        running += Number((await answer.text()).trim());
      }
      return running;
    };
    while ((await merging()) > 0 && performance.now() - mergeStarted < 600_000) {
      await new Promise((done) => setTimeout(done, 1000));
    }
    const mergeSeconds = (performance.now() - mergeStarted) / 1000;
    const mergeCpu = serverCpu().reduce((sum, after, i) => sum + after - (mergeBefore[i] ?? 0), 0);
    report(
      `background merging after the import: ${mergeSeconds.toFixed(1)} s wall, ${mergeCpu.toFixed(1)} CPU s on the servers (idle over that time ${(idlePerSecond * mergeSeconds).toFixed(1)} s)`,
    );
  }
  if (!importOnly) {
    resetServerPeaks();
    const chRun = cli(['run', '--workspace', ch, '--dataset', dataset], env);
    report(
      `ClickHouse footprint run: ${chRun.seconds.toFixed(1)} s, CLI peak ${mib(chRun.peakMiB)}, server peaks ${serverPeaks().map(mib).join(' + ')}`,
    );

    // In-process: the run's engine work against the bare aggregation, alternating, best of N.
    const address = parseClickHouseAddress(cluster.url);
    const engine = await ClickHouseEngine.connect(address, { user: cluster.user, password: cluster.password });
    const first = cluster.nodes[0]!;
    const client = createClient({
      url: `http://127.0.0.1:${first.httpPort}`,
      username: cluster.user,
      password: cluster.password,
      request_timeout: 3_600_000,
      log: { level: ClickHouseLogLevel.OFF },
    });
    const bare = async (table: string, port = first.httpPort) => {
      const c =
        port === first.httpPort
          ? client
          : createClient({ url: `http://127.0.0.1:${port}`, username: cluster.user, password: cluster.password });
      const result = await c.exec({
        query: `SELECT financial_year, residence_code, provider_code, service_code, sum(activity), sum(cost)
              FROM ${address.database}.${table} WHERE dataset = '${dataset}'
              GROUP BY financial_year, residence_code, provider_code, service_code FORMAT TabSeparated`,
      });
      for await (const _ of result.stream) {
        // drain: the rows come back as the run's do
      }
      if (c !== client) await c.close();
    };
    const ws = await openWorkspace(ch);
    const time = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return (performance.now() - started) / 1000;
    };
    await bare('activity');
    const floor: number[] = [];
    const run: number[] = [];
    for (let i = 0; i < repeat; i++) {
      floor.push(await time(() => bare('activity')));
      run.push(await time(() => runBasisConversion(ws, { dataset, engine })));
    }
    const best = (xs: number[]) => Math.min(...xs);
    report(
      `ClickHouse bare SELECT … GROUP BY (Distributed, 2 shards): best ${best(floor).toFixed(2)} s of ${floor.map((s) => s.toFixed(2)).join(', ')}`,
    );
    report(
      `ClickHouse runBasisConversion (in process): best ${best(run).toFixed(2)} s of ${run.map((s) => s.toFixed(2)).join(', ')} = ${(best(run) / best(floor)).toFixed(2)}× the bare aggregation (target ≤ 1.5×)`,
    );
    // One shard alone: its local table, the rate a shard scans and pre-aggregates at.
    const status = await engine.status();
    for (const [i, node] of cluster.nodes.entries()) {
      const seconds = best([
        await time(() => bare('activity_local', node.httpPort)),
        await time(() => bare('activity_local', node.httpPort)),
      ]);
      const shardRows = status.hosts[i]?.activityRows ?? 0;
      report(
        `shard ${i + 1}: ${shardRows.toLocaleString('en-GB')} rows, bare GROUP BY alone ${seconds.toFixed(2)} s (${rate(shardRows, seconds)})`,
      );
    }
    ws.close();
    await client.close();
    await engine.close();
  }
} finally {
  await cluster.stop();
}
writeFileSync(join(out, 'results.txt'), `${lines.join('\n')}\n`);
