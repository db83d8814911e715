// The SQL dialect the query text is written against: each engine (src/data/engines) supplies one, so a
// question's SQL lives once here in src/data/queries and engines import it, never the other way round.

/** The engine's SQL differences: how values are bound and how types are spelled. Query text calls these
 * instead of writing engine-specific syntax. */
export interface SqlDialect {
  /** The placeholder for the n-th bound value (1-based). */
  param(position: number): string;
  /** A money expression as whole pence in a 64-bit integer. */
  pence(expression: string): string;
  /** A numeric expression as a double. */
  float(expression: string): string;
  /** A numeric expression as money: a decimal with two places, wide enough for national sums. */
  money(expression: string): string;
  /** An integer count as a 64-bit integer. */
  count(expression: string): string;
}

/** A text as an SQL string literal, quotes doubled (the same in DuckDB and ClickHouse). */
export const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;
