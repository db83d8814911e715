// The one table every page uses: NHS.UK table markup, sortable columns (buttons in the headers, with
// aria-sort), and Excel/CSV links that ask the API for the same rows with the same filters. Every column
// stays within reach at any width: a table wider than its column scrolls in its own focusable box with
// the first column held still and a visible cue saying there is more; on a phone a table of more than
// three columns becomes one card per row (each figure labelled), with a "Sort by" control in place of
// the header buttons.
import { type ReactNode, useId, useMemo, useState } from 'react';
import { exportUrl, type Query } from '../api/client.ts';
import { ScrollBox } from './scroll-box.tsx';

export interface Column<T> {
  key: string;
  header: string;
  /** The value sorted on (and shown, unless `render` is given). */
  value: (row: T) => string | number | null;
  render?: (row: T) => ReactNode;
  numeric?: boolean;
  /** The column that names the row: rendered as a row header for screen readers. */
  rowHeader?: boolean;
}

export interface TableExport {
  /** API path of the route that served the rows, e.g. `/overview`. */
  path: string;
  query: Query;
  /** What the file holds, for the link text read by screen readers. */
  label: string;
  /** Which downloads to offer. Default both; pages whose Excel file holds every table offer it once. */
  formats?: ('xlsx' | 'csv')[];
}

const FORMAT_LINK_TEXT = { xlsx: 'Export to Excel', csv: 'Export CSV' } as const;

type Direction = 'ascending' | 'descending';

export interface DataTableProps<T> {
  caption: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  initialSort?: { key: string; direction: Direction };
  exportFrom?: TableExport;
  empty?: ReactNode;
  /** One card per row on a phone. Default: when there are more than three columns. */
  stackOnNarrow?: boolean;
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en-GB', { numeric: true });
}

export function DataTable<T>({
  caption,
  rows,
  columns,
  rowKey,
  initialSort,
  exportFrom,
  empty,
  stackOnNarrow = columns.length > 3,
}: DataTableProps<T>) {
  const [sort, setSort] = useState(initialSort);
  const captionId = useId();
  const sortId = useId();
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column || !sort) return rows;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => sign * compare(column.value(a), column.value(b)));
  }, [rows, columns, sort]);

  const toggle = (key: string) =>
    setSort((current) => ({
      key,
      direction: current?.key === key && current.direction === 'descending' ? 'ascending' : 'descending',
    }));

  return (
    <>
      {exportFrom && <ExportLinks {...exportFrom} />}
      {rows.length === 0 && empty ? (
        empty
      ) : (
        <div className={`fp-table${stackOnNarrow ? ' fp-table--stack' : ''}`}>
          {stackOnNarrow && (
            <div className="nhsuk-form-group fp-table__sort">
              <label className="nhsuk-label" htmlFor={sortId}>
                Sort by
              </label>
              <select
                className="nhsuk-select"
                id={sortId}
                value={sort ? `${sort.key}:${sort.direction}` : ''}
                onChange={(e) => {
                  const [key, direction] = e.target.value.split(':') as [string, Direction];
                  setSort(key ? { key, direction } : undefined);
                }}
              >
                {!sort && <option value="">As listed</option>}
                {columns.flatMap((column) =>
                  (['descending', 'ascending'] as const).map((direction) => (
                    <option key={`${column.key}:${direction}`} value={`${column.key}:${direction}`}>
                      {column.header} ({sortWords(column, direction)})
                    </option>
                  )),
                )}
              </select>
            </div>
          )}
          <ScrollBox labelledBy={captionId} columns={columns.length}>
            <table
              className="nhsuk-table"
              // biome-ignore lint/a11y/noRedundantRoles: a phone shows the table as cards (display: block), which drops its implicit roles
              role="table"
            >
              <caption className="nhsuk-table__caption nhsuk-table__caption--s" id={captionId}>
                {caption}
              </caption>
              <thead
                className="nhsuk-table__head"
                // biome-ignore lint/a11y/noRedundantRoles: a phone shows the table as cards (display: block), which drops its implicit roles
                role="rowgroup"
              >
                <tr
                  className="nhsuk-table__row"
                  // biome-ignore lint/a11y/noRedundantRoles: a phone shows the table as cards (display: block), which drops its implicit roles
                  role="row"
                >
                  {columns.map((column) => (
                    <th
                      key={column.key}
                      className={`nhsuk-table__header${column.numeric ? ' fp-num' : ''}`}
                      scope="col"
                      // biome-ignore lint/a11y/noRedundantRoles: a phone shows the table as cards (display: block), which drops its implicit roles
                      role="columnheader"
                      aria-sort={sort?.key === column.key ? sort.direction : 'none'}
                    >
                      <button type="button" className="fp-sort-button" onClick={() => toggle(column.key)}>
                        {column.header}
                        {sort?.key === column.key && (
                          <span aria-hidden="true">{sort.direction === 'ascending' ? ' ▲' : ' ▼'}</span>
                        )}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody
                className="nhsuk-table__body"
                // biome-ignore lint/a11y/noRedundantRoles: a phone shows the table as cards (display: block), which drops its implicit roles
                role="rowgroup"
              >
                {sorted.map((row) => (
                  <tr
                    className="nhsuk-table__row"
                    key={rowKey(row)}
                    // biome-ignore lint/a11y/noRedundantRoles: a phone shows the table as cards (display: block), which drops its implicit roles
                    role="row"
                  >
                    {columns.map((column) => {
                      const content = column.render ? column.render(row) : column.value(row);
                      const className = `nhsuk-table__${column.rowHeader ? 'header' : 'cell'}${column.numeric ? ' fp-num' : ''}`;
                      return column.rowHeader ? (
                        <th
                          key={column.key}
                          className={className}
                          scope="row"
                          // biome-ignore lint/a11y/noRedundantRoles: a phone shows the table as cards (display: block), which drops its implicit roles
                          role="rowheader"
                        >
                          {content}
                        </th>
                      ) : (
                        <td
                          key={column.key}
                          className={className}
                          // biome-ignore lint/a11y/noRedundantRoles: a phone shows the table as cards (display: block), which drops its implicit roles
                          role="cell"
                        >
                          {/* The column's name beside its figure on a phone; screen readers have the header. */}
                          {stackOnNarrow && (
                            <span className="fp-cell-label" aria-hidden="true">
                              {column.header}
                            </span>
                          )}
                          <span className="fp-cell-value">{content}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </div>
      )}
    </>
  );
}

function sortWords<T>(column: Column<T>, direction: Direction): string {
  if (column.numeric) return direction === 'descending' ? 'largest first' : 'smallest first';
  return direction === 'descending' ? 'Z to A' : 'A to Z';
}

export function ExportLinks({ path, query, label, formats = ['xlsx', 'csv'] }: TableExport) {
  return (
    <div className="fp-export">
      {formats.map((format) => (
        <a key={format} className="nhsuk-link" href={exportUrl(path, query, format)} download>
          {FORMAT_LINK_TEXT[format]}
          <span className="nhsuk-u-visually-hidden"> ({label})</span>
        </a>
      ))}
    </div>
  );
}
