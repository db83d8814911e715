// ClickHouse 18.16 has no server-side query parameters, so values are bound on the client: each `$n` in
// the query text becomes a literal built here. Strings are escaped by ClickHouse's own rules (a backslash
// escapes the next character inside '…'), so a value can end its literal only by being a literal.
import type { SqlDialect } from '../queries/sql-dialect.ts';

export type BoundValue = string | number | null;

export const clickhouseDialect: SqlDialect = {
  param: (position) => `$${position}`,
  // Decimal × 100 stays a decimal, so the cast to a 64-bit integer is exact.
  pence: (expression) => `toInt64((${expression}) * 100)`,
  float: (expression) => `toFloat64(${expression})`,
  money: (expression) => `toDecimal128(${expression}, 2)`,
  count: (expression) => `toInt64(${expression})`,
};

/** A ClickHouse string literal holding exactly `text`. */
export function stringLiteral(text: string): string {
  return `'${text.replace(/[\\'\0\n\r\t]/g, (c) => ESCAPES[c] ?? c)}'`;
}

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\0': '\\0',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function literal(value: BoundValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot bind ${value} into a ClickHouse query.`);
    return String(value);
  }
  return stringLiteral(value);
}

/** Replaces each `$n` with the n-th value as a literal, in one pass, so text inside a bound value is never
 * read as a placeholder. A placeholder with no value is a programming error. */
export function bindValues(sql: string, values: readonly BoundValue[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= values.length) throw new Error(`No value bound for $${n}.`);
    return literal(values[index] as BoundValue);
  });
}

/** Identifiers spliced into ClickHouse SQL (database names) come only from this shape. */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
