// "How is this calculated?": the provenance every data response carries, so any figure on screen can be
// traced to its dataset, boundary vintage, rule and year. The dataset and run are said in the open, above
// it, so nobody mistakes one dataset's figures for another's.
import type { Provenance } from '../../../src/core/provenance.ts';
import { SummaryRow } from './summary-row.tsx';

export function HowCalculated({ provenance, extra }: { provenance: Provenance | undefined; extra?: string }) {
  if (!provenance) return null;
  return (
    <>
      <p className="nhsuk-body-s fp-figures-source" data-testid="figures-source">
        {provenance.dataset ? (
          <>
            Figures from dataset <strong>{provenance.dataset}</strong>
            {provenance.rule
              ? `, run on the ${provenance.vintage} ICB boundaries (unknown residence: ${provenance.rule}).`
              : `, not yet run on the ${provenance.vintage} ICB boundaries.`}
          </>
        ) : (
          'No activity dataset has been imported yet.'
        )}
      </p>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">How is this calculated?</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>{provenance.derivation}</p>
          {extra && <p>{extra}</p>}
          <dl className="nhsuk-summary-list nhsuk-u-margin-bottom-0">
            <SummaryRow label="Dataset" value={provenance.dataset ?? 'No activity imported yet'} />
            <SummaryRow label="Financial year" value={provenance.financialYear ?? 'None yet'} />
            <SummaryRow label="ICB boundaries" value={`${provenance.vintage} vintage`} />
            <SummaryRow label="Rule" value={provenance.rule ?? 'No run yet'} />
          </dl>
        </div>
      </details>
    </>
  );
}
