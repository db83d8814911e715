// Where a ClickHouse cluster is: `clickhouse://host:port[,host:port…]` (HTTP ports, one host per shard),
// the database holding Footprint's tables and the cluster name in the servers' remote_servers config.
// Credentials are not part of the address: they come from CLICKHOUSE_USER / CLICKHOUSE_PASSWORD.
import { fail } from '../../core/errors.ts';
import { IDENTIFIER } from './clickhouse-sql.ts';

export interface ClickHouseAddress {
  hosts: { host: string; port: number }[];
  database: string;
  cluster: string;
}

export const DEFAULT_DATABASE = 'footprint';
export const DEFAULT_CLUSTER = 'footprint';

const HOST_PORT = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\]):(\d{1,5})$/;
const ACCEPTED = 'duckdb, or clickhouse://host:port[,host:port…] (the HTTP port of each shard)';

export function parseClickHouseAddress(
  text: string,
  database = DEFAULT_DATABASE,
  cluster = DEFAULT_CLUSTER,
): ClickHouseAddress {
  const badAddress = (message: string, received = text, accepted = ACCEPTED): never =>
    fail('FP_ENGINE_BAD_ADDRESS', message, { where: { parameter: 'engine' }, received, accepted });
  if (!text.startsWith('clickhouse://')) badAddress(`"${text}" is not an engine Footprint knows.`);
  const list = text.slice('clickhouse://'.length).replace(/\/$/, '');
  const hosts = list.split(',').map((part) => {
    const match = HOST_PORT.exec(part.trim());
    const port = Number(match?.[2]);
    if (!match?.[1] || port < 1 || port > 65535) return badAddress(`"${part}" is not host:port.`, part);
    return { host: match[1], port };
  });
  for (const [name, value, parameter] of [
    ['database', database, '--database'],
    ['cluster', cluster, '--cluster'],
  ] as const) {
    if (!IDENTIFIER.test(value)) {
      fail('FP_ENGINE_BAD_ADDRESS', `"${value}" is not a valid ClickHouse ${name} name.`, {
        where: { parameter },
        received: value,
        accepted: 'a letter or underscore, then up to 62 letters, digits or underscores',
      });
    }
  }
  return { hosts, database, cluster };
}

export function formatClickHouseAddress(address: ClickHouseAddress): string {
  return `clickhouse://${address.hosts.map((h) => `${h.host}:${h.port}`).join(',')}`;
}
