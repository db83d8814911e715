// Migration 24: activity's columns with a closed list of values are stored as DuckDB ENUMs — financial
// year, point of delivery, age band and sex — instead of text. Writing text costs the store string
// statistics and dictionary analysis on every value (most of an import's write); an ENUM is a one-byte
// or two-byte key, and casting a value to it is the check that it is one of the list. Reads are
// unchanged: an ENUM compares, joins and returns as its text. Each list is in byte order, so ordering by
// the column orders as the text did. Codes whose lists are reference data (providers, residence,
// services, practices) stay text: their lists change when reference data is reloaded.
//
// The lists match src/core (POINTS_OF_DELIVERY, AGE_BANDS, SEXES) and STORED_YEARS in
// src/core/activity/import-bounds.ts; test/integration/activity-storage.test.ts checks that they do.
export const name = 'activity-closed-codes';

const years = Array.from({ length: 300 }, (_, i) => {
  const start = 1900 + i;
  return `'${start}/${String((start + 1) % 100).padStart(2, '0')}'`;
});

export const sql = `
CREATE TYPE activity_financial_year AS ENUM (${years.join(', ')});
CREATE TYPE activity_pod AS ENUM ('APC_DC', 'APC_EL', 'APC_NEL', 'CRITICAL_CARE', 'DEVICE', 'HCD', 'OP_FIRST', 'OP_FU',
  'OP_PROC', 'OTHER');
CREATE TYPE activity_age_band AS ENUM ('0-4', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49',
  '5-9', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+');
CREATE TYPE activity_sex AS ENUM ('F', 'M', 'U');
ALTER TABLE activity ALTER COLUMN financial_year SET DATA TYPE activity_financial_year;
ALTER TABLE activity ALTER COLUMN pod SET DATA TYPE activity_pod;
ALTER TABLE activity ALTER COLUMN age_band SET DATA TYPE activity_age_band;
ALTER TABLE activity ALTER COLUMN sex SET DATA TYPE activity_sex;
`;
