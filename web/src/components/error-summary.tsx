// The NHS.UK error summary at the top of a form: every problem listed, each linking to its field (a problem
// of the whole form is plain text). The form focuses it by id after a refused submit.
export function ErrorSummary({ id, errors }: { id: string; errors: readonly { field: string; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" id={id} tabIndex={-1}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((e) => (
              <li key={`${e.field} ${e.message}`}>
                {e.field === 'form' ? e.message : <a href={`#${e.field}`}>{e.message}</a>}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
