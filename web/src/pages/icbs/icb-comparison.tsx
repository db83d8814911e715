// An ICB beside England, its region and similar ICBs (chosen by population and need, as Model Health
// System draws peer groups): spend per head over every year, and the chosen year's figures in a table. The
// service page draws the same comparison for one service (`on`).
import { useMemo } from 'react';
import type { IcbComparison } from '../../../../src/core/peers/similar-icbs.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { comparisonTrendChart } from '../../charts/comparison-trend-chart.ts';
import { DataTable } from '../../components/data-table.tsx';
import { FigureWithTable } from '../../components/figure-with-table.tsx';
import { Async } from '../../components/states.tsx';
import { formatCount, formatPoundsAndPence, shortIcbName } from '../../format.ts';
import { Link } from '../../router.tsx';
import { useNarrowScreen } from '../../use-narrow-screen.ts';

export function useIcbComparison(code: string) {
  return useApi<IcbComparison>(`/icbs/${encodeURIComponent(code)}/comparison`);
}

export function IcbComparisonView({ result, year }: { result: ReturnType<typeof useIcbComparison>; year: string }) {
  return (
    <Async result={result} what="the comparison with England, the region and similar ICBs">
      {(data) => <IcbComparisonFigures data={data} year={year} />}
    </Async>
  );
}

export function IcbComparisonFigures({
  data,
  year,
  on = 'specialised care',
}: {
  data: IcbComparison;
  year: string;
  /** What the spend is on, as the sentence reads it. */
  on?: string;
}) {
  const narrow = useNarrowScreen();
  const own = shortIcbName(data.icb.name);
  const lines = useMemo(
    () => [
      { name: own, values: data.years.map((y) => y.icb) },
      { name: `${data.region.name} region`, values: data.years.map((y) => y.region) },
      { name: 'Similar ICBs', values: data.years.map((y) => y.peers) },
      { name: 'England', values: data.years.map((y) => y.england) },
    ],
    [data, own],
  );
  const option = useMemo(
    () =>
      comparisonTrendChart(
        data.years.map((y) => y.financialYear),
        lines,
        { narrow },
      ),
    [data.years, lines, narrow],
  );
  const chosen = data.years.find((y) => y.financialYear === year);
  return (
    <>
      {chosen && (
        <p className="nhsuk-body" data-testid="comparison-sentence">
          In {year} {own} spent {formatPoundsAndPence(chosen.icb)} a head on {on}, against{' '}
          {formatPoundsAndPence(chosen.region)} in its region, {formatPoundsAndPence(chosen.peers)} in similar ICBs and{' '}
          {formatPoundsAndPence(chosen.england)} in England.
        </p>
      )}
      <FigureWithTable
        title={`Population-basis spend per head on ${on} by financial year, £`}
        chart={
          <Chart
            option={option}
            label={`Line chart of spend per head by year for ${own}, its region, similar ICBs and England. The table below gives every figure.`}
          />
        }
      />
      <DataTable
        caption={`Spend per head by year: ${own}, ${data.region.name}, similar ICBs and England`}
        rows={data.years}
        rowKey={(r) => r.financialYear}
        stackOnNarrow
        columns={[
          { key: 'year', header: 'Financial year', rowHeader: true, value: (r) => r.financialYear },
          {
            key: 'icb',
            header: own,
            numeric: true,
            value: (r) => r.icb,
            render: (r) => formatPoundsAndPence(r.icb),
          },
          {
            key: 'region',
            header: `${data.region.name} region`,
            numeric: true,
            value: (r) => r.region,
            render: (r) => formatPoundsAndPence(r.region),
          },
          {
            key: 'peers',
            header: 'Similar ICBs',
            numeric: true,
            value: (r) => r.peers,
            render: (r) => formatPoundsAndPence(r.peers),
          },
          {
            key: 'england',
            header: 'England',
            numeric: true,
            value: (r) => r.england,
            render: (r) => formatPoundsAndPence(r.england),
          },
        ]}
      />
      <h3>Similar ICBs</h3>
      <p className="nhsuk-body-s" data-testid="peer-method">
        {data.peerMethod} Need is from the {data.needYear ?? 'latest'} weighted populations; {own} has{' '}
        {formatCount(data.icb.population)} registered patients
        {data.icb.needIndex !== null ? ` and a need of ${data.icb.needIndex.toFixed(3)} per head` : ''}.
      </p>
      {data.peers.length === 0 ? (
        <p className="nhsuk-body">No similar ICBs: the workspace holds no weighted populations to measure need by.</p>
      ) : (
        <DataTable
          caption={`The ICBs most like ${own}`}
          rows={data.peers}
          rowKey={(r) => r.code}
          columns={[
            {
              key: 'name',
              header: 'ICB',
              rowHeader: true,
              value: (r) => r.name,
              render: (r) => <Link href={`/icb/${encodeURIComponent(r.code)}`}>{shortIcbName(r.name)}</Link>,
            },
            {
              key: 'population',
              header: 'Registered population',
              numeric: true,
              value: (r) => r.population,
              render: (r) => formatCount(r.population),
            },
            {
              key: 'need',
              header: 'Need per head',
              numeric: true,
              value: (r) => r.needIndex,
              render: (r) => r.needIndex.toFixed(3),
            },
          ]}
        />
      )}
    </>
  );
}
