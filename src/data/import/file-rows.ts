// What each format reader gives the import: the header and the data rows as a SQL relation.
import type { ActivityColumn } from '../../core/activity/activity-record.ts';
import type { Workspace } from '../workspace.ts';

/** The data rows with each field as the reader types it, for the clean-file fast path. */
export interface TypedRows {
  /** A FROM-clause relation with one row per data row. */
  relation: string;
  /** For each field the file has: the SQL naming its column in `relation`, and the column's DuckDB type. */
  columns: Partial<Record<ActivityColumn, { sql: string; type: string }>>;
}

export interface FileRows {
  /** Header names in file order. */
  headers: string[];
  /** A FROM-clause relation with one row per data row. */
  relation: string;
  /** SQL naming the column at a header position in `relation`. */
  column(position: number): string;
  /** SQL for the data row number (first row after the header = 1), or null if the relation cannot
   * number rows; then `numbered()` stages it into a table that can. */
  rowNumber: string | null;
  /** The same rows read with typed fields (the header positions of the fields the file has), or null when
   * the format has no typed reading; then every import takes the validating path. */
  typed: ((positions: Partial<Record<ActivityColumn, number>>) => TypedRows) | null;
  /** The same rows with numbers, for the rejects file. */
  numbered(ws: Workspace): Promise<{ relation: string; rowNumber: string }>;
  /** Drops anything the reader staged. */
  close(ws: Workspace): Promise<void>;
}

export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
