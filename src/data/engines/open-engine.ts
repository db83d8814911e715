// Which engine holds a workspace's activity, kept in the workspace's `setting` table: 'duckdb' (the
// default: the workspace itself) or a ClickHouse address with its database and cluster names. Credentials are
// never stored: the ClickHouse engine reads them from the environment each time it connects.
import type { Workspace } from '../workspace.ts';
import { ClickHouseEngine, credentialsFromEnvironment, type EngineStatus } from './clickhouse.ts';
import { type ClickHouseAddress, formatClickHouseAddress, parseClickHouseAddress } from './clickhouse-address.ts';
import { DuckDbEngine } from './duckdb.ts';
import type { ActivityEngine, DelegationEvidenceEngine } from './engine.ts';

export const ENGINE_SETTING = 'engine';
export const ENGINE_DATABASE_SETTING = 'engine_database';
export const ENGINE_CLUSTER_SETTING = 'engine_cluster';

export type EngineChoice = { kind: 'duckdb' } | { kind: 'clickhouse'; address: ClickHouseAddress };

/** The engine the workspace is set to use. */
export async function engineChoice(ws: Workspace): Promise<EngineChoice> {
  const engine = await ws.setting(ENGINE_SETTING);
  if (engine === undefined || engine === 'duckdb') return { kind: 'duckdb' };
  const address = parseClickHouseAddress(
    engine,
    await ws.setting(ENGINE_DATABASE_SETTING),
    await ws.setting(ENGINE_CLUSTER_SETTING),
  );
  return { kind: 'clickhouse', address };
}

export async function saveEngineChoice(ws: Workspace, choice: EngineChoice): Promise<void> {
  await ws.transaction(async () => {
    if (choice.kind === 'duckdb') {
      await ws.setSetting(ENGINE_SETTING, 'duckdb');
      await ws.run('DELETE FROM setting WHERE key IN ($1, $2)', [ENGINE_DATABASE_SETTING, ENGINE_CLUSTER_SETTING]);
      return;
    }
    await ws.setSetting(ENGINE_SETTING, formatClickHouseAddress(choice.address));
    await ws.setSetting(ENGINE_DATABASE_SETTING, choice.address.database);
    await ws.setSetting(ENGINE_CLUSTER_SETTING, choice.address.cluster);
  });
}

export interface OpenedEngine {
  /** Both engines answer every heavy question, the delegation evidence included. */
  engine: ActivityEngine & DelegationEvidenceEngine;
  /** Set when the activity lives on a cluster. */
  cluster: ClickHouseEngine | null;
  close(): Promise<void>;
}

/** Opens the workspace's engine; a ClickHouse engine is connected and checked first (clear errors naming
 * the engine and host when it cannot be). */
export async function openActivityEngine(ws: Workspace): Promise<OpenedEngine> {
  const choice = await engineChoice(ws);
  if (choice.kind === 'duckdb') return { engine: new DuckDbEngine(ws), cluster: null, close: async () => {} };
  const cluster = await ClickHouseEngine.connect(choice.address, credentialsFromEnvironment());
  return { engine: cluster, cluster, close: () => cluster.close() };
}

/** Whether the workspace's engine can answer now; never throws (for health checks). */
export async function engineStatus(ws: Workspace): Promise<EngineStatus> {
  let choice: EngineChoice;
  try {
    choice = await engineChoice(ws);
  } catch (error) {
    return { engine: 'clickhouse', available: false, hosts: [], problem: (error as Error).message };
  }
  if (choice.kind === 'duckdb') return { engine: 'duckdb', available: true, hosts: [] };
  return ClickHouseEngine.status(choice.address, credentialsFromEnvironment());
}

/** Runs work against the workspace's engine (DuckDB or the ClickHouse cluster it is set to) and closes it. */
export async function withActivityEngine<T>(
  ws: Workspace,
  work: (engine: ActivityEngine & DelegationEvidenceEngine) => Promise<T>,
): Promise<T> {
  const opened = await openActivityEngine(ws);
  try {
    return await work(opened.engine);
  } finally {
    await opened.close();
  }
}
