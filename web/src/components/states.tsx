// The designed states every data view passes through: loading, empty, and failed.
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import type { Loadable } from '../api/use-api.ts';

export function Loading({ what }: { what: string }) {
  return (
    <div className="fp-loading" role="status" aria-live="polite">
      <p className="nhsuk-body">Loading {what}…</p>
      <div className="fp-skeleton" aria-hidden="true" />
    </div>
  );
}

export function Empty({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h3 className="nhsuk-heading-s">{title}</h3>
      {children}
    </div>
  );
}

export function Failed({ what, error, onRetry }: { what: string; error: ApiError; onRetry?: () => void }) {
  return (
    <div className="nhsuk-error-summary" tabIndex={-1}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">We could not load {what}</h2>
        <div className="nhsuk-error-summary__body">
          <p>{error.message}</p>
          <p className="nhsuk-body-s">
            Error code <code>{error.code}</code>
            {error.status ? ` (HTTP ${error.status})` : ''}
          </p>
          {onRetry && (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
              onClick={onRetry}
            >
              Try again
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/** Renders `children(data)` once loaded, and the designed loading or error state before that. */
export function Async<T>({
  result,
  what,
  children,
}: {
  result: Loadable<T> & { reload: () => void };
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (result.state === 'loading') return <Loading what={what} />;
  if (result.state === 'failed') {
    // Trying again helps when the server was unreachable or failed; not when it answered "no such ICB".
    const retryable = result.error.status === 0 || result.error.status >= 500;
    return <Failed what={what} error={result.error} onRetry={retryable ? result.reload : undefined} />;
  }
  return <>{children(result.data)}</>;
}
