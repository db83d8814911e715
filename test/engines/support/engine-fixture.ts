// One workspace with the toy geography of basis-fixture.ts plus two GP practices, a real two-shard ClickHouse
// cluster (Debian's 18.16) and an embedded current ClickHouse (chdb) prepared from it, and helpers to put the same activity rows into the workspace, onto the cluster
// and into the in-memory reference.

import { ClickHouseEngine } from '../../../src/data/engines/clickhouse.ts';
import { parseClickHouseAddress } from '../../../src/data/engines/clickhouse-address.ts';
import type { Workspace } from '../../../src/data/workspace.ts';
import { type BasisWorkspace, createBasisWorkspace, TOY_ACTIVITY } from '../../integration/support/basis-fixture.ts';
import { type ChdbEngine, startChdbEngine } from './chdb-engine.ts';
import { type ClickHouseCluster, startClickHouseCluster } from './clickhouse-cluster.ts';
import type { ReferenceMaps, ReferenceRow } from './reference-engine.ts';

/** The toy reference of basis-fixture.ts as maps; practices G1 (in QA) and G2 (in QC) are added here. */
export const TOY_MAPS: ReferenceMaps = {
  residence: {
    A1: { '2026': 'QA', '2023': 'QA' },
    B1: { '2026': 'QB', '2023': 'QB' },
    C1: { '2026': 'QC', '2023': 'QC' },
    D1: { '2026': 'QC', '2023': 'QD' },
    QA: { '2026': 'QA', '2023': 'QA' },
    QB: { '2026': 'QB', '2023': 'QB' },
    QC: { '2026': 'QC', '2023': 'QC' },
    QD: { '2026': 'QC', '2023': 'QD' },
  },
  providerHost: {
    P1: { '2026': 'QA', '2023': 'QA' },
    P2: { '2026': 'QB', '2023': 'QB' },
    P3: { '2026': 'QC', '2023': 'QC' },
    P4: { '2026': null, '2023': null },
  },
  practiceIcb: { G1: 'QA', G2: 'QC' },
};

/** basis-fixture's toy dataset as reference rows. */
export const TOY_ROWS: ReferenceRow[] = TOY_ACTIVITY.map((r) => ({
  financialYear: r.financialYear,
  provider: r.provider,
  residence: r.residence,
  service: r.service,
  pod: 'APC_EL',
  ageBand: null,
  sex: null,
  activity: r.activity,
  patients: null,
  costPence: Math.round(Number(r.cost) * 100),
  gpPractice: null,
}));

export interface EngineFixture {
  basis: BasisWorkspace;
  cluster: ClickHouseCluster;
  clickhouse: ClickHouseEngine;
  /** The same engine on chdb's embedded ClickHouse (a current release). */
  chdb: ChdbEngine;
  /** Replaces `dataset` in the workspace, on the cluster and in chdb with `rows`. */
  put(dataset: string, rows: readonly ReferenceRow[]): Promise<void>;
  stop(): Promise<void>;
}

const pounds = (pence: number) => {
  const sign = pence < 0 ? '-' : '';
  const digits = String(Math.abs(pence)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

export async function insertRows(ws: Workspace, dataset: string, rows: readonly ReferenceRow[]): Promise<void> {
  await ws.run('DELETE FROM activity WHERE dataset = $1', [dataset]);
  for (const r of rows) {
    await ws.run(
      `INSERT INTO activity (dataset, financial_year, provider_code, residence_code, service_code, pod, age_band, sex,
                             activity, cost, patients, gp_practice_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CAST($10 AS DECIMAL(18, 2)), $11, $12)`,
      [
        dataset,
        r.financialYear,
        r.provider,
        r.residence,
        r.service,
        r.pod,
        r.ageBand,
        r.sex,
        r.activity,
        pounds(r.costPence),
        r.patients,
        r.gpPractice,
      ],
    );
  }
}

export async function startEngineFixture(): Promise<EngineFixture> {
  const cluster = await startClickHouseCluster();
  const basis = await createBasisWorkspace();
  let chdb: ChdbEngine | undefined;
  try {
    const embedded = await startChdbEngine();
    chdb = embedded;
    await basis.ws.run(`INSERT INTO gp_practice (practice_code, name, sub_icb_code, icb_code, region_code) VALUES
      ('G1', 'Practice One', 'A1', 'QA', 'Y01'), ('G2', 'Practice Two', 'C1', 'QC', 'Y02')`);
    const clickhouse = await ClickHouseEngine.connect(parseClickHouseAddress(cluster.url), {
      user: cluster.user,
      password: cluster.password,
    });
    await clickhouse.prepare(basis.ws);
    await embedded.engine.prepare(basis.ws);
    const put = async (dataset: string, rows: readonly ReferenceRow[]) => {
      await insertRows(basis.ws, dataset, rows);
      await clickhouse.loadDataset(basis.ws, { source: dataset, dataset, rows: rows.length });
      await embedded.engine.loadDataset(basis.ws, { source: dataset, dataset, rows: rows.length });
    };
    await put('toy', TOY_ROWS);
    return {
      basis,
      cluster,
      clickhouse,
      chdb: embedded,
      put,
      async stop() {
        await clickhouse.close();
        await embedded.stop();
        basis.cleanup();
        await cluster.stop();
      },
    };
  } catch (error) {
    await chdb?.stop();
    basis.cleanup();
    await cluster.stop();
    throw error;
  }
}
