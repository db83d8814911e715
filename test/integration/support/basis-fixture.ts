// A workspace with toy reference rows and activity inserted directly (no loader, no importer), for tests
// of the basis conversion, flows and reports. The geography is small enough to work results by hand:
//
//   2023 ICBs QA, QB, QC, QD (regions Y01 = QA+QB, Y02 = QC+QD); in 2026 QD merges into QC.
//   Residence codes: sub-ICBs A1→QA, B1→QB, C1→QC, D1→QD (2023) / QC (2026); the ICB codes themselves.
//   Providers: P1 hosted in QA, P2 in QB, P3 in QC (both vintages), P4 with no known host ICB.
//   Services S1, S2. Footprint 'South' (2026) = QA + QB.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../../../src/data/workspace.ts';

export interface ToyActivity {
  financialYear: string;
  provider: string;
  residence: string | null;
  service: string;
  activity: number;
  /** Pounds as exact decimal text, e.g. '10.00'. */
  cost: string;
}

/** The toy dataset 'toy'. Totals: 2024/25 S1 = 10 + 5 + 30 + 7 − 1 + 0.50 = £51.50; 2024/25 S2 = 2 + 4 =
 * £6.00; 2023/24 S1 = £1.23. Unknown residence: row 4 (blank, £7.00) and row 9 (code ZZZ not in the
 * map, £0.50) = 2 rows, £7.50. */
export const TOY_ACTIVITY: ToyActivity[] = [
  { financialYear: '2024/25', provider: 'P1', residence: 'A1', service: 'S1', activity: 2, cost: '10.00' },
  { financialYear: '2024/25', provider: 'P1', residence: 'B1', service: 'S1', activity: 1, cost: '5.00' },
  { financialYear: '2024/25', provider: 'P2', residence: 'QA', service: 'S1', activity: 3, cost: '30.00' },
  { financialYear: '2024/25', provider: 'P2', residence: null, service: 'S1', activity: 1, cost: '7.00' },
  { financialYear: '2024/25', provider: 'P2', residence: 'B1', service: 'S2', activity: 1, cost: '2.00' },
  { financialYear: '2024/25', provider: 'P3', residence: 'D1', service: 'S2', activity: 1, cost: '4.00' },
  { financialYear: '2024/25', provider: 'P1', residence: 'A1', service: 'S1', activity: 1, cost: '-1.00' },
  { financialYear: '2023/24', provider: 'P4', residence: 'C1', service: 'S1', activity: 1, cost: '1.23' },
  { financialYear: '2024/25', provider: 'P1', residence: 'ZZZ', service: 'S1', activity: 1, cost: '0.50' },
];

export interface BasisWorkspace {
  ws: Workspace;
  dir: string;
  /** Closes the workspace (so a CLI process can open it); safe to call twice. */
  close(): void;
  /** Closes the workspace if still open and deletes its folder. */
  cleanup(): void;
}

export async function createBasisWorkspace(activity: ToyActivity[] = TOY_ACTIVITY): Promise<BasisWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'footprint-basis-'));
  const ws = await openWorkspace(dir, { create: true });
  await insertToyReference(ws);
  await insertToyActivity(ws, 'toy', activity);
  await ws.setSetting('current_dataset', 'toy');
  let open = true;
  const close = () => {
    if (open) ws.close();
    open = false;
  };
  return {
    ws,
    dir,
    close,
    cleanup() {
      close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function insertToyActivity(ws: Workspace, dataset: string, rows: ToyActivity[]): Promise<void> {
  for (const r of rows) {
    await ws.run(
      `INSERT INTO activity (dataset, financial_year, provider_code, residence_code, service_code, pod, activity, cost)
       VALUES ($1, $2, $3, $4, $5, 'APC_EL', $6, CAST($7 AS DECIMAL(18, 2)))`,
      [dataset, r.financialYear, r.provider, r.residence, r.service, r.activity, r.cost],
    );
  }
}

async function insertToyReference(ws: Workspace): Promise<void> {
  await ws.run(`INSERT INTO region (vintage, region_code, region_ons_code, name) VALUES
    ('2023', 'Y01', 'E40000001', 'North'), ('2023', 'Y02', 'E40000002', 'South'),
    ('2026', 'Y01', 'E40000001', 'North'), ('2026', 'Y02', 'E40000002', 'South')`);
  await ws.run(`INSERT INTO icb (vintage, icb_code, icb_ons_code, name, region_code) VALUES
    ('2023', 'QA', 'E54000001', 'ICB A', 'Y01'), ('2023', 'QB', 'E54000002', 'ICB B', 'Y01'),
    ('2023', 'QC', 'E54000003', 'ICB C', 'Y02'), ('2023', 'QD', 'E54000004', 'ICB D', 'Y02'),
    ('2026', 'QA', 'E54000001', 'ICB A', 'Y01'), ('2026', 'QB', 'E54000002', 'ICB B', 'Y01'),
    ('2026', 'QC', 'E54000003', 'ICB C and D', 'Y02')`);
  await ws.run(`INSERT INTO residence_map (code, code_kind, source_vintage, icb_2026, icb_2023, method) VALUES
    ('A1', 'sub-icb', '2023', 'QA', 'QA', 'same-code'), ('B1', 'sub-icb', '2023', 'QB', 'QB', 'same-code'),
    ('C1', 'sub-icb', '2023', 'QC', 'QC', 'same-code'), ('D1', 'sub-icb', '2023', 'QC', 'QD', 'same-code'),
    ('QA', 'icb', '2023', 'QA', 'QA', 'same-code'), ('QB', 'icb', '2023', 'QB', 'QB', 'same-code'),
    ('QC', 'icb', '2023', 'QC', 'QC', 'same-code'), ('QD', 'icb', '2023', 'QC', 'QD', 'same-code')`);
  await ws.run(`INSERT INTO provider (provider_code, name, kind, host_icb, host_icb_2023, location_method) VALUES
    ('P1', 'Provider One, "North"', 'nhs-trust', 'QA', 'QA', 'toy'),
    ('P2', 'Provider Two', 'nhs-trust', 'QB', 'QB', 'toy'),
    ('P3', 'Provider Three', 'nhs-trust', 'QC', 'QC', 'toy'),
    ('P4', 'Provider Four', 'independent-sector', NULL, NULL, 'toy')`);
  await ws.run(`INSERT INTO service (service_code, catalogue_version, name, programme_of_care, highly_specialised, source, is_current)
    VALUES ('S1', 1, 'Service One', 'Cancer', NULL, 'toy', true), ('S2', 1, 'Service Two', 'Trauma', true, 'toy', true)`);
  await ws.run(
    `INSERT INTO footprint (name, kind, vintage, description) VALUES ('South', 'group', '2026', 'QA and QB'), ('Old D', 'icb', '2023', NULL)`,
  );
  await ws.run(
    `INSERT INTO footprint_member (footprint_name, icb_code) VALUES ('South', 'QA'), ('South', 'QB'), ('Old D', 'QD')`,
  );
}
