// One quality KPI: its monthly values on an XmR chart with the special-cause points marked, its icons and
// escalation status with the reasons, and the points in a table.
import { useMemo } from 'react';
import type { KpiAnswer } from '../../../../src/core/quality/quality-answers.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { xmrChart } from '../../charts/xmr-chart.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { FigureWithTable } from '../../components/figure-with-table.tsx';
import { Async } from '../../components/states.tsx';
import { SummaryRow } from '../../components/summary-row.tsx';
import { useTitle } from '../../router.tsx';
import { kpiSubject } from './kpi-words.ts';
import { AssuranceIcon, StatusTag, VariationIcon } from './spc-icons.tsx';

export default function KpiPage({ id }: { id: string }) {
  const answer = useApi<KpiAnswer>(`/quality/kpis/${encodeURIComponent(id)}`);
  useTitle(answer.state === 'ready' ? answer.data.kpi.name : `KPI ${id}`);
  return (
    <>
      <Breadcrumbs trail={[{ href: '/quality', text: 'Quality' }]} />
      <Async result={answer} what={`KPI ${id}`}>
        {(data) => <KpiView data={data} />}
      </Async>
    </>
  );
}

function KpiView({ data }: { data: KpiAnswer }) {
  const { kpi } = data;
  const option = useMemo(() => xmrChart(data.points, { unit: kpi.unit, target: kpi.target }), [data.points, kpi]);
  return (
    <>
      <span className="nhsuk-caption-l">{kpi.kpiId}</span>
      <h1>
        {kpi.name}: {kpiSubject(kpi)}
      </h1>
      <dl className="nhsuk-summary-list">
        <SummaryRow label="Service" value={`${kpi.serviceName} (${kpi.serviceCode})`} />
        <SummaryRow label="Better when" value={kpi.direction === 'increase' ? 'higher' : 'lower'} />
        <SummaryRow
          label="Target"
          value={kpi.target === null ? 'None' : `${kpi.target}${kpi.unit === '%' ? '%' : ` ${kpi.unit}`}`}
        />
        <SummaryRow label="Escalation rule set" value={kpi.escalationRule} />
      </dl>
      <p>
        <StatusTag status={kpi.status} /> {kpi.reasons && `Because: ${kpi.reasons}.`}
      </p>
      <p>
        Variation: <VariationIcon type={kpi.variationType} />. Assurance: <AssuranceIcon type={kpi.assuranceType} />.
      </p>
      {data.warnings.map((w) => (
        <div className="nhsuk-inset-text" key={w.code}>
          <p>
            {w.message} ({w.code})
          </p>
        </div>
      ))}
      <FigureWithTable
        title="XmR chart of the monthly values"
        chart={
          <Chart
            option={option}
            variant="tall"
            label={`Statistical process control chart of ${kpi.name} by month, with the mean, process limits${kpi.target === null ? '' : ' and target'}; special-cause points are marked. The table below gives every month.`}
          />
        }
      />
      <p className="nhsuk-body-s">{data.derivation}</p>
      <DataTable
        caption="Monthly values and SPC"
        rows={data.points}
        rowKey={(p) => p.period}
        columns={[
          { key: 'period', header: 'Month', rowHeader: true, value: (p) => p.period.slice(0, 7) },
          { key: 'value', header: 'Value', numeric: true, value: (p) => p.value },
          { key: 'mean', header: 'Mean', numeric: true, value: (p) => p.mean, render: (p) => p.mean.toFixed(2) },
          { key: 'lpl', header: 'Lower limit', numeric: true, value: (p) => p.lpl, render: (p) => p.lpl.toFixed(2) },
          { key: 'upl', header: 'Upper limit', numeric: true, value: (p) => p.upl, render: (p) => p.upl.toFixed(2) },
          { key: 'rule', header: 'Signal', value: (p) => p.specialCauseType },
          { key: 'type', header: 'Meaning', value: (p) => p.pointType.replaceAll('_', ' ') },
        ]}
      />
    </>
  );
}
