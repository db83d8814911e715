// Stage → validate → move, in one transaction, as set-based SQL over the file (docs/data-format.md).
//
// Why one pass: reading the file is the cost that matters (a 20-million-row CSV takes ~10 s to parse),
// so every row read is inserted into `activity` in a single INSERT … SELECT that also validates it.
// Rows that fail validation are inserted under QUARANTINE, a dataset name no user can choose (it holds a
// space), with harmless placeholders in their NOT NULL columns. Counting the two groups gives read and
// accepted; the quarantined rows are deleted before COMMIT, and on any failure the transaction rolls
// back, so nobody ever sees them and a killed process leaves the workspace as it was. Only when there
// are rejects is the file read a second time, numbered, to write the rejects file.

import type { ActivityColumn } from '../../core/activity/activity-record.ts';
import { POINTS_OF_DELIVERY, SEXES, type Sex } from '../../core/activity/activity-record.ts';
import {
  financialYearText,
  MAX_ROW_COST,
  MAX_ROW_COUNT,
  STORED_YEARS,
  type YearWindow,
} from '../../core/activity/import-bounds.ts';
import { RESIDENCE_NOT_KNOWN_CODES } from '../../core/activity/residence-not-known.ts';
import type { ErrorCode } from '../../core/errors.ts';
import { AGE_BANDS } from '../../core/population/age-bands.ts';
import { sqlString } from '../queries/sql-dialect.ts';
import type { Workspace } from '../workspace.ts';

/** Where the rows come from, as SQL the validation can select from. */
export interface ActivitySource {
  /** A FROM-clause relation giving one row per data row of the file. */
  relation: string;
  /** For each field the file has, the SQL expression (usually a quoted column name) holding its raw value. */
  columns: Partial<Record<ActivityColumn, string>>;
  /** SQL giving the data row number (first row after the header = 1), or null when the relation cannot
   * number its rows; then rejects are found by staging the relation into a temporary table first. */
  rowNumber: string | null;
  /** The financial years accepted. */
  years: YearWindow;
}

export const QUARANTINE = ' quarantine';

/** A full PSS service line (NCBPS, two digits, a letter): it maps to its own row in service_line, or
 * else to its group's (the first seven characters, e.g. NCBPS13F → NCBPS13). */
const SERVICE_LINE_SQL = 'NCBPS[0-9]{2}[A-Z]';

const sqlList = (values: readonly string[]): string => values.map(sqlString).join(', ');

/** NHS Data Dictionary person-gender codes accepted beside M/F/U: 1 male, 2 female, 0 not known,
 * 9 not specified. */
export const NHS_SEX_CODES: Readonly<Record<string, Sex>> = { '1': 'M', '2': 'F', '0': 'U', '9': 'U' };
const SEX_CODES = `CASE upper(v_sex) ${Object.entries(NHS_SEX_CODES)
  .map(([code, sex]) => `WHEN ${sqlString(code)} THEN ${sqlString(sex)}`)
  .join(' ')} ELSE upper(v_sex) END`;

/** One validation rule: `bad` is SQL that is TRUE for a row breaking it (never NULL). */
interface Check {
  field: ActivityColumn;
  code: ErrorCode;
  bad: string;
  message: string;
}

const required = (field: ActivityColumn): Check => ({
  field,
  code: 'FP_IMPORT_MISSING_VALUE',
  bad: `v_${field} IS NULL`,
  message: `${field} is required but blank.`,
});

const tooLarge = (field: ActivityColumn): Check => ({
  field,
  code: 'FP_IMPORT_COUNT_TOO_LARGE',
  bad: `coalesce(isfinite(t_${field}) AND t_${field} > ${MAX_ROW_COUNT}, false)`,
  message: `${field} must be at most ${MAX_ROW_COUNT.toLocaleString('en-GB')} on one row.`,
});

const checksFor = (years: YearWindow): readonly Check[] => [
  required('financial_year'),
  {
    field: 'financial_year',
    code: 'FP_IMPORT_BAD_YEAR',
    bad: 'v_financial_year IS NOT NULL AND t_financial_year IS NULL',
    message: 'financial_year must be a financial year such as 2024/25 (the second part the year after the first).',
  },
  {
    field: 'financial_year',
    code: 'FP_IMPORT_YEAR_OUT_OF_RANGE',
    bad: `t_financial_year IS NOT NULL AND CAST(left(t_financial_year, 4) AS INTEGER) NOT BETWEEN ${Math.trunc(years.first)} AND ${Math.trunc(years.last)}`,
    message: `financial_year must be from ${financialYearText(years.first)} to ${financialYearText(years.last)}.`,
  },
  {
    field: 'month',
    code: 'FP_IMPORT_BAD_MONTH',
    bad: 'v_month IS NOT NULL AND t_month IS NULL',
    message: 'month must be a whole number from 1 (January) to 12 (December), or blank.',
  },
  required('provider_code'),
  {
    field: 'provider_code',
    code: 'FP_IMPORT_UNKNOWN_PROVIDER',
    bad: 'v_provider_code IS NOT NULL AND NOT known_provider',
    message: 'provider_code is not an ODS provider code in the reference data.',
  },
  {
    field: 'residence_code',
    code: 'FP_IMPORT_UNKNOWN_RESIDENCE',
    bad: 't_residence_code IS NOT NULL AND NOT known_residence',
    message:
      'residence_code is not a sub-ICB location or ICB code (ODS or ONS, 2023 or 2026 geography); leave it blank when not known.',
  },
  required('service_code'),
  {
    field: 'service_code',
    code: 'FP_IMPORT_UNKNOWN_SERVICE',
    bad: 'v_service_code IS NOT NULL AND t_service_code IS NULL',
    message:
      'service_code is neither a service in the current services catalogue nor a PSS service line (NCBPS…) the catalogue maps to a service.',
  },
  required('pod'),
  {
    field: 'pod',
    code: 'FP_IMPORT_BAD_POD',
    bad: 'v_pod IS NOT NULL AND t_pod IS NULL',
    message: `pod must be one of ${POINTS_OF_DELIVERY.join(', ')}.`,
  },
  {
    field: 'age_band',
    code: 'FP_IMPORT_BAD_AGE_BAND',
    bad: 'v_age_band IS NOT NULL AND t_age_band IS NULL',
    message: 'age_band must be one of the 19 European Standard Population bands 0-4, 5-9, … 85-89, 90+, or blank.',
  },
  {
    field: 'sex',
    code: 'FP_IMPORT_BAD_SEX',
    bad: 'v_sex IS NOT NULL AND t_sex IS NULL',
    message: 'sex must be M, F or U (or the NHS codes 1, 2, 0, 9), or blank.',
  },
  required('activity'),
  {
    field: 'activity',
    code: 'FP_IMPORT_BAD_VALUE',
    bad: 'v_activity IS NOT NULL AND (t_activity IS NULL OR NOT isfinite(t_activity))',
    message: 'activity must be a number.',
  },
  {
    field: 'activity',
    code: 'FP_IMPORT_NEGATIVE_ACTIVITY',
    bad: 'coalesce(t_activity < 0, false)',
    message: 'activity must not be negative.',
  },
  tooLarge('activity'),
  required('cost'),
  {
    field: 'cost',
    code: 'FP_IMPORT_BAD_VALUE',
    bad: 'v_cost IS NOT NULL AND NOT cost_too_large AND (t_cost IS NULL OR exact_cost IS DISTINCT FROM t_cost)',
    message:
      'cost must be an amount in pounds with at most two decimal places (negative allowed), without £ or commas.',
  },
  {
    field: 'cost',
    code: 'FP_IMPORT_COST_TOO_LARGE',
    bad: 'cost_too_large',
    message: `cost must be less than £${MAX_ROW_COST.toLocaleString('en-GB')} either way on one row.`,
  },
  {
    field: 'patients',
    code: 'FP_IMPORT_BAD_VALUE',
    bad: 'v_patients IS NOT NULL AND (t_patients IS NULL OR NOT isfinite(t_patients))',
    message: 'patients must be a number, or blank.',
  },
  {
    field: 'patients',
    code: 'FP_IMPORT_NEGATIVE_ACTIVITY',
    bad: 'coalesce(t_patients < 0, false)',
    message: 'patients must not be negative.',
  },
  tooLarge('patients'),
  {
    field: 'gp_practice_code',
    code: 'FP_IMPORT_UNKNOWN_PRACTICE',
    bad: 'v_gp_practice_code IS NOT NULL AND NOT known_practice',
    message:
      'gp_practice_code is not a GP practice code in the reference data (August 2026 practice map); leave it blank when not known.',
  },
];

const FIELDS: readonly ActivityColumn[] = [
  'financial_year',
  'month',
  'provider_code',
  'residence_code',
  'service_code',
  'pod',
  'age_band',
  'sex',
  'activity',
  'cost',
  'patients',
  'gp_practice_code',
];

/** The rows of the source with raw text (v_*), typed values (t_*, NULL when unreadable) and lookups. */
function typedRows(source: ActivitySource, rowNumber: string | null): string {
  const raw = FIELDS.map((field) => {
    const column = source.columns[field];
    if (column === undefined) return `CAST(NULL AS VARCHAR) AS v_${field}`;
    // Trimming every value costs a third of the parse; only padded values (SQL Server CHAR columns) pay it.
    const text = `CAST(${column} AS VARCHAR)`;
    return `nullif(CASE WHEN starts_with(${text}, ' ') OR ends_with(${text}, ' ') THEN trim(${text}) ELSE ${text} END, '') AS v_${field}`;
  });
  return `
    SELECT *,
      CASE WHEN length(v_financial_year) = 7 AND substr(v_financial_year, 5, 1) = '/'
            AND right(v_financial_year, 2) BETWEEN '00' AND '99'
            AND (TRY_CAST(left(v_financial_year, 4) AS INTEGER) + 1) % 100 = TRY_CAST(right(v_financial_year, 2) AS INTEGER)
           THEN v_financial_year END AS t_financial_year,
      CASE WHEN regexp_full_match(trim(v_month), '0?[1-9]|1[0-2]') THEN CAST(trim(v_month) AS TINYINT) END AS t_month,
      upper(v_provider_code) IN (SELECT upper(provider_code) FROM provider) AS known_provider,
      CASE WHEN upper(v_residence_code) NOT IN (${sqlList(RESIDENCE_NOT_KNOWN_CODES)}) THEN upper(v_residence_code) END
        AS t_residence_code,
      upper(v_residence_code) IN (SELECT code FROM residence_map) AS known_residence,
      coalesce(
        (SELECT any_value(s.service_code) FROM service s WHERE s.is_current AND upper(s.service_code) = upper(v_service_code)),
        (SELECT any_value(l.service_code) FROM service_line l WHERE l.service_line = upper(v_service_code)),
        (SELECT any_value(l.service_code) FROM service_line l
          WHERE regexp_full_match(upper(v_service_code), '${SERVICE_LINE_SQL}') AND l.service_line = left(upper(v_service_code), 7))
      ) AS t_service_code,
      CASE WHEN upper(v_pod) IN (${sqlList(POINTS_OF_DELIVERY)}) THEN upper(v_pod) END AS t_pod,
      CASE WHEN replace(v_age_band, ' ', '') IN (${sqlList(AGE_BANDS)}) THEN replace(v_age_band, ' ', '') END AS t_age_band,
      CASE WHEN ${SEX_CODES} IN (${sqlList(SEXES)}) THEN ${SEX_CODES} END AS t_sex,
      TRY_CAST(v_activity AS DOUBLE) AS t_activity,
      TRY_CAST(v_cost AS DECIMAL(18, 2)) AS t_cost,
      TRY_CAST(v_cost AS DECIMAL(18, 6)) AS exact_cost,
      coalesce(isfinite(TRY_CAST(v_cost AS DOUBLE)) AND abs(TRY_CAST(v_cost AS DOUBLE)) >= ${MAX_ROW_COST}, false)
        AS cost_too_large,
      TRY_CAST(v_patients AS DOUBLE) AS t_patients,
      upper(v_gp_practice_code) IN (SELECT practice_code FROM gp_practice) AS known_practice
    FROM (SELECT ${rowNumber ?? 'CAST(NULL AS BIGINT)'} AS row_number, ${raw.join(', ')} FROM ${source.relation})`;
}

const anyBad = (checks: readonly Check[]) => `(${checks.map((c) => c.bad).join(' OR ')})`;

/** Inserts every row of the source into `activity`: valid rows under `dataset`, the others under
 * QUARANTINE, which are only counted and then deleted. Their financial year and point of delivery, which
 * `activity` stores as ENUMs that hold no blank, are stand-ins (the first year stored, OTHER) when the
 * row's own are not valid. Returns the number of rows read. Must run inside a transaction. */
export async function moveRows(ws: Workspace, source: ActivitySource, dataset: string): Promise<number> {
  const sql = `
    INSERT INTO activity
    SELECT CASE WHEN ok THEN $1 ELSE '${QUARANTINE}' END,
      CASE WHEN ok THEN t_financial_year ELSE ${sqlString(financialYearText(STORED_YEARS.first))} END, t_month,
      coalesce(upper(v_provider_code), ''), t_residence_code,
      coalesce(t_service_code, ''), CASE WHEN ok THEN t_pod ELSE 'OTHER' END, t_age_band, t_sex,
      CASE WHEN ok THEN t_activity ELSE 0 END, CASE WHEN ok THEN t_cost ELSE 0 END, t_patients,
      upper(v_gp_practice_code)
    FROM (SELECT *, NOT ${anyBad(checksFor(source.years))} AS ok FROM (${typedRows(source, null)}))`;
  const result = await ws.connection.run(sql, [dataset]);
  return result.rowsChanged;
}

/** SQL listing every problem of every bad row as (row, field, value, code, message), in row order; a row
 * breaking several rules appears once per rule. The source must number its rows. */
export function rejectsQuery(source: ActivitySource): string {
  if (source.rowNumber === null) throw new Error('rejectsQuery needs a source that numbers its rows');
  const checks = checksFor(source.years);
  const perCheck = checks.map(
    (c, i) =>
      `SELECT row_number AS "row", ${sqlString(c.field)} AS field, v_${c.field} AS value, ${sqlString(c.code)} AS code,
        ${sqlString(c.message)} AS message, ${i} AS check_index FROM bad_rows WHERE ${c.bad}`,
  );
  return `
    WITH bad_rows AS MATERIALIZED (SELECT * FROM (${typedRows(source, source.rowNumber)}) WHERE ${anyBad(checks)})
    SELECT "row", field, value, code, message FROM (${perCheck.join(' UNION ALL ')}) ORDER BY "row", check_index`;
}
