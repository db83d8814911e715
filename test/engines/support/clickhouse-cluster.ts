// A real ClickHouse cluster for tests and benchmarks: N `clickhouse-server` processes from Debian's package on
// loopback ports, each one shard of the cluster `footprint`, with data, logs and generated config files in a
// temporary folder that is removed when the cluster stops. No ZooKeeper: the engine creates its tables on each
// shard itself, so distributed DDL is not needed.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's clickhouse-server package puts the binary, then the names it may have on PATH. */
const SERVER_BINARIES = ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server', '/usr/bin/clickhouse'];

export const CLUSTER_NAME = 'footprint';

export interface ClickHouseNode {
  httpPort: number;
  tcpPort: number;
  process: ChildProcess;
}

export interface ClickHouseCluster {
  /** The engine address: clickhouse://127.0.0.1:<http>,127.0.0.1:<http>… */
  url: string;
  user: string;
  password: string;
  nodes: ClickHouseNode[];
  /** The folder holding every shard's data, logs and config. */
  dir: string;
  /** Kills one shard's server (SIGKILL), as a machine failing mid-query would. */
  killShard(index: number): Promise<void>;
  /** Stops every server and removes the folder. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  shards?: number;
  /** Server memory cap per query, bytes (default 4 GiB; the machine is shared). */
  maxMemoryPerQuery?: number;
  /** Keep the data in this folder instead of a temporary one (benchmarks on a roomier disk). */
  dir?: string;
}

export function clickhouseServerBinary(): string {
  const found = SERVER_BINARIES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `clickhouse-server is not installed (looked for ${SERVER_BINARIES.join(', ')}). The engine tests need a real ` +
        'cluster: install Debian\'s package with "apt-get install -y --no-install-recommends clickhouse-server".',
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const xmlText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function serverConfig(dir: string, http: number, tcp: number, interserver: number, shards: string): string {
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/server.err.log</errorlog>
    <size>100M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <interserver_http_port>${interserver}</interserver_http_port>
  <max_concurrent_queries>50</max_concurrent_queries>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <remote_servers><${CLUSTER_NAME}>${shards}</${CLUSTER_NAME}></remote_servers>
</yandex>
`;
}

function usersConfig(user: string, password: string, maxMemory: number): string {
  return `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>${maxMemory}</max_memory_usage><load_balancing>in_order</load_balancing>
    </default></profiles>
  <users><${user}><password>${xmlText(password)}</password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
    <profile>default</profile><quota>default</quota></${user}></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows>
    <read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;
}

async function waitUntilUp(node: ClickHouseNode, dir: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (node.process.exitCode !== null) break;
    try {
      const response = await fetch(`http://127.0.0.1:${node.httpPort}/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const log = join(dir, 'server.err.log');
  const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '(no log)';
  throw new Error(`clickhouse-server on port ${node.httpPort} did not start: ${tail}`);
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timeout = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timeout);
}

export async function startClickHouseCluster(options: ClusterOptions = {}): Promise<ClickHouseCluster> {
  const binary = clickhouseServerBinary();
  const shards = options.shards ?? 2;
  const user = 'footprint';
  const password = 'cluster-secret';
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'footprint-clickhouse-'));
  const ports = [];
  for (let i = 0; i < shards; i++)
    ports.push({ http: await freePort(), tcp: await freePort(), inter: await freePort() });
  const shardXml = ports
    .map(
      (p) =>
        `<shard><replica><host>127.0.0.1</host><port>${p.tcp}</port><user>${user}</user><password>${xmlText(password)}</password></replica></shard>`,
    )
    .join('');
  const nodes: ClickHouseNode[] = [];
  const stopAll = async () => {
    await Promise.all(nodes.map((n) => stopProcess(n.process, 'SIGTERM')));
  };
  try {
    for (const [i, p] of ports.entries()) {
      const nodeDir = join(dir, `shard-${i + 1}`);
      for (const sub of ['data', 'tmp', 'user_files', 'format_schemas'])
        mkdirSync(join(nodeDir, sub), { recursive: true });
      writeFileSync(join(nodeDir, 'config.xml'), serverConfig(nodeDir, p.http, p.tcp, p.inter, shardXml));
      writeFileSync(join(nodeDir, 'users.xml'), usersConfig(user, password, options.maxMemoryPerQuery ?? 4 * 2 ** 30));
      const child = spawn(binary, [`--config-file=${join(nodeDir, 'config.xml')}`], {
        cwd: nodeDir,
        stdio: 'ignore',
      });
      const node = { httpPort: p.http, tcpPort: p.tcp, process: child };
      nodes.push(node);
      await waitUntilUp(node, nodeDir);
    }
  } catch (error) {
    await stopAll();
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `clickhouse://${ports.map((p) => `127.0.0.1:${p.http}`).join(',')}`,
    user,
    password,
    nodes,
    dir,
    async killShard(index) {
      const node = nodes[index];
      if (node) await stopProcess(node.process, 'SIGKILL');
    },
    async stop() {
      await stopAll();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
