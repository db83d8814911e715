// Writing a scenario: a new one starts from the shipped template (moved to a year the workspace has and
// to the editor's own ICB); a stored one is edited by editors whose organisation covers its owner. Every
// change is checked by the API as it is made, and each problem links to the field it names; the same
// scenario can be edited as JSON for those who keep scenario files.
import { type FormEvent, useEffect, useState } from 'react';
import type {
  PlanningChoices,
  ScenarioProblem,
  ScenarioTemplates,
  StoredScenarioAnswer,
} from '../../../../src/core/planning/plan-answers.ts';
import type { Scenario } from '../../../../src/core/planning/scenario-schema.ts';
import type { UserSummary } from '../../../../src/core/users/user-shapes.ts';
import { ApiError, postJson, putJson } from '../../api/client.ts';
import { type Loadable, useApi } from '../../api/use-api.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { Failed, Loading } from '../../components/states.tsx';
import { navigate, useLocation, useTitle } from '../../router.tsx';
import { canEdit, useSession } from '../../session.tsx';
import { scenarioPath } from './planning-paths.ts';
import { fieldId, formCanShow, startingDraft } from './scenario-draft.ts';
import { ScenarioForm } from './scenario-form.tsx';
import { WhyNotEditor } from './why-not-editor.tsx';

/** How long typing pauses before the draft is checked. */
const CHECK_AFTER_MS = 400;

export default function EditorPage({ name }: { name?: string }) {
  useTitle(name ? `Edit ${name}` : 'New scenario');
  const { session } = useSession();
  const user = session?.user;
  const choices = useApi<PlanningChoices>('/planning/choices');
  const templates = useApi<ScenarioTemplates>(name ? null : '/planning/templates');
  const stored = useApi<StoredScenarioAnswer>(name ? `/planning/scenarios/${encodeURIComponent(name)}` : null);
  const trail = [
    { href: '/planning', text: 'Financial planning' },
    ...(name ? [{ href: scenarioPath(name), text: name }] : []),
  ];
  return (
    <>
      <Breadcrumbs trail={trail} />
      <h1>{name ? `Edit ${name}` : 'New scenario'}</h1>
      {user && canEdit(user) ? (
        <EditorContent name={name} user={user} choices={choices} templates={templates} stored={stored} />
      ) : (
        <WhyNotEditor what="add or change scenarios" />
      )}
    </>
  );
}

function EditorContent({
  name,
  user,
  choices,
  templates,
  stored,
}: {
  name?: string;
  user: UserSummary;
  choices: Loadable<PlanningChoices>;
  templates: Loadable<ScenarioTemplates>;
  stored: Loadable<StoredScenarioAnswer>;
}) {
  const { query } = useLocation();
  const waiting: [Loadable<unknown>, string][] = [
    [choices, 'what a scenario may name'],
    name ? [stored, 'the scenario'] : [templates, 'the template'],
  ];
  for (const [result, what] of waiting) {
    if (result.state === 'loading') return <Loading what={what} />;
    if (result.state === 'failed') return <Failed what={what} error={result.error} />;
  }
  if (choices.state !== 'ready') return null;
  if (stored.state === 'ready' && !stored.data.canEdit) {
    return <WhyNotEditor what="change this scenario" owner={stored.data.owner} />;
  }
  const asked = query.get('template');
  const template =
    templates.state === 'ready'
      ? (templates.data.rows.find((t) => t.id === asked) ?? templates.data.rows[0])
      : undefined;
  const initial =
    stored.state === 'ready'
      ? stored.data.scenario
      : template
        ? startingDraft(template.scenario, choices.data, user.organisation)
        : null;
  if (!initial) {
    return <Failed what="the template" error={new ApiError(0, 'FP_CLIENT', 'No scenario template is installed.')} />;
  }
  return (
    <>
      {!name && template && (
        <p className="nhsuk-lede-text">
          Starting from the shipped template “{template.scenario.name}”, moved to base year {initial.baseYear}
          {user.organisation.type === 'icb' ? ` and to ${user.organisation.name}` : ''}. Its description says where each
          figure comes from and which are assumptions: replace those with the planning guidance of the day.
        </p>
      )}
      <ScenarioEditor
        initial={initial}
        choices={choices.data}
        storedName={name}
        revision={stored.state === 'ready' ? stored.data.revision : undefined}
      />
    </>
  );
}

function ScenarioEditor({
  initial,
  choices,
  storedName,
  revision,
}: {
  initial: Scenario;
  choices: PlanningChoices;
  storedName?: string;
  /** The stored revision this edit started from. */
  revision?: number;
}) {
  const [draft, setDraft] = useState<unknown>(initial);
  const [problems, setProblems] = useState<ScenarioProblem[] | null>(null);
  const [saveProblem, setSaveProblem] = useState<ScenarioProblem | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      postJson<{ problems: ScenarioProblem[] }>('/planning/scenarios/check', { scenario: draft }).then(
        (answer) => current && setProblems(answer?.problems ?? []),
        (error: unknown) =>
          current &&
          setProblems([
            {
              code: error instanceof ApiError ? error.code : 'FP_CLIENT',
              message: String((error as Error).message),
              where: {},
            },
          ]),
      );
    }, CHECK_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [draft]);

  const change = (next: unknown) => {
    setSaveProblem(null);
    setDraft(next);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaveProblem(null);
    try {
      // The revision it was opened at: a colleague's save in between is a conflict, not overwritten.
      const body = { scenario: draft, revision };
      const saved = storedName
        ? await putJson<{ name: string }>(`/planning/scenarios/${encodeURIComponent(storedName)}`, body)
        : await postJson<{ name: string }>('/planning/scenarios', body);
      navigate(scenarioPath(saved?.name ?? String((draft as Scenario).name)));
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, 'FP_CLIENT', String(error));
      const parameter = (e.where as { parameter?: string } | undefined)?.parameter;
      setSaveProblem({
        code: e.code,
        message: e.message,
        where: {
          field: parameter?.startsWith('body.scenario.') ? parameter.slice('body.scenario.'.length) : undefined,
          parameter,
        },
      });
      document.getElementById('save-problem')?.focus();
    } finally {
      setSaving(false);
    }
  };

  const shown = problems ?? [];
  return (
    <form onSubmit={save} noValidate>
      <CheckSummary problems={problems} />
      {formCanShow(draft) ? (
        <ScenarioForm draft={draft} setDraft={change} choices={choices} problems={shown} />
      ) : (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            The form cannot lay out this JSON until it has the shape in the scenario guide (docs/scenario.md). Fix it
            below; the problems above say where.
          </p>
        </div>
      )}
      <JsonEditor draft={draft} onChange={change} />
      {saveProblem && (
        <div className="nhsuk-error-summary" id="save-problem" tabIndex={-1}>
          <div role="alert">
            <h2 className="nhsuk-error-summary__heading">The scenario was not saved</h2>
            <div className="nhsuk-error-summary__body">
              <p>{saveProblem.where.field ? <ProblemLink problem={saveProblem} /> : saveProblem.message}</p>
              <p className="nhsuk-body-s">
                Error code <code>{saveProblem.code}</code>
              </p>
            </div>
          </div>
        </div>
      )}
      <button className="nhsuk-button" type="submit" disabled={saving}>
        {storedName ? 'Save changes' : 'Save scenario'}
      </button>
    </form>
  );
}

/** Jumps to the field a problem names, or the nearest enclosing field the form shows. */
function ProblemLink({ problem }: { problem: ScenarioProblem }) {
  const field = problem.where.field ?? '';
  const go = (event: React.MouseEvent) => {
    event.preventDefault();
    let path = field;
    while (path) {
      const element = document.getElementById(fieldId(path));
      if (element) {
        element.scrollIntoView({ block: 'center' });
        const input = element.matches('input, select, textarea') ? element : element.querySelector('input, select');
        (input as HTMLElement | null)?.focus();
        return;
      }
      path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    }
    document.getElementById('scenario-json')?.focus();
  };
  return (
    <a href={`#${fieldId(field)}`} onClick={go}>
      <strong>{field || 'scenario'}</strong>: {problem.message}
      {problem.received ? ` Received ${problem.received}.` : ''}
      {problem.accepted ? ` Accepted: ${problem.accepted}.` : ''}
    </a>
  );
}

function CheckSummary({ problems }: { problems: ScenarioProblem[] | null }) {
  return (
    <div aria-live="polite" data-testid="scenario-check">
      {problems === null ? (
        <p className="nhsuk-body-s">Checking the scenario…</p>
      ) : problems.length === 0 ? (
        <div className="nhsuk-inset-text nhsuk-u-margin-top-0">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>No problems found: the scenario can be saved and planned.</p>
        </div>
      ) : (
        <div className="nhsuk-error-summary">
          <h2 className="nhsuk-error-summary__heading">
            {problems.length === 1 ? 'There is a problem' : `There are ${problems.length} problems`}
          </h2>
          <div className="nhsuk-error-summary__body">
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {problems.map((p) => (
                <li key={`${p.where.field}-${p.code}-${p.message}`}>
                  <ProblemLink problem={p} />
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}

/** The scenario as JSON, kept in step with the form; a change here that is JSON replaces the draft. */
function JsonEditor({ draft, onChange }: { draft: unknown; onChange: (next: unknown) => void }) {
  const [text, setText] = useState(() => JSON.stringify(draft, null, 2));
  const [notJson, setNotJson] = useState<string | null>(null);
  useEffect(() => {
    // Follow the form, unless the text already says the same thing (it is what was just typed).
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(draft)) return current;
      } catch {
        // The text is mid-edit and not JSON: the form did not change it, so keep it.
        return current;
      }
      return JSON.stringify(draft, null, 2);
    });
  }, [draft]);
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Edit as JSON</span>
      </summary>
      <div className="nhsuk-details__text">
        <div className={`nhsuk-form-group${notJson ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor="scenario-json">
            The scenario as JSON (the same file <code>footprint scenario add</code> reads)
          </label>
          {notJson && (
            <span className="nhsuk-error-message" id="scenario-json-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> This is not JSON yet: {notJson}
            </span>
          )}
          <textarea
            className={`nhsuk-textarea${notJson ? ' nhsuk-textarea--error' : ''}`}
            id="scenario-json"
            rows={20}
            spellCheck={false}
            style={{ fontFamily: 'monospace', fontSize: 14 }}
            aria-describedby={notJson ? 'scenario-json-error' : undefined}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              try {
                const parsed = JSON.parse(e.target.value) as unknown;
                setNotJson(null);
                onChange(parsed);
              } catch (error) {
                setNotJson((error as Error).message);
              }
            }}
          />
        </div>
      </div>
    </details>
  );
}
