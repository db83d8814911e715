// The segmentation matrix: every service × the rubric's five factors, each assessor's score side by side
// with the score the data suggests, each assessor's level, and the disagreements marked (scores more than
// one point apart; levels more than one level apart). With no exercise the data's evidence stands alone.
import { type FormEvent, useState } from 'react';
import type { ExercisesAnswer, MatrixAnswer, MatrixRow } from '../../../../src/core/delegation/delegation-answers.ts';
import { ApiError, postJson } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Async } from '../../components/states.tsx';
import { formatCount, formatShare } from '../../format.ts';
import { Link, navigate, useLocation, useTitle } from '../../router.tsx';
import {
  DelegationNav,
  ExerciseSelect,
  LEVEL_TEXT,
  NoAssessmentsYet,
  OUTCOME_TEXT,
  serviceHref,
} from './delegation-nav.tsx';

const DIFFER_STYLE = { background: '#fff4cc', outline: '2px solid #ffb81c', display: 'block', padding: '2px 4px' };

function matrixColumns(data: MatrixAnswer): Column<MatrixRow>[] {
  const factors = data.rubrics.segmentation.factors;
  return [
    {
      key: 'service',
      header: 'Service',
      rowHeader: true,
      value: (r) => r.name,
      render: (r) => <Link href={serviceHref(r.service, data.exercise)}>{r.name}</Link>,
    },
    {
      key: 'patients',
      header: 'Patients a year',
      numeric: true,
      value: (r) => r.patientsAYear,
      render: (r) => formatCount(r.patientsAYear),
    },
    { key: 'providers', header: 'Providers', numeric: true, value: (r) => r.providers },
    ...factors.map(
      (f): Column<MatrixRow> => ({
        key: f.id,
        header: f.name,
        value: (r) => r.suggested[f.id] ?? r.assessments[0]?.scores[f.id] ?? null,
        render: (r) => {
          const differ = r.factorDisagreements.includes(f.id);
          return (
            <span style={differ ? DIFFER_STYLE : undefined}>
              {f.suggestion && (
                <span className="nhsuk-body-s" style={{ display: 'block', margin: 0 }}>
                  Data: {r.suggested[f.id] ?? '–'}
                </span>
              )}
              {r.assessments.map((a) => (
                <span key={a.assessor} style={{ display: 'block', whiteSpace: 'nowrap' }}>
                  {a.assessor}: <strong>{a.scores[f.id] ?? '–'}</strong>
                </span>
              ))}
              {!f.suggestion && r.assessments.length === 0 && 'Assessors only'}
              {differ && <span className="nhsuk-u-visually-hidden"> (assessors differ by more than one point)</span>}
            </span>
          );
        },
      }),
    ),
    {
      key: 'level',
      header: 'Level',
      value: (r) => r.assessments[0]?.weightedScore ?? null,
      render: (r) => (
        <>
          {r.assessments.length === 0 && 'Not assessed'}
          {r.assessments.map((a) => (
            <span key={a.assessor} style={{ display: 'block', whiteSpace: 'nowrap' }}>
              {a.assessor}: {a.level ? `${LEVEL_TEXT[a.level]} (${a.weightedScore})` : 'incomplete'}
            </span>
          ))}
          {r.disagreement && <strong className="nhsuk-tag nhsuk-tag--orange">Levels differ</strong>}
          {r.reconciled && (
            <span style={{ display: 'block' }}>
              Reconciled: {OUTCOME_TEXT[r.reconciled.outcome as keyof typeof OUTCOME_TEXT] ?? r.reconciled.outcome}
            </span>
          )}
        </>
      ),
    },
  ];
}

export default function MatrixPage() {
  useTitle('Segmentation matrix');
  const { query } = useLocation();
  const asked = query.get('exercise') ?? undefined;
  const matrix = useApi<MatrixAnswer>('/delegation/matrix', { exercise: asked });
  const exercises = useApi<ExercisesAnswer>('/delegation/exercises');
  return (
    <>
      <h1>Segmentation matrix</h1>
      <DelegationNav />
      <p className="nhsuk-lede-text">
        Each service scored 1 to 5 on five factors; the weighted score sets the commissioning level. Scores the data can
        answer (patients a year, providers, financial volatility) are suggested beside each assessor's score.
      </p>
      <Async result={matrix} what="the segmentation matrix">
        {(data) => (
          <>
            <ExerciseSelect exercises={data.exercises} value={data.exercise} />
            {data.exercise === null || data.assessors.length === 0 ? (
              <NoAssessmentsYet />
            ) : (
              <p>
                {data.assessors.length} assessors in {data.exercise}: {data.assessors.join(', ')}.{' '}
                {data.rows.filter((r) => r.disagreement).length} services have levels more than one level apart; factor
                scores more than one point apart are outlined in yellow.
              </p>
            )}
            <DataTable
              caption={`Factor scores per service${data.exercise ? ` in ${data.exercise}` : ''} (data: the suggested score)`}
              rows={data.rows}
              columns={matrixColumns(data)}
              rowKey={(r) => r.service}
              exportFrom={{
                path: '/delegation/matrix',
                query: { exercise: data.exercise },
                label: 'the segmentation matrix',
                formats: ['xlsx'],
              }}
            />
            {data.assessors.length >= 2 && <Agreement data={data} />}
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">How are the suggested scores worked out?</span>
              </summary>
              <div className="nhsuk-details__text">
                <ul>
                  {data.rubrics.segmentation.factors
                    .filter((f) => f.suggestion)
                    .map((f) => (
                      <li key={f.id}>
                        <strong>{f.name}</strong>: {f.suggestion!.basis}
                      </li>
                    ))}
                </ul>
                <p>
                  Evidence from dataset {data.dataset}, {data.financialYear},{' '}
                  {data.evidenceFrom === 'run' ? "the exercise's stored run" : 'computed from the data now'}; rubric{' '}
                  {data.rubrics.segmentation.id} version {data.rubrics.segmentation.version}.
                </p>
              </div>
            </details>
          </>
        )}
      </Async>
      {exercises.state === 'ready' && exercises.data.canChange && <StartExercise />}
    </>
  );
}

function Agreement({ data }: { data: MatrixAnswer }) {
  const names = new Map(data.rubrics.segmentation.factors.map((f) => [f.id, f.name]));
  return (
    <>
      <h2>Agreement between assessors</h2>
      <DataTable
        caption="Agreement per factor over the services every assessor scored"
        rows={data.agreement}
        rowKey={(r) => r.factor}
        columns={[
          { key: 'factor', header: 'Factor', rowHeader: true, value: (r) => names.get(r.factor) ?? r.factor },
          { key: 'services', header: 'Services', numeric: true, value: (r) => r.services },
          {
            key: 'agreement',
            header: 'Exact agreement',
            numeric: true,
            value: (r) => r.percentageAgreement,
            render: (r) => formatShare(r.percentageAgreement),
          },
          {
            key: 'kappa',
            header: "Fleiss' kappa",
            numeric: true,
            value: (r) => r.fleissKappa,
            render: (r) => (r.fleissKappa === null ? 'Not available' : r.fleissKappa.toFixed(2)),
          },
          {
            key: 'pairs',
            header: "Weighted kappa per pair (Cohen's)",
            value: (r) => r.pairs.length,
            render: (r) =>
              r.pairs
                .map((p) => `${p.first}–${p.second}: ${p.weightedKappa === null ? 'n/a' : p.weightedKappa.toFixed(2)}`)
                .join('; '),
          },
        ]}
      />
    </>
  );
}

function StartExercise() {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await postJson('/delegation/exercises', { name: name.trim() });
      navigate(`/delegation?exercise=${encodeURIComponent(name.trim())}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <form onSubmit={submit} noValidate className="nhsuk-u-margin-top-5">
      <h2>Start an exercise</h2>
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="exercise-name">
          Exercise name, for example "Delegation 2023"
        </label>
        {error && (
          <span className="nhsuk-error-message" id="exercise-name-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <input
          className={`nhsuk-input nhsuk-input--width-20${error ? ' nhsuk-input--error' : ''}`}
          id="exercise-name"
          type="text"
          value={name}
          aria-describedby={error ? 'exercise-name-error' : undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary">
        Start exercise
      </button>
    </form>
  );
}
