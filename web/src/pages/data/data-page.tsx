// Data: the workspace's activity datasets and which one every page shows. National editors upload an
// extract (streamed to the server with a progress bar), see what was read, accepted and rejected, download
// the rejects, make a dataset current, run the basis conversion and remove datasets no longer wanted.
import { type FormEvent, useState } from 'react';
import type { DatasetList, DatasetSummary, ImportOutcome } from '../../../../src/core/datasets/dataset-shapes.ts';
import { deleteResource, postJson, putJson, uploadFile } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { FormField } from '../../components/form-field.tsx';
import { ProblemSummary, problemText } from '../../components/problem-summary.tsx';
import { Async } from '../../components/states.tsx';
import { SummaryRow } from '../../components/summary-row.tsx';
import { formatCount, formatPounds } from '../../format.ts';
import { useTitle } from '../../router.tsx';
import { canEdit, useSession } from '../../session.tsx';

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

type Act = (work: () => Promise<unknown>, message: string) => Promise<void>;

export default function DataPage() {
  useTitle('Data');
  const { session } = useSession();
  const user = session?.user;
  const datasets = useApi<DatasetList>('/datasets');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mayChange = canEdit(user) && user?.organisation.type === 'national';
  const act: Act = async (work, message) => {
    setProblem(null);
    setDone(null);
    try {
      await work();
      setDone(message);
      datasets.reload();
    } catch (error) {
      setProblem(problemText(error));
    }
  };
  return (
    <>
      <h1>Data</h1>
      <p>
        Activity datasets in this workspace. Every page and report shows the <strong>current</strong> dataset unless
        told otherwise; an upload becomes current only when you ask, or when it is the first.
      </p>
      {!mayChange && (
        <p className="nhsuk-body-s">Datasets are national: only national editors and admins change them.</p>
      )}
      <ProblemSummary problem={problem} />
      {done && (
        <div className="nhsuk-inset-text" role="status" data-testid="data-done">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{done}</p>
        </div>
      )}
      <Async result={datasets} what="the datasets">
        {(data) =>
          data.rows.length === 0 ? (
            <p>No activity has been imported yet.</p>
          ) : (
            data.rows.map((d) => <DatasetCard key={d.name} dataset={d} mayChange={mayChange} act={act} />)
          )
        }
      </Async>
      {mayChange && <Upload onDone={() => datasets.reload()} />}
    </>
  );
}

function DatasetCard({ dataset: d, mayChange, act }: { dataset: DatasetSummary; mayChange: boolean; act: Act }) {
  const path = `/datasets/${encodeURIComponent(d.name)}`;
  return (
    <section className="nhsuk-card" aria-labelledby={`dataset-${d.name}`} data-testid={`dataset-${d.name}`}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id={`dataset-${d.name}`}>
          {d.name} {d.current && <strong className="nhsuk-tag nhsuk-tag--green">Current</strong>}
        </h2>
        <dl className="nhsuk-summary-list">
          <SummaryRow label="Rows" value={`${formatCount(d.rowsAccepted)} (${formatCount(d.rowsRejected)} rejected)`} />
          <SummaryRow label="Total cost" value={formatPounds(d.totalCost)} />
          <SummaryRow label="Financial years" value={d.years.join(', ') || 'None'} />
          <SummaryRow label="Source file" value={d.sourceFile} />
          <SummaryRow label="Imported" value={`${when(d.importedAt)}${d.importedBy ? ` by ${d.importedBy}` : ''}`} />
          <SummaryRow
            label="Runs"
            value={
              d.runs.map((r) => `${r.vintage} ICBs, ${when(r.ranAt)} (${r.unknownResidenceRule})`).join('; ') ||
              'Not run yet'
            }
          />
        </dl>
        {mayChange && (
          <div>
            {!d.current && (
              <button
                type="button"
                className="nhsuk-button nhsuk-u-margin-bottom-2 nhsuk-u-margin-right-2"
                onClick={() =>
                  act(() => putJson('/datasets/current', { name: d.name }), `Dataset ${d.name} is now current.`)
                }
              >
                Make {d.name} current
              </button>
            )}
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2 nhsuk-u-margin-right-2"
              onClick={() => act(() => postJson(`${path}/run`, {}), `Ran the basis conversion for ${d.name}.`)}
            >
              Run {d.name}
            </button>
            {!d.current && (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--warning nhsuk-u-margin-bottom-2"
                onClick={() => {
                  if (window.confirm(`Remove dataset ${d.name} and every result computed from it?`)) {
                    void act(() => deleteResource(path), `Removed dataset ${d.name}.`);
                  }
                }}
              >
                Remove {d.name}
              </button>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

function Upload({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [dataset, setDataset] = useState('');
  const [allowRejects, setAllowRejects] = useState(false);
  const [makeCurrent, setMakeCurrent] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setProblem('Choose a file to upload');
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(dataset)) {
      return setProblem('Name the dataset with 1 to 64 letters, digits, hyphens or underscores');
    }
    setProblem(null);
    setOutcome(null);
    setSent(0);
    try {
      const result = await uploadFile<ImportOutcome>(
        '/datasets/upload',
        { dataset, filename: file.name, allowRejects: String(allowRejects), makeCurrent: String(makeCurrent) },
        file,
        (done, total) => setSent(total > 0 ? done / total : 1),
      );
      setOutcome(result);
      onDone();
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setSent(null);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="upload">
      <h2 id="upload">Upload an activity extract</h2>
      <p>CSV, Excel (.xlsx) or Parquet in the activity layout. Large files are streamed; nothing is kept in memory.</p>
      <ProblemSummary problem={problem} />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="upload-file">
          File
        </label>
        <input
          className="nhsuk-file-upload"
          id="upload-file"
          type="file"
          accept=".csv,.txt,.tsv,.xlsx,.parquet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <FormField
        id="upload-dataset"
        label="Dataset name"
        hint="A dataset of the same name is replaced"
        value={dataset}
        onChange={setDataset}
      />
      <div className="nhsuk-checkboxes nhsuk-form-group">
        <Checkbox
          id="upload-allow-rejects"
          label="Import the valid rows even when some are rejected (otherwise nothing is imported)"
          checked={allowRejects}
          onChange={setAllowRejects}
        />
        <Checkbox
          id="upload-make-current"
          label="Make it the current dataset"
          checked={makeCurrent}
          onChange={setMakeCurrent}
        />
      </div>
      {sent !== null && (
        <div className="nhsuk-form-group" data-testid="upload-progress">
          <label className="nhsuk-label" htmlFor="upload-progress-bar">
            {sent < 1 ? `Uploading: ${Math.floor(sent * 100)}%` : 'Uploaded; checking and importing the rows…'}
          </label>
          <progress id="upload-progress-bar" className="fp-progress" max={1} value={sent} />
        </div>
      )}
      <button type="submit" className="nhsuk-button" disabled={sent !== null}>
        Upload and import
      </button>
      {outcome && <Outcome outcome={outcome} />}
    </form>
  );
}

function Checkbox(props: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="nhsuk-checkboxes__item">
      <input
        className="nhsuk-checkboxes__input"
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={props.id}>
        {props.label}
      </label>
    </div>
  );
}

function Outcome({ outcome: o }: { outcome: ImportOutcome }) {
  return (
    <div
      className={o.imported ? 'nhsuk-inset-text' : 'nhsuk-warning-callout'}
      role="status"
      data-testid="upload-outcome"
    >
      <h3 className={o.imported ? 'nhsuk-heading-s' : 'nhsuk-warning-callout__label'}>
        {o.imported ? `Imported into dataset ${o.dataset}` : 'Nothing was imported'}
      </h3>
      {o.message && <p>{o.message}</p>}
      <dl className="nhsuk-summary-list">
        <SummaryRow label="Rows read" value={formatCount(o.read)} testId="upload-read" />
        <SummaryRow label="Accepted" value={formatCount(o.accepted)} testId="upload-accepted" />
        <SummaryRow label="Rejected" value={formatCount(o.rejected)} testId="upload-rejected" />
        {o.imported && <SummaryRow label="Total cost" value={formatPounds(o.totalCost)} />}
        {o.imported && <SummaryRow label="Current dataset" value={o.current ? 'Yes' : 'No: make it current above'} />}
      </dl>
      {o.rejectsUrl && (
        <p>
          <a href={o.rejectsUrl} download="rejects.csv">
            Download the rejected rows (CSV: row, field, value and reason)
          </a>
        </p>
      )}
    </div>
  );
}
