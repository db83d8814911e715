// Who does what: for a footprint and each service, who leads at national, multi-ICB, ICB and place level,
// following the South London programme's wiring diagram.
import type { WiringAnswer } from '../../../../src/core/networks/network-answers.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Async } from '../../components/states.tsx';
import { shortIcbName } from '../../format.ts';
import { useLocation, useTitle } from '../../router.tsx';
import { FootprintSelect, PlacesNav } from './places-nav.tsx';

type ServiceWiring = WiringAnswer['services'][number];

const MODELS: Record<string, string> = {
  'nhse-direct': 'NHS England direct',
  'nhse-with-icb-input': 'NHS England with ICB input',
  'joint-committee': 'Joint committee',
  'lead-commissioner': 'Lead commissioner',
  delegated: 'Delegated to ICBs',
  'not-known': 'Not known',
};

const lead = (s: ServiceWiring, level: string) => s.rows.find((r) => r.level === level)?.lead ?? '';
const shortNames = (names: string) => names.split(', ').map(shortIcbName).join(', ');

const columns: Column<ServiceWiring>[] = [
  { key: 'service', header: 'Service', rowHeader: true, value: (s) => s.serviceName },
  {
    key: 'model',
    header: 'Commissioning model',
    value: (s) => MODELS[s.model] ?? s.model,
    render: (s) => (
      <>
        {MODELS[s.model] ?? s.model}
        <span className="nhsuk-body-s fp-members">{s.basis === 'recorded' ? 'recorded' : 'from the catalogue'}</span>
      </>
    ),
  },
  { key: 'multi', header: 'Leads across ICBs', value: (s) => lead(s, 'multi-icb') },
  { key: 'icb', header: 'ICB level', value: (s) => shortNames(lead(s, 'icb')) },
];

export default function WiringPage() {
  useTitle('Who does what');
  const { query } = useLocation();
  const footprint = query.get('footprint') ?? 'South London';
  const wiring = useApi<WiringAnswer>('/wiring', { footprint });
  return (
    <>
      <h1>Who does what</h1>
      <PlacesNav />
      <p className="nhsuk-lede-text">
        The wiring diagram: for each service in a footprint, who leads at national, multi-ICB, ICB and place level.
      </p>
      <FootprintSelect value={footprint} parameter="footprint" label="Footprint" />
      <Async result={wiring} what="who does what">
        {(data) => {
          const example = data.services.find((s) => s.model === 'delegated') ?? data.services[0];
          return (
            <>
              {example && (
                <>
                  <h2>The roles at each level</h2>
                  <p>
                    For {example.serviceName} ({MODELS[example.model]}):
                  </p>
                  <dl className="nhsuk-summary-list">
                    {example.rows.map((r) => (
                      <div className="nhsuk-summary-list__row" key={r.level}>
                        <dt className="nhsuk-summary-list__key">{shortNames(r.lead)}</dt>
                        <dd className="nhsuk-summary-list__value">{r.role}</dd>
                      </div>
                    ))}
                  </dl>
                </>
              )}
              <p>
                Nationally, NHS England leads every service; at place level, the place-based partnerships. Who leads
                across ICBs and what the ICB does depend on the commissioning model:
              </p>
              <DataTable
                caption={`Who leads each service in ${data.footprint.name}`}
                rows={data.services}
                columns={columns}
                rowKey={(s) => s.serviceCode}
              />
              <div className="nhsuk-inset-text">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>
                  Where no commissioning model is recorded for a service and footprint, it is derived from the services
                  catalogue: highly specialised services are commissioned by NHS England nationally, delegated services
                  by the ICBs, and the rest by NHS England's regional teams. "Not known" means the catalogue does not
                  say.
                </p>
              </div>
            </>
          );
        }}
      </Async>
    </>
  );
}
