// The ClickHouse engine on a current ClickHouse release: chdb (npm) embeds ClickHouse in this process, and its
// connection stands in for the HTTP client of one host. The server configuration defines the cluster
// `footprint` as one shard at the embedded server's own address, so the engine's Distributed tables and
// cluster check work unchanged and every query runs in-process. One embedded server per process (chdb's
// model): start it once per test file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'chdb';
import { createChdbConnection } from 'chdb/connection';
import { type ClickHouseConnection, ClickHouseEngine } from '../../../src/data/engines/clickhouse.ts';
import { parseClickHouseAddress } from '../../../src/data/engines/clickhouse-address.ts';
import { CLUSTER_NAME } from './clickhouse-cluster.ts';

/** The port the embedded server takes as its own; nothing listens on it, as no query leaves the process. */
const OWN_PORT = 9000;

export interface ChdbEngine {
  engine: ClickHouseEngine;
  /** The embedded ClickHouse's version, e.g. 26.7.2.1. */
  version: string;
  stop(): Promise<void>;
}

export async function startChdbEngine(): Promise<ChdbEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'footprint-chdb-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  const config = join(dir, 'config.xml');
  writeFileSync(
    config,
    `<clickhouse>
  <tcp_port>${OWN_PORT}</tcp_port>
  <timezone>UTC</timezone>
  <remote_servers><${CLUSTER_NAME}><shard><replica><host>127.0.0.1</host><port>${OWN_PORT}</port></replica></shard></${CLUSTER_NAME}></remote_servers>
</clickhouse>
`,
  );
  // The session opens the embedded server with the configuration; the connection then shares it by path.
  const session = new Session(data, { connectionArgs: [`--config-file=${config}`] });
  const connection = createChdbConnection({ path: data }) as unknown as ClickHouseConnection;
  try {
    const version = session.query('SELECT version()', 'TSV').trim();
    const engine = await ClickHouseEngine.connect(
      parseClickHouseAddress(`clickhouse://chdb:${OWN_PORT}`),
      { user: 'default', password: '' },
      [connection],
    );
    return {
      engine,
      version,
      async stop() {
        await engine.close();
        session.cleanup();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    session.cleanup();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
