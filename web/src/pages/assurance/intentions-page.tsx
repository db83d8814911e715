// The commissioning intentions register: what each organisation intends to change, the lead, what is in
// scope, the measurable change, the year and what measures it. Editors add intentions, or start from the
// HIOW 2017–19 statement's.
import { type FormEvent, useState } from 'react';
import type { Intention } from '../../../../src/core/assurance/contract-shapes.ts';
import { ApiError, postJson } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { useTitle } from '../../router.tsx';
import { canEdit, useSession } from '../../session.tsx';
import { AssuranceNav, ErrorSummary } from './assurance-nav.tsx';

const COLUMNS: Column<Intention>[] = [
  { key: 'year', header: 'Year', value: (i) => i.financialYear },
  { key: 'title', header: 'Intention', rowHeader: true, value: (i) => i.title },
  { key: 'owner', header: 'Owner', value: (i) => `${i.ownerName} (${i.owner})` },
  { key: 'measure', header: 'Measurable change', value: (i) => i.measure },
  { key: 'measuredBy', header: 'Measured by', value: (i) => i.measuredBy ?? '—' },
  {
    key: 'scope',
    header: 'Services and providers',
    value: (i) => [...i.services, ...i.providers].join(' ') || 'All',
  },
];

export default function IntentionsPage() {
  useTitle('Commissioning intentions');
  const intentions = useApi<{ rows: Intention[] }>('/assurance/intentions');
  const { session } = useSession();
  return (
    <>
      <h1>Commissioning intentions</h1>
      <AssuranceNav />
      <Async result={intentions} what="commissioning intentions">
        {(data) => (
          <DataTable
            caption="Commissioning intentions register"
            rows={data.rows}
            columns={COLUMNS}
            rowKey={(i) => i.id}
            initialSort={{ key: 'year', direction: 'ascending' }}
            exportFrom={{ path: '/assurance/intentions', query: {}, label: 'the intentions register' }}
            empty={
              <Empty title="No intentions recorded">
                <p>Editors add intentions below, or start from the Hampshire and Isle of Wight 2017–19 statement.</p>
              </Empty>
            }
          />
        )}
      </Async>
      {canEdit(session?.user) && <AddIntention onAdded={intentions.reload} />}
    </>
  );
}

function AddIntention({ onAdded }: { onAdded: () => void }) {
  const [fields, setFields] = useState({
    title: '',
    ownerName: '',
    measure: '',
    financialYear: '2026/27',
    measuredBy: '',
  });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await postJson('/assurance/intentions', { ...fields, measuredBy: fields.measuredBy || null });
      setError(null);
      onAdded();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const starter = async () => {
    try {
      await postJson('/assurance/intentions/starter', { financialYear: fields.financialYear });
      onAdded();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const input = (key: keyof typeof fields, label: string) => (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={`intention-${key}`}>
        {label}
      </label>
      <input className="nhsuk-input" id={`intention-${key}`} value={fields[key]} onChange={set(key)} />
    </div>
  );
  return (
    <form onSubmit={submit} noValidate>
      <h2>Add an intention</h2>
      <ErrorSummary message={error} />
      {input('title', 'Intention')}
      {input('ownerName', 'Lead (name or post)')}
      {input('measure', 'Measurable change, for example “follow-ups −20%”')}
      {input('financialYear', 'Financial year, for example 2026/27')}
      {input('measuredBy', 'QIPP scheme or KPI that measures it (optional)')}
      <button type="submit" className="nhsuk-button">
        Add intention
      </button>{' '}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={starter}>
        Add the HIOW 2017–19 intentions for this year
      </button>
    </form>
  );
}
