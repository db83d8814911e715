// Two or three scenarios side by side for one unit they share: their key figures, plan spend and gap by
// year, so a finance lead can see what a stretch QIPP or a different growth assumption does.
import type { Plan, PlanJsonRow } from '../../../../src/core/planning/plan-answers.ts';
import { type Loadable, useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { scenarioComparisonChart } from '../../charts/scenario-comparison-chart.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { FigureWithTable } from '../../components/figure-with-table.tsx';
import { ScrollBox } from '../../components/scroll-box.tsx';
import { Failed, Loading } from '../../components/states.tsx';
import { formatPounds } from '../../format.ts';
import { Link, setQuery, useLocation, useTitle } from '../../router.tsx';
import { unitLabel, unitRows } from './plan-figures.ts';
import { planApiPath, scenarioPath } from './planning-paths.ts';
import { YearsAcrossTable } from './years-across-table.tsx';

export default function ComparePage() {
  useTitle('Compare scenarios');
  const { query } = useLocation();
  const names = [...new Set(query.getAll('s'))].slice(0, 3);
  // Always three hooks, in the same order; a missing scenario asks for nothing.
  const plans: Loadable<Plan>[] = [
    useApi<Plan>(names[0] ? planApiPath(names[0]) : null),
    useApi<Plan>(names[1] ? planApiPath(names[1]) : null),
    useApi<Plan>(names[2] ? planApiPath(names[2]) : null),
  ].slice(0, names.length);
  const header = (
    <>
      <Breadcrumbs trail={[{ href: '/planning', text: 'Financial planning' }]} />
      <h1>Compare scenarios</h1>
    </>
  );
  if (names.length < 2) {
    return (
      <>
        {header}
        <p>
          Choose two or three scenarios to compare on the <Link href="/planning">financial planning</Link> page.
        </p>
      </>
    );
  }
  for (const [i, plan] of plans.entries()) {
    if (plan.state === 'loading') {
      return (
        <>
          {header}
          <Loading what={`the plan for ${names[i]}`} />
        </>
      );
    }
    if (plan.state === 'failed') {
      return (
        <>
          {header}
          <Failed what={`the plan for ${names[i]}`} error={plan.error} />
        </>
      );
    }
  }
  const ready = plans.map((p) => (p as { data: Plan }).data);
  return (
    <>
      {header}
      <Comparison plans={ready} unitAsked={query.get('unit')} />
    </>
  );
}

const orText = (v: number | null | undefined, missing: string) =>
  v === null || v === undefined ? missing : formatPounds(v);

function Comparison({ plans, unitAsked }: { plans: Plan[]; unitAsked: string | null }) {
  const shared = plans[0]!.units.filter((u) => plans.every((p) => p.units.includes(u)));
  const unit = shared.includes(unitAsked ?? '') ? unitAsked! : shared[0];
  const rowsOf = (p: Plan) => unitRows(p, unit ?? p.units[0]!);
  const byYear = (p: Plan, key: keyof PlanJsonRow) =>
    Object.fromEntries(rowsOf(p).map((r) => [r.financialYear, r[key] as number]));
  const years = [...new Set(plans.flatMap((p) => rowsOf(p).map((r) => r.financialYear)))].sort();
  const lastOf = (p: Plan) => rowsOf(p)[rowsOf(p).length - 1];
  const figures: [string, (p: Plan) => string][] = [
    ['Plans for', (p) => unitLabel(unit ?? p.units[0]!)],
    ['Base year', (p) => p.baseYear],
    ['Plan years', (p) => String(p.years)],
    ['Base-year spend', (p) => formatPounds(rowsOf(p)[0]?.previousDoNothing ?? 0)],
    ['Final-year do-nothing spend', (p) => formatPounds(lastOf(p)?.doNothing ?? 0)],
    ['QIPP saving over the plan', (p) => formatPounds(rowsOf(p).reduce((t, r) => t + r.qippSaving, 0))],
    ['Final-year plan spend', (p) => formatPounds(lastOf(p)?.planSpend ?? 0)],
    ['Final-year allocation', (p) => formatPounds(lastOf(p)?.allocation ?? 0)],
    ['Final-year gap', (p) => formatPounds(lastOf(p)?.gap ?? 0)],
    ['Gap added up over the plan', (p) => formatPounds(rowsOf(p).reduce((t, r) => t + r.gap, 0))],
    ['Final-year control total', (p) => orText(lastOf(p)?.controlTotal, 'not set')],
    ['Final-year distance to control total', (p) => orText(lastOf(p)?.distanceToControlTotal, 'not computed')],
  ];
  const download = new URLSearchParams([...plans.map((p) => ['s', p.scenario]), ...(unit ? [['unit', unit]] : [])]);
  download.set('format', 'xlsx');
  const gapChart = scenarioComparisonChart(plans.map((p) => ({ name: p.scenario, byYear: byYear(p, 'gap') })));
  return (
    <>
      {shared.length > 1 && (
        <div className="fp-filters">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="compare-unit">
              Unit
            </label>
            <select
              className="nhsuk-select"
              id="compare-unit"
              value={unit}
              onChange={(e) => setQuery({ unit: e.target.value })}
            >
              {shared.map((u) => (
                <option key={u} value={u}>
                  {unitLabel(u)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {!unit && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>These scenarios plan for different units, so each is shown for its first unit.</p>
        </div>
      )}
      <div className="fp-export">
        <a className="nhsuk-link" href={`/api/planning/compare?${download}`} download>
          Export to Excel
          <span className="nhsuk-u-visually-hidden"> (the comparison of {plans.length} scenarios)</span>
        </a>
      </div>
      <ScrollBox label="Key figures side by side">
        <table className="nhsuk-table" data-testid="comparison-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Key figures side by side</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">
                Figure
              </th>
              {plans.map((p) => (
                <th key={p.scenario} className="nhsuk-table__header fp-num" scope="col">
                  <Link href={scenarioPath(p.scenario)}>{p.scenario}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {figures.map(([label, value]) => (
              <tr key={label} className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="row">
                  {label}
                </th>
                {plans.map((p) => (
                  <td key={p.scenario} className="nhsuk-table__cell fp-num">
                    {value(p)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <FigureWithTable
        title="Gap (allocation − plan spend) by year, £ million; below zero is a deficit"
        chart={<Chart option={gapChart} label="Gap by year for each scenario" />}
      />
      <YearsAcrossTable
        caption="Gap by year (£)"
        years={years}
        lines={plans.map((p) => ({ label: p.scenario, values: byYear(p, 'gap') }))}
        format={formatPounds}
        rowsAre="Scenario"
      />
      <YearsAcrossTable
        caption="Plan spend by year (£)"
        years={years}
        lines={plans.map((p) => ({ label: p.scenario, values: byYear(p, 'planSpend') }))}
        format={formatPounds}
        rowsAre="Scenario"
      />
      <YearsAcrossTable
        caption="QIPP saving by year (£)"
        years={years}
        lines={plans.map((p) => ({ label: p.scenario, values: byYear(p, 'qippSaving') }))}
        format={formatPounds}
        rowsAre="Scenario"
      />
    </>
  );
}
