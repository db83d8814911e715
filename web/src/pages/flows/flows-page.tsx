// Resident ICB × provider flows for a service, year and footprint: a Sankey of the largest flows, the
// share of spend crossing an ICB boundary, and the full matrix as a table.
import { useMemo, useState } from 'react';
import type { FlowRow, Flows } from '../../../../src/core/flows/flows-answer.ts';
import type { Footprints } from '../../../../src/core/footprints/footprints-answer.ts';
import type { ServiceCatalogue } from '../../../../src/core/services/service-answers.ts';
import { useApi } from '../../api/use-api.ts';
import { useOverviewForFilters } from '../../api/use-years.ts';
import { Chart } from '../../charts/chart.tsx';
import { DEFAULT_FLOW_LIMIT, flowSankeyChart } from '../../charts/flow-sankey-chart.ts';
import { footprintGroups, serviceGroups } from '../../components/choice-groups.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { FigureWithTable } from '../../components/figure-with-table.tsx';
import { GroupedSelect } from '../../components/grouped-select.tsx';
import { HowCalculated } from '../../components/how-calculated.tsx';
import { ProviderLink } from '../../components/provider-link.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { SummaryRow } from '../../components/summary-row.tsx';
import { formatCount, formatPounds, formatShare, shortIcbName } from '../../format.ts';
import { setQuery, useLocation, useTitle } from '../../router.tsx';
import { useNarrowScreen } from '../../use-narrow-screen.ts';

/** Rows drawn in the table before "Show all"; thousands of DOM rows make the page slow to use. */
const FIRST_ROWS = 100;

// Key columns first: whose patients, where they are treated and what it costs; the provider's ICB after.
const COLUMNS: Column<FlowRow>[] = [
  {
    key: 'resident',
    header: 'Patients registered in',
    rowHeader: true,
    value: (r) => r.residentIcbName,
    render: (r) => shortIcbName(r.residentIcbName),
  },
  {
    key: 'provider',
    header: 'Provider',
    value: (r) => `${r.providerName} (${r.provider})`,
    render: (r) => <ProviderLink code={r.provider} name={r.providerName} />,
  },
  { key: 'spend', header: 'Spend', numeric: true, value: (r) => r.spend, render: (r) => formatPounds(r.spend) },
  {
    key: 'activity',
    header: 'Activity',
    numeric: true,
    value: (r) => r.activity,
    render: (r) => formatCount(r.activity),
  },
  {
    key: 'providerIcb',
    header: 'Provider ICB',
    value: (r) => r.providerIcbName,
    render: (r) => shortIcbName(r.providerIcbName),
  },
  {
    key: 'crosses',
    header: 'Outside own ICB',
    value: (r) => (r.providerIcb === r.residentIcb ? 'No' : 'Yes'),
  },
];

export default function FlowsPage() {
  useTitle('Patient flows');
  const { query } = useLocation();
  const service = query.get('service') ?? '';
  const year = query.get('year') ?? '';
  const footprint = query.get('footprint') ?? '';
  const filters = { service: service || undefined, year: year || undefined, footprint: footprint || undefined };
  const flows = useApi<Flows>('/flows', filters);
  return (
    <>
      <h1>Patient flows</h1>
      <p className="nhsuk-lede-text">
        Where each ICB's patients are treated: spend from resident ICB to provider, and how much of it crosses an ICB
        boundary.
      </p>
      <FlowFilters service={service} year={year} footprint={footprint} />
      <Async result={flows} what="patient flows">
        {(data) => <FlowView data={data} filters={filters} />}
      </Async>
    </>
  );
}

function FlowFilters({ service, year, footprint }: { service: string; year: string; footprint: string }) {
  const overview = useOverviewForFilters();
  const services = useApi<ServiceCatalogue>('/services');
  const footprints = useApi<Footprints>('/footprints');
  const years = overview.state === 'ready' ? overview.data.years : [];
  return (
    <search className="fp-filters" aria-label="Filter flows">
      <GroupedSelect
        id="flow-service"
        label="Service"
        searchLabel="Search services"
        value={service}
        onChange={(v) => setQuery({ service: v })}
        everything={{ value: '', label: 'All services' }}
        groups={services.state === 'ready' ? serviceGroups(services.data.rows) : []}
      />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="flow-year">
          Financial year
        </label>
        <select
          className="nhsuk-select"
          id="flow-year"
          value={year}
          onChange={(e) => setQuery({ year: e.target.value })}
        >
          <option value="">Latest</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <GroupedSelect
        id="flow-footprint"
        label="Footprint"
        searchLabel="Search footprints"
        value={footprint}
        onChange={(v) => setQuery({ footprint: v })}
        everything={{ value: '', label: 'All of England' }}
        groups={footprints.state === 'ready' ? footprintGroups(footprints.data.rows) : []}
      />
    </search>
  );
}

function FlowView({ data, filters }: { data: Flows; filters: Record<string, string | undefined> }) {
  const [showAll, setShowAll] = useState(false);
  const narrow = useNarrowScreen();
  const sankey = useMemo(() => flowSankeyChart(data.rows, { labelWidth: narrow ? 90 : 200 }), [data.rows, narrow]);
  const byspend = useMemo(() => [...data.rows].sort((a, b) => b.spend - a.spend), [data.rows]);
  if (data.rows.length === 0) {
    return (
      <Empty title="No flows for these filters">
        <p>No activity matches this service, year and footprint. Choose another service or "All of England".</p>
      </Empty>
    );
  }
  const total = data.rows.reduce((sum, r) => sum + r.spend, 0);
  const shown = showAll ? byspend : byspend.slice(0, FIRST_ROWS);
  return (
    <>
      <dl className="nhsuk-summary-list">
        <SummaryRow
          label="Spend crossing an ICB boundary"
          value={formatShare(data.crossBoundaryShare)}
          testId="cross-boundary-share"
        />
        <SummaryRow label="Total spend in these flows" value={formatPounds(total)} />
        <SummaryRow label="Resident ICB to provider flows" value={formatCount(data.rows.length)} />
      </dl>
      <HowCalculated provenance={data.provenance} />
      <FigureWithTable
        title={`The ${Math.min(DEFAULT_FLOW_LIMIT, data.rows.length)} largest flows by spend (yellow bands cross an ICB boundary)`}
        chart={
          <Chart
            option={sankey}
            variant="tall"
            label={`Sankey diagram of the largest patient flows from resident ICBs to providers; ${formatShare(data.crossBoundaryShare)} of spend crosses an ICB boundary.`}
          />
        }
      />
      <DataTable
        caption={`Flows from resident ICB to provider${showAll ? '' : `, largest ${shown.length} of ${data.rows.length}`}`}
        rows={shown}
        rowKey={(r) => `${r.residentIcb}>${r.provider}`}
        columns={COLUMNS}
        initialSort={{ key: 'spend', direction: 'descending' }}
        exportFrom={{ path: '/flows', query: filters, label: `all ${data.rows.length} flows for these filters` }}
      />
      {!showAll && data.rows.length > FIRST_ROWS && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setShowAll(true)}>
          Show all {formatCount(data.rows.length)} flows
        </button>
      )}
    </>
  );
}
