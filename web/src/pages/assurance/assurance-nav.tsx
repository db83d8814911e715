// The assurance section's own sub-navigation: reviews, heat map, the two registers and the audit trail.
import { Link, useLocation } from '../../router.tsx';

const ITEMS = [
  { href: '/assurance', text: 'Review rounds' },
  { href: '/assurance/heatmap', text: 'Ratings heat map' },
  { href: '/assurance/intentions', text: 'Commissioning intentions' },
  { href: '/assurance/contracts', text: 'Contracts' },
  { href: '/assurance/payments', text: 'Payment and CQUIN' },
  { href: '/assurance/audit', text: 'Audit trail' },
];

export function AssuranceNav() {
  const { path } = useLocation();
  return (
    <nav className="nhsuk-contents-list" aria-label="Assurance pages">
      <ol className="nhsuk-contents-list__list">
        {ITEMS.map((item) => (
          <li key={item.href} className="nhsuk-contents-list__item">
            {path === item.href ? (
              <span className="nhsuk-contents-list__current" aria-current="page">
                {item.text}
              </span>
            ) : (
              <Link className="nhsuk-contents-list__link" href={item.href}>
                {item.text}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The API message of a failed change, shown as an NHS.UK error summary. */
export function ErrorSummary({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__title">There is a problem</h2>
      <div className="nhsuk-error-summary__body">
        <p>{message}</p>
      </div>
    </div>
  );
}
