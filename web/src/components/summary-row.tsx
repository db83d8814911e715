// One row of an NHS.UK summary list: a key figure and what it is.
import type { ReactNode } from 'react';
export function SummaryRow({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
