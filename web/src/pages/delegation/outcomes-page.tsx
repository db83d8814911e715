// The delegation outcome board: how many services, and what share of spend, fall in each outcome and each
// tier (the "65 / 27 / 81 services" and "80% of spend" statements, computed), the services that need information
// and why, and every service's outcome and tier. An exercise not yet run can be run from here.
import { useState } from 'react';
import type {
  ExercisesAnswer,
  OutcomeRow,
  OutcomesAnswer,
  SummaryGroup,
} from '../../../../src/core/delegation/delegation-answers.ts';
import type { DelegationOutcome } from '../../../../src/core/delegation/delegation-outcome.ts';
import type { Tier } from '../../../../src/core/tiering/tier.ts';
import { ApiError, postJson } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable, ExportLinks } from '../../components/data-table.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { formatCount, formatPounds, formatPoundsShort, formatShare } from '../../format.ts';
import { Link, useLocation, useTitle } from '../../router.tsx';
import {
  DelegationNav,
  ExerciseSelect,
  LEVEL_TEXT,
  NoAssessmentsYet,
  OUTCOME_TEXT,
  OutcomeTag,
  serviceHref,
  TIER_TEXT,
} from './delegation-nav.tsx';

/** "Of 75 services: 40 suitable and ready (52.0% of spend), …" */
export function outcomeStatement(summary: { services: number; byOutcome: SummaryGroup[] }): string {
  const parts = summary.byOutcome
    .filter((g) => g.services > 0)
    .map(
      (g) =>
        `${g.services} ${OUTCOME_TEXT[g.group as DelegationOutcome]?.toLowerCase() ?? g.group} (${formatShare(g.spendShare)} of spend)`,
    );
  return `Of ${summary.services} services: ${parts.join(', ')}.`;
}

function byReason(rows: OutcomeRow[]): Map<string, OutcomeRow[]> {
  const groups = new Map<string, OutcomeRow[]>();
  for (const r of rows) groups.set(r.reason, [...(groups.get(r.reason) ?? []), r]);
  return groups;
}

const TIER_PHRASE: Record<Tier, string> = { icb: 'one ICB', 'multi-icb': 'several ICBs', region: 'the region' };

function groupColumns(label: string, text: (group: string) => string): Column<SummaryGroup>[] {
  return [
    { key: 'group', header: label, rowHeader: true, value: (g) => text(g.group) },
    { key: 'services', header: 'Services', numeric: true, value: (g) => g.services },
    {
      key: 'spend',
      header: 'National spend',
      numeric: true,
      value: (g) => g.spend,
      render: (g) => formatPounds(g.spend),
    },
    {
      key: 'share',
      header: 'Share of spend',
      numeric: true,
      value: (g) => g.spendShare,
      render: (g) => formatShare(g.spendShare),
    },
  ];
}

export default function OutcomesPage() {
  useTitle('Delegation outcomes');
  const { query } = useLocation();
  const asked = query.get('exercise') ?? undefined;
  const outcomes = useApi<OutcomesAnswer>('/delegation/outcomes', { exercise: asked });
  const exercises = useApi<ExercisesAnswer>('/delegation/exercises');
  const canChange = exercises.state === 'ready' && exercises.data.canChange;
  return (
    <>
      <h1>Delegation outcomes</h1>
      <DelegationNav />
      <p className="nhsuk-lede-text">
        Step 1 asks whether a service is suitable for delegation, step 2 whether it is ready; suitable and ready
        services are then tiered to the smallest footprint whose evidence passes every threshold.
      </p>
      <Async result={outcomes} what="the delegation outcomes">
        {(data) => {
          if (data.exercise === null) return <NoAssessmentsYet />;
          const picker = <ExerciseSelect exercises={data.exercises.map((e) => e.name)} value={data.exercise} />;
          if (!data.result) {
            return (
              <>
                {picker}
                <Empty title={`${data.exercise} has not been run yet`}>
                  <p>
                    Running it decides each service's outcome from the assessments, tiers the suitable and ready ones
                    from the data and proposes commissioning models. From the command line:{' '}
                    <code>footprint delegation run --exercise "{data.exercise}"</code>.
                  </p>
                  {canChange && <RunButton exercise={data.exercise} onDone={outcomes.reload} />}
                </Empty>
              </>
            );
          }
          return (
            <Board
              exercise={data.exercise}
              result={data.result}
              picker={picker}
              canChange={canChange}
              onRun={outcomes.reload}
            />
          );
        }}
      </Async>
    </>
  );
}

function RunButton({ exercise, onDone }: { exercise: string; onDone: () => void }) {
  const [state, setState] = useState<'idle' | 'running' | string>('idle');
  const run = async () => {
    setState('running');
    try {
      await postJson(`/delegation/exercises/${encodeURIComponent(exercise)}/run`, {});
      setState('idle');
      onDone();
    } catch (e) {
      setState(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
        disabled={state === 'running'}
        onClick={run}
      >
        {state === 'running' ? 'Running… (up to a minute)' : 'Run the exercise now'}
      </button>
      {state !== 'idle' && state !== 'running' && (
        <p className="nhsuk-error-message" role="alert">
          {state}
        </p>
      )}
    </>
  );
}

function Board({
  exercise,
  result,
  picker,
  canChange,
  onRun,
}: {
  exercise: string;
  result: NonNullable<OutcomesAnswer['result']>;
  picker: React.ReactNode;
  canChange: boolean;
  onRun: () => void;
}) {
  const { summary, provenance } = result;
  const tiered = summary.byTier.reduce((s, g) => s + g.services, 0);
  const waiting = result.rows.filter((r) => r.outcome === 'needs-information');
  const rowColumns: Column<OutcomeRow>[] = [
    {
      key: 'name',
      header: 'Service',
      rowHeader: true,
      value: (r) => r.name,
      render: (r) => <Link href={serviceHref(r.service, exercise)}>{r.name}</Link>,
    },
    { key: 'outcome', header: 'Outcome', value: (r) => r.outcome, render: (r) => <OutcomeTag outcome={r.outcome} /> },
    { key: 'tier', header: 'Tier', value: (r) => r.tier, render: (r) => (r.tier ? TIER_TEXT[r.tier] : '–') },
    { key: 'level', header: 'Level', value: (r) => r.level, render: (r) => (r.level ? LEVEL_TEXT[r.level] : '–') },
    {
      key: 'spend',
      header: 'National spend',
      numeric: true,
      value: (r) => r.spend,
      render: (r) => formatPounds(r.spend),
    },
    {
      key: 'patients',
      header: 'Patients a year',
      numeric: true,
      value: (r) => r.nationalPatients,
      render: (r) => formatCount(r.nationalPatients),
    },
  ];
  return (
    <>
      {picker}
      <div className="nhsuk-card">
        <div className="nhsuk-card__content">
          <h2 className="nhsuk-card__heading">{exercise}</h2>
          <p className="nhsuk-body-l nhsuk-u-margin-bottom-2" data-testid="outcome-statement">
            {outcomeStatement(summary)}
          </p>
          <p className="nhsuk-u-margin-bottom-0">
            {tiered} services are tiered:{' '}
            {summary.byTier
              .map(
                (g) =>
                  `${g.services} to ${TIER_PHRASE[g.group as Tier] ?? g.group} (${formatShare(g.spendShare)} of spend)`,
              )
              .join(', ')}
            . Total national spend {formatPoundsShort(summary.totalSpend)} in {provenance.financialYear}.
          </p>
        </div>
      </div>
      <ExportLinks
        path="/delegation/outcomes"
        query={{ exercise }}
        label="outcomes, summaries and evidence per footprint"
        formats={['xlsx']}
      />
      <h2>By outcome</h2>
      <DataTable
        caption="Services and national spend per outcome"
        rows={summary.byOutcome}
        columns={groupColumns('Outcome', (g) => OUTCOME_TEXT[g as DelegationOutcome] ?? g)}
        rowKey={(g) => g.group}
      />
      <h2>By tier</h2>
      <DataTable
        caption="Suitable and ready services and their spend per tier"
        rows={summary.byTier}
        columns={groupColumns('Tier', (g) => TIER_TEXT[g as Tier] ?? g)}
        rowKey={(g) => g.group}
      />
      <h2>Needs information</h2>
      {waiting.length === 0 ? (
        <p>Every service has an outcome: nothing is missing.</p>
      ) : (
        <>
          <p data-testid="needs-information">
            {waiting.length} {waiting.length === 1 ? 'service needs' : 'services need'} information before an outcome
            can be decided. What is missing, with the services waiting on each item (a service may wait on several):
          </p>
          <DataTable
            caption="Missing items, the services waiting on them and their national spend"
            rows={summary.missing}
            columns={groupColumns('Missing', (g) => g)}
            rowKey={(g) => g.group}
          />
          {[...byReason(waiting)].map(([reason, rows]) => (
            <details className="nhsuk-details" key={reason}>
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">
                  {rows.length} {rows.length === 1 ? 'service' : 'services'}: {reason}
                </span>
              </summary>
              <div className="nhsuk-details__text">
                <ul className="nhsuk-u-margin-bottom-0">
                  {rows.map((r) => (
                    <li key={r.service}>
                      <Link href={serviceHref(r.service, exercise)}>{r.name}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            </details>
          ))}
        </>
      )}
      <h2>Every service</h2>
      <DataTable
        caption={`Outcome and tier of every service in ${exercise}`}
        rows={result.rows}
        columns={rowColumns}
        rowKey={(r) => r.service}
        initialSort={{ key: 'spend', direction: 'descending' }}
      />
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">How is this calculated?</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>
            Rubrics {provenance.segmentationRubric} and {provenance.delegationRubric}; dataset {provenance.dataset},{' '}
            {provenance.financialYear}; volatility from {formatCount(provenance.iterations)} simulated years per
            footprint ({provenance.costModel} costs, master seed {provenance.masterSeed}). A footprint passes when its
            miss probability (by more than {formatShare(provenance.thresholds.missMargin ?? null)}) is at most{' '}
            {formatShare(provenance.thresholds.maxMissProbability ?? null)}, at most{' '}
            {formatShare(provenance.thresholds.maxOutOfFootprintShare ?? null)} of its patients are treated outside it,
            and at most {formatShare(provenance.thresholds.maxOccasionalPracticeShare ?? null)} at occasional-practice
            providers.
          </p>
          {canChange && <RunButton exercise={exercise} onDone={onRun} />}
        </div>
      </details>
    </>
  );
}
