// Builds a workspace with toy reference codes and a big synthetic activity table made inside DuckDB
// (INSERT … FROM range(n)), for benchmarks that must not wait for the generator or the importer.
// The shape is plausible, not realistic: each service has ten providers; residence is spread over 106
// sub-ICB codes and 42 ICB codes, 1% blank. Usage: tsx bench/build-bench-workspace.ts DIR [ROWS]
import { openWorkspace, type Workspace } from '../src/data/workspace.ts';

export async function buildBenchWorkspace(dir: string, rows: number): Promise<void> {
  const ws = await openWorkspace(dir, { create: true });
  try {
    await insertToyReference(ws);
    await ws.run(`DELETE FROM activity WHERE dataset = 'bench'`);
    await ws.run(
      `INSERT INTO activity
       SELECT 'bench',
              CASE WHEN i % 2 = 0 THEN '2023/24' ELSE '2024/25' END,
              CAST(i % 12 + 1 AS TINYINT),
              'R' || lpad(CAST((s * 7 + (i // 7) % 10) % 200 AS VARCHAR), 3, '0'),
              CASE WHEN i % 100 = 0 THEN NULL
                   WHEN i % 3 = 0 THEN 'Q' || lpad(CAST(i * 31 % 42 + 1 AS VARCHAR), 2, '0')
                   ELSE 'S' || lpad(CAST(i * 17 % 106 + 1 AS VARCHAR), 3, '0') END,
              'SV' || lpad(CAST(s AS VARCHAR), 2, '0'),
              'APC_EL', NULL, NULL,
              CAST(i % 5 + 1 AS DOUBLE),
              CAST((i * 7919 % 1000000 - 1000) / 100.0 AS DECIMAL(18, 2)),
              NULL, NULL
       FROM (SELECT range AS i, (range * 2654435761 % 75) AS s FROM range(${Math.trunc(rows)}))`,
    );
  } finally {
    ws.close();
  }
}

async function insertToyReference(ws: Workspace): Promise<void> {
  for (const table of ['region', 'icb', 'residence_map', 'provider', 'service']) await ws.run(`DELETE FROM ${table}`);
  await ws.run(`INSERT INTO region SELECT v, 'Y01', 'E40000001', 'Toy region' FROM (VALUES ('2023'), ('2026')) t(v)`);
  // 42 ICBs in 2023; in 2026, Q37–Q42 merge into Q01–Q06.
  await ws.run(
    `INSERT INTO icb SELECT '2023', 'Q' || lpad(CAST(range AS VARCHAR), 2, '0'), 'E54' || range, 'ICB ' || range, 'Y01'
     FROM range(1, 43)`,
  );
  await ws.run(
    `INSERT INTO icb SELECT '2026', 'Q' || lpad(CAST(range AS VARCHAR), 2, '0'), 'E54' || range, 'ICB ' || range, 'Y01'
     FROM range(1, 37)`,
  );
  const icb2026 = (n: string) =>
    `'Q' || lpad(CAST(CASE WHEN ${n} > 36 THEN ${n} - 36 ELSE ${n} END AS VARCHAR), 2, '0')`;
  await ws.run(
    `INSERT INTO residence_map
     SELECT 'S' || lpad(CAST(range AS VARCHAR), 3, '0'), 'sub-icb', '2023', ${icb2026('(range % 42 + 1)')},
            'Q' || lpad(CAST(range % 42 + 1 AS VARCHAR), 2, '0'), 'same-code'
     FROM range(1, 107)`,
  );
  await ws.run(
    `INSERT INTO residence_map
     SELECT 'Q' || lpad(CAST(range AS VARCHAR), 2, '0'), 'icb', '2023', ${icb2026('range')},
            'Q' || lpad(CAST(range AS VARCHAR), 2, '0'), 'same-code'
     FROM range(1, 43)`,
  );
  await ws.run(
    `INSERT INTO provider (provider_code, name, kind, host_icb, host_icb_2023, location_method)
     SELECT 'R' || lpad(CAST(range AS VARCHAR), 3, '0'), 'Provider ' || range, 'nhs-trust',
            ${icb2026('(range % 42 + 1)')}, 'Q' || lpad(CAST(range % 42 + 1 AS VARCHAR), 2, '0'), 'toy'
     FROM range(0, 200)`,
  );
  await ws.run(
    `INSERT INTO service (service_code, catalogue_version, name, source, is_current)
     SELECT 'SV' || lpad(CAST(range AS VARCHAR), 2, '0'), 1, 'Service ' || range, 'toy', true FROM range(0, 75)`,
  );
}

if (process.argv[1]?.endsWith('build-bench-workspace.ts')) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx bench/build-bench-workspace.ts DIR [ROWS]');
  const started = performance.now();
  await buildBenchWorkspace(dir, Number(process.argv[3] ?? 20_000_000));
  console.log(`built ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
