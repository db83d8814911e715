// Review rounds: each applies a KLOE template to the ICBs (or footprints) a region or national team
// reviews. ICBs see the rounds with their own review; region and national editors start new ones.
import { type FormEvent, useState } from 'react';
import type { RoundSummary } from '../../../../src/core/assurance/review-shapes.ts';
import { ApiError, apiUrl, postJson } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { Link, navigate, useTitle } from '../../router.tsx';
import { canEdit, useSession } from '../../session.tsx';
import { AssuranceNav, ErrorSummary } from './assurance-nav.tsx';

export default function RoundsPage() {
  useTitle('Assurance');
  const rounds = useApi<{ rows: RoundSummary[] }>('/assurance/rounds');
  const { session } = useSession();
  const user = session?.user;
  const reviewer = canEdit(user) && user?.organisation.type !== 'icb';
  const columns: Column<RoundSummary>[] = [
    {
      key: 'name',
      header: 'Round',
      rowHeader: true,
      value: (r) => r.name,
      render: (r) => <Link href={`/assurance/rounds/${encodeURIComponent(r.id)}`}>{r.name}</Link>,
    },
    { key: 'createdAt', header: 'Started', value: (r) => r.createdAt, render: (r) => r.createdAt.slice(0, 10) },
    { key: 'owner', header: 'Run by', value: (r) => r.owner },
    { key: 'reviews', header: 'Reviews', numeric: true, value: (r) => r.reviews },
    {
      key: 'rated',
      header: 'Questions rated',
      numeric: true,
      value: (r) => r.rated,
      render: (r) => `${r.rated} of ${r.reviews * r.questions}`,
    },
    { key: 'moderated', header: 'Moderated', numeric: true, value: (r) => r.moderated },
  ];
  return (
    <>
      <h1>Assurance</h1>
      <p className="nhsuk-lede-text">
        Key lines of enquiry on each ICB’s plan, the commissioning intentions and contracts registers, and the audit
        trail of every change.
      </p>
      <AssuranceNav />
      <h2>Review rounds</h2>
      <Async result={rounds} what="review rounds">
        {(data) => (
          <DataTable
            caption="Review rounds"
            rows={data.rows}
            columns={columns}
            rowKey={(r) => r.id}
            initialSort={{ key: 'createdAt', direction: 'descending' }}
            empty={
              <Empty title="No review rounds yet">
                <p>A region or national editor starts a round to review ICB plans against the key lines of enquiry.</p>
              </Empty>
            }
          />
        )}
      </Async>
      {user?.organisation.type === 'icb' && (
        <p>
          <a
            className="nhsuk-button nhsuk-button--secondary"
            href={apiUrl('/assurance/pack', { icb: user.organisation.code, format: 'pdf' })}
          >
            Download the board pack (PDF)
          </a>
        </p>
      )}
      {reviewer && <StartRound onStarted={(id) => navigate(`/assurance/rounds/${encodeURIComponent(id)}`)} />}
    </>
  );
}

function StartRound({ onStarted }: { onStarted: (id: string) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Enter a name for the round');
      return;
    }
    try {
      const round = await postJson<RoundSummary>('/assurance/rounds', { name: name.trim() });
      if (round) onStarted(round.id);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2>Start a review round</h2>
      <ErrorSummary message={error} />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="round-name">
          Round name
        </label>
        <div className="nhsuk-hint" id="round-name-hint">
          Every ICB your organisation covers is reviewed against the five Specialised Commissioning key lines of
          enquiry.
        </div>
        <input
          className="nhsuk-input"
          id="round-name"
          aria-describedby="round-name-hint"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button type="submit" className="nhsuk-button">
        Start round
      </button>
    </form>
  );
}
