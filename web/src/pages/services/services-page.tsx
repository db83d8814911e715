// The prescribed specialised services catalogue with national spend and patients. Search and programme
// filters apply on screen at once and are passed to the export, so the file holds the rows shown.
import { useMemo } from 'react';
import type { ServiceCatalogue, ServiceRow } from '../../../../src/core/services/service-answers.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { HowCalculated } from '../../components/how-calculated.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { formatCount, formatFlag, formatPounds } from '../../format.ts';
import { Link, setQuery, useLocation, useTitle } from '../../router.tsx';
import { DelegationTag, IcbStatusSelect } from './delegation-status.tsx';

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
    header: 'Delegated 2025',
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
  const icb = query.get('icb') ?? '';
  // All rows are fetched once; filtering happens here so typing is instant.
  const catalogue = useApi<ServiceCatalogue>('/services', { year, icb: icb || undefined });
  return (
    <>
      <h1>Specialised services</h1>
      <p className="nhsuk-lede-text">
        The prescribed specialised services catalogue, with what each service cost nationally and how many patients it
        treated.
      </p>
      <Async result={catalogue} what="the services catalogue">
        {(data) => <Catalogue data={data} q={q} programme={programme} year={year} icb={icb} />}
      </Async>
    </>
  );
}

function Catalogue({
  data,
  q,
  programme,
  year,
  icb,
}: {
  data: ServiceCatalogue;
  q: string;
  programme: string;
  year: string | undefined;
  icb: string;
}) {
  const delegation = data.delegation;
  const count = data.delegatedCount;
  const columns = useMemo<Column<ServiceRow>[]>(() => {
    // The one count (from the API) heads the column, so this page and the review page say the same.
    const named = COLUMNS.map((c) =>
      c.key === 'delegated2025' ? { ...c, header: `Delegated 2025 (${count.inCatalogue} of ${count.boardTotal})` } : c,
    );
    if (!delegation) return named;
    const status: Column<ServiceRow> = {
      key: 'commissioning',
      header: `Commissioning, ${delegation.financialYear}`,
      value: (r) => delegation.byService[r.code]?.label ?? 'Not known',
      render: (r) => <DelegationTag status={delegation.byService[r.code]} />,
    };
    // The ICB's arrangement replaces the two national flags, which it already accounts for.
    return named.filter((c) => c.key !== 'delegated2023' && c.key !== 'delegated2025').toSpliced(4, 0, status);
  }, [delegation, count]);
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
          <p data-testid="delegated-count">{count.label}.</p>
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
        <IcbStatusSelect value={icb} />
      </search>
      {delegation && (
        <p className="nhsuk-body" data-testid="delegation-summary">
          For {delegation.icbName} ({delegation.regionName}) in {delegation.financialYear}:{' '}
          {summariseStatuses(delegation.byService)}.
        </p>
      )}
      <p className="nhsuk-body-s" aria-live="polite">
        Showing {rows.length} of {data.rows.length} services.
      </p>
      <DataTable
        caption={`Specialised services, ${data.provenance.financialYear}`}
        rows={rows}
        columns={columns}
        rowKey={(r) => r.code}
        initialSort={{ key: 'nationalSpend', direction: 'descending' }}
        exportFrom={{
          path: '/services',
          query: { year, q: q || undefined, programme: programme || undefined, icb: icb || undefined },
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

/** "12 delegated, 40 retained nationally, 23 not known": one count per arrangement, from the same answer. */
function summariseStatuses(byService: Record<string, { arrangement: string; label: string }>): string {
  const counts = new Map<string, number>();
  for (const status of Object.values(byService)) {
    const key =
      status.arrangement === 'joint-committee' ? 'under a joint committee' : status.arrangement.replace('-', ' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n} ${k === 'unknown' ? 'not known' : k}`).join(', ');
}
