// A table laid out as a finance lead lays out a plan: one line per figure, the plan years across.
import { useId } from 'react';

export interface YearsAcrossLine {
  label: string;
  /** Values by financial year; a missing year shows as a dash. */
  values: Record<string, number | null | undefined>;
  /** Totals and the plan line read in bold. */
  strong?: boolean;
  /** What a missing value reads as (default a dash), e.g. "not set" for a control total. */
  missing?: string;
}

export function YearsAcrossTable({
  caption,
  years,
  lines,
  format,
  testId,
  rowsAre = 'Figure',
}: {
  /** What each line is, for the first column's header. */
  rowsAre?: string;
  caption: string;
  years: string[];
  lines: YearsAcrossLine[];
  format: (value: number) => string;
  testId?: string;
}) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="fp-table-scroll" aria-labelledby={captionId} tabIndex={0} data-testid={testId}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s" id={captionId}>
          {caption}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              {rowsAre}
            </th>
            {years.map((y) => (
              <th key={y} className="nhsuk-table__header fp-num" scope="col">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {lines.map((line) => (
            <tr key={line.label} className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="row">
                {line.strong ? <strong>{line.label}</strong> : line.label}
              </th>
              {years.map((y) => {
                const value = line.values[y];
                const text = value === null || value === undefined ? (line.missing ?? '–') : format(value);
                return (
                  <td key={y} className="nhsuk-table__cell fp-num">
                    {line.strong ? <strong>{text}</strong> : text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
