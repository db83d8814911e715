// A service over every year the run holds: England's spend per head as a line, and the spend, spend per
// head and change on the year before in a table; with an ICB chosen, that ICB's spend per head on the
// service beside its region, similar ICBs and England (the ICB page's comparison, for one service).
import { useMemo } from 'react';
import type { ServiceTrend } from '../../../../src/core/services/service-trend.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { comparisonTrendChart } from '../../charts/comparison-trend-chart.ts';
import { DataTable } from '../../components/data-table.tsx';
import { FigureWithTable } from '../../components/figure-with-table.tsx';
import { Async } from '../../components/states.tsx';
import { formatPounds, formatPoundsAndPence, formatShare } from '../../format.ts';
import { useNarrowScreen } from '../../use-narrow-screen.ts';
import { IcbComparisonFigures } from '../icbs/icb-comparison.tsx';

export function useServiceTrend(code: string, icb: string) {
  return useApi<ServiceTrend>(`/services/${encodeURIComponent(code)}/trend`, { icb: icb || undefined });
}

export function ServiceTrendView({ result, year }: { result: ReturnType<typeof useServiceTrend>; year: string }) {
  return (
    <Async result={result} what="the service's trend over the years">
      {(data) => (
        <>
          <Trend data={data} />
          <h2>Compared with an ICB's region and similar ICBs</h2>
          {data.comparison ? (
            <IcbComparisonFigures data={data.comparison} year={year} on={data.service.name} />
          ) : (
            <p className="nhsuk-body" data-testid="choose-icb-to-compare">
              Choose an ICB above (“Compare an ICB”) to set its spend per head on this service beside its region, the
              ICBs most like it in size and need, and England.
            </p>
          )}
        </>
      )}
    </Async>
  );
}

function Trend({ data }: { data: ServiceTrend }) {
  const narrow = useNarrowScreen();
  const option = useMemo(
    () =>
      comparisonTrendChart(
        data.years.map((y) => y.financialYear),
        [{ name: 'England', values: data.years.map((y) => y.perHead) }],
        { narrow },
      ),
    [data.years, narrow],
  );
  return (
    <>
      <FigureWithTable
        title={`${data.service.name}: England spend per registered patient by financial year, £`}
        chart={
          <Chart
            option={option}
            label={`Line chart of ${data.service.name} spend per head in England by year. The table below gives every figure.`}
          />
        }
      />
      <DataTable
        caption={`${data.service.name}: England spend by year`}
        rows={data.years}
        rowKey={(r) => r.financialYear}
        stackOnNarrow
        columns={[
          { key: 'year', header: 'Financial year', rowHeader: true, value: (r) => r.financialYear },
          {
            key: 'perHead',
            header: 'Spend per head',
            numeric: true,
            value: (r) => r.perHead,
            render: (r) => formatPoundsAndPence(r.perHead),
          },
          {
            key: 'spend',
            header: 'Population-basis spend',
            numeric: true,
            value: (r) => r.spend,
            render: (r) => formatPounds(r.spend),
          },
          {
            key: 'change',
            header: 'Change on the year before',
            numeric: true,
            value: (r) => r.change,
            render: (r) => (r.change === null ? 'First year' : `${r.change >= 0 ? '+' : ''}${formatShare(r.change)}`),
          },
        ]}
      />
    </>
  );
}
