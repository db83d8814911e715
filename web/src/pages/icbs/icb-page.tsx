// One ICB: its population, what its patients' care costs by programme and service, where they are
// treated (inside or outside the ICB), and the providers it hosts with where their patients come from.
import { useMemo } from 'react';
import type { HostedProvider, IcbProfile, IcbProvider } from '../../../../src/core/icbs/icb-profile-answer.ts';
import type { UserSummary } from '../../../../src/core/users/user-shapes.ts';
import { apiUrl } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { populationPyramidChart } from '../../charts/population-pyramid-chart.ts';
import { rankedBarChart } from '../../charts/ranked-bar-chart.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { DataTable, ExportLinks } from '../../components/data-table.tsx';
import { FigureWithTable } from '../../components/figure-with-table.tsx';
import { HowCalculated } from '../../components/how-calculated.tsx';
import { ProviderLink } from '../../components/provider-link.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { SummaryRow } from '../../components/summary-row.tsx';
import { YearSelect } from '../../components/year-select.tsx';
import { formatCount, formatPounds, formatPoundsAndPence, formatShare, shortIcbName } from '../../format.ts';
import { Link, useLocation, useTitle } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { IcbRisks } from '../risks/icb-risks.tsx';
import { IcbComparisonView, useIcbComparison } from './icb-comparison.tsx';

export default function IcbPage({ code }: { code: string }) {
  const { query } = useLocation();
  const year = query.get('year') ?? undefined;
  const profile = useApi<IcbProfile>(`/icbs/${encodeURIComponent(code)}`, { year });
  useTitle(profile.state === 'ready' ? profile.data.icb.name : `ICB ${code}`);
  return (
    <>
      <Breadcrumbs trail={[{ href: '/', text: 'England overview' }]} />
      {profile.state !== 'ready' && <h1>ICB {code}</h1>}
      <Async result={profile} what={`the profile of ICB ${code}`}>
        {(data) => <IcbProfileView data={data} year={year} />}
      </Async>
    </>
  );
}

/** The ICB's own users, its region's and national ones may make its board pack (the route checks the same). */
function covers(user: UserSummary | undefined, icb: IcbProfile['icb']): boolean {
  const org = user?.organisation;
  if (!org) return false;
  return org.type === 'national' || (org.type === 'region' && org.code === icb.region.code) || org.code === icb.code;
}

function BoardPackLinks({ icb }: { icb: IcbProfile['icb'] }) {
  const { session } = useSession();
  if (!covers(session?.user, icb)) return null;
  return (
    <>
      <h2>Board pack</h2>
      <p>
        Population and both bases, flows, the allocation against its needs-based target, the plan, gap and control
        total, QIPP, delegation, outliers, KPI escalations and KLOE ratings for {icb.name}, on one printable page.
      </p>
      <p>
        <a
          className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-right-3"
          href={apiUrl('/assurance/pack', { icb: icb.code, format: 'pdf' })}
        >
          Download the board pack (PDF)
        </a>
        <a className="nhsuk-link" href={apiUrl('/assurance/pack', { icb: icb.code, format: 'html' })}>
          Open the board pack in the browser
        </a>
      </p>
    </>
  );
}

function IcbProfileView({ data, year }: { data: IcbProfile; year: string | undefined }) {
  const { icb, population } = data;
  const comparison = useIcbComparison(icb.code);
  const shownYear = data.provenance.financialYear ?? '';
  const years = comparison.state === 'ready' ? comparison.data.years.map((y) => y.financialYear) : [shownYear];
  const pyramid = useMemo(() => populationPyramidChart(population.pyramid), [population.pyramid]);
  const programmes = useMemo(
    () =>
      rankedBarChart(
        data.spendByProgramme.map((p) => ({ label: p.programme, value: p.spend })),
        { unit: '£ million', scale: 1e6 },
      ),
    [data.spendByProgramme],
  );
  const total = data.spendByProgramme.reduce((sum, p) => sum + p.spend, 0);
  const exportQuery = { year: year ?? data.provenance.financialYear };
  const apiPath = `/icbs/${encodeURIComponent(icb.code)}`;
  return (
    <>
      <span className="nhsuk-caption-l">
        {icb.code} · {icb.region.name}
      </span>
      <h1>{icb.name}</h1>
      <div className="fp-filters">
        <YearSelect years={years} year={shownYear} />
      </div>
      <dl className="nhsuk-summary-list">
        <SummaryRow label="Registered population" value={formatCount(population.total)} />
        <SummaryRow
          label={`Population-basis spend, ${data.provenance.financialYear}`}
          value={formatPounds(total)}
          testId="icb-total-spend"
        />
        <SummaryRow
          label="Spend per head"
          value={population.total > 0 ? formatPoundsAndPence(total / population.total) : 'Not available'}
        />
        <SummaryRow label="Spend on care inside the ICB" value={formatShare(data.insideShare)} />
      </dl>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
        The Excel file has every table on this page, one sheet each.
      </p>
      <ExportLinks path={apiPath} query={exportQuery} label={`every table for ${icb.name}`} formats={['xlsx']} />
      <HowCalculated provenance={data.provenance} />
      <BoardPackLinks icb={icb} />

      <h2>Who commissions its specialised services, {data.delegation.financialYear}</h2>
      <DataTable
        caption={`Services and population-basis spend of ${icb.name} by commissioning arrangement`}
        rows={data.delegation.byArrangement}
        rowKey={(r) => r.arrangement}
        columns={[
          { key: 'label', header: 'Arrangement', rowHeader: true, value: (r) => r.label },
          {
            key: 'services',
            header: 'Services',
            numeric: true,
            value: (r) => r.services,
            render: (r) => formatCount(r.services),
          },
          { key: 'spend', header: 'Spend', numeric: true, value: (r) => r.spend, render: (r) => formatPounds(r.spend) },
        ]}
      />
      <p className="nhsuk-body">
        <Link
          href={`/services?icb=${encodeURIComponent(icb.code)}&year=${encodeURIComponent(data.delegation.financialYear)}`}
        >
          Every service and its arrangement for {icb.name}
        </Link>
      </p>

      <h2>Compared with England, the region and similar ICBs</h2>
      <IcbComparisonView result={comparison} year={shownYear} />

      <h2>Population</h2>
      <FigureWithTable
        title="Registered population by age and sex, thousands"
        chart={
          <Chart
            option={pyramid}
            variant="tall"
            label={`Population pyramid for ${icb.name}, ${formatCount(population.total)} people.`}
          />
        }
        table={
          <DataTable
            caption={`Registered population by age band and sex, ${icb.name}`}
            exportFrom={{
              path: apiPath,
              query: { ...exportQuery, table: 'population' },
              label: 'population table',
              formats: ['csv'],
            }}
            rows={population.pyramid}
            rowKey={(r) => r.ageBand}
            columns={[
              { key: 'age', header: 'Age band', rowHeader: true, value: (r) => r.ageBand },
              { key: 'male', header: 'Male', numeric: true, value: (r) => r.male, render: (r) => formatCount(r.male) },
              {
                key: 'female',
                header: 'Female',
                numeric: true,
                value: (r) => r.female,
                render: (r) => formatCount(r.female),
              },
            ]}
          />
        }
      />

      <h2>Spend by programme of care</h2>
      {data.spendByProgramme.length === 0 ? (
        <Empty title="No spend recorded">
          <p>No specialised activity for this ICB's patients is in the dataset for this year.</p>
        </Empty>
      ) : (
        <FigureWithTable
          title="Population-basis spend by programme of care, £ million"
          chart={<Chart option={programmes} label={`Bar chart of ${icb.name}'s spend by programme of care.`} />}
          table={
            <DataTable
              caption={`Spend by programme of care, ${icb.name}`}
              exportFrom={{
                path: apiPath,
                query: { ...exportQuery, table: 'programmes' },
                label: 'programmes table',
                formats: ['csv'],
              }}
              rows={data.spendByProgramme}
              rowKey={(r) => r.programme}
              initialSort={{ key: 'spend', direction: 'descending' }}
              columns={[
                { key: 'programme', header: 'Programme of care', rowHeader: true, value: (r) => r.programme },
                {
                  key: 'spend',
                  header: 'Spend',
                  numeric: true,
                  value: (r) => r.spend,
                  render: (r) => formatPounds(r.spend),
                },
              ]}
            />
          }
        />
      )}

      <h2>Spend by service</h2>
      <DataTable
        caption={`Population-basis spend by service, ${icb.name}`}
        exportFrom={{
          path: apiPath,
          query: { ...exportQuery, table: 'services' },
          label: 'services table',
          formats: ['csv'],
        }}
        rows={data.spendByService}
        rowKey={(r) => r.service}
        initialSort={{ key: 'spend', direction: 'descending' }}
        empty={<Empty title="No services">No service has spend for this ICB in this year.</Empty>}
        columns={[
          {
            key: 'name',
            header: 'Service',
            rowHeader: true,
            value: (r) => r.name,
            render: (r) => <Link href={`/services/${encodeURIComponent(r.service)}`}>{r.name}</Link>,
          },
          { key: 'programme', header: 'Programme of care', value: (r) => r.programme },
          { key: 'spend', header: 'Spend', numeric: true, value: (r) => r.spend, render: (r) => formatPounds(r.spend) },
          {
            key: 'perHead',
            header: 'Per head',
            numeric: true,
            value: (r) => r.perHead,
            render: (r) => formatPoundsAndPence(r.perHead),
          },
        ]}
      />

      <h2>Where patients are treated</h2>
      <p>
        {formatShare(data.insideShare)} of spend on {icb.name}'s patients is with providers inside the ICB; the rest is
        with providers elsewhere.
      </p>
      <DataTable
        caption={`Top providers treating ${icb.name}'s patients`}
        exportFrom={{
          path: apiPath,
          query: { ...exportQuery, table: 'providers' },
          label: 'providers table',
          formats: ['csv'],
        }}
        rows={data.topProviders}
        rowKey={(r) => r.provider}
        initialSort={{ key: 'spend', direction: 'descending' }}
        empty={<Empty title="No providers">No provider treated this ICB's patients in this year.</Empty>}
        columns={PROVIDER_COLUMNS}
      />

      <h2>Providers hosted in this ICB</h2>
      <DataTable
        caption={`Providers hosted by ${icb.name} and where their patients come from`}
        exportFrom={{
          path: apiPath,
          query: { ...exportQuery, table: 'hosted' },
          label: 'hosted table',
          formats: ['csv'],
        }}
        rows={data.hostedProviders}
        rowKey={(r) => r.provider}
        initialSort={{ key: 'income', direction: 'descending' }}
        empty={<Empty title="No hosted providers">No provider of specialised care is based in this ICB.</Empty>}
        columns={HOSTED_COLUMNS}
      />
      <IcbRisks code={icb.code} name={icb.name} />
    </>
  );
}

const PROVIDER_COLUMNS = [
  {
    key: 'name',
    header: 'Provider',
    rowHeader: true,
    value: (r: IcbProvider) => `${r.name} (${r.provider})`,
    render: (r: IcbProvider) => <ProviderLink code={r.provider} name={r.name} />,
  },
  {
    key: 'providerIcb',
    header: 'Provider ICB',
    value: (r: IcbProvider) => r.providerIcbName,
    render: (r: IcbProvider) => shortIcbName(r.providerIcbName),
  },
  {
    key: 'inside',
    header: 'Inside the ICB',
    value: (r: IcbProvider) => (r.inside ? 'Inside' : 'Outside'),
    render: (r: IcbProvider) => (
      <strong className={`nhsuk-tag ${r.inside ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>
        {r.inside ? 'Inside' : 'Outside'}
      </strong>
    ),
  },
  {
    key: 'spend',
    header: 'Spend',
    numeric: true,
    value: (r: IcbProvider) => r.spend,
    render: (r: IcbProvider) => formatPounds(r.spend),
  },
  {
    key: 'activity',
    header: 'Activity',
    numeric: true,
    value: (r: IcbProvider) => r.activity,
    render: (r: IcbProvider) => formatCount(r.activity),
  },
];

const HOSTED_COLUMNS = [
  {
    key: 'name',
    header: 'Provider',
    rowHeader: true,
    value: (r: HostedProvider) => `${r.name} (${r.provider})`,
    render: (r: HostedProvider) => <ProviderLink code={r.provider} name={r.name} />,
  },
  {
    key: 'income',
    header: 'Income',
    numeric: true,
    value: (r: HostedProvider) => r.income,
    render: (r: HostedProvider) => formatPounds(r.income),
  },
  {
    key: 'outside',
    header: 'From outside the ICB',
    numeric: true,
    value: (r: HostedProvider) => r.incomeFromOutsideShare,
    render: (r: HostedProvider) => formatShare(r.incomeFromOutsideShare),
  },
  {
    key: 'origins',
    header: 'Largest origins',
    value: (r: HostedProvider) => r.topOrigins[0]?.name ?? '',
    render: (r: HostedProvider) => (
      <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-bottom-0">
        {r.topOrigins.map((o) => (
          <li key={o.icb}>
            {o.name}: {formatPounds(o.spend)}
          </li>
        ))}
      </ul>
    ),
  },
];
