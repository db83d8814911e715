// The prescribed specialised services catalogue with national spend and patients. Search and programme
// filters apply on screen at once and are passed to the export, so the file holds the rows shown.
import { useMemo } from 'react';
import type { ServiceCatalogue, ServiceRow } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { HowCalculated } from '../../components/how-calculated.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { formatCount, formatFlag, formatPounds } from '../../format.ts';
import { Link, setQuery, useLocation, useTitle } from '../../router.tsx';

const UNKNOWN_PROGRAMME = 'Not known';

/** NHS England puts the prescribed specialised services at roughly 150 to 154 (data/reference/services/README.md). */
const ENGLAND_PRESCRIBED_SERVICES = 154;

function FlagTag({ flag }: { flag: boolean | null }) {
  const text = formatFlag(flag);
  const colour = text === 'Yes' ? 'nhsuk-tag--blue' : text === 'No' ? 'nhsuk-tag--white' : 'nhsuk-tag--grey';
  return <strong className={`nhsuk-tag ${colour}`}>{text}</strong>;
}

// Key columns first: the service, then its size (spend, patients, providers), then how it is
// commissioned; the code last, for looking a service up elsewhere.
const COLUMNS: Column<ServiceRow>[] = [
  {
    key: 'name',
    header: 'Service',
    rowHeader: true,
    value: (r) => r.name,
    render: (r) => <Link href={`/services/${encodeURIComponent(r.code)}`}>{r.name}</Link>,
  },
  {
    key: 'nationalSpend',
    header: 'National spend',
    numeric: true,
    value: (r) => r.nationalSpend,
    render: (r) => formatPounds(r.nationalSpend),
  },
  {
    key: 'patients',
    header: 'Patients',
    numeric: true,
    value: (r) => r.patients,
    render: (r) => formatCount(r.patients),
  },
  {
    key: 'providers',
    header: 'Providers',
    numeric: true,
    value: (r) => r.providers,
    render: (r) => formatCount(r.providers),
  },
  { key: 'programme', header: 'Programme of care', value: (r) => r.programme || UNKNOWN_PROGRAMME },
  {
    key: 'highlySpecialised',
    header: 'Highly specialised',
    value: (r) => formatFlag(r.highlySpecialised),
    render: (r) => <FlagTag flag={r.highlySpecialised} />,
  },
  {
    key: 'delegated2023',
    header: 'Delegated 2023 (59)',
    value: (r) => formatFlag(r.delegated2023),
    render: (r) => <FlagTag flag={r.delegated2023} />,
  },
  {
    key: 'delegated2025',
    header: 'Delegated 2025 (70)',
    value: (r) => formatFlag(r.delegated2025),
    render: (r) => <FlagTag flag={r.delegated2025} />,
  },
  { key: 'code', header: 'Code', value: (r) => r.code },
];

export default function ServicesPage() {
  useTitle('Services');
  const { query } = useLocation();
  const year = query.get('year') ?? undefined;
  const q = query.get('q') ?? '';
  const programme = query.get('programme') ?? '';
  // All rows are fetched once; filtering happens here so typing is instant.
  const catalogue = useApi<ServiceCatalogue>('/services', { year });
  return (
    <>
      <h1>Specialised services</h1>
      <p className="nhsuk-lede-text">
        The prescribed specialised services catalogue, with what each service cost nationally and how many patients it
        treated.
      </p>
      <Async result={catalogue} what="the services catalogue">
        {(data) => <Catalogue data={data} q={q} programme={programme} year={year} />}
      </Async>
    </>
  );
}

function Catalogue({
  data,
  q,
  programme,
  year,
}: {
  data: ServiceCatalogue;
  q: string;
  programme: string;
  year: string | undefined;
}) {
  const programmes = useMemo(
    () => [...new Set(data.rows.map((r) => r.programme || UNKNOWN_PROGRAMME))].sort((a, b) => a.localeCompare(b)),
    [data.rows],
  );
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return data.rows.filter(
      (r) =>
        (!programme || (r.programme || UNKNOWN_PROGRAMME) === programme) &&
        (!needle || r.name.toLowerCase().includes(needle) || r.code.toLowerCase().includes(needle)),
    );
  }, [data.rows, q, programme]);
  return (
    <>
      {data.catalogueNote && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p data-testid="catalogue-coverage">
            {data.rows.length} of about {ENGLAND_PRESCRIBED_SERVICES} prescribed specialised services are in this
            catalogue.
          </p>
          <p data-testid="catalogue-note">{data.catalogueNote}</p>
        </div>
      )}
      <search className="fp-filters" aria-label="Filter services">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="service-search">
            Search by name or code
          </label>
          <input
            className="nhsuk-input nhsuk-input--width-20"
            id="service-search"
            type="search"
            value={q}
            onChange={(e) => setQuery({ q: e.target.value })}
          />
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="programme">
            Programme of care
          </label>
          <select
            className="nhsuk-select"
            id="programme"
            value={programme}
            onChange={(e) => setQuery({ programme: e.target.value })}
          >
            <option value="">All programmes</option>
            {programmes.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
      </search>
      <p className="nhsuk-body-s" aria-live="polite">
        Showing {rows.length} of {data.rows.length} services.
      </p>
      <DataTable
        caption={`Specialised services, ${data.provenance.financialYear}`}
        rows={rows}
        columns={COLUMNS}
        rowKey={(r) => r.code}
        initialSort={{ key: 'nationalSpend', direction: 'descending' }}
        exportFrom={{
          path: '/services',
          query: { year, q: q || undefined, programme: programme || undefined },
          label: 'services shown',
        }}
        empty={
          <Empty title="No services match">
            <p>Try a shorter search or choose "All programmes".</p>
          </Empty>
        }
      />
      <HowCalculated provenance={data.provenance} />
    </>
  );
}
