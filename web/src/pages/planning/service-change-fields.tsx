// The scenario form's service changes: each a repatriation or consolidation of one service from some
// providers to others (or, for a repatriation, to the nearest other provider), from a plan year, with the
// share that moves and an optional unit-cost change. Phasing is edited as JSON (docs/scenario.md).
import type { PlanningChoices, ScenarioProblem } from '../../../../src/core/planning/plan-answers.ts';
import type { Scenario } from '../../../../src/core/planning/scenario-schema.ts';
import { CodePicker } from './code-picker.tsx';
import { NumberField } from './number-field.tsx';
import { fieldId } from './scenario-draft.ts';

type Change = NonNullable<Scenario['changes']>[number];

export function ServiceChangeFields({
  draft,
  setDraft,
  choices,
  problems,
  years,
}: {
  draft: Scenario;
  setDraft: (s: Scenario) => void;
  choices: PlanningChoices;
  problems: ScenarioProblem[];
  years: string[];
}) {
  const changes = draft.changes ?? [];
  const set = (next: Change[]) => {
    const { changes: _old, ...rest } = draft;
    setDraft(next.length ? { ...rest, changes: next } : rest);
  };
  const setAt = (i: number, patch: Partial<Change>) => set(changes.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const invalid = (path: string) =>
    problems.some((p) => p.where.field === path || p.where.field?.startsWith(`${path}[`));
  const messages = (path: string) => problems.filter((p) => p.where.field?.startsWith(path));
  return (
    <>
      <h2>Service changes</h2>
      <p className="nhsuk-body-s">
        What-ifs that move a service’s activity between providers; they do not change the plan’s figures, and the
        what-if page shows what they do to flows, spend and providers’ volumes.
      </p>
      {changes.map((change, i) => {
        const path = `changes[${i}]`;
        return (
          <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-5" key={path} data-testid={`change-${i}`}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Change {i + 1}</legend>
            {messages(path).map((p) => (
              <span className="nhsuk-error-message" key={`${p.where.field}-${p.message}`}>
                <span className="nhsuk-u-visually-hidden">Error:</span> {p.message}
                {p.accepted ? ` Accepted: ${p.accepted}.` : ''}
              </span>
            ))}
            <div className="fp-filters">
              <div className="nhsuk-form-group">
                <label className="nhsuk-label" htmlFor={fieldId(`${path}.type`)}>
                  Change {i + 1}: kind
                </label>
                <select
                  className="nhsuk-select"
                  id={fieldId(`${path}.type`)}
                  value={change.type}
                  onChange={(e) => {
                    const type = e.target.value as Change['type'];
                    setAt(i, type === 'consolidate' ? { type, residentIcbs: undefined } : { type });
                  }}
                >
                  <option value="consolidate">Consolidate</option>
                  <option value="repatriate">Repatriate</option>
                </select>
              </div>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label" htmlFor={fieldId(`${path}.startYear`)}>
                  Change {i + 1}: from
                </label>
                <select
                  className="nhsuk-select"
                  id={fieldId(`${path}.startYear`)}
                  value={change.startYear}
                  onChange={(e) => setAt(i, { startYear: e.target.value as Change['startYear'] })}
                >
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={fieldId(`${path}.service`)}>
                Change {i + 1}: service
              </label>
              <select
                className="nhsuk-select"
                id={fieldId(`${path}.service`)}
                value={change.service}
                onChange={(e) => setAt(i, { service: e.target.value })}
              >
                {choices.services.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <CodePicker
              path={`${path}.fromProviders`}
              label={`Change ${i + 1}: providers it leaves`}
              options={choices.providers}
              chosen={change.fromProviders}
              onChange={(fromProviders) => setAt(i, { fromProviders })}
              invalid={invalid(`${path}.fromProviders`)}
            />
            <CodePicker
              path={`${path}.toProviders`}
              label={`Change ${i + 1}: providers it goes to`}
              hint={
                change.type === 'repatriate'
                  ? 'None chosen: each ICB’s nearest other provider of the service.'
                  : undefined
              }
              options={choices.providers}
              chosen={change.toProviders ?? []}
              onChange={(to) => setAt(i, { toProviders: to.length ? to : undefined })}
              invalid={invalid(`${path}.toProviders`)}
            />
            {change.type === 'repatriate' && (
              <CodePicker
                path={`${path}.residentIcbs`}
                label={`Change ${i + 1}: whose residents (none chosen: every ICB’s)`}
                options={choices.icbs}
                chosen={change.residentIcbs ?? []}
                onChange={(icbs) => setAt(i, { residentIcbs: icbs.length ? icbs : undefined })}
              />
            )}
            <div className="fp-filters">
              <div className="nhsuk-form-group">
                <label className="nhsuk-label" htmlFor={fieldId(`${path}.share`)}>
                  Change {i + 1}: share that moves (%)
                </label>
                <NumberField
                  path={`${path}.share`}
                  label={`Change ${i + 1}: share that moves (%)`}
                  value={change.share ?? 1}
                  onChange={(share) => setAt(i, { share })}
                  percent
                  invalid={invalid(`${path}.share`)}
                  width={4}
                />
              </div>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label" htmlFor={fieldId(`${path}.costChange`)}>
                  Change {i + 1}: unit-cost change at the receivers (%)
                </label>
                <NumberField
                  path={`${path}.costChange`}
                  label={`Change ${i + 1}: unit-cost change at the receivers (%)`}
                  value={change.costChange ?? 0}
                  onChange={(costChange) => setAt(i, { costChange: costChange === 0 ? undefined : costChange })}
                  percent
                  invalid={invalid(`${path}.costChange`)}
                  width={4}
                />
              </div>
            </div>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => set(changes.filter((_, j) => j !== i))}
            >
              Remove change {i + 1}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={() =>
          set([
            ...changes,
            {
              type: 'consolidate',
              service: choices.services[0]?.code ?? '',
              fromProviders: [],
              toProviders: [],
              // A plan-year label (planYears); the server checks it as a financial year.
              startYear: (years[0] ?? draft.baseYear) as Change['startYear'],
            },
          ])
        }
      >
        Add a service change
      </button>
    </>
  );
}
