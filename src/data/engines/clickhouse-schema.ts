// The tables Footprint keeps on each ClickHouse shard. Activity facts: one MergeTree table per shard
// (`activity_local`) behind a Distributed table (`activity`) that every shard also has, so any host can
// answer. Reference dimensions (`residence_map`, `provider`): a full copy on every shard, small enough
// (thousands of rows) that each shard and the initiator join against their own copy, never across the network.
//
// Sharding key: a hash of the residence code. All of one residence code's rows sit on one shard, so the
// residence look-up and the per-residence partial sums of the flow pass are done where the rows are, and the
// initiator merges disjoint groups. Residence codes are a few hundred sub-ICB and ICB codes with rows spread
// roughly by population, enough for an even spread over a handful of shards; the rows with no known residence
// ('' here, NULL in DuckDB) hash together, about 1% of national activity. A blank GP practice code is '' too.
//
// Activity is partitioned by dataset so an import replaces exactly one dataset with REPLACE PARTITION from a
// staging table (18.16 has no EXCHANGE TABLES), and removing a dataset is DROP PARTITION.

export const ACTIVITY_COLUMNS_DDL = `(
  dataset String,
  financial_year String,
  month Nullable(UInt8),
  provider_code String,
  residence_code String,
  service_code String,
  pod String,
  age_band Nullable(String),
  sex Nullable(String),
  activity Float64,
  cost Decimal(18, 2),
  patients Nullable(Float64),
  gp_practice_code String
)`;

export const SHARDING_KEY = 'cityHash64(residence_code)';

/** Each shard's sort order (its MergeTree ORDER BY). An import sends rows already in this order (by byte, as
 * both DuckDB and ClickHouse compare text), which spares ClickHouse 18.16 most of the sort it makes of every
 * inserted block — the larger part of its CPU time on a load. */
export const ACTIVITY_SORT_KEY = 'financial_year, service_code, provider_code, residence_code';

export function localActivityDdl(database: string, table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${database}.${table} ${ACTIVITY_COLUMNS_DDL}
ENGINE = MergeTree PARTITION BY dataset ORDER BY (${ACTIVITY_SORT_KEY})`;
}

export function distributedActivityDdl(database: string, table: string, local: string, cluster: string): string {
  return `CREATE TABLE IF NOT EXISTS ${database}.${table} AS ${database}.${local}
ENGINE = Distributed(${cluster}, ${database}, ${local}, ${SHARDING_KEY})`;
}

/** Reference tables copied from the workspace: name, ClickHouse columns, and the workspace SELECT that
 * fills them (NULL-free where ClickHouse columns are not Nullable). */
export const REFERENCE_TABLES = [
  {
    name: 'residence_map',
    columns: '(code String, icb_2026 String, icb_2023 String)',
    order: 'code',
    select: 'SELECT code, icb_2026, icb_2023 FROM residence_map',
  },
  {
    name: 'provider',
    columns: '(provider_code String, host_icb Nullable(String), host_icb_2023 Nullable(String))',
    order: 'provider_code',
    select: 'SELECT provider_code, host_icb, host_icb_2023 FROM provider',
  },
  {
    name: 'gp_practice',
    columns: '(practice_code String, icb_code String)',
    order: 'practice_code',
    select: 'SELECT practice_code, icb_code FROM gp_practice',
  },
] as const;
