// Places and neighbourhoods below an ICB: each place (local authority district, or a user's own grouping
// of practices) and each neighbourhood (primary care network) with its population and a flag where it is
// outside the usual size, and the spend that rolls up to it from activity carrying GP practice codes.
import type { AreaSummary, IcbPlacesAnswer } from '../../../../src/core/places/places-answer.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { HowCalculated } from '../../components/how-calculated.tsx';
import { Async } from '../../components/states.tsx';
import { formatCount, formatPounds } from '../../format.ts';
import { setQuery, useLocation, useTitle } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { FootprintSelect, PlacesNav, SIZE_FLAG_TEXT, SizeTag } from './places-nav.tsx';

function areaColumns(level: string, coded: boolean): Column<AreaSummary>[] {
  return [
    { key: 'name', header: level, rowHeader: true, value: (r) => r.name },
    { key: 'practices', header: 'GP practices', numeric: true, value: (r) => r.practices.length },
    {
      key: 'population',
      header: 'Population',
      numeric: true,
      value: (r) => r.population,
      render: (r) => formatCount(Math.round(r.population)),
    },
    {
      key: 'sizeFlag',
      header: 'Size',
      value: (r) => SIZE_FLAG_TEXT[r.sizeFlag] ?? r.sizeFlag,
      render: (r) => <SizeTag flag={r.sizeFlag} />,
    },
    ...(coded
      ? [
          {
            key: 'spend',
            header: 'Spend (practice-coded)',
            numeric: true,
            value: (r: AreaSummary) => r.spend,
            render: (r: AreaSummary) => formatPounds(r.spend ?? 0),
          },
        ]
      : []),
  ];
}

const range = (r: { min: number; max: number }) => `${formatCount(r.min)}–${formatCount(r.max)}`;

export default function PlacesPage() {
  useTitle('Places and neighbourhoods');
  const { query } = useLocation();
  const { session } = useSession();
  const own = session?.user.organisation;
  const icb = query.get('icb') ?? (own?.type === 'icb' ? own.code : 'QWE');
  const grouping = query.get('grouping') ?? undefined;
  const places = useApi<IcbPlacesAnswer>('/places', { icb, grouping });
  return (
    <>
      <h1>Places and neighbourhoods</h1>
      <PlacesNav />
      <p className="nhsuk-lede-text">
        Below each ICB: places (by default its local authority areas, built from its GP practices) and neighbourhoods
        (primary care networks), with their registered populations.
      </p>
      <FootprintSelect value={icb} parameter="icb" label="ICB" />
      <Async result={places} what="places and neighbourhoods">
        {(data) => {
          const coded = data.practiceCoded !== null;
          const outside = (areas: AreaSummary[]) => areas.filter((a) => a.sizeFlag !== 'within-usual-size').length;
          return (
            <>
              {data.groupings.length > 0 && (
                <div className="nhsuk-form-group">
                  <label className="nhsuk-label" htmlFor="grouping">
                    Places from
                  </label>
                  <select
                    className="nhsuk-select"
                    id="grouping"
                    value={data.grouping ?? ''}
                    onChange={(e) => setQuery({ grouping: e.target.value })}
                  >
                    <option value="">Local authority areas</option>
                    {data.groupings.map((g) => (
                      <option key={g.name} value={g.name}>
                        {g.name} ({g.places} places, {g.owner})
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <dl className="nhsuk-summary-list" data-testid="places-summary">
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">{data.icbName}</dt>
                  <dd className="nhsuk-summary-list__value">
                    {formatCount(data.population)} registered patients <SizeTag flag={data.systemSizeFlag} />
                    <span className="nhsuk-body-s fp-members">
                      A system usually covers {range(data.usualSize.system)}.
                    </span>
                  </dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Places</dt>
                  <dd className="nhsuk-summary-list__value">
                    {data.places.length}, of which {outside(data.places)} outside the usual{' '}
                    {range(data.usualSize.place)}
                  </dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Neighbourhoods</dt>
                  <dd className="nhsuk-summary-list__value">
                    {data.neighbourhoods.length}, of which {outside(data.neighbourhoods)} outside the usual{' '}
                    {range(data.usualSize.neighbourhood)}
                  </dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Activity with a GP practice code</dt>
                  <dd className="nhsuk-summary-list__value">
                    {data.practiceCoded
                      ? `${formatPounds(data.practiceCoded.spend)} in ${data.practiceCoded.financialYear} (dataset ${data.practiceCoded.dataset})`
                      : 'None in the current dataset: import activity with a gp_practice_code column to see spend by place and neighbourhood.'}
                  </dd>
                </div>
              </dl>
              <p className="nhsuk-body-s">
                Sizes are flagged, never refused: the seed's usual ranges are a guide, and many real places fall outside
                them.
              </p>
              <h2>Places</h2>
              <DataTable
                caption={`Places of ${data.icbName}`}
                rows={data.places}
                columns={areaColumns('Place', coded)}
                rowKey={(r) => r.id}
                initialSort={{ key: 'population', direction: 'descending' }}
                exportFrom={{ path: '/places', query: { icb, grouping }, label: `places of ${data.icbName}` }}
              />
              <h2>Neighbourhoods</h2>
              <DataTable
                caption={`Neighbourhoods (primary care networks) of ${data.icbName}`}
                rows={data.neighbourhoods}
                columns={areaColumns('Neighbourhood', coded)}
                rowKey={(r) => r.id}
                initialSort={{ key: 'population', direction: 'descending' }}
              />
              <HowCalculated
                provenance={data.provenance}
                extra="Age and sex: each practice takes its sub-ICB location's GP-registered age and sex structure, so the workbook's 'Age and sex' sheet gives every place and neighbourhood by sex and five-year band."
              />
            </>
          );
        }}
      </Async>
    </>
  );
}
