// England overview: specialised spend by year, a map of ICBs by population-basis spend per head, and
// every ICB's spend on both bases with the difference and the share treated outside the ICB.
import { useMemo } from 'react';
import type { Overview, OverviewIcb } from '../../../../src/core/overview/overview-answer.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { icbMapChart } from '../../charts/icb-map-chart.ts';
import { spendByYearChart } from '../../charts/spend-by-year-chart.ts';
import { useIcbBoundaries } from '../../charts/use-icb-boundaries.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { FigureWithTable } from '../../components/figure-with-table.tsx';
import { HowCalculated } from '../../components/how-calculated.tsx';
import { Async, Empty, Failed, Loading } from '../../components/states.tsx';
import { SummaryRow } from '../../components/summary-row.tsx';
import { YearSelect } from '../../components/year-select.tsx';
import {
  formatCount,
  formatPounds,
  formatPoundsAndPence,
  formatPoundsShort,
  formatShare,
  shortIcbName,
} from '../../format.ts';
import { Link, useLocation, useTitle } from '../../router.tsx';

// Key columns first: after the ICB's name, the figures an analyst compares ICBs on, so they are on screen
// without scrolling; the region and the provider-basis figures follow.
const ICB_COLUMNS: Column<OverviewIcb>[] = [
  {
    key: 'name',
    header: 'ICB',
    rowHeader: true,
    value: (r) => r.name,
    // "NHS … Integrated Care Board" is said once, in the column header, so the figures fit beside the names.
    render: (r) => <Link href={`/icb/${encodeURIComponent(r.code)}`}>{shortIcbName(r.name)}</Link>,
  },
  {
    key: 'spendPerHead',
    header: 'Spend per head',
    numeric: true,
    value: (r) => r.spendPerHead,
    render: (r) => formatPoundsAndPence(r.spendPerHead),
  },
  {
    key: 'populationBasisSpend',
    header: 'Population-basis spend',
    numeric: true,
    value: (r) => r.populationBasisSpend,
    render: (r) => formatPounds(r.populationBasisSpend),
  },
  {
    key: 'difference',
    header: 'Difference',
    numeric: true,
    value: (r) => r.difference,
    render: (r) => formatPounds(r.difference),
  },
  {
    key: 'outOfAreaShare',
    header: 'Treated outside the ICB',
    numeric: true,
    value: (r) => r.outOfAreaShare,
    render: (r) => formatShare(r.outOfAreaShare),
  },
  {
    key: 'providerBasisSpend',
    header: 'Provider-basis spend',
    numeric: true,
    value: (r) => r.providerBasisSpend,
    render: (r) => formatPounds(r.providerBasisSpend),
  },
  {
    key: 'population',
    header: 'Population',
    numeric: true,
    value: (r) => r.population,
    render: (r) => formatCount(r.population),
  },
  { key: 'region', header: 'Region', value: (r) => r.regionName },
];

export default function OverviewPage() {
  useTitle('England overview');
  const { query } = useLocation();
  const year = query.get('year') ?? undefined;
  const overview = useApi<Overview>('/overview', { year });

  return (
    <>
      <h1>England overview</h1>
      <p className="nhsuk-lede-text">
        Specialised commissioning spend for every integrated care board, on provider basis (where patients are treated)
        and population basis (where patients are registered).
      </p>
      <Async result={overview} what="the England overview">
        {(data) =>
          data.year === null || data.icbs.length === 0 ? (
            <NoActivity />
          ) : (
            <OverviewFigures data={data} year={data.year} />
          )
        }
      </Async>
    </>
  );
}

function NoActivity() {
  return (
    <Empty title="No activity has been loaded yet">
      <p>
        This workspace holds reference data but no activity. Import an extract with <code>footprint import</code> or
        generate synthetic activity with <code>footprint generate</code>, then run <code>footprint run</code>.
      </p>
    </Empty>
  );
}

function OverviewFigures({ data, year }: { data: Overview; year: string }) {
  const total = data.totalsByYear.find((t) => t.financialYear === year);
  const population = data.icbs.reduce((sum, icb) => sum + icb.population, 0);
  const byYear = useMemo(() => spendByYearChart(data.totalsByYear), [data.totalsByYear]);
  return (
    <>
      <div className="fp-filters">
        <YearSelect years={data.years} year={year} />
      </div>
      <dl className="nhsuk-summary-list">
        <SummaryRow
          label={`Specialised spend in ${year}`}
          value={total ? formatPounds(total.populationBasisSpend) : 'Not available'}
          testId="total-spend"
        />
        <SummaryRow label="Registered population" value={formatCount(population)} />
        <SummaryRow
          label="Spend per head (England)"
          value={
            total && population > 0 ? formatPoundsAndPence(total.populationBasisSpend / population) : 'Not available'
          }
        />
      </dl>
      <HowCalculated provenance={data.provenance} />

      <h2>Spend by year</h2>
      <FigureWithTable
        title="Total specialised spend by financial year, £ million"
        chart={
          <Chart
            option={byYear}
            label={`Bar chart of total specialised spend by financial year, ${data.totalsByYear.map((t) => `${t.financialYear} ${formatPoundsShort(t.populationBasisSpend)}`).join(', ')}.`}
          />
        }
        table={
          <DataTable
            caption="Total specialised spend by financial year"
            rows={data.totalsByYear}
            rowKey={(r) => r.financialYear}
            columns={[
              { key: 'year', header: 'Financial year', rowHeader: true, value: (r) => r.financialYear },
              {
                key: 'provider',
                header: 'Provider-basis spend',
                numeric: true,
                value: (r) => r.providerBasisSpend,
                render: (r) => formatPounds(r.providerBasisSpend),
              },
              {
                key: 'population',
                header: 'Population-basis spend',
                numeric: true,
                value: (r) => r.populationBasisSpend,
                render: (r) => formatPounds(r.populationBasisSpend),
              },
            ]}
          />
        }
      />

      <h2>Spend per head by ICB, {year}</h2>
      <IcbMap icbs={data.icbs} />

      <h2>Integrated care boards, {year}</h2>
      <DataTable
        caption={`Specialised spend by ICB, ${year}`}
        rows={data.icbs}
        columns={ICB_COLUMNS}
        rowKey={(r) => r.code}
        initialSort={{ key: 'populationBasisSpend', direction: 'descending' }}
        exportFrom={{ path: '/overview', query: { year }, label: `spend by ICB, ${year}` }}
      />
    </>
  );
}

/** Boundaries are fetched once per page load and registered with ECharts before the map is drawn. */
function IcbMap({ icbs }: { icbs: OverviewIcb[] }) {
  const boundaries = useIcbBoundaries();
  const option = useMemo(() => icbMapChart(icbs), [icbs]);
  if (boundaries.state === 'failed')
    return <Failed what="the ICB boundaries" error={boundaries.error} onRetry={boundaries.reload} />;
  if (boundaries.state !== 'ready') return <Loading what="the ICB map" />;
  const highest = [...icbs].sort((a, b) => (b.spendPerHead ?? 0) - (a.spendPerHead ?? 0))[0];
  return (
    <>
      <Chart
        option={option}
        variant="map"
        label={`Map of England's ICBs shaded by population-basis spend per head${highest ? `; highest is ${highest.name} at ${formatPoundsAndPence(highest.spendPerHead)}` : ''}. The table below gives every ICB's figure.`}
      />
      <p className="nhsuk-body-s">
        Darker blue means more specialised spend per registered patient: the scale runs from the lowest ICB's spend per
        head to the highest's. Every ICB's figure is in the table below (sort by "Spend per head").
      </p>
    </>
  );
}
