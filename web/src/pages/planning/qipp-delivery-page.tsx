// A scenario's QIPP delivery for one plan year: each scheme's planned saving against the actual to date and
// the run-rate forecast outturn, with a RAG status and a trend, per unit and in total. The figures come from
// the API's one delivery answer (src/core/qipp/qipp-delivery.ts); editors import actuals here, or anyone may
// read them derived from a later activity dataset (?actualsFromDataset=NAME).
import { useState } from 'react';
import type { QippDeliveryAnswer, QippDeliveryRow } from '../../../../src/core/qipp/qipp-delivery.ts';
import { useApi } from '../../api/use-api.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { type Column, DataTable, ExportLinks } from '../../components/data-table.tsx';
import { Async } from '../../components/states.tsx';
import { YearSelect } from '../../components/year-select.tsx';
import { formatPounds, shortIcbName } from '../../format.ts';
import { useLocation, useTitle } from '../../router.tsx';
import { canEdit, useSession } from '../../session.tsx';
import { qippDeliveryApiPath, scenarioPath } from './planning-paths.ts';
import { QippActualsForm } from './qipp-actuals-form.tsx';

const MONTH_NAMES = [
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'January',
  'February',
  'March',
];

interface MonthRow {
  month: string;
  planned: number;
  actual: number | null;
}

const MONTH_COLUMNS: Column<MonthRow>[] = [
  { key: 'month', header: 'Month', rowHeader: true, value: (r) => r.month },
  { key: 'planned', header: 'Planned', numeric: true, value: (r) => r.planned, render: (r) => formatPounds(r.planned) },
  {
    key: 'actual',
    header: 'Actual',
    numeric: true,
    value: (r) => r.actual,
    render: (r) => (r.actual === null ? 'Not reported' : formatPounds(r.actual)),
  },
];

const RAG_TAG = { green: 'nhsuk-tag--green', amber: 'nhsuk-tag--yellow', red: 'nhsuk-tag--red' } as const;
const TREND = { improving: 'Improving', steady: 'Steady', worsening: 'Worsening' } as const;

const COLUMNS: Column<QippDeliveryRow>[] = [
  {
    key: 'name',
    header: 'Scheme',
    rowHeader: true,
    value: (r) => r.scheme ?? (r.level === 'unit' ? 'All schemes' : 'All units'),
    render: (r) =>
      r.level === 'scheme' ? r.scheme : <strong>{r.level === 'unit' ? 'All schemes' : 'All units'}</strong>,
  },
  { key: 'unit', header: 'Unit', value: (r) => (r.unitName ? shortIcbName(r.unitName) : 'Every unit') },
  { key: 'planned', header: 'Planned', numeric: true, value: (r) => r.planned, render: (r) => formatPounds(r.planned) },
  {
    key: 'toDate',
    header: 'Actual / plan to date',
    numeric: true,
    value: (r) => r.actualToDate,
    render: (r) =>
      r.monthsReported === 0
        ? 'No actuals yet'
        : `${formatPounds(r.actualToDate)} / ${formatPounds(r.planToDate)} (${r.monthsReported} month${r.monthsReported === 1 ? '' : 's'})`,
  },
  {
    key: 'forecast',
    header: 'Forecast outturn',
    numeric: true,
    value: (r) => r.forecast,
    render: (r) => formatPounds(r.forecast),
  },
  {
    key: 'variance',
    header: 'Against plan',
    numeric: true,
    value: (r) => r.variance,
    render: (r) => formatPounds(r.variance),
  },
  {
    key: 'rag',
    header: 'RAG',
    value: (r) => r.rag,
    render: (r) =>
      r.rag ? (
        <strong className={`nhsuk-tag ${RAG_TAG[r.rag]}`}>{r.rag[0]!.toUpperCase() + r.rag.slice(1)}</strong>
      ) : (
        'None planned'
      ),
  },
  {
    key: 'trend',
    header: 'Trend',
    value: (r) => r.trend,
    render: (r) => (r.trend ? TREND[r.trend] : 'Too few months'),
  },
];

export default function QippDeliveryPage({ name }: { name: string }) {
  useTitle(`QIPP delivery: ${name}`);
  const { query } = useLocation();
  const year = query.get('year') ?? undefined;
  const actualsFromDataset = query.get('actualsFromDataset') ?? undefined;
  const answer = useApi<QippDeliveryAnswer>(qippDeliveryApiPath(name), { year, actualsFromDataset });
  const { session } = useSession();
  const [imported, setImported] = useState<string | null>(null);
  return (
    <>
      <Breadcrumbs
        trail={[
          { href: '/planning', text: 'Financial planning' },
          { href: scenarioPath(name), text: name },
        ]}
      />
      <h1>QIPP delivery: {name}</h1>
      <p>
        Planned savings against actual savings to date, and the forecast outturn if the rest of the year delivers at the
        rate so far. Green is a forecast of 95% of plan or more, amber 75% or more, red below. The plan is phased as the
        scenario phases it: a scheme’s new tranche from its start month, earlier tranches all year.
      </p>
      {imported && (
        <div className="nhsuk-inset-text" role="status">
          <p>{imported}</p>
        </div>
      )}
      <Async result={answer} what="QIPP delivery">
        {(a) => (
          <>
            <div className="fp-filters">
              <YearSelect years={a.years} year={a.financialYear} id="delivery-year" />
            </div>
            <ExportLinks
              path={qippDeliveryApiPath(name)}
              query={{ year: a.financialYear }}
              label={`QIPP delivery ${a.financialYear}`}
            />
            <p className="nhsuk-body-s" data-testid="qipp-actuals-from">
              {a.actualsFrom.kind === 'dataset'
                ? `Actuals derived from dataset “${a.actualsFrom.dataset}”: the plan’s do-nothing spend in each scheme’s scope, month by month, less what the dataset records.`
                : 'Actuals as imported (the year to date).'}
            </p>
            <DataTable
              caption={`QIPP delivery ${a.financialYear}, by scheme and unit`}
              rows={a.rows}
              columns={COLUMNS}
              rowKey={(r) => `${r.level} ${r.unit} ${r.scheme}`}
            />
            <MonthByMonth row={a.rows.find((r) => r.level === 'total')} year={a.financialYear} />
            {canEdit(session?.user) && a.actualsFrom.kind === 'import' && (
              <QippActualsForm
                name={name}
                years={a.years}
                year={a.financialYear}
                onImported={(message) => {
                  setImported(message);
                  answer.reload();
                }}
              />
            )}
          </>
        )}
      </Async>
    </>
  );
}

function MonthByMonth({ row, year }: { row: QippDeliveryRow | undefined; year: string }) {
  if (!row) return null;
  const rows = MONTH_NAMES.map((month, i) => ({
    month,
    planned: row.plannedByMonth[i] ?? 0,
    actual: row.actualByMonth[i] ?? null,
  }));
  return (
    <DataTable
      caption={`Every scheme and unit, month by month, ${year}: planned and actual savings`}
      rows={rows}
      columns={MONTH_COLUMNS}
      rowKey={(r) => r.month}
    />
  );
}
