// How `activity` stores its closed lists (migration 024): financial year, point of delivery, age band and sex
// as ENUMs whose values are core's lists in byte order, so a stored value reads, compares and sorts as its
// text; a workspace made before the migration keeps its rows, converted; and a value outside a list is
// refused by the store itself.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POINTS_OF_DELIVERY, SEXES } from '../../src/core/activity/activity-record.ts';
import { financialYearText, STORED_YEARS } from '../../src/core/activity/import-bounds.ts';
import { AGE_BANDS } from '../../src/core/population/age-bands.ts';
import { MIGRATIONS } from '../../src/data/schema/migrations.ts';
import { openWorkspace, type Workspace } from '../../src/data/workspace.ts';

const byteOrder = (values: readonly string[]) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const years = Array.from({ length: STORED_YEARS.last - STORED_YEARS.first + 1 }, (_, i) =>
  financialYearText(STORED_YEARS.first + i),
);

async function enumValues(ws: Workspace, column: string): Promise<string[]> {
  const rows = await ws.all<{ value: string }>(`SELECT unnest(enum_range(NULL::${column})) AS value`);
  return rows.map((r) => r.value);
}

describe('activity storage (migration 024)', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await openWorkspace(mkdtempSync(join(tmpdir(), 'fp-storage-')), { create: true });
  });
  afterAll(() => ws.close());

  it("each ENUM holds core's list in byte order", async () => {
    expect(await enumValues(ws, 'activity_pod')).toEqual(byteOrder(POINTS_OF_DELIVERY));
    expect(await enumValues(ws, 'activity_age_band')).toEqual(byteOrder(AGE_BANDS));
    expect(await enumValues(ws, 'activity_sex')).toEqual(byteOrder(SEXES));
    expect(await enumValues(ws, 'activity_financial_year')).toEqual(years);
    expect(years.slice(0, 2)).toEqual(['1900/01', '1901/02']);
    expect(years.at(-1)).toBe('2199/00');
  });

  it('a stored value sorts and compares as its text, and a value outside a list is refused', async () => {
    await ws.run(`INSERT INTO activity (dataset, financial_year, provider_code, service_code, pod, age_band, sex, activity, cost)
      VALUES ('t', '2024/25', 'P1', 'S1', 'OP_FU', '5-9', 'M', 1, 1), ('t', '1999/00', 'P1', 'S1', 'APC_NEL', '10-14', 'F', 1, 1),
             ('t', '2100/01', 'P1', 'S1', 'HCD', '90+', NULL, 1, 1)`);
    const rows = await ws.all<{ pod: string; age_band: string; financial_year: string }>(
      `SELECT pod, age_band, financial_year FROM activity WHERE dataset = 't' AND pod <> $1 ORDER BY age_band`,
      ['NOT-A-POD'],
    );
    expect(rows).toEqual([
      { pod: 'APC_NEL', age_band: '10-14', financial_year: '1999/00' },
      { pod: 'OP_FU', age_band: '5-9', financial_year: '2024/25' },
      { pod: 'HCD', age_band: '90+', financial_year: '2100/01' },
    ]);
    const latest = await ws.one<{ fy: string }>(`SELECT max(financial_year) AS fy FROM activity WHERE dataset = 't'`);
    expect(latest?.fy).toBe('2100/01');
    const outside: [string, string][] = [
      ['pod', 'apc_el'],
      ['age_band', '0 - 4'],
      ['sex', '1'],
      ['financial_year', '2024/2025'],
    ];
    for (const [column, bad] of outside) {
      await expect(ws.run(`UPDATE activity SET ${column} = $1 WHERE dataset = 't'`, [bad])).rejects.toThrow(
        /Could not convert/,
      );
    }
  });
});

describe('a workspace made before migration 024', () => {
  it('keeps its activity rows, now stored as ENUMs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-storage-old-'));
    const instance = await DuckDBInstance.create(join(dir, 'footprint.duckdb'));
    const old = await instance.connect();
    await old.run(
      'CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)',
    );
    for (const migration of MIGRATIONS.filter((m) => m.version < 24)) {
      await old.run(migration.sql);
      await old.run('INSERT INTO schema_migration VALUES ($1, $2, now())', [migration.version, migration.name]);
    }
    await old.run(`INSERT INTO activity (dataset, financial_year, month, provider_code, residence_code, service_code, pod,
        age_band, sex, activity, cost, patients)
      VALUES ('main', '2023/24', 4, 'RJ1', '36L', '13X', 'CRITICAL_CARE', '85-89', 'U', 2, 10.05, 1),
             ('main', '2024/25', NULL, 'RJZ', NULL, '18A', 'OP_FIRST', NULL, NULL, 1, 0.10, NULL)`);
    old.closeSync();
    instance.closeSync();

    const ws = await openWorkspace(dir);
    try {
      const types = await ws.all<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns
          WHERE table_name = 'activity' AND column_name IN ('financial_year', 'pod', 'age_band', 'sex') ORDER BY column_name`,
      );
      expect(types.map((t) => [t.column_name, t.data_type.startsWith('ENUM(')])).toEqual([
        ['age_band', true],
        ['financial_year', true],
        ['pod', true],
        ['sex', true],
      ]);
      expect(
        await ws.all(
          `SELECT financial_year, month, provider_code, pod, age_band, sex, CAST(cost AS VARCHAR) AS cost
             FROM activity ORDER BY financial_year`,
        ),
      ).toEqual([
        {
          financial_year: '2023/24',
          month: 4,
          provider_code: 'RJ1',
          pod: 'CRITICAL_CARE',
          age_band: '85-89',
          sex: 'U',
          cost: '10.05',
        },
        {
          financial_year: '2024/25',
          month: null,
          provider_code: 'RJZ',
          pod: 'OP_FIRST',
          age_band: null,
          sex: null,
          cost: '0.10',
        },
      ]);
    } finally {
      ws.close();
    }
  });
});
