// Quality: every KPI with its SPC icons and escalation status, the KPIs escalated to the Clinical Quality
// Review Meeting, and the derogation register (editors can record a derogation).
import { type FormEvent, useState } from 'react';
import type { KpiSummaryRow } from '../../../../src/core/quality/kpi-summary.ts';
import type { Derogation, DerogationsAnswer, KpisAnswer } from '../../../../src/core/quality/quality-answers.ts';
import { ApiError, postJson } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { Link, useTitle } from '../../router.tsx';
import { canEdit, useSession } from '../../session.tsx';
import { inUnit, kpiSubject } from './kpi-words.ts';
import { AssuranceIcon, StatusTag, VariationIcon } from './spc-icons.tsx';

const KPI_COLUMNS: Column<KpiSummaryRow>[] = [
  {
    key: 'name',
    header: 'KPI',
    rowHeader: true,
    value: (k) => `${k.name} ${kpiSubject(k)}`,
    render: (k) => (
      <Link href={`/quality/kpi/${encodeURIComponent(k.kpiId)}`}>
        {k.name} — {kpiSubject(k)}
      </Link>
    ),
  },
  { key: 'service', header: 'Service', value: (k) => k.serviceName },
  {
    key: 'latest',
    header: 'Latest',
    numeric: true,
    value: (k) => k.lastValue,
    render: (k) => (k.lastValue === null ? '' : inUnit(k.lastValue, k.unit)),
  },
  {
    key: 'target',
    header: 'Target',
    numeric: true,
    value: (k) => k.target,
    render: (k) =>
      k.target === null ? 'None' : `${k.direction === 'increase' ? '≥' : '≤'} ${inUnit(k.target, k.unit)}`,
  },
  {
    key: 'variation',
    header: 'Variation',
    value: (k) => k.variationType,
    render: (k) => <VariationIcon type={k.variationType} />,
  },
  {
    key: 'assurance',
    header: 'Assurance',
    value: (k) => k.assuranceType,
    render: (k) => <AssuranceIcon type={k.assuranceType} />,
  },
  { key: 'status', header: 'Escalation', value: (k) => k.status, render: (k) => <StatusTag status={k.status} /> },
];

export default function QualityPage() {
  useTitle('Quality');
  const { session } = useSession();
  const kpis = useApi<KpisAnswer>('/quality/kpis');
  const derogations = useApi<DerogationsAnswer>('/quality/derogations');
  return (
    <>
      <h1>Quality</h1>
      <p className="nhsuk-lede-text">
        Quality KPIs on statistical process control charts, escalated to the Clinical Quality Review Meeting (CQRM) when
        they deteriorate, and the providers not yet compliant with a service specification.
      </p>
      <Async result={kpis} what="the quality KPIs">
        {(data) => <Kpis data={data} />}
      </Async>
      <h2 id="derogations">Derogation register</h2>
      <Async result={derogations} what="the derogation register">
        {(data) => <Derogations data={data} />}
      </Async>
      {/* Outside the register so its message stays while the register reloads. */}
      {canEdit(session?.user) && <AddDerogation onAdded={derogations.reload} />}
    </>
  );
}

function Kpis({ data }: { data: KpisAnswer }) {
  const escalated = data.rows.filter((k) => k.status === 'escalate-to-cqrm');
  return (
    <>
      <h2>Escalation list</h2>
      <p>
        {escalated.length} of {data.rows.length} KPIs are escalated to CQRM under the escalation rules (version{' '}
        {data.rules.version}, owner {data.rules.owner}, reviewed {data.rules.reviewed}, next review{' '}
        {data.rules.nextReview}).
      </p>
      <DataTable
        caption="KPIs escalated to CQRM"
        rows={escalated}
        rowKey={(k) => k.kpiId}
        columns={[...KPI_COLUMNS.slice(0, 3), { key: 'why', header: 'Why', value: (k) => k.reasons }]}
        empty={
          <Empty title="Nothing to escalate">
            <p>No KPI shows a concern signal or a run of missed targets.</p>
          </Empty>
        }
      />
      <h2>All KPIs</h2>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">How is this calculated?</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>{data.derivation}</p>
        </div>
      </details>
      <DataTable
        caption="Quality KPIs with their SPC variation and assurance"
        rows={data.rows}
        rowKey={(k) => k.kpiId}
        initialSort={{ key: 'status', direction: 'ascending' }}
        exportFrom={{ path: '/quality/kpis', query: {}, label: 'quality KPIs' }}
        columns={KPI_COLUMNS}
        empty={
          <Empty title="No KPIs yet">
            <p>
              Import KPI definitions and monthly values with <code>footprint kpi import FILE</code>.
            </p>
          </Empty>
        }
      />
    </>
  );
}

function Derogations({ data }: { data: DerogationsAnswer }) {
  return (
    <DataTable
      caption={`Derogations (overdue judged on ${data.asOf})`}
      rows={data.rows}
      rowKey={(d) => String(d.id)}
      exportFrom={{ path: '/quality/derogations', query: {}, label: 'derogation register' }}
      columns={[
        {
          key: 'provider',
          header: 'Provider',
          rowHeader: true,
          value: (d: Derogation) => `${d.providerName} (${d.providerCode})`,
        },
        { key: 'service', header: 'Service', value: (d) => d.serviceName },
        { key: 'clause', header: 'Clause not met', value: (d) => d.clause },
        { key: 'date', header: 'Agreed date to comply', value: (d) => d.agreedDate },
        { key: 'status', header: 'Status', value: (d) => (d.overdue ? `${d.status} (overdue)` : d.status) },
      ]}
      empty={
        <Empty title="No derogations recorded">
          <p>
            Record one below, or with <code>footprint derogation add</code>.
          </p>
        </Empty>
      }
    />
  );
}

function AddDerogation({ onAdded }: { onAdded: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblem(null);
    try {
      const made = await postJson<Derogation>('/quality/derogations', {
        providerCode: String(form.get('providerCode') ?? ''),
        serviceCode: String(form.get('serviceCode') ?? ''),
        clause: String(form.get('clause') ?? ''),
        agreedDate: String(form.get('agreedDate') ?? ''),
      });
      setDone(`Recorded derogation ${made?.id} for ${made?.providerName}.`);
      onAdded();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <h3>Record a derogation</h3>
      {problem && (
        <div className="nhsuk-error-summary" role="alert">
          <h4 className="nhsuk-error-summary__title">The derogation was not recorded</h4>
          <p>{problem}</p>
        </div>
      )}
      {done && <p role="status">{done}</p>}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="providerCode">
          Provider ODS code
        </label>
        <input className="nhsuk-input nhsuk-input--width-10" id="providerCode" name="providerCode" required />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="serviceCode">
          Service line code
        </label>
        <input className="nhsuk-input nhsuk-input--width-10" id="serviceCode" name="serviceCode" required />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="clause">
          Specification clause not met
        </label>
        <input className="nhsuk-input" id="clause" name="clause" required maxLength={500} />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="agreedDate">
          Agreed date to comply
        </label>
        <input className="nhsuk-input nhsuk-input--width-10" id="agreedDate" name="agreedDate" type="date" required />
      </div>
      <button className="nhsuk-button" type="submit">
        Record derogation
      </button>
    </form>
  );
}
