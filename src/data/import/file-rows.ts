// What each format reader gives the import: the header and the data rows as a SQL relation.
import type { Workspace } from '../workspace.ts';

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
  /** The same rows with numbers, for the rejects file. */
  numbered(ws: Workspace): Promise<{ relation: string; rowNumber: string }>;
  /** Drops anything the reader staged. */
  close(ws: Workspace): Promise<void>;
}

export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
