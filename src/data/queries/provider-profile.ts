// One provider's page (src/core/providers/provider-profile.ts): its income over every year from the stored
// flows, its services and resident ICBs in the year shown, and the comparison with England, its region and
// similar providers. The comparison needs every provider's figures, which each run stores by provider, year
// and service (src/data/queries/provider-figures.ts): one query reads every provider's yearly totals, one its
// service mix in the year shown, and the rest is arithmetic in core.
import { UNALLOCATED } from '../../core/basis/index.ts';
import { fail } from '../../core/errors.ts';
import { organisationName, providerLabel } from '../../core/names/organisation-name.ts';
import {
  PROVIDER_KIND_NAMES,
  type ProviderProfile,
  type ProviderYearFigures,
  providerComparisonYears,
} from '../../core/providers/provider-profile.ts';
import {
  type ProviderMix,
  SIMILAR_PROVIDERS_METHOD,
  similarProviders,
} from '../../core/providers/similar-providers.ts';
import type { Workspace } from '../workspace.ts';
import { readProviderServiceIncome, readProviderYearTotals } from './provider-figures.ts';
import type { RunContext } from './run-context.ts';

interface ProviderRow {
  code: string;
  name: string;
  kind: string;
  postcode: string | null;
  hostIcb: string | null;
  hostIcbName: string | null;
  regionCode: string | null;
  regionName: string | null;
}

const PROVIDERS_SQL = `SELECT p.provider_code AS code, p.name, p.kind, p.postcode, p.host_icb AS "hostIcb",
       i.name AS "hostIcbName", i.region_code AS "regionCode", r.name AS "regionName"
  FROM provider p
  LEFT JOIN icb i ON i.vintage = $1 AND i.icb_code = p.host_icb
  LEFT JOIN region r ON r.vintage = $1 AND r.region_code = i.region_code`;

export async function providerProfile(
  ws: Workspace,
  run: Pick<RunContext, 'dataset' | 'vintage' | 'years'>,
  code: string,
  year: string | null,
): Promise<ProviderProfile> {
  const providers = await ws.all<ProviderRow>(PROVIDERS_SQL, [run.vintage]);
  const own = providers.find((p) => p.code === code.toUpperCase());
  if (!own)
    fail('FP_HTTP_NOT_FOUND', `There is no provider with the code ${JSON.stringify(code)}.`, {
      where: { parameter: 'code' },
      received: code,
      accepted: "a provider's ODS code, e.g. RHQ, as the flows and service tables give it",
    });
  const dataset = run.dataset;
  // Income, the part from other ICBs' residents, activity and patients: every provider in every year, as the
  // run stored them.
  const totals = dataset ? await readProviderYearTotals(ws, { dataset, vintage: run.vintage }) : [];
  const figures: ProviderYearFigures[] = totals.map((t) => ({
    providerCode: t.provider,
    financialYear: t.year,
    income: t.income,
    incomeFromOutside: t.outside,
    patients: t.patients ?? 0,
    patientCost: t.cost,
  }));

  // Peers are chosen in the year shown, from every provider's service mix that year.
  const mixes = new Map<string, ProviderMix & { incomeByService: Map<string, number> }>();
  const kindOf = new Map(providers.map((p) => [p.code, p.kind]));
  const serviceIncome =
    dataset && year ? await readProviderServiceIncome(ws, { dataset, vintage: run.vintage, year }) : [];
  for (const r of serviceIncome) {
    let m = mixes.get(r.provider);
    if (!m) {
      m = { providerCode: r.provider, kind: kindOf.get(r.provider) ?? 'unknown', incomeByService: new Map() };
      mixes.set(r.provider, m);
    }
    m.incomeByService.set(r.service, r.income);
  }
  const peers = similarProviders(own.code, [...mixes.values()]);
  const byCode = new Map(providers.map((p) => [p.code, p]));
  const inRegion = own.regionCode
    ? new Set(providers.filter((p) => p.regionCode === own.regionCode).map((p) => p.code))
    : null;
  const withIncome = (codes: Iterable<string>) => [...codes].filter((c) => mixes.has(c)).length;

  const services = dataset && year ? await providerServices(ws, { dataset, vintage: run.vintage, year }, own.code) : [];
  const residentIcbs =
    dataset && year ? await providerResidentIcbs(ws, { dataset, vintage: run.vintage, year }, own) : [];

  const ownYears = run.years.map((financialYear) => {
    const t = totals.find((r) => r.provider === own.code && r.year === financialYear);
    return {
      financialYear,
      income: t?.income ?? 0,
      incomeFromHost: (t?.income ?? 0) - (t?.outside ?? 0),
      incomeFromOutside: t?.outside ?? 0,
      activity: t?.activity ?? 0,
      patients: t?.patients ?? null,
    };
  });

  return {
    provider: {
      code: own.code,
      name: organisationName(own.name),
      label: providerLabel(own.name, own.code),
      kind: own.kind,
      kindName: PROVIDER_KIND_NAMES[own.kind] ?? own.kind,
      postcode: own.postcode,
      hostIcb: own.hostIcb ? { code: own.hostIcb, name: own.hostIcbName ?? own.hostIcb } : null,
      region: own.regionCode ? { code: own.regionCode, name: own.regionName ?? own.regionCode } : null,
    },
    financialYear: year,
    years: run.years,
    trend: ownYears,
    services,
    residentIcbs,
    comparison: {
      peerMethod: SIMILAR_PROVIDERS_METHOD,
      peers: peers.map((p) => {
        const row = byCode.get(p.providerCode);
        return {
          code: p.providerCode,
          name: row ? organisationName(row.name) : p.providerCode,
          label: providerLabel(row?.name, p.providerCode),
          hostIcbName: row?.hostIcbName ?? null,
          income: p.income,
          mixDifference: p.mixDifference,
          nearness: p.nearness,
        };
      }),
      regionProviders: inRegion ? withIncome(inRegion) : 0,
      englandProviders: mixes.size,
      years: providerComparisonYears(
        figures,
        { provider: own.code, region: inRegion, peers: new Set(peers.map((p) => p.providerCode)) },
        run.years,
      ),
    },
  };
}

type YearRun = { dataset: string; vintage: string; year: string };

async function providerServices(ws: Workspace, run: YearRun, code: string): Promise<ProviderProfile['services']> {
  return ws.all<ProviderProfile['services'][number]>(
    `WITH england AS (
       SELECT service_code, sum(income) AS spend FROM provider_figure
        WHERE dataset = $1 AND vintage = $2 AND financial_year = $3 GROUP BY service_code
     ), own AS (
       SELECT service_code, income, activity, patients FROM provider_figure
        WHERE dataset = $1 AND vintage = $2 AND financial_year = $3 AND provider_code = $4 AND income IS NOT NULL
     )
     SELECT o.service_code AS service, coalesce(s.name, o.service_code) AS name, s.programme_of_care AS programme,
            CAST(o.income AS DOUBLE) AS income, CAST(o.activity AS DOUBLE) AS activity,
            o.patients,
            CASE WHEN e.spend = 0 THEN NULL ELSE CAST(o.income / e.spend AS DOUBLE) END AS "shareOfEngland"
       FROM own o
       LEFT JOIN service s ON s.service_code = o.service_code AND s.is_current
       LEFT JOIN england e ON e.service_code = o.service_code
      ORDER BY income DESC, service`,
    [run.dataset, run.vintage, run.year, code],
  );
}

async function providerResidentIcbs(
  ws: Workspace,
  run: YearRun,
  own: { code: string; hostIcb: string | null },
): Promise<ProviderProfile['residentIcbs']> {
  return ws.all<ProviderProfile['residentIcbs'][number]>(
    `WITH own AS (
       SELECT resident_icb, sum(spend) AS income, sum(activity) AS activity FROM flow
        WHERE dataset = $1 AND vintage = $2 AND financial_year = $3 AND provider_code = $4 GROUP BY resident_icb
     )
     SELECT o.resident_icb AS icb,
            CASE WHEN o.resident_icb = '${UNALLOCATED}' THEN 'Residence not known'
                 ELSE coalesce(i.name, o.resident_icb) END AS name,
            CAST(o.income AS DOUBLE) AS income, CAST(o.activity AS DOUBLE) AS activity,
            CASE WHEN sum(o.income) OVER () = 0 THEN NULL
                 ELSE CAST(o.income / sum(o.income) OVER () AS DOUBLE) END AS share,
            coalesce(o.resident_icb = $5::VARCHAR, false) AS host
       FROM own o LEFT JOIN icb i ON i.vintage = $2 AND i.icb_code = o.resident_icb
      ORDER BY income DESC, icb`,
    [run.dataset, run.vintage, run.year, own.code, own.hostIcb],
  );
}
