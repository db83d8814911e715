// The ClickHouse engine: the activity facts live on a sharded cluster (clickhouse-schema.ts); the heavy
// aggregations run there and only their results come back. Reference data, results, scenarios and the audit
// trail stay in the workspace. Written for ClickHouse 18.16 (Debian's package): values are bound on the client
// (clickhouse-sql.ts), one JOIN per SELECT, no window functions; the same SQL is tested on a current release
// (ClickHouse 26, embedded by chdb) by test/engines/engine-suite.test.ts.
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type ClickHouseClient, ClickHouseLogLevel, createClient } from '@clickhouse/client';
import type { Flow } from '../../core/basis/index.ts';
import { compareText } from '../../core/basis/index.ts';
import { FootprintError } from '../../core/errors.ts';
import type { GeographyVintage } from '../../core/geography/vintage.ts';
import type { FinancialYear, IcbCode, ProviderCode, ServiceCode } from '../../core/units.ts';
import type { UtilisationCell } from '../../core/variation/utilisation-cell.ts';
import {
  clickhouseServiceCostDistributionSql,
  clickhouseServicePatientFlowsSql,
  clickhouseServicePatientsByAgeSexSql,
} from '../queries/clickhouse/delegation-evidence.ts';
import { clickhouseFlowsSql, clickhousePodSpendSql } from '../queries/clickhouse/flows.ts';
import { clickhouseSpendByPracticeSql, clickhouseUtilisationSql } from '../queries/clickhouse/utilisation.ts';
import { sqlString } from '../queries/sql-dialect.ts';
import type { Workspace } from '../workspace.ts';
import { type ClickHouseAddress, formatClickHouseAddress } from './clickhouse-address.ts';
import { engineError } from './clickhouse-errors.ts';
import { distributedActivityDdl, localActivityDdl, REFERENCE_TABLES } from './clickhouse-schema.ts';
import { type BoundValue, bindValues, clickhouseDialect, stringLiteral } from './clickhouse-sql.ts';
import type {
  ActivityEngine,
  ActivityTotal,
  DelegationEvidenceEngine,
  FlowQuestion,
  PodSpend,
  PracticeSpend,
  ServiceCostDistribution,
  ServicePatientFlow,
  ServicePatientsByAgeSex,
  UtilisationQuestion,
  YearSpendQuestion,
} from './engine.ts';

export interface ClickHouseCredentials {
  user: string;
  password: string;
}

/** A ready-made connection to one host in place of HTTP: an embedded ClickHouse (chdb), so the engine's SQL is
 * also tested on a current ClickHouse release (test/engines/support/chdb-engine.ts). */
export type ClickHouseConnection = NonNullable<NonNullable<Parameters<typeof createClient>[0]>['connection']>;

/** Credentials come only from the environment, so they are never written into the workspace. */
export function credentialsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ClickHouseCredentials {
  return { user: env.CLICKHOUSE_USER || 'default', password: env.CLICKHOUSE_PASSWORD ?? '' };
}

/** What `footprint engine show` and the web app's health check report. */
export interface EngineStatus {
  engine: string;
  available: boolean;
  /** Per host: the server version and the activity rows it holds, or why it could not answer. */
  hosts: { host: string; version?: string; activityRows?: number; problem?: string }[];
  problem?: string;
}

/** Holds one run's flows from the cluster between the flow insert and the totals. */
const FLOWS_TABLE = 'fp_cluster_flow';

/** Settings for every query: a LEFT JOIN miss is NULL as in DuckDB. */
const QUERY_SETTINGS = { join_use_nulls: 1 } as const;
/** Size of each exported file, and so of each INSERT batch, when a dataset is streamed to the cluster. */
const LOAD_BATCH_BYTES = '256MB';

interface Host {
  label: string;
  client: ClickHouseClient;
}

/** A row of numbers and text keyed by column, its financial_year one the import checked. */
type YearRecord = Record<string, string | number> & { financial_year: FinancialYear };

interface ClusterFlowRow {
  financial_year: FinancialYear;
  resident_icb: string;
  residence_known: number;
  provider_code: string;
  provider_icb: string;
  service_code: string;
  activity: number;
  spend_pence: string;
}

export class ClickHouseEngine implements ActivityEngine, DelegationEvidenceEngine {
  readonly name = 'clickhouse';
  readonly address: ClickHouseAddress;
  readonly #hosts: Host[];

  private constructor(
    address: ClickHouseAddress,
    credentials: ClickHouseCredentials,
    connections: readonly ClickHouseConnection[] = [],
  ) {
    this.address = address;
    this.#hosts = address.hosts.map(({ host, port }, i) => ({
      label: `${host}:${port}`,
      client: createClient({
        url: `http://${host}:${port}`,
        username: credentials.user,
        password: credentials.password,
        request_timeout: 3_600_000,
        log: { level: ClickHouseLogLevel.OFF },
        ...(connections[i] ? { connection: connections[i] } : {}),
      }),
    }));
  }

  /** Connects and checks that every host answers and defines the cluster with one shard per host. The i-th
   * of `connections`, when given, is used for the i-th host instead of HTTP. */
  static async connect(
    address: ClickHouseAddress,
    credentials: ClickHouseCredentials,
    connections: readonly ClickHouseConnection[] = [],
  ): Promise<ClickHouseEngine> {
    const engine = new ClickHouseEngine(address, credentials, connections);
    try {
      await engine.#checkCluster();
      return engine;
    } catch (error) {
      await engine.close();
      throw error;
    }
  }

  /** Every host's version and activity rows, or the problem that stops it answering, then the cluster
   * check; never throws (for `engine show` and the web app's health check). */
  static async status(address: ClickHouseAddress, credentials: ClickHouseCredentials): Promise<EngineStatus> {
    const engine = new ClickHouseEngine(address, credentials);
    try {
      const status = await engine.status();
      if (!status.available) return status;
      try {
        await engine.#checkCluster();
        return status;
      } catch (error) {
        return { ...status, available: false, problem: (error as Error).message };
      }
    } finally {
      await engine.close();
    }
  }

  get description(): string {
    return `${formatClickHouseAddress(this.address)} (database ${this.address.database}, cluster ${this.address.cluster})`;
  }

  async close(): Promise<void> {
    await Promise.all(this.#hosts.map((h) => h.client.close()));
  }

  async #checkCluster(): Promise<void> {
    for (const host of this.#hosts) {
      const rows = await this.#rowsOn<{ shards: string }>(
        host,
        'SELECT toString(uniqExact(shard_num)) AS shards FROM system.clusters WHERE cluster = $1',
        [this.address.cluster],
      );
      const shards = Number(rows[0]?.shards ?? 0);
      if (shards !== this.#hosts.length) {
        throw new FootprintError({
          code: 'FP_ENGINE_CLUSTER_MISMATCH',
          message: `The clickhouse engine at ${host.label} defines cluster "${this.address.cluster}" with ${shards} shard(s), but ${this.#hosts.length} host(s) were given.`,
          where: { parameter: 'engine' },
          received: formatClickHouseAddress(this.address),
          accepted: `one host per shard of the cluster "${this.address.cluster}" in the servers' remote_servers configuration`,
          hint: 'Name the cluster with --cluster, or list the HTTP address of every shard.',
        });
      }
    }
  }

  /** Creates the database and tables on every shard (idempotent) and copies the reference data. */
  async prepare(ws: Workspace): Promise<void> {
    const db = this.address.database;
    await this.#onEveryHost(async (host) => {
      await this.#commandOn(host, `CREATE DATABASE IF NOT EXISTS ${db}`);
      await this.#commandOn(host, localActivityDdl(db, 'activity_local'));
      await this.#commandOn(host, distributedActivityDdl(db, 'activity', 'activity_local', this.address.cluster));
    });
    await this.syncReference(ws);
  }

  /** Brings every shard's copy of the reference tables up to the workspace's: a table whose fingerprint (an
   * md5 of its rows) the shard already has is left alone; a changed one is rebuilt and swapped in by an
   * atomic rename, so a query never sees half a table. */
  async syncReference(ws: Workspace): Promise<void> {
    const db = this.address.database;
    const wanted = new Map<string, string>();
    for (const table of REFERENCE_TABLES) {
      const row = await ws.one<{ fingerprint: string }>(
        `SELECT md5(coalesce(string_agg(CAST(t AS VARCHAR), ',' ORDER BY CAST(t AS VARCHAR)), '')) AS fingerprint
         FROM (${table.select}) t`,
      );
      wanted.set(table.name, row?.fingerprint ?? '');
    }
    await this.#onEveryHost(async (host) => {
      await this.#commandOn(
        host,
        `CREATE TABLE IF NOT EXISTS ${db}.reference_sync (name String, fingerprint String, synced_ms UInt64) ENGINE = Log`,
      );
      const held = new Map(
        (
          await this.#rowsOn<{ name: string; fingerprint: string }>(
            host,
            `SELECT name, argMax(fingerprint, synced_ms) AS fingerprint FROM ${db}.reference_sync GROUP BY name`,
            [],
          )
        ).map((r) => [r.name, r.fingerprint]),
      );
      for (const table of REFERENCE_TABLES) {
        const fingerprint = wanted.get(table.name) ?? '';
        if (held.get(table.name) === fingerprint) continue;
        const rows = await ws.all<Record<string, string | null>>(table.select);
        const next = `${table.name}_next`;
        await this.#commandOn(host, `DROP TABLE IF EXISTS ${db}.${next}`);
        await this.#commandOn(
          host,
          `CREATE TABLE ${db}.${next} ${table.columns} ENGINE = MergeTree ORDER BY ${table.order}`,
        );
        await this.#guard(host, () =>
          host.client.insert({ table: `${db}.${next}`, values: rows, format: 'JSONEachRow' }),
        );
        await this.#commandOn(host, `CREATE TABLE IF NOT EXISTS ${db}.${table.name} AS ${db}.${next}`);
        await this.#commandOn(
          host,
          `RENAME TABLE ${db}.${table.name} TO ${db}.${table.name}_old, ${db}.${next} TO ${db}.${table.name}`,
        );
        await this.#commandOn(host, `DROP TABLE IF EXISTS ${db}.${table.name}_old`);
        await this.#commandOn(
          host,
          `INSERT INTO ${db}.reference_sync VALUES (${stringLiteral(table.name)}, ${stringLiteral(fingerprint)}, ${Date.now()})`,
        );
      }
    });
  }

  async flowsByResidentIcbProviderService(question: FlowQuestion): Promise<Flow[]> {
    const sql = `SELECT financial_year, resident_icb, residence_known, provider_code, provider_icb, service_code,
       activity, spend_pence FROM (${this.#flowsSqlFor(question.vintage)})`;
    const rows = await this.#rows<ClusterFlowRow>(sql, [question.dataset, question.unknownResidenceRule]);
    return rows.map(toFlow).sort(compareFlows);
  }

  async populationBasisSpendByPod(question: YearSpendQuestion): Promise<PodSpend[]> {
    const sql = clickhousePodSpendSql(clickhouseDialect, {
      database: this.address.database,
      vintage: question.vintage,
      datasetParam: 1,
      yearParam: 2,
      ruleParam: 3,
    });
    const rows = await this.#rows<{
      resident_icb: string;
      provider_code: string;
      service_code: string;
      pod: string;
      spend_pence: string;
    }>(sql, [question.dataset, question.financialYear, question.unknownResidenceRule]);
    return rows
      .map((r) => ({
        residentIcb: r.resident_icb as IcbCode,
        providerCode: r.provider_code as ProviderCode,
        serviceCode: r.service_code as ServiceCode,
        pod: r.pod as PodSpend['pod'],
        spendPence: Number(r.spend_pence),
      }))
      .sort(
        (a, b) =>
          compareText(a.residentIcb, b.residentIcb) ||
          compareText(a.providerCode, b.providerCode) ||
          compareText(a.serviceCode, b.serviceCode) ||
          compareText(a.pod, b.pod),
      );
  }

  async utilisationByIcbAgeSex(question: UtilisationQuestion): Promise<UtilisationCell[]> {
    const rows = await this.#rows<{
      financial_year: FinancialYear;
      icb_code: string | null;
      service_code: string;
      age_band: string | null;
      sex: 'M' | 'F' | null;
      activity: number;
      patients: number | null;
      spend_pence: string;
      row_count: string;
    }>(clickhouseUtilisationSql(clickhouseDialect, this.address.database, question.vintage), [question.dataset]);
    return rows.map((r) => ({
      financialYear: r.financial_year,
      icbCode: r.icb_code as IcbCode | null,
      serviceCode: r.service_code as ServiceCode,
      ageBand: r.age_band,
      sex: r.sex,
      activity: Number(r.activity),
      patients: r.patients === null ? null : Number(r.patients),
      spendPence: Number(r.spend_pence),
      rows: Number(r.row_count),
    }));
  }

  async spendByPractice(question: {
    dataset: string;
    financialYear: FinancialYear;
    icbCode: string;
  }): Promise<PracticeSpend[]> {
    const rows = await this.#rows<{
      practice_code: string;
      service_code: string;
      activity: number;
      spend_pence: string;
    }>(clickhouseSpendByPracticeSql(clickhouseDialect, this.address.database), [
      question.dataset,
      question.financialYear,
      question.icbCode,
    ]);
    return rows.map((r) => ({
      practiceCode: r.practice_code,
      serviceCode: r.service_code as ServiceCode,
      activity: Number(r.activity),
      spendPence: Number(r.spend_pence),
    }));
  }

  async servicePatientsByAgeSex(dataset: string, financialYear: FinancialYear): Promise<ServicePatientsByAgeSex[]> {
    const rows = await this.#rows<{
      service_code: string;
      age_band: string | null;
      sex: string | null;
      total_patients: number;
    }>(clickhouseServicePatientsByAgeSexSql(clickhouseDialect, this.address.database), [dataset, financialYear]);
    return rows
      .map((r) => ({
        serviceCode: r.service_code as ServiceCode,
        ageBand: r.age_band,
        sex: r.sex,
        patients: Number(r.total_patients),
      }))
      .sort(
        (a, b) =>
          compareText(a.serviceCode, b.serviceCode) ||
          compareNullsLast(a.ageBand, b.ageBand) ||
          compareNullsLast(a.sex, b.sex),
      );
  }

  async servicePatientFlows(question: YearSpendQuestion): Promise<ServicePatientFlow[]> {
    const rows = await this.#rows<{
      resident_icb: string;
      provider_code: string;
      provider_icb: string | null;
      service_code: string;
      total_patients: number;
      recorded_patients: number;
      total_activity: number;
      spend_pence: string;
    }>(clickhouseServicePatientFlowsSql(clickhouseDialect, this.address.database, question.vintage), [
      question.dataset,
      question.financialYear,
    ]);
    return rows
      .map((r) => ({
        residentIcb: r.resident_icb as IcbCode,
        providerCode: r.provider_code as ProviderCode,
        providerIcb: r.provider_icb as IcbCode | null,
        serviceCode: r.service_code as ServiceCode,
        patients: Number(r.total_patients),
        recordedPatients: Number(r.recorded_patients),
        activity: Number(r.total_activity),
        spendPence: Number(r.spend_pence),
      }))
      .sort(
        (a, b) =>
          compareText(a.serviceCode, b.serviceCode) ||
          compareText(a.residentIcb, b.residentIcb) ||
          compareText(a.providerCode, b.providerCode),
      );
  }

  async serviceCostDistribution(
    dataset: string,
    financialYear: FinancialYear,
    sampleSize: number,
  ): Promise<ServiceCostDistribution[]> {
    const rows = await this.#rows<{
      service_code: string;
      total_patients: number;
      mean_cost: number;
      cv_cost: number;
      sample: number[];
    }>(clickhouseServiceCostDistributionSql(clickhouseDialect, this.address.database), [
      dataset,
      financialYear,
      sampleSize,
    ]);
    return rows
      .map((r) => ({
        serviceCode: r.service_code as ServiceCode,
        patients: Number(r.total_patients),
        meanCost: Number(r.mean_cost),
        cvCost: Number(r.cv_cost),
        sample: r.sample.map(Number),
      }))
      .sort((a, b) => compareText(a.serviceCode, b.serviceCode));
  }

  async activityTotals(dataset: string, vintage: GeographyVintage): Promise<ActivityTotal[]> {
    const d = clickhouseDialect;
    // The rule only moves unknown-residence spend between ICBs; totals per year × service do not depend on it.
    const sql = `SELECT financial_year, service_code, ${d.count('sum(row_count)')} AS total_rows,
       ${d.float('sum(activity)')} AS total_activity, ${d.pence('sum(spend)')} AS total_pence,
       ${d.count('sumIf(row_count, residence_known = 0)')} AS unknown_rows,
       ${d.pence('sumIf(spend, residence_known = 0)')} AS unknown_pence
FROM (${this.#flowsSqlFor(vintage)})
GROUP BY financial_year, service_code`;
    const rows = await this.#rows<YearRecord>(sql, [dataset, 'unallocated']);
    return rows
      .map((r) => ({
        financialYear: r.financial_year,
        serviceCode: String(r.service_code) as ServiceCode,
        rows: Number(r.total_rows),
        activity: Number(r.total_activity),
        costPence: Number(r.total_pence),
        unknownResidenceRows: Number(r.unknown_rows),
        unknownResidenceCostPence: Number(r.unknown_pence),
      }))
      .sort((a, b) => compareText(a.financialYear, b.financialYear) || compareText(a.serviceCode, b.serviceCode));
  }

  /** One pass on the cluster gives the flows with their row counts; they stream as text into a temporary
   * file, DuckDB reads that into the flow table, and the input totals are sums of the same flows. */
  async writeFlows(question: FlowQuestion, workspace: Workspace): Promise<ActivityTotal[]> {
    await this.syncReference(workspace);
    const dir = mkdtempSync(join(tmpdir(), 'footprint-flows-'));
    const file = join(dir, 'flows.tsv');
    try {
      const sql = `SELECT financial_year, resident_icb, residence_known, provider_code, provider_icb, service_code,
       row_count, activity, spend FROM (${this.#flowsSqlFor(question.vintage)}) FORMAT TabSeparated`;
      await this.#toFile(sql, [question.dataset, question.unknownResidenceRule], file);
      await workspace.run(
        `CREATE OR REPLACE TEMP TABLE ${FLOWS_TABLE} AS
         SELECT * FROM read_csv(${sqlString(file)}, delim = '\t', header = false, quote = '', escape = '',
           auto_detect = false,
           columns = {'financial_year': 'VARCHAR', 'resident_icb': 'VARCHAR', 'residence_known': 'INTEGER',
                      'provider_code': 'VARCHAR', 'provider_icb': 'VARCHAR', 'service_code': 'VARCHAR',
                      'row_count': 'BIGINT', 'activity': 'DOUBLE', 'spend': 'DECIMAL(38, 2)'})`,
      );
      await workspace.run(
        `INSERT INTO flow
         SELECT $1, $2, financial_year, resident_icb, residence_known = 1, provider_code, provider_icb, service_code,
                activity, spend
         FROM ${FLOWS_TABLE}`,
        [question.dataset, question.vintage],
      );
      const totals = await workspace.all<YearRecord>(
        `SELECT financial_year, service_code, CAST(sum(row_count) AS DOUBLE) AS row_count,
                CAST(sum(activity) AS DOUBLE) AS activity, CAST(sum(spend) * 100 AS BIGINT) AS cost_pence,
                CAST(sum(row_count) FILTER (WHERE residence_known = 0) AS DOUBLE) AS unknown_residence_rows,
                CAST(coalesce(sum(spend) FILTER (WHERE residence_known = 0), 0) * 100 AS BIGINT)
                  AS unknown_residence_cost_pence
         FROM ${FLOWS_TABLE}
         GROUP BY financial_year, service_code
         ORDER BY financial_year, service_code`,
      );
      return totals.map((r) => ({
        financialYear: r.financial_year,
        serviceCode: String(r.service_code) as ServiceCode,
        rows: Number(r.row_count),
        activity: Number(r.activity),
        costPence: Number(r.cost_pence),
        unknownResidenceRows: Number(r.unknown_residence_rows ?? 0),
        unknownResidenceCostPence: Number(r.unknown_residence_cost_pence),
      }));
    } finally {
      await workspace.run(`DROP TABLE IF EXISTS ${FLOWS_TABLE}`);
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Copies the workspace's rows of dataset `source` to the cluster as dataset `dataset` (loadRows), and checks
   * that the cluster received `rows` of them. */
  async loadDataset(
    ws: Workspace,
    options: { source: string; dataset: string; rows: number; onProgress?: (done: number, total: number) => void },
  ): Promise<void> {
    await this.loadRows(ws, {
      select: `SELECT ${sqlString(options.dataset)} AS dataset, * EXCLUDE (dataset)
               FROM activity WHERE dataset = ${sqlString(options.source)}`,
      dataset: options.dataset,
      onProgress: options.onProgress,
      expectRows: options.rows,
    });
  }

  /** Loads the rows of `select` — a workspace SELECT of the activity columns named as in clickhouse-schema.ts
   * (blank codes NULL), its `dataset` column `dataset`, which is copied, never replaced, so a guard computed there
   * is evaluated on every row — onto the cluster as dataset `dataset`. DuckDB writes them to files of
   * LOAD_BATCH_BYTES; the hosts take the files in turn, in parallel, each INSERTing into a staging table through
   * its own Distributed table (synchronously, so a failed batch fails the load), so every server parses its
   * share. The staging rows are counted against the rows written (and `expectRows`, when given), then swapped in
   * shard by shard with REPLACE PARTITION. Any failure — the SELECT's own included — drops the staging tables: no
   * part of the dataset is ever visible. Returns the rows loaded and their total cost in pounds ('1234.50'). */
  async loadRows(
    ws: Workspace,
    options: {
      select: string;
      dataset: string;
      expectRows?: number;
      onProgress?: ((done: number, total: number) => void) | undefined;
      /** Wraps DuckDB's pass that writes the files (the read of an imported file: read-progress.ts). */
      aroundWrite?: (write: () => Promise<number>) => Promise<number>;
    },
  ): Promise<{ rows: number; totalCost: string }> {
    const db = this.address.database;
    const suffix = `${process.pid}_${Date.now()}`;
    const stagingLocal = `activity_staging_${suffix}`;
    const stagingAll = `activity_staging_all_${suffix}`;
    const dir = mkdtempSync(join(tmpdir(), 'footprint-load-'));
    try {
      await this.#onEveryHost(async (host) => {
        await this.#commandOn(host, localActivityDdl(db, stagingLocal));
        await this.#commandOn(host, distributedActivityDdl(db, stagingAll, stagingLocal, this.address.cluster));
      });
      const write = async () => {
        const copied = await ws.connection.run(
          `COPY (SELECT dataset, financial_year, month, provider_code, coalesce(residence_code, ''),
                      service_code, pod, age_band, sex, activity, cost, patients, coalesce(gp_practice_code, '')
               FROM (${options.select}) t)
         TO ${sqlString(join(dir, 'rows'))}
         (FORMAT csv, DELIMITER '\t', HEADER false, NULLSTR '\\N', QUOTE '', FILE_SIZE_BYTES '${LOAD_BATCH_BYTES}')`,
        );
        return Number(copied.rowsChanged);
      };
      const rows = await (options.aroundWrite ? options.aroundWrite(write) : write());
      // Nothing to load and no count asked for: leave the cluster's dataset as it is (an empty file is the
      // caller's to report).
      if (rows === 0 && options.expectRows === undefined) return { rows, totalCost: '0.00' };
      const files = existsSync(join(dir, 'rows')) ? readdirSync(join(dir, 'rows')).sort() : [];
      let done = 0;
      options.onProgress?.(done, files.length);
      await Promise.all(
        this.#hosts.map(async (host, h) => {
          for (let i = h; i < files.length; i += this.#hosts.length) {
            await this.#guard(host, () =>
              host.client.insert({
                table: `${db}.${stagingAll}`,
                values: createReadStream(join(dir, 'rows', files[i] as string)),
                format: 'TabSeparated',
                clickhouse_settings: { insert_distributed_sync: 1 },
              }),
            );
            options.onProgress?.(++done, files.length);
          }
        }),
      );
      const counted = await this.#rows<{ n: string; cost: string }>(
        `SELECT toString(count()) AS n, toString(sum(cost)) AS cost FROM ${db}.${stagingAll}`,
        [],
      );
      const received = Number(counted[0]?.n);
      const expected = options.expectRows ?? rows;
      if (received !== rows || received !== expected) {
        throw new FootprintError({
          code: 'FP_ENGINE_QUERY_FAILED',
          message: `The clickhouse engine received ${received} of ${expected} rows; the load was abandoned.`,
          where: { parameter: 'engine' },
          received: formatClickHouseAddress(this.address),
        });
      }
      await this.#onEveryHost((host) =>
        this.#commandOn(
          host,
          `ALTER TABLE ${db}.activity_local REPLACE PARTITION ${stringLiteral(options.dataset)} FROM ${db}.${stagingLocal}`,
        ),
      );
      return { rows, totalCost: toPounds(counted[0]?.cost ?? '0') };
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await this.#onEveryHost(async (host) => {
        await host.client.command({ query: `DROP TABLE IF EXISTS ${db}.${stagingAll}` }).catch(() => {});
        await host.client.command({ query: `DROP TABLE IF EXISTS ${db}.${stagingLocal}` }).catch(() => {});
      });
    }
  }

  /** Every host's version and activity rows, or the problem that stops it answering; never throws. */
  async status(): Promise<EngineStatus> {
    const hosts = await Promise.all(
      this.#hosts.map(async (host) => {
        try {
          const rows = await this.#rowsOn<{ version: string; n: string }>(
            host,
            `SELECT version() AS version, toString(count()) AS n FROM ${this.address.database}.activity_local`,
            [],
          );
          return { host: host.label, version: rows[0]?.version, activityRows: Number(rows[0]?.n ?? 0) };
        } catch (error) {
          return { host: host.label, problem: engineError(error, host.label).message };
        }
      }),
    );
    const problem = hosts.find((h) => h.problem)?.problem;
    return { engine: this.name, available: problem === undefined, hosts, ...(problem ? { problem } : {}) };
  }

  /** A SELECT bound and run with the engine's settings, for tests and benchmarks comparing with bare SQL. */
  async select<T>(sql: string, values: readonly BoundValue[] = []): Promise<T[]> {
    return this.#rows<T>(sql, values);
  }

  #flowsSqlFor(vintage: GeographyVintage): string {
    return clickhouseFlowsSql(clickhouseDialect, {
      database: this.address.database,
      vintage,
      datasetParam: 1,
      ruleParam: 2,
    });
  }

  async #rows<T>(sql: string, values: readonly BoundValue[]): Promise<T[]> {
    // Any shard's Distributed table answers for the whole cluster: try the hosts in order.
    let lastError: unknown;
    for (const host of this.#hosts) {
      try {
        return await this.#rowsOn<T>(host, sql, values);
      } catch (error) {
        lastError = error;
        if (!(error instanceof FootprintError) || error.code !== 'FP_ENGINE_UNREACHABLE') throw error;
      }
    }
    throw lastError;
  }

  async #rowsOn<T>(host: Host, sql: string, values: readonly BoundValue[]): Promise<T[]> {
    return this.#guard(host, async () => {
      const result = await host.client.query({
        query: bindValues(sql, values),
        format: 'JSONEachRow',
        clickhouse_settings: QUERY_SETTINGS,
      });
      return result.json<T>();
    });
  }

  async #toFile(sql: string, values: readonly BoundValue[], file: string): Promise<void> {
    const host = this.#hosts[0] as Host;
    await this.#guard(host, async () => {
      const result = await host.client.exec({ query: bindValues(sql, values), clickhouse_settings: QUERY_SETTINGS });
      const out = createWriteStream(file);
      await pipeline(result.stream, out);
      if (!out.closed) await once(out, 'close');
    });
  }

  async #commandOn(host: Host, sql: string): Promise<void> {
    await this.#guard(host, () => host.client.command({ query: sql }));
  }

  async #onEveryHost(work: (host: Host) => Promise<void>): Promise<void> {
    for (const host of this.#hosts) await work(host);
  }

  async #guard<T>(host: Host, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw engineError(error, host.label);
    }
  }
}

function toFlow(r: ClusterFlowRow): Flow {
  return {
    financialYear: r.financial_year,
    residentIcb: r.resident_icb as IcbCode,
    residenceKnown: Number(r.residence_known) === 1,
    providerCode: r.provider_code as ProviderCode,
    providerIcb: r.provider_icb as IcbCode,
    serviceCode: r.service_code as ServiceCode,
    activity: Number(r.activity),
    spendPence: Number(r.spend_pence),
  };
}

/** A decimal sum as ClickHouse prints it ('1234.5', '12', '-0.05' or '1234.50') as pounds with two places. */
function toPounds(text: string): string {
  const [whole = '0', fraction = ''] = text.split('.');
  return `${whole}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

/** SQL's ascending order with NULLs last, as DuckDB sorts. */
function compareNullsLast(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareText(a, b);
}

function compareFlows(a: Flow, b: Flow): number {
  return (
    compareText(a.financialYear, b.financialYear) ||
    compareText(a.residentIcb, b.residentIcb) ||
    Number(b.residenceKnown) - Number(a.residenceKnown) ||
    compareText(a.providerCode, b.providerCode) ||
    compareText(a.serviceCode, b.serviceCode)
  );
}
