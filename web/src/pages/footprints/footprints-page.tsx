// Footprints: the named groups of ICBs plans are made for — each ICB, each region, multi-ICB groups and
// user-defined ones — with population and population-basis spend. Editors define new ones.
import { type FormEvent, useState } from 'react';
import type { FootprintRow, Footprints } from '../../../../src/core/footprints/footprints-answer.ts';
import type { OverviewIcb } from '../../../../src/core/overview/overview-answer.ts';
import { ApiError, deleteResource, postJson } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useOverviewForFilters } from '../../api/use-years.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { HowCalculated } from '../../components/how-calculated.tsx';
import { Async, Empty, Loading } from '../../components/states.tsx';
import { formatCount, formatPounds } from '../../format.ts';
import { useTitle } from '../../router.tsx';
import { canEdit, useSession } from '../../session.tsx';

/** Kinds in the order people look for them: their own groups first, single ICBs last. */
const KINDS: Record<string, { name: string; rank: number }> = {
  user: { name: 'User-defined', rank: 0 },
  group: { name: 'ICB group', rank: 1 },
  region: { name: 'Region', rank: 2 },
  icb: { name: 'ICB', rank: 3 },
};

export default function FootprintsPage() {
  useTitle('Footprints');
  const footprints = useApi<Footprints>('/footprints');
  const { session } = useSession();
  const editor = canEdit(session?.user);
  const columns: Column<FootprintRow>[] = [
    { key: 'name', header: 'Footprint', rowHeader: true, value: (r) => r.name },
    {
      key: 'kind',
      header: 'Kind',
      value: (r) => KINDS[r.kind]?.rank ?? Number.MAX_SAFE_INTEGER,
      render: (r) => KINDS[r.kind]?.name ?? r.kind,
    },
    {
      key: 'members',
      header: 'ICBs',
      numeric: true,
      value: (r) => r.members.length,
      render: (r) => <MemberList members={r.members} />,
    },
    {
      key: 'population',
      header: 'Population',
      numeric: true,
      value: (r) => r.population,
      render: (r) => formatCount(r.population),
    },
    {
      key: 'spend',
      header: 'Population-basis spend',
      numeric: true,
      value: (r) => r.populationBasisSpend,
      render: (r) => formatPounds(r.populationBasisSpend),
    },
    {
      key: 'owner',
      header: 'Owner',
      value: (r) => r.owner ?? 'Shipped',
      // An editor removes their own organisation's footprints from here; shipped ones cannot be removed.
      render: (r) => (
        <>
          {r.owner ?? 'Shipped'}
          {editor && r.kind === 'user' && r.owner === session?.user.organisation.code && (
            <RemoveButton name={r.name} onRemoved={footprints.reload} />
          )}
        </>
      ),
    },
  ];
  return (
    <>
      <h1>Footprints</h1>
      <p className="nhsuk-lede-text">
        A footprint is a named group of ICBs that a service is planned for: one ICB, a region, or several ICBs together,
        such as South London.
      </p>
      <Async result={footprints} what="footprints">
        {(data) => (
          <>
            <DataTable
              caption="Footprints"
              rows={data.rows}
              columns={columns}
              rowKey={(r) => r.name}
              initialSort={{ key: 'kind', direction: 'ascending' }}
              exportFrom={{ path: '/footprints', query: {}, label: 'all footprints' }}
              empty={
                <Empty title="No footprints yet">
                  <p>Footprints are created when reference data is loaded. Run footprint init to load it.</p>
                </Empty>
              }
            />
            <HowCalculated provenance={data.provenance} />
          </>
        )}
      </Async>
      <h2>Define a footprint</h2>
      {editor ? (
        <DefineFootprint onCreated={footprints.reload} />
      ) : (
        <div className="nhsuk-inset-text" data-testid="why-not-editor">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            You are signed in as a <strong>{session?.user.role ?? 'viewer'}</strong> for{' '}
            {session?.user.organisation.name ?? 'your organisation'}. Only editors can define footprints, because a
            footprint is owned by the organisation that plans for it. Ask an administrator in your organisation to make
            you an editor.
          </p>
        </div>
      )}
    </>
  );
}

/** The count, with the ICB codes in small print beneath when there are few enough to read at a glance. */
function MemberList({ members }: { members: string[] }) {
  return (
    <>
      {members.length}
      {members.length > 1 && members.length <= 4 && (
        <span className="nhsuk-body-s fp-members">{members.join(' ')}</span>
      )}
    </>
  );
}

function RemoveButton({ name, onRemoved }: { name: string; onRemoved: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    try {
      await deleteResource(`/footprints/${encodeURIComponent(name)}`);
      onRemoved();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0 fp-remove"
        onClick={remove}
      >
        Remove<span className="nhsuk-u-visually-hidden"> {name}</span>
      </button>
      {error && <span className="nhsuk-error-message">{error}</span>}
    </>
  );
}

interface FieldError {
  field: 'footprint-name' | 'footprint-icbs' | 'form';
  message: string;
}

function DefineFootprint({ onCreated }: { onCreated: () => void }) {
  const overview = useOverviewForFilters();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [icbs, setIcbs] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [created, setCreated] = useState<string | null>(null);

  if (overview.state === 'loading') return <Loading what="the list of ICBs" />;
  const allIcbs: OverviewIcb[] =
    overview.state === 'ready' ? [...overview.data.icbs].sort((a, b) => a.name.localeCompare(b.name)) : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!name.trim()) problems.push({ field: 'footprint-name', message: 'Enter a name for the footprint' });
    if (icbs.length < 2) problems.push({ field: 'footprint-icbs', message: 'Select at least 2 ICBs' });
    setErrors(problems);
    setCreated(null);
    if (problems.length > 0) {
      document.getElementById('error-summary')?.focus();
      return;
    }
    try {
      await postJson('/footprints', { name: name.trim(), icbs, description: description.trim() || undefined });
      setCreated(name.trim());
      setName('');
      setDescription('');
      setIcbs([]);
      onCreated();
    } catch (e) {
      const message = e instanceof ApiError ? e.message : String(e);
      setErrors([{ field: 'form', message }]);
    }
  };

  const errorFor = (field: FieldError['field']) => errors.find((e) => e.field === field);
  const nameError = errorFor('footprint-name');
  const icbError = errorFor('footprint-icbs');

  return (
    <form onSubmit={submit} noValidate>
      {errors.length > 0 && (
        <div className="nhsuk-error-summary" id="error-summary" tabIndex={-1}>
          <div role="alert">
            <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
            <div className="nhsuk-error-summary__body">
              <ul className="nhsuk-list nhsuk-error-summary__list">
                {errors.map((e) => (
                  <li key={e.field}>{e.field === 'form' ? e.message : <a href={`#${e.field}`}>{e.message}</a>}</li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      )}
      {created && (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>Footprint "{created}" was saved and is now in the table above.</p>
        </div>
      )}
      <div className={`nhsuk-form-group${nameError ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="footprint-name">
          Name
        </label>
        {nameError && (
          <span className="nhsuk-error-message" id="footprint-name-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {nameError.message}
          </span>
        )}
        <input
          className={`nhsuk-input nhsuk-input--width-20${nameError ? ' nhsuk-input--error' : ''}`}
          id="footprint-name"
          type="text"
          value={name}
          aria-describedby={nameError ? 'footprint-name-error' : undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="footprint-description">
          Description (optional)
        </label>
        <input
          className="nhsuk-input"
          id="footprint-description"
          type="text"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className={`nhsuk-form-group${icbError ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby={icbError ? 'footprint-icbs-error' : undefined}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">ICBs in this footprint</legend>
          {icbError && (
            <span className="nhsuk-error-message" id="footprint-icbs-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {icbError.message}
            </span>
          )}
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small" id="footprint-icbs">
            {allIcbs.map((icb) => (
              <div className="nhsuk-checkboxes__item" key={icb.code}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`icb-${icb.code}`}
                  type="checkbox"
                  checked={icbs.includes(icb.code)}
                  onChange={(e) =>
                    setIcbs((now) => (e.target.checked ? [...now, icb.code] : now.filter((c) => c !== icb.code)))
                  }
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`icb-${icb.code}`}>
                  {icb.name} ({icb.code})
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <button type="submit" className="nhsuk-button">
        Save footprint
      </button>
    </form>
  );
}
