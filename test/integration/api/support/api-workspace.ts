// A workspace for API tests: the real England reference data and a small synthetic activity table made in
// SQL from it (real providers, sub-ICB residence codes and services; deterministic, no random numbers),
// converted to both bases by the real run. Built once per test file into a temporary folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReference } from '../../../../src/data/reference/load-reference.ts';
import { runBasisConversion } from '../../../../src/data/run/run-basis-conversion.ts';
import { addUser } from '../../../../src/data/users/user-store.ts';
import { openWorkspace, type Workspace } from '../../../../src/data/workspace.ts';

export const TEST_DATASET = 'api-test';
export const TEST_PASSWORD = 'correct horse battery staple';

/** Users the tests sign in as: national admin, a region (London, Y56) editor, ICB (QWE, South West London)
 * editor, viewer and admin, and an editor of another ICB (QKK, South East London). */
export const USERS = {
  nationalAdmin: { email: 'national.admin@example.nhs.uk', organisation: 'national', role: 'admin' },
  londonEditor: { email: 'london.editor@example.nhs.uk', organisation: 'Y56', role: 'editor' },
  londonAdmin: { email: 'london.admin@example.nhs.uk', organisation: 'Y56', role: 'admin' },
  qweEditor: { email: 'qwe.editor@example.nhs.uk', organisation: 'QWE', role: 'editor' },
  qweViewer: { email: 'qwe.viewer@example.nhs.uk', organisation: 'QWE', role: 'viewer' },
  qweAdmin: { email: 'qwe.admin@example.nhs.uk', organisation: 'QWE', role: 'admin' },
  qkkEditor: { email: 'qkk.editor@example.nhs.uk', organisation: 'QKK', role: 'editor' },
  northWestEditor: { email: 'nw.editor@example.nhs.uk', organisation: 'Y62', role: 'editor' },
} as const;

export type TestUser = keyof typeof USERS;

export async function createApiWorkspace(activityRows = 20_000): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), 'footprint-api-'));
  const ws = await openWorkspace(dir, { create: true });
  await loadReference(ws);
  // Row i takes the (i·13 mod n)-th provider, (i·7 mod n)-th residence code and (i·3 mod n)-th service, so
  // every ICB and many providers appear; cost is whole pence. The list sizes are read first so the joins
  // are equi-joins on a computed key (hash joins, fast at millions of rows).
  const sizes = (await ws.one<{ np: number; nr: number; ns: number }>(
    `SELECT (SELECT CAST(count(*) AS INTEGER) FROM provider WHERE host_icb IS NOT NULL AND kind = 'nhs-trust') AS np,
            (SELECT CAST(count(*) AS INTEGER) FROM residence_map WHERE code_kind = 'sub-icb') AS nr,
            (SELECT CAST(count(*) AS INTEGER) FROM service WHERE is_current) AS ns`,
  ))!;
  await ws.run(
    `INSERT INTO activity
     WITH p AS (SELECT provider_code, row_number() OVER (ORDER BY provider_code) - 1 AS k FROM provider
                 WHERE host_icb IS NOT NULL AND kind = 'nhs-trust'),
          r AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM residence_map WHERE code_kind = 'sub-icb'),
          s AS (SELECT service_code, row_number() OVER (ORDER BY service_code) - 1 AS k FROM service WHERE is_current),
          t AS (SELECT range AS i, (range * 13) % ${sizes.np} AS pk, (range * 7) % ${sizes.nr} AS rk,
                       (range * 3) % ${sizes.ns} AS sk FROM range(${Math.trunc(activityRows)}))
     SELECT $1, CASE WHEN i % 2 = 0 THEN '2023/24' ELSE '2024/25' END, CAST(i % 12 + 1 AS TINYINT),
            p.provider_code, CASE WHEN i % 50 = 0 THEN NULL ELSE r.code END, s.service_code, 'APC_EL',
            '40-44', CASE WHEN i % 2 = 0 THEN 'M' ELSE 'F' END,
            CAST(i % 5 + 1 AS DOUBLE), CAST((i * 7919 % 500000 + 100) / 100.0 AS DECIMAL(18, 2)), 1.0, NULL
     FROM t JOIN p ON p.k = t.pk JOIN r ON r.k = t.rk JOIN s ON s.k = t.sk`,
    [TEST_DATASET],
  );
  // Recorded as an import would record it, so the dataset is listed and counts as existing.
  await ws.run(
    `INSERT INTO dataset (name, source_file, format, rows_read, rows_accepted, rows_rejected, total_cost, imported_at)
     SELECT $1, 'api-test.csv', 'csv', count(*), count(*), 0, sum(cost), TIMESTAMP '2026-04-01 09:00:00'
     FROM activity WHERE dataset = $1`,
    [TEST_DATASET],
  );
  await ws.setSetting('current_dataset', TEST_DATASET);
  await runBasisConversion(ws, { dataset: TEST_DATASET });
  for (const user of Object.values(USERS)) await addUser(ws, { ...user, password: TEST_PASSWORD });
  return ws;
}
