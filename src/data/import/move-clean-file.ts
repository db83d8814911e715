// The clean-file fast path: most files have no bad row, and for them the validating path
// (stage-validate-move.ts) pays for reading every field as text, trimming and casting it in SQL, and
// quarantining nothing. Here the reader casts the numbers itself, as a bare `read_csv` does, each row is
// checked against the reference tables with set-based lookups, and rows go straight into `activity`.
//
// A row is let through only when the validating path would accept it with the same stored values; any
// other row raises an error that aborts the INSERT, and the caller rolls back and takes the validating
// path, which finds every bad row and writes the rejects file. So this path decides nothing on its own:
// it either stores exactly what the validating path would, or gives way to it. A reader failure (a word
// in a number column, a short row) gives way too.

import type { ActivityColumn } from '../../core/activity/activity-record.ts';
import { financialYearText, MAX_ROW_COST, MAX_ROW_COUNT, type YearWindow } from '../../core/activity/import-bounds.ts';
import { RESIDENCE_NOT_KNOWN_CODES } from '../../core/activity/residence-not-known.ts';
import { sqlString } from '../queries/sql-dialect.ts';
import type { Workspace } from '../workspace.ts';
import type { TypedRows } from './file-rows.ts';
import { NHS_SEX_CODES } from './stage-validate-move.ts';

/** Types the CSV reader gives each field. Cost is read at six decimal places, as the validating path
 * reads it, so that a third decimal place is seen (and sent to the validating path), not rounded away. */
export const CSV_READ_TYPES: Record<ActivityColumn, string> = {
  financial_year: 'VARCHAR',
  // Text, not TINYINT: the typed reader would round '4.5' to 5 where the validating path rejects it.
  month: 'VARCHAR',
  provider_code: 'VARCHAR',
  residence_code: 'VARCHAR',
  service_code: 'VARCHAR',
  pod: 'VARCHAR',
  age_band: 'VARCHAR',
  sex: 'VARCHAR',
  activity: 'DOUBLE',
  cost: 'DECIMAL(18,6)',
  patients: 'DOUBLE',
  gp_practice_code: 'VARCHAR',
};

/** Integer types whose values convert to DOUBLE exactly as their text would (64-bit and narrower). */
const INTEGER_TYPES = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER']);
const isInteger = (type: string) => INTEGER_TYPES.has(type);
const isDecimal = (type: string) => /^DECIMAL\(\d+,\s*\d+\)$/.test(type);

/** Which column types each field may have for the fast path to match the validating path exactly. A
 * FLOAT, say, converts to DOUBLE differently from its text (0.1f is 0.100000001…), so it gives way. */
const FAST_TYPES: Record<ActivityColumn, (type: string) => boolean> = {
  financial_year: (t) => t === 'VARCHAR',
  month: (t) => t === 'VARCHAR' || isInteger(t),
  provider_code: (t) => t === 'VARCHAR',
  residence_code: (t) => t === 'VARCHAR',
  service_code: (t) => t === 'VARCHAR',
  pod: (t) => t === 'VARCHAR',
  age_band: (t) => t === 'VARCHAR',
  sex: (t) => t === 'VARCHAR',
  activity: (t) => t === 'DOUBLE' || isInteger(t),
  cost: (t) => isDecimal(t) || isInteger(t),
  patients: (t) => t === 'DOUBLE' || isInteger(t),
  gp_practice_code: (t) => t === 'VARCHAR',
};

const sqlList = (values: readonly string[]): string => values.map(sqlString).join(', ');

/** The value cast to the ENUM `activity` stores it as (migration 024): the cast is the check that it is one of
 * the list, spelt as stored, and raises an error for any other value, as the guard does. */
const asStored = (value: string, type: string) => `CAST(${value} AS ${type})`;

/** Months as the validating path accepts them without trimming: '1'…'12' and '01'…'09'. */
const MONTH_SPELLINGS = [
  ...Array.from({ length: 12 }, (_, i) => String(i + 1)),
  ...Array.from({ length: 9 }, (_, i) => `0${i + 1}`),
];

/** Codes exactly as the validating path stores them, so a match means it would store the same text. */
const PROVIDERS = "SELECT upper(provider_code) FROM provider WHERE provider_code <> ''";
const RESIDENCES = 'SELECT code FROM residence_map WHERE code = upper(code)';
const PRACTICES = 'SELECT practice_code FROM gp_practice WHERE practice_code = upper(practice_code)';
/** Current service codes that no other current code equals ignoring case (the validating path matches
 * ignoring case and would have to choose between them). */
const SERVICES = `SELECT any_value(service_code) FROM service WHERE is_current AND service_code <> ''
  GROUP BY upper(service_code) HAVING count(DISTINCT service_code) = 1`;

/** The INSERT moving every row of a clean file into `activity` under the dataset named by $1, or null
 * when a column's type rules the fast path out. */
export function cleanFileInsert(rows: TypedRows, years: YearWindow): string | null {
  const select = cleanFileSelect(rows, years, '$1');
  return (
    select &&
    `INSERT INTO activity (dataset, financial_year, month, provider_code, residence_code, service_code, pod, age_band,
      sex, activity, cost, patients, gp_practice_code)
    ${select}`
  );
}

/** The rows of a clean file as `activity` stores them, in its column order, under the dataset `dataset` (an
 * SQL expression), or null when a column's type rules the fast path out. Reading it raises an error at the
 * first row that is not clean. */
export function cleanFileSelect(rows: TypedRows, years: YearWindow, dataset: string): string | null {
  const value: Partial<Record<ActivityColumn, string>> = {};
  for (const [field, column] of Object.entries(rows.columns) as [ActivityColumn, { sql: string; type: string }][]) {
    if (!FAST_TYPES[field](column.type.toUpperCase())) return null;
    value[field] = `f.${column.sql}`;
  }
  const text = (field: ActivityColumn) => (value[field] ? `nullif(${value[field]}, '')` : 'CAST(NULL AS VARCHAR)');
  // A required code is looked up in a list that holds no blank, so a blank fails the lookup as it is:
  // no nullif to pay for on every row.
  const code = (field: ActivityColumn) => value[field] ?? 'CAST(NULL AS VARCHAR)';
  const number = (field: ActivityColumn) => (value[field] ? `CAST(${value[field]} AS DOUBLE)` : 'CAST(NULL AS DOUBLE)');
  const monthIsText = rows.columns.month?.type.toUpperCase() === 'VARCHAR';
  const month = value.month ? (monthIsText ? `nullif(${value.month}, '')` : value.month) : 'NULL';
  const monthInRange = monthIsText ? `${month} IN (${sqlList(MONTH_SPELLINGS)})` : `${month} BETWEEN 1 AND 12`;
  const cost = value.cost ?? 'NULL';
  const residence = text('residence_code');
  const sex = text('sex');
  const sexCodes = Object.entries(NHS_SEX_CODES);
  const storedSex = `CASE ${sex} ${sexCodes.map(([code, s]) => `WHEN ${sqlString(code)} THEN ${sqlString(s)}`).join(' ')} ELSE ${sex} END`;
  const count = (field: ActivityColumn) =>
    `(isfinite(${number(field)}) AND ${number(field)} >= 0 AND ${number(field)} <= ${MAX_ROW_COUNT})`;

  // Financial year, point of delivery, age band and sex are checked by their cast to the stored ENUM (asStored,
  // in the SELECT list below); the guard adds what the cast does not check: the window and a required value.
  const clean = [
    // Text order is year order for the canonical spellings, the only ones the cast lets through.
    `${code('financial_year')} BETWEEN ${sqlString(financialYearText(years.first))} AND ${sqlString(financialYearText(years.last))}`,
    `(${month} IS NULL OR ${monthInRange})`,
    `${code('provider_code')} IN (${PROVIDERS})`,
    `(${residence} IS NULL OR ${residence} IN (${sqlList(RESIDENCE_NOT_KNOWN_CODES)}) OR ${residence} IN (${RESIDENCES}))`,
    `${code('service_code')} IN (${SERVICES})`,
    `${code('pod')} IS NOT NULL`,
    count('activity'),
    // Two decimal places, and under £1 trillion, as the validating path reads cost at DECIMAL(18,6).
    `(${cost} = round(${cost}, 2) AND abs(${cost}) < ${MAX_ROW_COST})`,
    `(${number('patients')} IS NULL OR ${count('patients')})`,
    `(${text('gp_practice_code')} IS NULL OR ${text('gp_practice_code')} IN (${PRACTICES}))`,
  ].join('\n      AND ');

  // The guard sits in the SELECT list, never in a WHERE, so no optimisation can drop a row before it is
  // checked: every row read is inserted or aborts the statement.
  return `
    SELECT CASE WHEN ${clean} THEN ${dataset} ELSE error('not a clean file') END AS dataset,
      ${asStored(code('financial_year'), 'activity_financial_year')} AS financial_year, CAST(${month} AS TINYINT) AS month,
      ${code('provider_code')} AS provider_code,
      CASE WHEN ${residence} IN (${sqlList(RESIDENCE_NOT_KNOWN_CODES)}) THEN NULL ELSE ${residence} END AS residence_code,
      ${code('service_code')} AS service_code, ${asStored(code('pod'), 'activity_pod')} AS pod,
      ${asStored(text('age_band'), 'activity_age_band')} AS age_band, ${asStored(storedSex, 'activity_sex')} AS sex,
      ${number('activity')} AS activity, CAST(${cost} AS DECIMAL(18, 2)) AS cost, ${number('patients')} AS patients,
      ${text('gp_practice_code')} AS gp_practice_code
    FROM ${rows.relation} f`;
}

/** Runs `cleanFileInsert` and returns the rows moved. Throws when any row is not clean (or the reader
 * fails); the caller must then roll back. Must run inside a transaction. */
export async function moveCleanFile(ws: Workspace, insert: string, dataset: string): Promise<number> {
  const result = await ws.connection.run(insert, [dataset]);
  return result.rowsChanged;
}
