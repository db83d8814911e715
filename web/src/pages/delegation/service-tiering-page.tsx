// One service's tiering: its outcome and tier, the evidence for every ICB, multi-ICB group and region with
// the thresholds each passes or fails, financial volatility against population with the threshold and the
// minimum viable population marked, the assessors' answers, and a form to enter an assessment.
import { LineChart, ScatterChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import type {
  ExercisesAnswer,
  FootprintEvidence,
  ServiceTieringAnswer,
} from '../../../../src/core/delegation/delegation-answers.ts';
import { ApiError, putJson } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { missProbabilityChart } from '../../charts/miss-probability-chart.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { FigureWithTable } from '../../components/figure-with-table.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { SummaryRow } from '../../components/summary-row.tsx';
import { formatCount, formatPounds, formatPoundsAndPence, formatShare } from '../../format.ts';
import { Link, useLocation, useTitle } from '../../router.tsx';
import { NoAssessmentsYet, OUTCOME_TEXT, OutcomeTag, TIER_TEXT } from './delegation-nav.tsx';

use([LineChart, ScatterChart, MarkLineComponent]);

const FAIL_TEXT: Record<string, string> = {
  volatility: 'Volatility',
  flows: 'Treated outside',
  'occasional-practice': 'Occasional practice',
};

const evidenceColumns: Column<FootprintEvidence>[] = [
  { key: 'footprint', header: 'Footprint', rowHeader: true, value: (f) => f.footprint },
  { key: 'kind', header: 'Kind', value: (f) => f.kind, render: (f) => TIER_TEXT[f.kind] },
  {
    key: 'population',
    header: 'Population',
    numeric: true,
    value: (f) => f.population,
    render: (f) => formatCount(f.population),
  },
  {
    key: 'expected',
    header: 'Expected patients a year',
    numeric: true,
    value: (f) => f.expectedPatients,
    render: (f) => f.expectedPatients.toFixed(1),
  },
  { key: 'providers', header: 'Providers used', numeric: true, value: (f) => f.providersUsed },
  {
    key: 'outside',
    header: 'Treated outside',
    numeric: true,
    value: (f) => f.outOfFootprintShare,
    render: (f) => formatShare(f.outOfFootprintShare),
  },
  {
    key: 'occasional',
    header: 'At occasional providers',
    numeric: true,
    value: (f) => f.occasionalPracticeShare,
    render: (f) => formatShare(f.occasionalPracticeShare),
  },
  {
    key: 'miss',
    header: 'Miss probability',
    numeric: true,
    value: (f) => f.missProbability,
    render: (f) => formatShare(f.missProbability),
  },
  {
    key: 'passes',
    header: 'Passes',
    value: (f) => (f.passes ? 1 : 0),
    render: (f) =>
      f.passes ? (
        <strong className="nhsuk-tag nhsuk-tag--green">Passes</strong>
      ) : (
        <>
          <strong className="nhsuk-tag nhsuk-tag--grey">Fails</strong>{' '}
          {f.fails.map((x) => FAIL_TEXT[x] ?? x).join(', ')}
        </>
      ),
  },
];

export default function ServiceTieringPage({ code }: { code: string }) {
  const { query } = useLocation();
  const asked = query.get('exercise') ?? undefined;
  const tiering = useApi<ServiceTieringAnswer>(`/delegation/services/${encodeURIComponent(code)}`, { exercise: asked });
  const exercises = useApi<ExercisesAnswer>('/delegation/exercises');
  const title = tiering.state === 'ready' ? tiering.data.name : `Service ${code}`;
  useTitle(`Tiering: ${title}`);
  const back = asked ? `?exercise=${encodeURIComponent(asked)}` : '';
  // The form stays on screen (with its message) while a save reloads the page's figures.
  const lastReady = useRef<ServiceTieringAnswer | null>(null);
  if (tiering.state === 'ready') lastReady.current = tiering.data;
  const editing = lastReady.current;
  return (
    <>
      <Breadcrumbs
        trail={[
          { href: `/delegation${back}`, text: 'Segmentation matrix' },
          { href: `/delegation/outcomes${back}`, text: 'Delegation outcomes' },
        ]}
      />
      <h1>{title}</h1>
      <Async result={tiering} what="the service's tiering">
        {(data) => (
          <>
            <Summary data={data} />
            <Volatility data={data} />
            <h2>Evidence per footprint</h2>
            <DataTable
              caption={`Evidence per footprint for ${data.name}, ${data.financialYear}`}
              rows={data.footprints}
              columns={evidenceColumns}
              rowKey={(f) => f.footprint}
              initialSort={{ key: 'population', direction: 'ascending' }}
              exportFrom={{
                path: `/delegation/services/${encodeURIComponent(data.service)}`,
                query: { exercise: data.exercise },
                label: `evidence per footprint for ${data.name}`,
                formats: ['xlsx'],
              }}
            />
            <p>
              <Link href={`/delegation/occasional-practice?service=${encodeURIComponent(data.service)}`}>
                Providers under the minimum annual volume for {data.name}
              </Link>{' '}
              ·{' '}
              <Link href={`/delegation/models?service=${encodeURIComponent(data.service)}`}>
                Commissioning models for {data.name}
              </Link>
            </p>
            <Answers data={data} />
          </>
        )}
      </Async>
      {editing?.exercise && exercises.state === 'ready' && exercises.data.canChange && (
        <EnterAssessment key={editing.exercise} data={editing} onSaved={tiering.reload} />
      )}
    </>
  );
}

function Summary({ data }: { data: ServiceTieringAnswer }) {
  const t = data.thresholds;
  return (
    <>
      {data.outcome ? (
        <p>
          <OutcomeTag outcome={data.outcome} /> {data.reason}
        </p>
      ) : (
        data.exercise === null && <NoAssessmentsYet />
      )}
      <dl className="nhsuk-summary-list">
        <SummaryRow label="Exercise" value={data.exercise ?? 'None yet'} />
        <SummaryRow label="Outcome" value={data.outcome ? OUTCOME_TEXT[data.outcome] : 'Not run yet'} />
        <SummaryRow label="Tier" value={data.tier ? TIER_TEXT[data.tier] : 'Not tiered'} />
        <SummaryRow
          label="Tier the evidence gives"
          value={`${TIER_TEXT[data.evidenceTier]}${data.tier ? '' : ' (if it were suitable and ready)'}`}
          testId="evidence-tier"
        />
        <SummaryRow label="Patients a year (England)" value={formatCount(data.nationalPatients)} />
        <SummaryRow label="Providers" value={formatCount(data.providers)} />
        <SummaryRow label="Mean cost per patient" value={formatPoundsAndPence(data.meanCost)} />
        <SummaryRow label="National spend" value={data.spend === null ? 'Not run yet' : formatPounds(data.spend)} />
        <SummaryRow
          label="Thresholds"
          value={`Miss by more than ${formatShare(t.missMargin)} at most ${formatShare(t.maxMissProbability)} of years; at most ${formatShare(t.maxOutOfFootprintShare)} treated outside; at most ${formatShare(t.maxOccasionalPracticeShare)} at providers seeing under ${t.minimumAnnualVolume} patients a year`}
        />
      </dl>
    </>
  );
}

function Volatility({ data }: { data: ServiceTieringAnswer }) {
  const mvp = data.minimumViablePopulation;
  const option = useMemo(
    () =>
      missProbabilityChart({
        curve: mvp?.curve ?? [],
        footprints: data.footprints,
        threshold: data.thresholds.maxMissProbability,
        minimumViablePopulation: mvp?.simulated ?? null,
      }),
    [data, mvp],
  );
  if (!mvp) {
    return (
      <Empty title="No volatility curve">
        <p>
          The data has no patients or costs for this service in {data.financialYear}, so volatility cannot be simulated.
        </p>
      </Empty>
    );
  }
  return (
    <>
      <h2>Financial volatility</h2>
      <p>
        The chance that a year's spend misses its expected value by more than {formatShare(data.thresholds.missMargin)}{' '}
        falls as the population grows. It reaches the threshold of {formatShare(data.thresholds.maxMissProbability)} at
        a population of about <strong data-testid="minimum-viable-population">{formatCount(mvp.simulated)}</strong> (the
        formula gives {formatCount(mvp.analytic)}): the minimum viable population.
      </p>
      <FigureWithTable
        title="Miss probability (%) against population, with each footprint"
        chart={
          <Chart
            option={option}
            label={`Line chart: miss probability falls from ${formatShare(mvp.curve[0]?.missProbability ?? null)} to ${formatShare(mvp.curve.at(-1)?.missProbability ?? null)} as population rises; the minimum viable population is ${formatCount(mvp.simulated)}.`}
          />
        }
        table={
          <DataTable
            caption="Miss probability against population"
            rows={mvp.curve}
            rowKey={(p) => String(p.population)}
            columns={[
              {
                key: 'population',
                header: 'Population',
                rowHeader: true,
                numeric: true,
                value: (p) => p.population,
                render: (p) => formatCount(p.population),
              },
              {
                key: 'miss',
                header: 'Miss probability',
                numeric: true,
                value: (p) => p.missProbability,
                render: (p) => formatShare(p.missProbability),
              },
            ]}
          />
        }
      />
    </>
  );
}

function Answers({ data }: { data: ServiceTieringAnswer }) {
  const answered = data.criteria.some((c) => c.answers.length > 0);
  return (
    <>
      <h2>Assessors' answers</h2>
      {!answered ? (
        <p>No assessor has answered the suitability and readiness criteria for this service yet.</p>
      ) : (
        <DataTable
          caption="Suitability (step 1) and readiness (step 2) answers"
          rows={data.criteria}
          rowKey={(c) => c.id}
          columns={[
            { key: 'name', header: 'Criterion', rowHeader: true, value: (c) => c.name },
            { key: 'step', header: 'Step', value: (c) => (c.step === 'suitability' ? '1 Suitability' : '2 Readiness') },
            {
              key: 'answers',
              header: 'Answers',
              value: (c) => c.answers.map((a) => a.answer).join(' '),
              render: (c) =>
                c.answers.map((a) => (
                  <span key={a.assessor} style={{ display: 'block' }}>
                    {a.assessor}: <strong>{a.answer}</strong>
                    {a.evidence ? ` (${a.evidence})` : ''}
                  </span>
                )),
            },
          ]}
        />
      )}
      {data.reconciled && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Reconciled outcome:{' '}
            {OUTCOME_TEXT[data.reconciled.outcome as keyof typeof OUTCOME_TEXT] ?? data.reconciled.outcome}, agreed by{' '}
            {data.reconciled.agreedBy}: {data.reconciled.rationale}
          </p>
        </div>
      )}
      {data.comments.length > 0 && (
        <>
          <h3>Review comments</h3>
          <ul>
            {data.comments.map((c) => (
              <li key={`${c.recordedAt}-${c.author}`}>
                <strong>{c.author}</strong> ({c.organisation}): {c.body}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

const ANSWERS = ['meets', 'partly', 'does-not-meet'];

function EnterAssessment({ data, onSaved }: { data: ServiceTieringAnswer; onSaved: () => void }) {
  const [assessor, setAssessor] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string } | null>(null);
  const items = [
    ...data.factors.map((f) => ({ id: f.id, name: f.name, options: ['1', '2', '3', '4', '5'] })),
    ...data.criteria.map((c) => ({ id: c.id, name: c.name, options: ANSWERS })),
  ];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answers = items.filter((i) => values[i.id]).map((i) => ({ item: i.id, answer: values[i.id]! }));
    try {
      const done = await putJson<{ rows: number }>(
        `/delegation/exercises/${encodeURIComponent(data.exercise!)}/assessments`,
        {
          assessor: assessor.trim(),
          serviceCode: data.service,
          answers,
        },
      );
      setMessage({ kind: 'saved', text: `Saved ${done.rows} answers for ${assessor.trim()}.` });
      onSaved();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    }
  };
  return (
    <form onSubmit={submit} noValidate className="nhsuk-u-margin-top-5">
      <h2>Enter an assessment</h2>
      <p>Your answers replace that assessor's earlier answers on this service in {data.exercise}.</p>
      {message && (
        <div className={message.kind === 'error' ? 'nhsuk-error-summary' : 'nhsuk-inset-text'} role="alert">
          <p className="nhsuk-u-margin-bottom-0">{message.text}</p>
        </div>
      )}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="assessor">
          Assessor, for example "London region"
        </label>
        <input
          className="nhsuk-input nhsuk-input--width-20"
          id="assessor"
          type="text"
          value={assessor}
          onChange={(e) => setAssessor(e.target.value)}
        />
      </div>
      {items.map((item) => (
        <div className="nhsuk-form-group" key={item.id}>
          <label className="nhsuk-label" htmlFor={`answer-${item.id}`}>
            {item.name}
          </label>
          <select
            className="nhsuk-select"
            id={`answer-${item.id}`}
            value={values[item.id] ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [item.id]: e.target.value }))}
          >
            <option value="">Not answered</option>
            {item.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" className="nhsuk-button">
        Save assessment
      </button>
    </form>
  );
}
