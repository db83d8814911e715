// One service: England's spend over the years, and with an ICB chosen that ICB's spend per head beside its
// region, similar ICBs and England; spend per head in every ICB (population basis) and the providers that
// deliver it.
import { useMemo } from 'react';
import type { ServiceProfile } from '../../../../src/core/services/service-answers.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { rankedBarChart } from '../../charts/ranked-bar-chart.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { DataTable, ExportLinks } from '../../components/data-table.tsx';
import { FigureWithTable } from '../../components/figure-with-table.tsx';
import { HowCalculated } from '../../components/how-calculated.tsx';
import { ProviderLink } from '../../components/provider-link.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { SummaryRow } from '../../components/summary-row.tsx';
import { YearSelect } from '../../components/year-select.tsx';
import { formatCount, formatFlag, formatPounds, formatPoundsAndPence, shortIcbName } from '../../format.ts';
import { Link, useLocation, useTitle } from '../../router.tsx';
import { DelegationTag, IcbStatusSelect } from './delegation-status.tsx';
import { ServiceTrendView, useServiceTrend } from './service-trend.tsx';

export default function ServicePage({ code }: { code: string }) {
  const { query } = useLocation();
  const year = query.get('year') ?? undefined;
  const icb = query.get('icb') ?? '';
  const profile = useApi<ServiceProfile>(`/services/${encodeURIComponent(code)}`, { year, icb: icb || undefined });
  useTitle(profile.state === 'ready' ? profile.data.service.name : `Service code ${code}`);
  return (
    <>
      <Breadcrumbs trail={[{ href: '/services', text: 'Services' }]} />
      {profile.state !== 'ready' && <h1>Service code {code}</h1>}
      <Async result={profile} what={`service ${code}`}>
        {(data) => <ServiceView data={data} year={year} icb={icb} />}
      </Async>
    </>
  );
}

function ServiceView({ data, year, icb }: { data: ServiceProfile; year: string | undefined; icb: string }) {
  const { service } = data;
  const trend = useServiceTrend(service.code, icb);
  const shownYear = data.provenance.financialYear ?? '';
  const years = trend.state === 'ready' ? trend.data.years.map((y) => y.financialYear) : [shownYear];
  const perHead = useMemo(
    () =>
      rankedBarChart(
        data.byIcb.flatMap((r) => (r.perHead === null ? [] : [{ label: shortIcbName(r.name), value: r.perHead }])),
        { unit: '£ per head', decimals: 2 },
      ),
    [data.byIcb],
  );
  const exportQuery = { year: year ?? data.provenance.financialYear };
  const path = `/services/${encodeURIComponent(service.code)}`;
  return (
    <>
      <span className="nhsuk-caption-l">Service code {service.code}</span>
      <h1>{service.name}</h1>
      <div className="fp-filters">
        <YearSelect years={years} year={shownYear} />
        <IcbStatusSelect value={icb} label="Compare an ICB" />
      </div>
      <dl className="nhsuk-summary-list">
        <SummaryRow label="Programme of care" value={service.programme || 'Not known'} />
        <SummaryRow label="Highly specialised" value={formatFlag(service.highlySpecialised)} />
        <SummaryRow label="Delegated to ICBs in 2025" value={formatFlag(service.delegated2025)} />
        <SummaryRow
          label={`National spend, ${data.provenance.financialYear}`}
          value={formatPounds(service.nationalSpend)}
        />
        <SummaryRow label="Patients" value={formatCount(service.patients)} />
      </dl>
      <h2>Who commissions it</h2>
      {data.delegation ? (
        <dl className="nhsuk-summary-list" data-testid="delegation-timeline">
          {data.delegation.years.map((s) => (
            <div className="nhsuk-summary-list__row" key={s.financialYear}>
              <dt className="nhsuk-summary-list__key">
                {s.financialYear === '2025/26' ? '2025/26 onwards' : s.financialYear}
              </dt>
              <dd className="nhsuk-summary-list__value">
                <DelegationTag status={s} />
                {s.source && (
                  <p className="nhsuk-body-s nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-0">
                    {s.basis === 'imported' ? 'From the imported table ' : 'Source: '}
                    {/^https?:/.test(s.source) ? (
                      <a href={s.source.split(' | ')[0]}>{s.source.split(' | ')[0]}</a>
                    ) : (
                      s.source
                    )}
                  </p>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="nhsuk-body">
          Choose an ICB above (“Compare an ICB”) to see who commissioned this service for it each year since April 2023.
        </p>
      )}
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
        The Excel file has both tables on this page, one sheet each.
      </p>
      <ExportLinks path={path} query={exportQuery} label={`${service.name} by ICB and provider`} formats={['xlsx']} />
      <HowCalculated provenance={data.provenance} />

      <h2>Over the years</h2>
      <ServiceTrendView result={trend} year={shownYear} />

      <h2>Spend per head by ICB, {shownYear}</h2>
      {data.byIcb.length === 0 ? (
        <Empty title="No spend for this service">
          <p>The dataset has no activity for this service in {data.provenance.financialYear}.</p>
        </Empty>
      ) : (
        <FigureWithTable
          title="Population-basis spend per head of registered population, by ICB"
          chart={
            <Chart option={perHead} variant="tall" label={`Bar chart of ${service.name} spend per head in each ICB.`} />
          }
        />
      )}
      <DataTable
        caption={`${service.name}: spend by ICB (population basis)`}
        rows={data.byIcb}
        rowKey={(r) => r.icb}
        initialSort={{ key: 'perHead', direction: 'descending' }}
        exportFrom={{
          path,
          query: { ...exportQuery, table: 'icbs' },
          label: `${service.name} by ICB`,
          formats: ['csv'],
        }}
        columns={[
          {
            key: 'name',
            header: 'ICB',
            rowHeader: true,
            value: (r) => r.name,
            render: (r) => <Link href={`/icb/${encodeURIComponent(r.icb)}`}>{r.name}</Link>,
          },
          { key: 'spend', header: 'Spend', numeric: true, value: (r) => r.spend, render: (r) => formatPounds(r.spend) },
          {
            key: 'population',
            header: 'Population',
            numeric: true,
            value: (r) => r.population,
            render: (r) => formatCount(r.population),
          },
          {
            key: 'perHead',
            header: 'Per head',
            numeric: true,
            value: (r) => r.perHead,
            render: (r) => formatPoundsAndPence(r.perHead),
          },
        ]}
      />

      <h2>Providers</h2>
      <DataTable
        caption={`Providers of ${service.name}`}
        rows={data.providers}
        rowKey={(r) => r.provider}
        exportFrom={{
          path,
          query: { ...exportQuery, table: 'providers' },
          label: `providers of ${service.name}`,
          formats: ['csv'],
        }}
        initialSort={{ key: 'spend', direction: 'descending' }}
        empty={<Empty title="No providers">No provider delivered this service in this year.</Empty>}
        columns={[
          {
            key: 'name',
            header: 'Provider',
            rowHeader: true,
            value: (r) => `${r.name} (${r.provider})`,
            render: (r) => <ProviderLink code={r.provider} name={r.name} />,
          },
          {
            key: 'providerIcb',
            header: 'Provider ICB',
            value: (r) => r.providerIcbName,
            render: (r) => shortIcbName(r.providerIcbName),
          },
          { key: 'spend', header: 'Spend', numeric: true, value: (r) => r.spend, render: (r) => formatPounds(r.spend) },
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
