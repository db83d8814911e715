// Converts DuckDB values to plain JavaScript for callers outside the data layer.
import { DuckDBDateValue, DuckDBDecimalValue, DuckDBTimestampValue } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (value instanceof DuckDBDateValue || value instanceof DuckDBTimestampValue) return value.toString();
  return value;
}

export function toPlainRows(rows: Record<string, unknown>[]): Row[] {
  return rows.map((row) => {
    const plain: Row = {};
    for (const [key, value] of Object.entries(row)) plain[key] = toPlain(value);
    return plain;
  });
}
