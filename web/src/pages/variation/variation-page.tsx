// The atlas of variation for one service, measure and year: every ICB on a funnel plot against England and
// on a map by where it sits, how the spread across ICBs has moved year on year, and the rates with their
// confidence intervals in a table that exports to Excel.
import { useMemo } from 'react';
import type { ServiceCatalogue } from '../../../../src/core/services/service-answers.ts';
import type { AtlasAnswer, AtlasRateRow } from '../../../../src/core/variation/atlas-rows.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { funnelPlotChart } from '../../charts/funnel-plot-chart.ts';
import { outlierMapChart } from '../../charts/outlier-map-chart.ts';
import { useIcbBoundaries } from '../../charts/use-icb-boundaries.ts';
import { variationOverTimeChart } from '../../charts/variation-over-time-chart.ts';
import { serviceGroups } from '../../components/choice-groups.ts';
import { type Column, DataTable, ExportLinks } from '../../components/data-table.tsx';
import { FigureWithTable } from '../../components/figure-with-table.tsx';
import { GroupedSelect } from '../../components/grouped-select.tsx';
import { HowCalculated } from '../../components/how-calculated.tsx';
import { Async, Empty, Failed, Loading } from '../../components/states.tsx';
import { formatCount, shortIcbName } from '../../format.ts';
import { Link, setQuery, useLocation, useTitle } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { useNarrowScreen } from '../../use-narrow-screen.ts';
import { formatChange, formatInterval, formatRate, significanceWords } from './variation-format.ts';

export default function VariationPage() {
  useTitle('Atlas of variation');
  const { query } = useLocation();
  const asked = {
    service: query.get('service') ?? undefined,
    measure: query.get('measure') ?? undefined,
    year: query.get('year') ?? undefined,
  };
  const atlas = useApi<AtlasAnswer>('/variation', asked);
  return (
    <>
      <h1>Atlas of variation</h1>
      <p className="nhsuk-lede-text">
        How much each ICB's population uses a specialised service, after allowing for its age and sex, compared with
        England and with similar ICBs, and whether the variation between ICBs is narrowing year on year.
      </p>
      <Async result={atlas} what="the atlas of variation">
        {(data) => <AtlasView data={data} />}
      </Async>
    </>
  );
}

function Filters({ data }: { data: AtlasAnswer }) {
  // The atlas names its services; the catalogue says which programme of care each is in.
  const catalogue = useApi<ServiceCatalogue>('/services');
  const groups = useMemo(() => {
    const programme = new Map(
      catalogue.state === 'ready' ? catalogue.data.rows.map((r) => [r.code, r.programme] as const) : [],
    );
    return serviceGroups(data.choices.services.map((s) => ({ ...s, programme: programme.get(s.code) ?? null })));
  }, [catalogue, data.choices.services]);
  return (
    <div className="fp-filters">
      <GroupedSelect
        id="service"
        label="Service"
        searchLabel="Search services"
        value={data.service.code}
        onChange={(v) => setQuery({ service: v })}
        groups={groups}
      />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="measure">
          Measure
        </label>
        <select
          className="nhsuk-select"
          id="measure"
          value={data.measure}
          onChange={(e) => setQuery({ measure: e.target.value })}
        >
          {data.choices.measures.map((m) => (
            <option key={m.code} value={m.code}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="year">
          Financial year
        </label>
        <select
          className="nhsuk-select"
          id="year"
          value={data.year}
          onChange={(e) => setQuery({ year: e.target.value })}
        >
          {data.choices.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function rateColumns(measure: string): Column<AtlasRateRow>[] {
  const counts = measure !== 'spend';
  return [
    {
      key: 'icb',
      header: 'ICB',
      rowHeader: true,
      value: (r) => shortIcbName(r.icbName),
      render: (r) => <Link href={`/variation/icb/${encodeURIComponent(r.icbCode)}`}>{shortIcbName(r.icbName)}</Link>,
    },
    {
      key: 'events',
      header: counts ? 'Events' : 'Spend (£)',
      numeric: true,
      value: (r) => r.events,
      render: (r) => formatCount(r.events),
    },
    {
      key: 'crude',
      header: 'Crude rate',
      numeric: true,
      value: (r) => r.crudeRate,
      render: (r) => formatRate(r.crudeRate, measure),
    },
    {
      key: 'standardised',
      header: 'Standardised rate',
      numeric: true,
      value: (r) => r.standardisedRate,
      render: (r) => formatRate(r.standardisedRate, measure),
    },
    ...(counts
      ? [
          {
            key: 'ci95',
            header: '95% interval',
            value: (r: AtlasRateRow) => r.standardisedLower95,
            render: (r: AtlasRateRow) => formatInterval(r.standardisedLower95, r.standardisedUpper95),
          },
          {
            key: 'significance',
            header: 'Against England',
            value: (r: AtlasRateRow) => significanceWords(r.significance),
          },
          {
            key: 'overdispersed',
            header: 'Allowing for overdispersion',
            value: (r: AtlasRateRow) => significanceWords(r.significanceOverdispersed),
          },
        ]
      : []),
    {
      key: 'change',
      header: 'Change on last year',
      numeric: true,
      value: (r) => r.changeSincePrevious,
      render: (r) => formatChange(r.changeSincePrevious, measure),
    },
    {
      key: 'peers',
      header: 'Peer mean',
      numeric: true,
      value: (r) => r.peerMeanRate,
      render: (r) => formatRate(r.peerMeanRate, measure),
    },
  ];
}

function AtlasView({ data }: { data: AtlasAnswer }) {
  const { session } = useSession();
  const narrow = useNarrowScreen();
  const { measure } = data;
  const counts = measure !== 'spend';
  const current = data.overTime.find((v) => v.financialYear === data.year);
  const funnel = useMemo(
    () =>
      funnelPlotChart(
        data.rates.flatMap((r) =>
          r.funnelPopulation === null || r.standardisedRate === null || r.significance === null
            ? []
            : [
                {
                  name: shortIcbName(r.icbName),
                  population: r.funnelPopulation,
                  rate: r.standardisedRate,
                  significance: r.significance,
                },
              ],
        ),
        {
          lower95: data.funnel.map((f) => ({ population: f.lower95Population, rate: f.lower95Rate })),
          upper95: data.funnel.map((f) => ({ population: f.upper95Population, rate: f.upper95Rate })),
          lower998: data.funnel.map((f) => ({ population: f.lower998Population, rate: f.lower998Rate })),
          upper998: data.funnel.map((f) => ({ population: f.upper998Population, rate: f.upper998Rate })),
        },
        current?.funnelBaseline ?? 0,
        'per 100,000',
        { narrow },
      ),
    [data, current, narrow],
  );
  const overTime = useMemo(
    () => variationOverTimeChart(data.overTime, counts ? 'per 100,000' : '£ per head', { narrow }),
    [data.overTime, counts, narrow],
  );
  const ownIcb = session?.user.organisation.type === 'icb' ? session.user.organisation : null;
  const exportQuery = { service: data.service.code, measure, year: data.year };
  return (
    <>
      <Filters data={data} />
      {ownIcb && (
        <p>
          <Link href={`/variation/icb/${encodeURIComponent(ownIcb.code)}?year=${encodeURIComponent(data.year)}`}>
            Where is {ownIcb.name} an outlier?
          </Link>
        </p>
      )}
      <h2>
        {data.service.name}: {data.measureLabel.toLowerCase()}, {data.year}
      </h2>
      {current && (
        <p>
          England {formatRate(current.englandCrudeRate, measure)} (crude).{' '}
          {counts &&
            `${current.high998 + current.high95} ICBs are above England's funnel limits (${current.high998} beyond 99.8%) and ${current.low998 + current.low95} below (${current.low998} beyond 99.8%). `}
          Across ICBs the standardised rates vary with a coefficient of variation of{' '}
          {current.cv === null ? 'not available' : `${(current.cv * 100).toFixed(1)}%`}
          {current.narrowing === null
            ? '.'
            : current.narrowing
              ? ', narrower than last year.'
              : ', wider than last year.'}
        </p>
      )}
      <ExportLinks
        path="/variation"
        query={exportQuery}
        label={`${data.service.name} atlas, ${data.year}`}
        formats={['xlsx']}
      />
      <HowCalculated provenance={data.provenance} />
      {counts && data.funnel.length > 0 ? (
        <FigureWithTable
          title={`Funnel plot: standardised rate per 100,000 against England, ${data.year}`}
          chart={
            <Chart
              option={funnel}
              variant="tall"
              label={`Funnel plot of each ICB's age and sex standardised ${measure} rate for ${data.service.name} against England's, with 95% and 99.8% limits. The table below names every ICB and whether it is above or below the limits.`}
            />
          }
        />
      ) : (
        counts && (
          <Empty title="No funnel plot">
            <p>No ICB has 10 or more events for this service and year, so no standardised rate can be compared.</p>
          </Empty>
        )
      )}
      {counts && <OutlierMap rates={data.rates} />}
      <h2>Is variation narrowing?</h2>
      <FigureWithTable
        title={`Spread of standardised rates across ICBs by year: ${data.service.name}`}
        chart={
          <Chart
            option={overTime}
            label={`Line chart of the coefficient of variation and the interquartile range of ICBs' standardised rates in each year for ${data.service.name}.`}
          />
        }
        table={
          <DataTable
            caption="Spread across ICBs by year"
            rows={data.overTime}
            rowKey={(v) => v.financialYear}
            columns={[
              { key: 'year', header: 'Year', rowHeader: true, value: (v) => v.financialYear },
              {
                key: 'cv',
                header: 'Coefficient of variation',
                numeric: true,
                value: (v) => v.cv,
                render: (v) => (v.cv === null ? '' : `${(v.cv * 100).toFixed(1)}%`),
              },
              {
                key: 'iqr',
                header: 'Interquartile range',
                numeric: true,
                value: (v) => v.iqr,
                render: (v) => formatRate(v.iqr, measure),
              },
              {
                key: 'narrowing',
                header: 'Narrowing',
                value: (v) => (v.narrowing === null ? 'First year' : v.narrowing ? 'Yes' : 'No'),
              },
            ]}
          />
        }
      />
      <DataTable
        caption={`${data.service.name}: ${data.measureLabel.toLowerCase()} by ICB, ${data.year}`}
        rows={data.rates}
        rowKey={(r) => r.icbCode}
        initialSort={{ key: 'standardised', direction: 'descending' }}
        exportFrom={{
          path: '/variation',
          query: exportQuery,
          label: `${data.service.name} rates by ICB`,
          formats: ['csv'],
        }}
        columns={rateColumns(measure)}
      />
    </>
  );
}

function OutlierMap({ rates }: { rates: AtlasRateRow[] }) {
  const boundaries = useIcbBoundaries();
  const option = useMemo(
    () => outlierMapChart(rates.map((r) => ({ code: r.icbCode, name: r.icbName, significance: r.significance }))),
    [rates],
  );
  if (boundaries.state === 'failed')
    return <Failed what="the ICB boundaries" error={boundaries.error} onRetry={boundaries.reload} />;
  if (boundaries.state !== 'ready') return <Loading what="the ICB map" />;
  return (
    <FigureWithTable
      title="Map: where each ICB sits against England"
      chart={
        <Chart
          option={option}
          variant="map"
          label="Map of England's ICBs coloured by whether each is above, within or below England's funnel limits. The table below gives every ICB's label."
        />
      }
    />
  );
}
