// "There is a problem": the NHS.UK error summary a form shows after a refused change, focused so screen
// readers announce it, with the API's message and code as they came.
import { useEffect, useRef } from 'react';
import { ApiError } from '../api/client.ts';

export function problemText(error: unknown): string {
  return error instanceof ApiError ? error.message : String(error);
}

export function ProblemSummary({ problem }: { problem: string | null }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);
  if (!problem) return null;
  return (
    <div className="nhsuk-error-summary" ref={summary} tabIndex={-1}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
        <div className="nhsuk-error-summary__body">
          <p>{problem}</p>
        </div>
      </div>
    </div>
  );
}
