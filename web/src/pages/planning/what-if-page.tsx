// A scenario's service-change what-if: for a plan year, each changed service's providers before and after
// against the minimum annual volume, both bases and out-of-area shares by ICB, and the changed flows beside
// the baseline. The figures come from the API's one what-if answer (src/core/service-change).
import { MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import type {
  WhatIfAnswer,
  WhatIfFlowRow,
  WhatIfIcbRow,
  WhatIfProviderRow,
} from '../../../../src/core/service-change/what-if-shapes.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { providerVolumeChart } from '../../charts/provider-volume-chart.ts';
import { type IcbTravel, travelMapChart, travelScale } from '../../charts/travel-map-chart.ts';
import { useIcbBoundaries } from '../../charts/use-icb-boundaries.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { type Column, DataTable, ExportLinks } from '../../components/data-table.tsx';
import { FigureWithTable } from '../../components/figure-with-table.tsx';
import { providerPath } from '../../components/provider-link.tsx';
import { Async, Failed, Loading } from '../../components/states.tsx';
import { SummaryRow } from '../../components/summary-row.tsx';
import { YearSelect } from '../../components/year-select.tsx';
import { formatCount, formatPounds, formatShare, NOT_AVAILABLE, shortIcbName } from '../../format.ts';
import { Link, useLocation, useTitle } from '../../router.tsx';
import { useNarrowScreen } from '../../use-narrow-screen.ts';
import { scenarioPath, whatIfApiPath } from './planning-paths.ts';

// The minimum-volume line; registered here so pages without it do not carry it.
use([MarkLineComponent]);

export default function WhatIfPage({ name }: { name: string }) {
  useTitle(`What-if: ${name}`);
  const answer = useApi<WhatIfAnswer>(whatIfApiPath(name));
  return (
    <>
      <Breadcrumbs
        trail={[
          { href: '/planning', text: 'Financial planning' },
          { href: scenarioPath(name), text: name },
        ]}
      />
      <h1>Service change what-if: {name}</h1>
      <Async result={answer} what="the what-if">
        {(a) => <WhatIf answer={a} name={name} />}
      </Async>
    </>
  );
}

const change = (before: number, after: number, format: (n: number) => string) =>
  before === after ? format(after) : `${format(before)} → ${format(after)}`;

function WhatIf({ answer, name }: { answer: WhatIfAnswer; name: string }) {
  const { query } = useLocation();
  if (answer.changes.length === 0) {
    return (
      <p>
        This scenario has no service changes. Add <code>changes</code> to the scenario (see{' '}
        <code>docs/scenario.md</code>) to see what repatriating or consolidating a service would do.
      </p>
    );
  }
  const years = answer.years.map((y) => y.financialYear);
  const year = years.includes(query.get('year') ?? '') ? query.get('year')! : years[years.length - 1]!;
  const total = answer.years.find((y) => y.financialYear === year)!;
  const services = [...new Map(answer.changes.map((c) => [c.service, c.serviceName])).entries()];
  return (
    <>
      <h2>The changes</h2>
      <ol className="nhsuk-list nhsuk-list--number" data-testid="what-if-changes">
        {answer.changes.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the changes are listed in the scenario's order
          <li key={i}>{c.summary}</li>
        ))}
      </ol>
      <p className="nhsuk-body-s">
        Activity is held at base-year ({answer.baseYear}) levels in every year, so the difference is the service change
        alone. Dataset {answer.dataset}.
      </p>
      <div className="fp-filters">
        <YearSelect years={years} year={year} id="what-if-year" />
      </div>
      <ExportLinks
        path={whatIfApiPath(name)}
        query={{}}
        label={`the what-if for ${name}: changed flows, providers, ICBs and totals for every year`}
        formats={['xlsx']}
      />
      <dl className="nhsuk-summary-list" data-testid="what-if-totals">
        <SummaryRow
          label={`Spend on the changed services, baseline ${year}`}
          value={formatPounds(total.baselineSpend)}
        />
        <SummaryRow label={`With the changes ${year}`} value={formatPounds(total.spend)} />
        <SummaryRow
          label="Difference"
          value={total.difference === 0 ? 'None: the money moves between providers' : formatPounds(total.difference)}
        />
      </dl>
      {services.map(([code, serviceName]) => (
        <ServiceSection key={code} answer={answer} service={code} serviceName={serviceName} year={year} />
      ))}
      <h2>Changed flows, {year}</h2>
      <FlowTable rows={answer.rows.filter((r) => r.financialYear === year)} />
    </>
  );
}

function ServiceSection({
  answer,
  service,
  serviceName,
  year,
}: {
  answer: WhatIfAnswer;
  service: string;
  serviceName: string;
  year: string;
}) {
  const narrow = useNarrowScreen();
  const providers = answer.providers
    .filter((p) => p.financialYear === year && p.service === service && (p.baselinePatients > 0 || p.patients > 0))
    .sort((a, b) => b.patients + b.baselinePatients - (a.patients + a.baselinePatients));
  const icbs = useMemo(
    () => answer.icbs.filter((r) => r.financialYear === year && r.service === service),
    [answer, year, service],
  );
  const minimum = providers[0]?.minimumAnnualVolume ?? 0;
  const moves = (p: WhatIfProviderRow) => p.baselinePatients !== p.patients || p.baselineSpend !== p.spend;
  const changed = providers.filter(moves);
  // The providers the change touches first, then the largest of the rest for scale.
  const shown = [...changed, ...providers.filter((p) => !moves(p))].slice(0, Math.max(12, changed.length));
  return (
    <section>
      <h2>{serviceName}</h2>
      <FigureWithTable
        title={`${serviceName}: patients a year by provider, baseline and with the changes, ${year}${
          providers.length > shown.length
            ? ` (the ${changed.length} it changes and the largest others: ${shown.length} of ${providers.length})`
            : ''
        }`}
        chart={
          <Chart
            option={providerVolumeChart(
              shown.map((p) => ({ label: p.providerName, baseline: p.baselinePatients, whatIf: p.patients })),
              minimum,
              narrow,
            )}
            label={`Patients by provider for ${serviceName} before and after the change, against a minimum of ${minimum} a year`}
          />
        }
      />
      <ProviderTable rows={changed} total={providers.length} serviceName={serviceName} />
      <TravelMaps rows={icbs} serviceName={serviceName} year={year} />
      <IcbTable rows={icbs} serviceName={serviceName} />
    </section>
  );
}

const km = (n: number | null) =>
  n === null ? NOT_AVAILABLE : `${n.toLocaleString('en-GB', { maximumFractionDigits: 1 })} km`;

/** Where each ICB's residents are treated, baseline beside what-if: mean km travelled, on one scale. */
function TravelMaps({ rows, serviceName, year }: { rows: WhatIfIcbRow[]; serviceName: string; year: string }) {
  const boundaries = useIcbBoundaries();
  const located = useMemo(() => rows.filter((r) => r.icb !== 'UNALLOCATED'), [rows]);
  const sides = useMemo(() => {
    const before: IcbTravel[] = located.map((r) => ({ code: r.icb, name: r.icbName, km: r.baselineMeanDistanceKm }));
    const after: IcbTravel[] = located.map((r) => ({ code: r.icb, name: r.icbName, km: r.meanDistanceKm }));
    const max = travelScale(before, after);
    return { before: travelMapChart(before, max), after: travelMapChart(after, max), max };
  }, [located]);
  if (boundaries.state === 'failed')
    return <Failed what="the ICB boundaries" error={boundaries.error} onRetry={boundaries.reload} />;
  if (boundaries.state !== 'ready') return <Loading what="the map of travel" />;
  const furthest = (pick: (r: WhatIfIcbRow) => number | null) =>
    [...located].sort((a, b) => (pick(b) ?? -1) - (pick(a) ?? -1))[0];
  const describe = (pick: (r: WhatIfIcbRow) => number | null, when: string) => {
    const top = furthest(pick);
    return `Map of England's ICBs shaded by how far residents travel for ${serviceName}, ${when}, ${year}, from 0 to ${sides.max} km${
      top && pick(top) !== null ? `; furthest is ${shortIcbName(top.icbName)} at ${km(pick(top))}` : ''
    }. The table below gives every ICB's figure.`;
  };
  return (
    <>
      <h3>
        {serviceName}: how far residents travel, {year}
      </h3>
      <div className="nhsuk-grid-row" data-testid="travel-maps">
        <div className="nhsuk-grid-column-one-half">
          <h4>Baseline</h4>
          <Chart option={sides.before} variant="map" label={describe((r) => r.baselineMeanDistanceKm, 'baseline')} />
        </div>
        <div className="nhsuk-grid-column-one-half">
          <h4>With the changes</h4>
          <Chart option={sides.after} variant="map" label={describe((r) => r.meanDistanceKm, 'with the changes')} />
        </div>
      </div>
      <p className="nhsuk-body-s">
        Each ICB is shaded by its residents' mean distance to where they are treated for the service: the km from the
        ICB's centre (its GP practices weighted by registered population) to each provider, weighted by activity. Both
        maps share one scale; grey means the ICB has no activity for the service at a located provider.
      </p>
    </>
  );
}

function ProviderTable({
  rows,
  total,
  serviceName,
}: {
  rows: WhatIfProviderRow[];
  total: number;
  serviceName: string;
}) {
  const columns: Column<WhatIfProviderRow>[] = [
    {
      key: 'provider',
      header: 'Provider',
      rowHeader: true,
      value: (r) => r.providerName,
      render: (r) => <Link href={providerPath(r.provider)}>{r.providerName}</Link>,
    },
    {
      key: 'patients',
      header: 'Patients a year',
      numeric: true,
      value: (r) => r.patients,
      render: (r) => change(Math.round(r.baselinePatients), Math.round(r.patients), formatCount),
    },
    {
      key: 'minimum',
      header: 'Against the minimum',
      value: (r) => (r.patients === 0 ? 'none' : r.occasional ? 'below' : 'at or above'),
      render: (r) =>
        r.patients === 0
          ? r.baselinePatients > 0
            ? 'No longer provides it'
            : 'None'
          : r.occasional
            ? `Below ${r.minimumAnnualVolume} (occasional practice)`
            : `At or above ${r.minimumAnnualVolume}`,
    },
    {
      key: 'cv',
      header: 'Caseload variation',
      numeric: true,
      value: (r) => r.caseloadCv,
      render: (r) =>
        r.baselineCaseloadCv === r.caseloadCv
          ? formatShare(r.caseloadCv)
          : `${formatShare(r.baselineCaseloadCv)} → ${r.caseloadCv === null ? NOT_AVAILABLE : formatShare(r.caseloadCv)}`,
    },
    {
      key: 'spend',
      header: 'Income',
      numeric: true,
      value: (r) => r.spend,
      render: (r) => change(r.baselineSpend, r.spend, formatPounds),
    },
  ];
  return (
    <DataTable
      caption={`${serviceName}: providers whose volume or income changes (${rows.length} of ${total}), baseline → with the changes`}
      rows={rows}
      columns={columns}
      rowKey={(r) => r.provider}
      empty={<p>No provider’s volume changes this year.</p>}
    />
  );
}

function IcbTable({ rows, serviceName }: { rows: WhatIfIcbRow[]; serviceName: string }) {
  const changed = rows.filter(
    (r) =>
      r.baselineProviderBasisSpend !== r.providerBasisSpend ||
      r.baselinePopulationBasisSpend !== r.populationBasisSpend ||
      r.baselineOutOfAreaShare !== r.outOfAreaShare ||
      r.baselineOccasionalPracticeShare !== r.occasionalPracticeShare ||
      r.baselineMeanDistanceKm !== r.meanDistanceKm,
  );
  const columns: Column<WhatIfIcbRow>[] = [
    { key: 'icb', header: 'ICB', rowHeader: true, value: (r) => shortIcbName(r.icbName) },
    {
      key: 'provider',
      header: 'Provider basis',
      numeric: true,
      value: (r) => r.providerBasisSpend,
      render: (r) => change(r.baselineProviderBasisSpend, r.providerBasisSpend, formatPounds),
    },
    {
      key: 'population',
      header: 'Population basis',
      numeric: true,
      value: (r) => r.populationBasisSpend,
      render: (r) => change(r.baselinePopulationBasisSpend, r.populationBasisSpend, formatPounds),
    },
    {
      key: 'outOfArea',
      header: 'Out-of-area share',
      numeric: true,
      value: (r) => r.outOfAreaShare,
      render: (r) =>
        r.baselineOutOfAreaShare === r.outOfAreaShare
          ? formatShare(r.outOfAreaShare)
          : `${formatShare(r.baselineOutOfAreaShare)} → ${formatShare(r.outOfAreaShare)}`,
    },
    {
      key: 'travel',
      header: 'Mean travel',
      numeric: true,
      value: (r) => r.meanDistanceKm,
      render: (r) =>
        r.baselineMeanDistanceKm === r.meanDistanceKm
          ? km(r.meanDistanceKm)
          : `${km(r.baselineMeanDistanceKm)} → ${km(r.meanDistanceKm)}`,
    },
    {
      key: 'occasional',
      header: 'Treated where practice is occasional',
      numeric: true,
      value: (r) => r.occasionalPracticeShare,
      render: (r) => change(r.baselineOccasionalPracticeShare, r.occasionalPracticeShare, formatShare),
    },
  ];
  return (
    <DataTable
      caption={`${serviceName}: ICBs whose figures change (${changed.length} of ${rows.length})`}
      rows={changed}
      columns={columns}
      rowKey={(r) => r.icb}
      empty={<p>No ICB’s figures change this year.</p>}
    />
  );
}

function FlowTable({ rows }: { rows: WhatIfFlowRow[] }) {
  const columns: Column<WhatIfFlowRow>[] = [
    {
      key: 'provider',
      header: 'Provider',
      rowHeader: true,
      value: (r) => r.providerName,
      render: (r) => <Link href={providerPath(r.provider)}>{r.providerName}</Link>,
    },
    { key: 'residentIcb', header: 'Residents of', value: (r) => shortIcbName(r.residentIcbName) },
    { key: 'service', header: 'Service', value: (r) => r.serviceName },
    {
      key: 'activity',
      header: 'Activity',
      numeric: true,
      value: (r) => r.activity,
      render: (r) => change(Math.round(r.baselineActivity), Math.round(r.activity), formatCount),
    },
    {
      key: 'spend',
      header: 'Spend',
      numeric: true,
      value: (r) => r.spend,
      render: (r) => change(r.baselineSpend, r.spend, formatPounds),
    },
  ];
  return (
    <DataTable
      caption="Flows that change, baseline → with the changes"
      rows={rows}
      columns={columns}
      rowKey={(r) => `${r.service}|${r.provider}|${r.residentIcb}`}
      empty={<p>Nothing moves this year: the changes start later.</p>}
    />
  );
}
