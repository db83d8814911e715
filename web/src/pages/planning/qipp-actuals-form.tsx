// Importing a plan year's monthly actual QIPP savings (editors of the scenario's owner): a CSV of scheme,
// unit, month (1 = April) and saving, chosen as a file or pasted, replacing that year's actuals. The API
// checks every row and a refusal names the row and field, which the NHS.UK error summary shows.
import { type FormEvent, useState } from 'react';
import { ApiError, postJson } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';

interface FieldError {
  field: string;
  message: string;
}

export function QippActualsForm({
  name,
  years,
  year,
  onImported,
}: {
  name: string;
  years: readonly string[];
  year: string;
  /** Told what was imported; the page shows it, since it reloads the delivery (and this form) after. */
  onImported: (message: string) => void;
}) {
  const [chosen, setChosen] = useState(year);
  const [csv, setCsv] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const show = (problems: FieldError[]) => {
    setErrors(problems);
    requestAnimationFrame(() => document.getElementById('qipp-import-error-summary')?.focus());
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!csv.trim()) return show([{ field: 'qipp-import-csv', message: 'Choose a CSV file or paste its rows' }]);
    try {
      const answer = await postJson<{ imported: number }>(
        `/planning/scenarios/${encodeURIComponent(name)}/qipp-actuals`,
        { year: chosen, csv },
      );
      const n = answer?.imported ?? 0;
      setErrors([]);
      onImported(`Imported ${n} monthly actual${n === 1 ? '' : 's'} for ${chosen}.`);
    } catch (e) {
      if (!(e instanceof ApiError)) return show([{ field: 'form', message: String(e) }]);
      // The API names the parameter; a bad row's place is in its message ("Row 3, month: …").
      const parameter = (e.where as { parameter?: string } | undefined)?.parameter;
      const field = parameter === 'body.year' ? 'qipp-import-year' : 'qipp-import-csv';
      show([{ field: e.status < 500 ? field : 'form', message: e.message }]);
    }
  };
  const error = (id: string) => errors.find((e) => e.field === id)?.message;
  const csvError = error('qipp-import-csv');
  return (
    <form onSubmit={submit} noValidate aria-labelledby="qipp-import-heading">
      <h2 id="qipp-import-heading">Import monthly actuals</h2>
      <ErrorSummary id="qipp-import-error-summary" errors={errors} />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="qipp-import-year">
          Plan year
        </label>
        <select
          className="nhsuk-select"
          id="qipp-import-year"
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="qipp-import-file">
          CSV file
        </label>
        <div className="nhsuk-hint" id="qipp-import-file-hint">
          Columns scheme, unit, month (1 = April … 12 = March) and saving in pounds; the year to date, which replaces
          what the year had.
        </div>
        <input
          className="nhsuk-input"
          id="qipp-import-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="qipp-import-file-hint"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setCsv(await file.text());
          }}
        />
      </div>
      <div className={`nhsuk-form-group${csvError ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="qipp-import-csv">
          Or paste the CSV
        </label>
        {csvError && (
          <span className="nhsuk-error-message" id="qipp-import-csv-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {csvError}
          </span>
        )}
        <textarea
          className={`nhsuk-textarea${csvError ? ' nhsuk-textarea--error' : ''}`}
          id="qipp-import-csv"
          rows={6}
          value={csv}
          spellCheck={false}
          aria-describedby={csvError ? 'qipp-import-csv-error' : undefined}
          onChange={(e) => setCsv(e.target.value)}
        />
      </div>
      <button type="submit" className="nhsuk-button">
        Import the actuals
      </button>
    </form>
  );
}
