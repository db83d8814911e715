// Occasional practice: per service, the providers seeing fewer patients a year than the service's minimum
// annual volume (the delegation rubric's), counted in the patients the activity records, with their activity
// and the ICBs whose residents they treat. A reader sees the providers treating its organisation's residents.
import type {
  OccasionalPracticeAnswer,
  OccasionalPracticeService,
  OccasionalProvider,
} from '../../../../src/core/delegation/index.ts';
import type { ServiceCatalogue } from '../../../../src/core/services/service-answers.ts';
import { useApi } from '../../api/use-api.ts';
import { serviceGroups } from '../../components/choice-groups.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { GroupedSelect } from '../../components/grouped-select.tsx';
import { Async } from '../../components/states.tsx';
import { YearSelect } from '../../components/year-select.tsx';
import { formatCount, formatShare, shortIcbName } from '../../format.ts';
import { Link, setQuery, useLocation, useTitle } from '../../router.tsx';
import { DelegationNav, serviceHref } from './delegation-nav.tsx';

type Row = OccasionalProvider & { service: OccasionalPracticeService };

const columns: Column<Row>[] = [
  { key: 'provider', header: 'Provider', value: (r) => r.providerName, rowHeader: true },
  {
    key: 'service',
    header: 'Service',
    value: (r) => r.service.serviceName,
    render: (r) => <Link href={serviceHref(r.service.serviceCode, null)}>{r.service.serviceName}</Link>,
  },
  {
    key: 'minimum',
    header: 'Minimum a year',
    value: (r) => r.service.minimumAnnualVolume,
    render: (r) => formatCount(r.service.minimumAnnualVolume),
    numeric: true,
  },
  {
    key: 'patients',
    header: 'Patients',
    value: (r) => r.patients,
    render: (r) => formatCount(r.patients),
    numeric: true,
  },
  {
    key: 'activity',
    header: 'Activity',
    value: (r) => r.activity,
    render: (r) => formatCount(r.activity),
    numeric: true,
  },
  {
    key: 'icbs',
    header: 'ICBs served (patients)',
    value: (r) => r.icbsServed.length,
    render: (r) => r.icbsServed.map((i) => `${shortIcbName(i.icbName)} (${formatCount(i.patients)})`).join(', '),
  },
];

export default function OccasionalPracticePage() {
  useTitle('Occasional practice');
  const { query } = useLocation();
  const service = query.get('service') ?? '';
  const year = query.get('year') ?? '';
  const catalogue = useApi<ServiceCatalogue>('/services');
  const services = catalogue.state === 'ready' ? catalogue.data.rows : [];
  const report = useApi<OccasionalPracticeAnswer>('/delegation/occasional-practice', {
    service: service || undefined,
    year: year || undefined,
  });
  return (
    <>
      <h1>Occasional practice</h1>
      <DelegationNav />
      <p className="nhsuk-lede-text">
        Providers that see fewer patients a year for a service than its minimum annual volume. Patients are counted as
        the activity records them; activity without a patient count is shown but not counted.
      </p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <GroupedSelect
            id="choose-service"
            label="Service"
            searchLabel="Search services"
            value={service}
            onChange={(v) => setQuery({ service: v })}
            everything={{ value: '', label: 'Every service' }}
            groups={serviceGroups(services)}
          />
        </div>
        <div className="nhsuk-grid-column-one-half">
          {report.state === 'ready' && report.data.years.length > 0 && (
            <YearSelect id="choose-year" years={report.data.years} year={report.data.financialYear ?? ''} />
          )}
        </div>
      </div>
      <Async result={report} what="the occasional practice report">
        {(data) => <Report data={data} service={service} />}
      </Async>
    </>
  );
}

function Report({ data, service }: { data: OccasionalPracticeAnswer; service: string }) {
  const rows: Row[] = data.rows.flatMap((s) => s.occasional.map((p) => ({ ...p, service: s })));
  const under = data.rows.filter((s) => s.occasional.length > 0);
  const one = service ? data.rows[0] : undefined;
  return (
    <>
      <p>
        {data.financialYear
          ? `${data.financialYear}, dataset ${data.dataset}; providers treating residents of ${data.scope}; minimum volumes from the rubric ${data.rubric}.`
          : 'There is no activity yet: import a dataset and run it.'}
      </p>
      {one ? (
        <p data-testid="occasional-summary">
          {one.serviceName}: {formatCount(one.occasional.length)} of {formatCount(one.providers)} providers see fewer
          than {formatCount(one.minimumAnnualVolume)} patients a year; they treat {formatCount(one.occasionalPatients)}{' '}
          of {formatCount(one.patients)} patients ({formatShare(one.occasionalShare)}).{' '}
          <Link href={`/delegation/models?service=${encodeURIComponent(one.serviceCode)}`}>Commissioning models</Link>
        </p>
      ) : (
        <p data-testid="occasional-summary">
          {formatCount(under.length)} of {formatCount(data.rows.length)} services have providers under their minimum
          annual volume.
        </p>
      )}
      <DataTable
        caption={`Providers under the minimum annual volume${one ? ` for ${one.serviceName}` : ''}${data.financialYear ? `, ${data.financialYear}` : ''}`}
        rows={rows}
        columns={columns}
        rowKey={(r) => `${r.service.serviceCode}-${r.providerCode}`}
        initialSort={{ key: 'patients', direction: 'ascending' }}
        exportFrom={{
          path: '/delegation/occasional-practice',
          query: { service: service || undefined, year: data.financialYear ?? undefined },
          label: 'occasional practice',
        }}
        empty={<p>No provider is under the minimum annual volume.</p>}
      />
    </>
  );
}
