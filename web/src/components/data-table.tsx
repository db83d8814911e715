// The one table every page uses: NHS.UK table markup, sortable columns (buttons in the headers, with
// aria-sort), scrolling in its own focusable box on narrow screens, and Excel/CSV links that ask the API
// for the same rows with the same filters.
import { type ReactNode, useId, useMemo, useState } from 'react';
import { exportUrl, type Query } from '../api/client.ts';

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
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en-GB', { numeric: true });
}

export function DataTable<T>({ caption, rows, columns, rowKey, initialSort, exportFrom, empty }: DataTableProps<T>) {
  const [sort, setSort] = useState(initialSort);
  const captionId = useId();
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
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        <section className="fp-table-scroll" aria-labelledby={captionId} tabIndex={0}>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s" id={captionId}>
              {caption}
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                {columns.map((column) => (
                  <th
                    key={column.key}
                    className={`nhsuk-table__header${column.numeric ? ' fp-num' : ''}`}
                    scope="col"
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
            <tbody className="nhsuk-table__body">
              {sorted.map((row) => (
                <tr className="nhsuk-table__row" key={rowKey(row)}>
                  {columns.map((column) => {
                    const content = column.render ? column.render(row) : column.value(row);
                    const className = `nhsuk-table__${column.rowHeader ? 'header' : 'cell'}${column.numeric ? ' fp-num' : ''}`;
                    return column.rowHeader ? (
                      <th key={column.key} className={className} scope="row">
                        {content}
                      </th>
                    ) : (
                      <td key={column.key} className={className}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
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
