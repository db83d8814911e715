// One scenario's plan: a waterfall from base-year spend to plan spend against the allocation, the plan
// years across for each unit, QIPP savings by scheme, convergence to target and the risk share, with the
// whole plan as the finance workbook.
import { useState } from 'react';
import type {
  ConvergenceRowAnswer,
  Plan,
  PlanJsonRow,
  StoredScenarioAnswer,
} from '../../../../src/core/planning/plan-answers.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { convergenceChart } from '../../charts/convergence-chart.ts';
import { planWaterfallChart } from '../../charts/plan-waterfall-chart.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { type Column, DataTable, ExportLinks } from '../../components/data-table.tsx';
import { FigureWithTable } from '../../components/figure-with-table.tsx';
import { Async } from '../../components/states.tsx';
import { SummaryRow } from '../../components/summary-row.tsx';
import { formatPounds, formatShare } from '../../format.ts';
import { Link, setQuery, useLocation, useTitle } from '../../router.tsx';
import { savingsByScheme, unitLabel, unitRows, unitsSummary, waterfallSteps } from './plan-figures.ts';
import { planApiPath, qippDeliveryPath, scenarioPath, whatIfPath } from './planning-paths.ts';
import { WhyNotEditor } from './why-not-editor.tsx';
import { YearsAcrossTable } from './years-across-table.tsx';

export default function PlanPage({ name }: { name: string }) {
  useTitle(`Plan: ${name}`);
  const stored = useApi<StoredScenarioAnswer>(`/planning/scenarios/${encodeURIComponent(name)}`);
  const plan = useApi<Plan>(planApiPath(name));
  return (
    <>
      <Breadcrumbs trail={[{ href: '/planning', text: 'Financial planning' }]} />
      <h1>{name}</h1>
      <Async result={stored} what="the scenario">
        {(s) => <ScenarioFacts stored={s} />}
      </Async>
      <Async result={plan} what="the plan">
        {(p) => <PlanFigures plan={p} name={name} />}
      </Async>
    </>
  );
}

function ScenarioFacts({ stored }: { stored: StoredScenarioAnswer }) {
  const { scenario } = stored;
  return (
    <>
      {scenario.description && <p>{scenario.description}</p>}
      <dl className="nhsuk-summary-list">
        <SummaryRow
          label="Plans for"
          value={stored.units.length > 6 ? unitsSummary(stored.units) : stored.units.map(unitLabel).join(', ')}
        />
        <SummaryRow label="Base year" value={`${stored.baseYear}, then ${stored.years} plan years`} />
        <SummaryRow label="QIPP schemes" value={scenario.qipp.map((q) => q.name).join('; ') || 'None'} />
        <SummaryRow
          label="Service changes"
          value={
            scenario.changes?.length
              ? `${scenario.changes.length} change${scenario.changes.length === 1 ? '' : 's'}`
              : 'None'
          }
        />
        <SummaryRow
          label="Owner"
          value={`${stored.owner}; revision ${stored.revision}, ${stored.updatedAt.slice(0, 10)} by ${stored.updatedBy}`}
        />
      </dl>
      {scenario.qipp.length > 0 && (
        <p>
          <Link href={qippDeliveryPath(stored.name)}>QIPP delivery: planned against actual savings</Link>
        </p>
      )}
      {scenario.changes?.length ? (
        <p>
          <Link href={whatIfPath(stored.name)}>See what the service changes do to flows, spend and providers</Link>
        </p>
      ) : null}
      {stored.canEdit ? (
        <p>
          <Link className="nhsuk-button nhsuk-button--secondary" href={`${scenarioPath(stored.name)}/edit`}>
            Edit this scenario
          </Link>
        </p>
      ) : (
        <WhyNotEditor what="change this scenario" owner={stored.owner} />
      )}
    </>
  );
}

const PLAN_LINES: [string, keyof PlanJsonRow, boolean?, string?][] = [
  ['Last year’s do-nothing spend', 'previousDoNothing'],
  ['Demographic growth', 'demographicGrowth'],
  ['Non-demographic growth', 'nonDemographicGrowth'],
  ['Inflation', 'inflation'],
  ['Do-nothing spend', 'doNothing', true],
  ['Transactional QIPP', 'transactionalSaving'],
  ['Transformational QIPP', 'transformationalSaving'],
  ['Total QIPP saving', 'qippSaving'],
  ['Plan spend', 'planSpend', true],
  ['Allocation', 'allocation', true],
  ['Gap: allocation − plan spend', 'gap', true],
  ['Control total', 'controlTotal', false, 'not set'],
  ['Distance to control total', 'distanceToControlTotal', false, 'not computed'],
];

function PlanFigures({ plan, name }: { plan: Plan; name: string }) {
  const { query } = useLocation();
  const unit = plan.units.includes(query.get('unit') ?? '') ? query.get('unit')! : plan.units[0]!;
  const rows = unitRows(plan, unit);
  const years = rows.map((r) => r.financialYear);
  const year = years.includes(query.get('year') ?? '') ? query.get('year')! : years[years.length - 1]!;
  const steps = waterfallSteps(rows, year);
  const waterfall = steps ? planWaterfallChart(steps, { base: plan.baseYear, plan: year }) : null;
  const byYear = (key: keyof PlanJsonRow) =>
    Object.fromEntries(rows.map((r) => [r.financialYear, r[key] as number | null]));
  return (
    <>
      <h2>The plan</h2>
      <ExportLinks
        path={planApiPath(name)}
        query={{}}
        label={`the whole plan for ${name}: inputs, a sheet per unit, savings`}
      />
      {plan.warnings.length > 0 && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span className="nhsuk-u-visually-hidden">Important: </span>Read before using these figures
          </h3>
          <ul>
            {plan.warnings.map((w) => (
              <li key={w.code + w.message}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="fp-filters">
        {plan.units.length > 1 && (
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="plan-unit">
              Unit
            </label>
            <select
              className="nhsuk-select"
              id="plan-unit"
              value={unit}
              onChange={(e) => setQuery({ unit: e.target.value })}
            >
              {plan.units.map((u) => (
                <option key={u} value={u}>
                  {unitLabel(u)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="plan-year">
            Plan year
          </label>
          <select
            className="nhsuk-select"
            id="plan-year"
            value={year}
            onChange={(e) => setQuery({ year: e.target.value })}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {steps && waterfall && (
        <FigureWithTable
          title={`${unitLabel(unit)}: from ${plan.baseYear} spend to the ${year} plan, against the allocation (£ million)`}
          chart={
            <Chart
              option={waterfall}
              label={`Waterfall for ${unitLabel(unit)}: base ${formatPounds(steps.base)}, plan ${formatPounds(steps.plan)}, allocation ${formatPounds(steps.allocation)} in ${year}`}
            />
          }
          table={
            <dl className="nhsuk-summary-list" data-testid="waterfall-figures">
              <SummaryRow label={`Base-year spend ${plan.baseYear}`} value={formatPounds(steps.base)} />
              <SummaryRow label="Demographic growth" value={formatPounds(steps.demographic)} />
              <SummaryRow label="Non-demographic growth" value={formatPounds(steps.nonDemographic)} />
              <SummaryRow label="Inflation" value={formatPounds(steps.inflation)} />
              <SummaryRow label={`QIPP saving ${year}`} value={formatPounds(-steps.qipp)} />
              <SummaryRow label={`Plan spend ${year}`} value={formatPounds(steps.plan)} />
              <SummaryRow label={`Allocation ${year}`} value={formatPounds(steps.allocation)} />
            </dl>
          }
        />
      )}
      <YearsAcrossTable
        caption={`${unitLabel(unit)}: plan by year (£)`}
        years={years}
        lines={PLAN_LINES.map(([label, key, strong, missing]) => ({ label, values: byYear(key), strong, missing }))}
        format={formatPounds}
        testId="plan-table"
      />
      <SchemeTable plan={plan} unit={unit} years={years} />
      {plan.convergence && <ConvergenceSection rows={plan.convergence} />}
      {plan.riskShare && <RiskShareSection plan={plan} />}
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">How is this calculated?</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>{plan.provenance.derivation}</p>
          <dl className="nhsuk-summary-list nhsuk-u-margin-bottom-0">
            <SummaryRow label="Dataset" value={plan.provenance.dataset} />
            <SummaryRow label="ICB boundaries" value={`${plan.provenance.vintage} vintage`} />
            <SummaryRow label="Unknown residence" value={plan.provenance.unknownResidenceRule} />
            <SummaryRow label="Run at" value={plan.provenance.runAt} />
            <SummaryRow
              label="Needs index"
              value={
                plan.provenance.needsIndexYear ? `Weighted population ${plan.provenance.needsIndexYear}` : 'Not used'
              }
            />
          </dl>
          <p className="nhsuk-u-margin-top-3">
            The methods are in <code>docs/methods.md</code> under “Financial planning”.
          </p>
        </div>
      </details>
    </>
  );
}

function SchemeTable({ plan, unit, years }: { plan: Plan; unit: string; years: string[] }) {
  const schemes = savingsByScheme(plan, unit);
  if (schemes.length === 0) {
    return <p>No QIPP scheme saves anything for {unitLabel(unit)}: check the schemes’ scope.</p>;
  }
  return (
    <YearsAcrossTable
      caption={`${unitLabel(unit)}: QIPP saving by scheme (£)`}
      years={years}
      lines={schemes.map((s) => ({ label: `${s.scheme} (${s.type})`, values: s.byYear }))}
      rowsAre="Scheme"
      format={formatPounds}
      testId="scheme-table"
    />
  );
}

/** Convergence moves most in the first plan year, so that is shown first; any year can be chosen. */
function ConvergenceSection({ rows }: { rows: ConvergenceRowAnswer[] }) {
  const years = [...new Set(rows.map((r) => r.financialYear))];
  const [chosen, setChosen] = useState(years[0]!);
  const shown = years.includes(chosen) ? chosen : years[0]!;
  const thisYear = rows.filter((r) => r.financialYear === shown);
  const option = convergenceChart(
    thisYear.map((r) => ({ label: r.icb, before: r.distanceFromTargetBefore, after: r.distanceFromTargetAfter })),
  );
  const columns: Column<ConvergenceRowAnswer>[] = [
    { key: 'icb', header: 'ICB', rowHeader: true, value: (r) => r.icb },
    {
      key: 'targetShare',
      header: 'Target share',
      numeric: true,
      value: (r) => r.targetShare,
      render: (r) => formatShare(r.targetShare),
    },
    {
      key: 'previousAllocation',
      header: 'Previous allocation',
      numeric: true,
      value: (r) => r.previousAllocation,
      render: (r) => formatPounds(r.previousAllocation),
    },
    {
      key: 'allocation',
      header: 'Allocation',
      numeric: true,
      value: (r) => r.allocation,
      render: (r) => formatPounds(r.allocation),
    },
    {
      key: 'before',
      header: 'Distance before',
      numeric: true,
      value: (r) => r.distanceFromTargetBefore,
      render: (r) => formatShare(r.distanceFromTargetBefore),
    },
    {
      key: 'after',
      header: 'Distance after',
      numeric: true,
      value: (r) => r.distanceFromTargetAfter,
      render: (r) => formatShare(r.distanceFromTargetAfter),
    },
  ];
  return (
    <>
      <h2>Convergence to target</h2>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="convergence-year">
          Year
        </label>
        <select
          className="nhsuk-select"
          id="convergence-year"
          value={shown}
          onChange={(e) => setChosen(e.target.value)}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <FigureWithTable
        title="Distance from the needs-based target by ICB, before and after this year’s allocation (% of target; below zero = under target)"
        chart={
          <Chart
            option={option}
            label={`Distance from target by ICB in ${shown}, before and after convergence`}
            variant={thisYear.length > 8 ? 'tall' : undefined}
          />
        }
      />
      <DataTable caption={`Convergence in ${shown}`} rows={thisYear} columns={columns} rowKey={(r) => r.icb} />
    </>
  );
}

function RiskShareSection({ plan }: { plan: Plan }) {
  const risk = plan.riskShare!;
  const columns: Column<(typeof risk.members)[number]>[] = [
    { key: 'icb', header: 'Member', rowHeader: true, value: (r) => r.icb },
    {
      key: 'allocation',
      header: 'Allocation',
      numeric: true,
      value: (r) => r.allocation,
      render: (r) => formatPounds(r.allocation),
    },
    {
      key: 'outturn',
      header: 'Outturn',
      numeric: true,
      value: (r) => r.outturn,
      render: (r) => formatPounds(r.outturn),
    },
    {
      key: 'variance',
      header: 'Variance',
      numeric: true,
      value: (r) => r.variance,
      render: (r) => formatPounds(r.variance),
    },
    {
      key: 'ownVariance',
      header: 'Own variance borne',
      numeric: true,
      value: (r) => r.ownVariance,
      render: (r) => formatPounds(r.ownVariance),
    },
    {
      key: 'basisShare',
      header: `Share (${risk.basis})`,
      numeric: true,
      value: (r) => r.basisShare,
      render: (r) => formatShare(r.basisShare),
    },
    {
      key: 'poolShare',
      header: 'Share of pool',
      numeric: true,
      value: (r) => r.poolShare,
      render: (r) => formatPounds(r.poolShare),
    },
    {
      key: 'position',
      header: 'Final position',
      numeric: true,
      value: (r) => r.position,
      render: (r) => `${formatPounds(r.position)}${r.capped ? ' (capped)' : ''}`,
    },
  ];
  return (
    <>
      <h2>Risk share: {risk.footprint}</h2>
      <p>
        A {risk.type === 'pool' ? 'pooled' : 'threshold'} agreement shared by {risk.basis}, comparing outturn with the{' '}
        {risk.financialYear} allocation. Total variance {formatPounds(risk.totalVariance)} (positive = overspend), of
        which {formatPounds(risk.pool)} is pooled. Final positions add up to the total variance.
      </p>
      <DataTable
        caption={`Risk share in ${risk.footprint}`}
        rows={risk.members}
        columns={columns}
        rowKey={(r) => r.icb}
      />
    </>
  );
}
