// A chart and its table alternative: the same figures, reachable by keyboard and screen reader. When the
// page already shows the full table right after the chart, `table` is left out and the caption says so.
import type { ReactNode } from 'react';

export function FigureWithTable({ title, chart, table }: { title: string; chart: ReactNode; table?: ReactNode }) {
  return (
    <figure className="nhsuk-u-margin-0 nhsuk-u-margin-bottom-5">
      <figcaption className="nhsuk-heading-s nhsuk-u-margin-bottom-2">{title}</figcaption>
      {chart}
      {table ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Show these figures as a table</span>
          </summary>
          <div className="nhsuk-details__text">{table}</div>
        </details>
      ) : (
        <p className="nhsuk-body-s">The table below gives the same figures.</p>
      )}
    </figure>
  );
}
