// The clinical networks register: the nationally mandated specialised network types and the networks
// recorded (shipped South London ICS/APC networks and any users added), and for a chosen network its
// footprint on the map and the flows its member providers carry.
import { useMemo } from 'react';
import type {
  ClinicalNetwork,
  NetworkAnswer,
  NetworkFlow,
  NetworksAnswer,
} from '../../../../src/core/networks/network-answers.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { networkFootprintMapChart } from '../../charts/network-footprint-map-chart.ts';
import { useIcbBoundaries } from '../../charts/use-icb-boundaries.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { HowCalculated } from '../../components/how-calculated.tsx';
import { Async, Empty, Failed, Loading } from '../../components/states.tsx';
import { formatCount, formatPounds, shortIcbName } from '../../format.ts';
import { Link, useLocation, useTitle } from '../../router.tsx';
import { PlacesNav } from './places-nav.tsx';

const networkHref = (name: string) => `/places/networks?network=${encodeURIComponent(name)}`;

/** ICB codes to short names, from the boundaries the footprint map draws (the code while they load). */
function useIcbNames(): (code: string) => string {
  const boundaries = useIcbBoundaries();
  return useMemo(() => {
    const names = new Map(
      boundaries.state === 'ready' ? boundaries.data.features.map((f) => [f.properties.code, f.properties.name]) : [],
    );
    return (code: string) => {
      const name = names.get(code);
      return name ? shortIcbName(name) : code;
    };
  }, [boundaries]);
}

const registerColumns = (icbName: (code: string) => string): Column<ClinicalNetwork>[] => [
  {
    key: 'name',
    header: 'Network',
    rowHeader: true,
    value: (r) => r.name,
    render: (r) => <Link href={networkHref(r.name)}>{r.name}</Link>,
  },
  { key: 'type', header: 'Type', value: (r) => r.typeName },
  { key: 'host', header: 'Host', value: (r) => r.host ?? 'Not recorded' },
  { key: 'icbs', header: 'Footprint ICBs', value: (r) => r.icbs.map(icbName).join(', ') },
  { key: 'providers', header: 'Member providers', numeric: true, value: (r) => r.providers.length },
  { key: 'origin', header: 'Recorded by', value: (r) => (r.shipped ? 'Shipped' : (r.owner ?? 'User')) },
];

const flowColumns: Column<NetworkFlow>[] = [
  { key: 'provider', header: 'Provider', rowHeader: true, value: (r) => `${r.providerName} (${r.providerCode})` },
  { key: 'providerIcb', header: 'Provider ICB', value: (r) => shortIcbName(r.providerIcbName) },
  { key: 'residentIcb', header: "Patients' ICB", value: (r) => shortIcbName(r.residentIcbName) },
  {
    key: 'activity',
    header: 'Activity',
    numeric: true,
    value: (r) => r.activity,
    render: (r) => formatCount(r.activity),
  },
  { key: 'spend', header: 'Spend', numeric: true, value: (r) => r.spend, render: (r) => formatPounds(r.spend) },
];

export default function NetworksPage() {
  useTitle('Clinical networks');
  const { query } = useLocation();
  const chosen = query.get('network');
  const register = useApi<NetworksAnswer>('/networks');
  const icbName = useIcbNames();
  return (
    <>
      <h1>Clinical networks</h1>
      <PlacesNav />
      <p className="nhsuk-lede-text">
        Networks bring together organisations across a wide geography and organisational boundaries. The register holds
        the nationally mandated specialised networks' types and the ICS and acute provider collaborative networks.
      </p>
      {chosen && <NetworkDetail name={chosen} />}
      <Async result={register} what="the networks register">
        {(data) => (
          <>
            <h2>Register</h2>
            <DataTable
              caption="Clinical networks"
              rows={data.rows}
              columns={registerColumns(icbName)}
              rowKey={(r) => r.name}
              exportFrom={{ path: '/networks', query: {}, label: 'the networks register' }}
            />
            <h2>Nationally mandated specialised network types</h2>
            <ul>
              {data.types
                .filter((t) => t.category === 'nationally-mandated-specialised')
                .map((t) => (
                  <li key={t.code}>{t.name}</li>
                ))}
            </ul>
            <p className="nhsuk-body-s">
              Source: South London Specialised Services programme. No individual specialised network is named there, so
              none is shipped; editors add them (with their footprint ICBs, services and member providers) through the
              API, <code>POST /api/networks</code>.
            </p>
          </>
        )}
      </Async>
    </>
  );
}

function NetworkDetail({ name }: { name: string }) {
  const network = useApi<NetworkAnswer>(`/networks/${encodeURIComponent(name)}`);
  const icbName = useIcbNames();
  return (
    <Async result={network} what={`the network ${name}`}>
      {(data) => (
        <section aria-labelledby="network-heading">
          <h2 id="network-heading">{data.network.name}</h2>
          <dl className="nhsuk-summary-list">
            {[
              ['Type', data.network.typeName],
              ['Host', data.network.host ?? 'Not recorded'],
              ['Footprint', data.network.icbs.map(icbName).join(', ')],
              ['Services', data.members.services.map((s) => s.name).join(', ') || 'None recorded'],
              ['Member providers', data.members.providers.map((p) => p.label).join(', ') || 'None recorded'],
              ['Source', data.network.source],
            ].map(([key, value]) => (
              <div className="nhsuk-summary-list__row" key={key}>
                <dt className="nhsuk-summary-list__key">{key}</dt>
                <dd className="nhsuk-summary-list__value">{value}</dd>
              </div>
            ))}
          </dl>
          <FootprintMap name={data.network.name} icbs={data.network.icbs} />
          <h3>Flows its member providers carry</h3>
          {data.flows.length === 0 ? (
            <Empty title="No member providers' flows">
              <p>
                {data.network.providers.length === 0
                  ? 'No member providers are recorded for this network yet.'
                  : 'The stored run has no activity at its member providers for this year.'}
              </p>
            </Empty>
          ) : (
            <DataTable
              caption={`Population-basis flows at ${data.network.name}'s member providers`}
              rows={data.flows}
              columns={flowColumns}
              rowKey={(r) => `${r.providerCode}-${r.residentIcb}`}
              initialSort={{ key: 'spend', direction: 'descending' }}
            />
          )}
          <HowCalculated provenance={data.provenance} />
        </section>
      )}
    </Async>
  );
}

function FootprintMap({ name, icbs }: { name: string; icbs: string[] }) {
  const boundaries = useIcbBoundaries();
  const all = useMemo(
    () => (boundaries.state === 'ready' ? boundaries.data.features.map((f) => f.properties) : []),
    [boundaries],
  );
  const option = useMemo(() => networkFootprintMapChart(all, icbs), [all, icbs]);
  if (boundaries.state === 'failed')
    return <Failed what="the ICB boundaries" error={boundaries.error} onRetry={boundaries.reload} />;
  if (boundaries.state !== 'ready') return <Loading what="the footprint map" />;
  const names = all.filter((i) => icbs.includes(i.code)).map((i) => i.name);
  return (
    <Chart
      option={option}
      variant="map"
      label={`Map of England's ICBs with the footprint of ${name} filled: ${names.join(', ')}.`}
    />
  );
}
