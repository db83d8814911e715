// One provider: its specialised income over every year (split by whose residents it treats), its services
// and the ICBs its patients live in for the year chosen, and how it compares with England, its region and
// similar providers (same kind, size and service mix), as Model Health System sets a trust beside peers.
import { useMemo } from 'react';
import type { WithProvenance } from '../../../../src/core/provenance.ts';
import type { ProviderMeasures, ProviderProfile } from '../../../../src/core/providers/provider-profile.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { comparisonTrendChart } from '../../charts/comparison-trend-chart.ts';
import { providerIncomeChart } from '../../charts/provider-income-chart.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { type Column, DataTable, ExportLinks } from '../../components/data-table.tsx';
import { FigureWithTable } from '../../components/figure-with-table.tsx';
import { HowCalculated } from '../../components/how-calculated.tsx';
import { providerPath } from '../../components/provider-link.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { SummaryRow } from '../../components/summary-row.tsx';
import { YearSelect } from '../../components/year-select.tsx';
import { formatCount, formatPounds, formatPoundsAndPence, formatShare, shortIcbName } from '../../format.ts';
import { Link, useLocation, useTitle } from '../../router.tsx';
import { useNarrowScreen } from '../../use-narrow-screen.ts';

type Profile = ProviderProfile & WithProvenance;
type ComparisonRow = Profile['comparison']['years'][number];

export default function ProviderPage({ code }: { code: string }) {
  const { query } = useLocation();
  const year = query.get('year') ?? undefined;
  const profile = useApi<Profile>(providerPath(code), { year });
  useTitle(profile.state === 'ready' ? profile.data.provider.name : `Provider ${code}`);
  return (
    <>
      <Breadcrumbs trail={[{ href: '/flows', text: 'Patient flows' }]} />
      {profile.state !== 'ready' && <h1>Provider {code}</h1>}
      <Async result={profile} what={`provider ${code}`}>
        {(data) => <ProviderView data={data} />}
      </Async>
    </>
  );
}

const change = (fraction: number | null) =>
  fraction === null ? 'First year' : `${fraction >= 0 ? '+' : ''}${formatShare(fraction)}`;

function ProviderView({ data }: { data: Profile }) {
  const { provider, comparison } = data;
  const narrow = useNarrowScreen();
  const year = data.financialYear ?? '';
  const path = providerPath(provider.code);
  const exportQuery = { year: year || undefined };
  const hostName = provider.hostIcb ? shortIcbName(provider.hostIcb.name) : 'Host ICB';
  const shown = data.trend.find((t) => t.financialYear === year);
  const compared = comparison.years.find((y) => y.financialYear === year);
  const regionName = provider.region ? `${provider.region.name} region` : 'Region';

  const income = useMemo(() => providerIncomeChart(data.trend, hostName), [data.trend, hostName]);
  const perPatient = useMemo(
    () =>
      comparisonTrendChart(
        comparison.years.map((y) => y.financialYear),
        [
          { name: 'This provider', values: comparison.years.map((y) => y.provider.perPatient) },
          { name: regionName, values: comparison.years.map((y) => y.region?.perPatient ?? null) },
          { name: 'Similar providers', values: comparison.years.map((y) => y.peers?.perPatient ?? null) },
          { name: 'England', values: comparison.years.map((y) => y.england.perPatient) },
        ],
        { narrow },
      ),
    [comparison.years, regionName, narrow],
  );

  const measureColumns = (measure: (m: ProviderMeasures) => number | null, format: (v: number | null) => string) =>
    [
      { key: 'year', header: 'Financial year', rowHeader: true, value: (r: ComparisonRow) => r.financialYear },
      {
        key: 'provider',
        header: 'This provider',
        numeric: true,
        value: (r: ComparisonRow) => measure(r.provider),
        render: (r: ComparisonRow) => format(measure(r.provider)),
      },
      {
        key: 'region',
        header: regionName,
        numeric: true,
        value: (r: ComparisonRow) => (r.region ? measure(r.region) : null),
        render: (r: ComparisonRow) => format(r.region ? measure(r.region) : null),
      },
      {
        key: 'peers',
        header: 'Similar providers',
        numeric: true,
        value: (r: ComparisonRow) => (r.peers ? measure(r.peers) : null),
        render: (r: ComparisonRow) => format(r.peers ? measure(r.peers) : null),
      },
      {
        key: 'england',
        header: 'England',
        numeric: true,
        value: (r: ComparisonRow) => measure(r.england),
        render: (r: ComparisonRow) => format(measure(r.england)),
      },
    ] satisfies Column<ComparisonRow>[];

  return (
    <>
      <span className="nhsuk-caption-l">
        {provider.kindName} · ODS code {provider.code}
      </span>
      <h1>{provider.name}</h1>
      <div className="fp-filters">
        <YearSelect years={data.years.length ? data.years : [year]} year={year} />
      </div>
      <dl className="nhsuk-summary-list">
        <SummaryRow
          label="Host ICB"
          value={
            provider.hostIcb ? (
              <Link href={`/icb/${encodeURIComponent(provider.hostIcb.code)}`}>{provider.hostIcb.name}</Link>
            ) : (
              'Not known'
            )
          }
        />
        <SummaryRow label="NHS England region" value={provider.region?.name ?? 'Not known'} />
        <SummaryRow label={`Specialised income, ${year}`} value={shown ? formatPounds(shown.income) : 'None'} />
        <SummaryRow
          label={`For residents of other ICBs, ${year}`}
          value={compared ? formatShare(compared.provider.outsideShare) : 'Not available'}
        />
        <SummaryRow label={`Patients, ${year}`} value={formatCount(shown?.patients ?? null)} />
      </dl>
      {compared && (
        <p className="nhsuk-body" data-testid="provider-comparison-sentence">
          In {year} {provider.name} received {formatPounds(compared.provider.income)} for specialised care (
          {change(compared.provider.change)} on the year before, against {change(compared.england.change)} in England).
          Its income per patient was {formatPoundsAndPence(compared.provider.perPatient)}, against{' '}
          {formatPoundsAndPence(compared.region?.perPatient ?? null)} in its region,{' '}
          {formatPoundsAndPence(compared.peers?.perPatient ?? null)} among similar providers and{' '}
          {formatPoundsAndPence(compared.england.perPatient)} in England; {formatShare(compared.provider.outsideShare)}{' '}
          of its income was for patients from outside {hostName} (similar providers{' '}
          {formatShare(compared.peers?.outsideShare ?? null)}, England {formatShare(compared.england.outsideShare)}).
        </p>
      )}
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
        The Excel file has every table on this page, one sheet each.
      </p>
      <ExportLinks path={path} query={exportQuery} label={`every table for ${provider.name}`} formats={['xlsx']} />
      <HowCalculated provenance={data.provenance} />

      <h2>Over the years</h2>
      <FigureWithTable
        title={`${provider.name}: specialised income by financial year and where its patients live, £ million`}
        chart={
          <Chart
            option={income}
            label={`Stacked bar chart of ${provider.name}'s income by year, for ${hostName} residents and for other residents. The table below gives every figure.`}
          />
        }
      />
      <DataTable
        caption={`${provider.name}: income and patients by year`}
        rows={data.trend}
        rowKey={(r) => r.financialYear}
        stackOnNarrow
        exportFrom={{ path, query: { ...exportQuery, table: 'years' }, label: 'income by year', formats: ['csv'] }}
        columns={[
          { key: 'year', header: 'Financial year', rowHeader: true, value: (r) => r.financialYear },
          {
            key: 'income',
            header: 'Income',
            numeric: true,
            value: (r) => r.income,
            render: (r) => formatPounds(r.income),
          },
          {
            key: 'host',
            header: `For ${hostName} residents`,
            numeric: true,
            value: (r) => r.incomeFromHost,
            render: (r) => formatPounds(r.incomeFromHost),
          },
          {
            key: 'outside',
            header: 'For other residents',
            numeric: true,
            value: (r) => r.incomeFromOutside,
            render: (r) => formatPounds(r.incomeFromOutside),
          },
          {
            key: 'patients',
            header: 'Patients',
            numeric: true,
            value: (r) => r.patients,
            render: (r) => formatCount(r.patients),
          },
        ]}
      />

      <h2>Compared with its region, similar providers and England</h2>
      <FigureWithTable
        title="Income per patient by financial year, £"
        chart={
          <Chart
            option={perPatient}
            label={`Line chart of income per patient by year for ${provider.name}, its region, similar providers and England. The tables below give every figure.`}
          />
        }
      />
      <DataTable
        caption="Income per patient by year"
        rows={comparison.years}
        rowKey={(r) => r.financialYear}
        stackOnNarrow
        columns={measureColumns((m) => m.perPatient, formatPoundsAndPence)}
      />
      <DataTable
        caption="Share of income for patients from outside the host ICB, by year"
        rows={comparison.years}
        rowKey={(r) => r.financialYear}
        stackOnNarrow
        columns={measureColumns((m) => m.outsideShare, formatShare)}
      />
      <h3>Similar providers</h3>
      <p className="nhsuk-body-s" data-testid="provider-peer-method">
        {comparison.peerMethod} Its region's group is the {comparison.regionProviders} providers with income in {year}{' '}
        hosted by the region's ICBs; England's is all {comparison.englandProviders}.
      </p>
      {comparison.peers.length === 0 ? (
        <p className="nhsuk-body">No similar providers: this provider had no specialised income in {year}.</p>
      ) : (
        <DataTable
          caption={`The providers most like ${provider.name}, ${year}`}
          rows={comparison.peers}
          rowKey={(r) => r.code}
          columns={[
            {
              key: 'name',
              header: 'Provider',
              rowHeader: true,
              value: (r) => r.label,
              render: (r) => <Link href={providerPath(r.code)}>{r.label}</Link>,
            },
            { key: 'host', header: 'Host ICB', value: (r) => (r.hostIcbName ? shortIcbName(r.hostIcbName) : '—') },
            {
              key: 'income',
              header: 'Income',
              numeric: true,
              value: (r) => r.income,
              render: (r) => formatPounds(r.income),
            },
            {
              key: 'mix',
              header: 'Service mix difference',
              numeric: true,
              value: (r) => r.mixDifference,
              render: (r) => r.mixDifference.toFixed(2),
            },
          ]}
        />
      )}

      <h2>Services, {year}</h2>
      <DataTable
        caption={`Specialised services ${provider.name} delivered in ${year}`}
        rows={data.services}
        rowKey={(r) => r.service}
        initialSort={{ key: 'income', direction: 'descending' }}
        exportFrom={{ path, query: { ...exportQuery, table: 'services' }, label: 'services', formats: ['csv'] }}
        empty={<Empty title="No services">This provider had no specialised activity in {year}.</Empty>}
        columns={[
          {
            key: 'name',
            header: 'Service',
            rowHeader: true,
            value: (r) => r.name,
            render: (r) => <Link href={`/services/${encodeURIComponent(r.service)}`}>{r.name}</Link>,
          },
          { key: 'programme', header: 'Programme of care', value: (r) => r.programme ?? 'Not recorded' },
          {
            key: 'income',
            header: 'Income',
            numeric: true,
            value: (r) => r.income,
            render: (r) => formatPounds(r.income),
          },
          {
            key: 'patients',
            header: 'Patients',
            numeric: true,
            value: (r) => r.patients,
            render: (r) => formatCount(r.patients),
          },
          {
            key: 'share',
            header: "Share of England's spend",
            numeric: true,
            value: (r) => r.shareOfEngland,
            render: (r) => formatShare(r.shareOfEngland),
          },
        ]}
      />

      <h2>Where its patients live, {year}</h2>
      <DataTable
        caption={`ICBs whose residents ${provider.name} treated in ${year}`}
        rows={data.residentIcbs}
        rowKey={(r) => r.icb}
        initialSort={{ key: 'income', direction: 'descending' }}
        exportFrom={{ path, query: { ...exportQuery, table: 'icbs' }, label: "patients' ICBs", formats: ['csv'] }}
        empty={<Empty title="No patients">This provider had no specialised activity in {year}.</Empty>}
        columns={[
          {
            key: 'name',
            header: 'Patients registered in',
            rowHeader: true,
            value: (r) => r.name,
            render: (r) =>
              r.icb === 'UNALLOCATED' ? (
                r.name
              ) : (
                <>
                  <Link href={`/icb/${encodeURIComponent(r.icb)}`}>{shortIcbName(r.name)}</Link>
                  {r.host && <strong className="nhsuk-tag nhsuk-tag--green nhsuk-u-margin-left-2">Host</strong>}
                </>
              ),
          },
          {
            key: 'income',
            header: 'Income',
            numeric: true,
            value: (r) => r.income,
            render: (r) => formatPounds(r.income),
          },
          {
            key: 'share',
            header: 'Share of income',
            numeric: true,
            value: (r) => r.share,
            render: (r) => formatShare(r.share),
          },
          {
            key: 'activity',
            header: 'Activity',
            numeric: true,
            value: (r) => r.activity,
            render: (r) => formatCount(r.activity),
          },
        ]}
      />
    </>
  );
}
