// The triangulation report for a footprint, laid out for a planning meeting: how many services are aligned
// and how many need coordinating across ICBs or across regions, then each service with where its population
// is treated, where its providers' patients come from, the partner ICBs and the networks involved.
import type { TriangulationAnswer, TriangulationRow } from '../../../../src/core/networks/network-answers.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { HowCalculated } from '../../components/how-calculated.tsx';
import { Async } from '../../components/states.tsx';
import { formatPounds, formatShare, shortIcbName } from '../../format.ts';
import { setQuery, useLocation, useTitle } from '../../router.tsx';
import { FootprintSelect, PlacesNav } from './places-nav.tsx';

const CLASSES: Record<string, { text: string; tag: string }> = {
  aligned: { text: 'Aligned', tag: 'nhsuk-tag--green' },
  'coordinate-across-icbs': { text: 'Coordinate across ICBs', tag: 'nhsuk-tag--yellow' },
  'coordinate-across-regions': { text: 'Coordinate across regions', tag: 'nhsuk-tag--red' },
};

const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

/** Why a service is classified as it is: the largest share that crosses the footprint's edge. */
function reason(r: TriangulationRow): string {
  const candidates: [number, string][] = [
    [r.otherRegionShare ?? 0, 'of the population treated in other regions'],
    [r.incomeOtherRegionShare ?? 0, "of providers' patients from other regions"],
    [r.otherIcbShare ?? 0, 'of the population treated in other ICBs'],
    [r.incomeOtherIcbShare ?? 0, "of providers' patients from other ICBs"],
  ];
  const regional = r.classification === 'coordinate-across-regions' ? candidates.slice(0, 2) : candidates;
  const [share, text] = regional.sort((a, b) => b[0] - a[0])[0]!;
  return r.classification === 'aligned' ? `${pct(r.insideShare)} treated inside` : `${pct(share)} ${text}`;
}

const PARTNERS_SHOWN = 3;

const columns: Column<TriangulationRow>[] = [
  { key: 'service', header: 'Service', rowHeader: true, value: (r) => r.serviceName },
  {
    key: 'classification',
    header: 'Classification',
    value: (r) => CLASSES[r.classification]?.text ?? r.classification,
    render: (r) => (
      <>
        <strong className={`nhsuk-tag ${CLASSES[r.classification]?.tag ?? ''}`}>
          {CLASSES[r.classification]?.text}
        </strong>
        <span className="nhsuk-body-s fp-members">{reason(r)}</span>
      </>
    ),
  },
  {
    key: 'residentSpend',
    header: "Population's spend",
    numeric: true,
    value: (r) => r.residentSpend,
    render: (r) => formatPounds(r.residentSpend),
  },
  {
    key: 'treated',
    header: 'Treated inside / other ICBs / other regions',
    value: (r) => r.insideShare,
    render: (r) =>
      r.insideShare === null
        ? 'No spend'
        : `${pct(r.insideShare)} / ${pct(r.otherIcbShare)} / ${pct(r.otherRegionShare)}`,
  },
  {
    key: 'inflow',
    header: "Providers' patients from other ICBs / regions",
    value: (r) => (r.incomeOtherIcbShare ?? 0) + (r.incomeOtherRegionShare ?? 0),
    render: (r) =>
      r.providerIncome === 0 ? 'No providers' : `${pct(r.incomeOtherIcbShare)} / ${pct(r.incomeOtherRegionShare)}`,
  },
  {
    key: 'partners',
    header: 'Partner ICBs',
    value: (r) => r.partners.length,
    render: (r) =>
      r.partners.length === 0
        ? 'None'
        : `${r.partners
            .slice(0, PARTNERS_SHOWN)
            .map((p) => shortIcbName(p.name))
            .join(', ')}${r.partners.length > PARTNERS_SHOWN ? ` and ${r.partners.length - PARTNERS_SHOWN} more` : ''}`,
  },
  { key: 'networks', header: 'Networks', value: (r) => r.networks.join(', ') || 'None recorded' },
];

export default function TriangulationPage() {
  useTitle('Triangulation');
  const { query } = useLocation();
  const footprint = query.get('footprint') ?? 'South London';
  const threshold = query.get('threshold') ?? undefined;
  const report = useApi<TriangulationAnswer>('/triangulation', { footprint, threshold });
  return (
    <>
      <h1>Triangulation: where pathways need coordinating</h1>
      <PlacesNav />
      <p className="nhsuk-lede-text">
        For each service: is the footprint's population mostly treated inside it, or do pathways need coordinating with
        other ICBs or across NHS England regional boundaries?
      </p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <FootprintSelect value={footprint} parameter="footprint" label="Footprint" />
        </div>
        <div className="nhsuk-grid-column-one-half">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="threshold">
              Material share
            </label>
            <select
              className="nhsuk-select"
              id="threshold"
              value={threshold ?? '0.05'}
              onChange={(e) => setQuery({ threshold: e.target.value === '0.05' ? undefined : e.target.value })}
            >
              {['0.02', '0.05', '0.1', '0.2'].map((t) => (
                <option key={t} value={t}>
                  {Number(t) * 100}%
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <Async result={report} what="the triangulation report">
        {(data) => (
          <>
            <h2>
              {data.footprint.name}, {data.financialYear ?? 'no year'}
            </h2>
            <p>
              ICBs: {data.footprint.icbs.map((i) => i.name).join(', ')}. A flow is material at{' '}
              {formatShare(data.threshold)} or more of the population's spend or of the providers' income.
            </p>
            <ul className="nhsuk-grid-row nhsuk-card-group" data-testid="triangulation-summary">
              {data.summary.map((s) => (
                <li key={s.classification} className="nhsuk-grid-column-one-third nhsuk-card-group__item">
                  <div className="nhsuk-card">
                    <div className="nhsuk-card__content">
                      <h3 className="nhsuk-card__heading">{CLASSES[s.classification]?.text}</h3>
                      <p className="nhsuk-card__description">
                        {s.services} service{s.services === 1 ? '' : 's'}, {formatPounds(s.residentSpend)} of the
                        population's spend
                      </p>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
            <DataTable
              caption={`Services for ${data.footprint.name}`}
              rows={data.rows}
              columns={columns}
              rowKey={(r) => r.serviceCode}
              initialSort={{ key: 'residentSpend', direction: 'descending' }}
              exportFrom={{
                path: '/triangulation',
                query: { footprint, threshold },
                label: `triangulation for ${data.footprint.name}`,
              }}
            />
            <HowCalculated
              provenance={data.provenance}
              extra="Aligned: under the material share of the population's spend goes outside the footprint and under it of the providers' income comes from outside. Otherwise the service needs coordination, across regions when the material share crosses a regional boundary either way."
            />
          </>
        )}
      </Async>
    </>
  );
}
