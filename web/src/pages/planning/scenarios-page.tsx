// Financial planning: the stored scenarios, who may change each, a start from the shipped template for
// editors, and a choice of two or three scenarios to compare side by side.
import { type FormEvent, useState } from 'react';
import type { ScenarioList, ScenarioSummary, ScenarioTemplates } from '../../../../src/core/planning/plan-answers.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { Link, navigate, useTitle } from '../../router.tsx';
import { canEdit, useSession } from '../../session.tsx';
import { unitsSummary } from './plan-figures.ts';
import { scenarioPath } from './planning-paths.ts';
import { WhyNotEditor } from './why-not-editor.tsx';

export default function ScenariosPage() {
  useTitle('Financial planning');
  const scenarios = useApi<ScenarioList>('/planning/scenarios');
  const { session } = useSession();
  const editor = canEdit(session?.user);
  const templates = useApi<ScenarioTemplates>(editor ? '/planning/templates' : null);
  const columns: Column<ScenarioSummary>[] = [
    {
      key: 'name',
      header: 'Scenario',
      rowHeader: true,
      value: (r) => r.name,
      render: (r) => <Link href={scenarioPath(r.name)}>{r.name}</Link>,
    },
    { key: 'units', header: 'Plans for', value: (r) => unitsSummary(r.units) },
    { key: 'baseYear', header: 'Base year', value: (r) => r.baseYear },
    { key: 'years', header: 'Years', numeric: true, value: (r) => r.years },
    { key: 'schemes', header: 'QIPP schemes', numeric: true, value: (r) => r.schemes },
    { key: 'owner', header: 'Owner', value: (r) => r.owner },
    {
      key: 'updatedAt',
      header: 'Last changed',
      value: (r) => r.updatedAt,
      render: (r) => `${r.updatedAt.slice(0, 10)} by ${r.updatedBy} (revision ${r.revision})`,
    },
    {
      key: 'canEdit',
      header: 'Who can edit',
      value: (r) => (r.canEdit ? 0 : 1),
      render: (r) =>
        r.canEdit ? (
          <Link href={`${scenarioPath(r.name)}/edit`}>
            You can edit<span className="nhsuk-u-visually-hidden"> {r.name}</span>
          </Link>
        ) : (
          `Editors of ${r.owner}, its region or national`
        ),
    },
  ];
  return (
    <>
      <h1>Financial planning</h1>
      <p className="nhsuk-lede-text">
        Scenarios grow each unit’s base-year spend for demographic and non-demographic growth and inflation, take off
        QIPP savings, and set the plan against the allocation, its convergence to target and any risk share.
      </p>
      {editor ? (
        <p>
          {templates.state === 'ready' &&
            templates.data.rows.map((t, i) => (
              <Link
                key={t.id}
                className={`nhsuk-button${i === 0 ? '' : ' nhsuk-button--secondary'} nhsuk-u-margin-right-3`}
                href={`/planning/new?template=${encodeURIComponent(t.id)}`}
              >
                Start from “{t.scenario.name}”
              </Link>
            ))}
        </p>
      ) : (
        <WhyNotEditor what="add or change scenarios" />
      )}
      <Async result={scenarios} what="scenarios">
        {(data) => (
          <>
            <DataTable
              caption="Stored scenarios"
              rows={data.rows}
              columns={columns}
              rowKey={(r) => r.name}
              initialSort={{ key: 'updatedAt', direction: 'descending' }}
              empty={
                <Empty title="No scenarios yet">
                  <p>
                    An editor starts one from a shipped template, or adds a scenario file with{' '}
                    <code>footprint scenario add FILE</code>.
                  </p>
                </Empty>
              }
            />
            {data.rows.length >= 2 && <CompareForm names={data.rows.map((r) => r.name)} />}
          </>
        )}
      </Async>
    </>
  );
}

function CompareForm({ names }: { names: string[] }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length < 2 || chosen.length > 3) {
      setError('Select 2 or 3 scenarios to compare');
      return;
    }
    navigate(`/planning/compare?${chosen.map((n) => `s=${encodeURIComponent(n)}`).join('&')}`);
  };
  const toggle = (name: string, on: boolean) => {
    setError(null);
    setChosen((current) => (on ? [...current, name] : current.filter((n) => n !== name)));
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby={error ? 'compare-error' : undefined}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
            <h2 className="nhsuk-fieldset__heading">Compare scenarios</h2>
          </legend>
          <div className="nhsuk-hint">Select 2 or 3.</div>
          {error && (
            <span className="nhsuk-error-message" id="compare-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {error}
            </span>
          )}
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
            {names.map((name, i) => (
              <div className="nhsuk-checkboxes__item" key={name}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`compare-${i}`}
                  type="checkbox"
                  checked={chosen.includes(name)}
                  onChange={(e) => toggle(name, e.target.checked)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`compare-${i}`}>
                  {name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Compare
      </button>
    </form>
  );
}
