// The delegation waves and joint committees as stored (loaded by data/reference/delegation-reference.ts),
// and each current service's delegation status for an ICB and years, resolved by core from the waves, the
// catalogue's membership of the 59 and the 70, and any imported per-ICB or per-region table.
import { listValue } from '@duckdb/node-api';
import {
  countDelegatedServices,
  DELEGATION_STATUS_YEARS,
  type DelegatedServicesCount,
  type DelegationArrangement,
  type DelegationStatus,
  type DelegationWave,
  type IcbDelegationStatuses,
  type JointCommittee,
  jointCommitteeFor,
  membershipFromFlags,
  resolveDelegationStatus,
  type ServiceDelegationTimeline,
} from '../../core/delegation/delegation-status.ts';
import { fail } from '../../core/errors.ts';
import { listCurrentServices } from '../queries/services-catalogue.ts';
import type { Workspace } from '../workspace.ts';

export async function readDelegationWaves(
  ws: Workspace,
): Promise<{ waves: DelegationWave[]; committees: JointCommittee[] }> {
  const waves = await ws.all<DelegationWave>(
    `SELECT from_year AS "fromYear", region_code AS "regionCode", service_set AS "serviceSet", arrangement,
            board_decision AS "boardDecision", source_url AS "sourceUrl"
       FROM delegation_wave ORDER BY from_year, region_code`,
  );
  const committees = await ws.all<JointCommittee>(
    `SELECT region_code AS "regionCode", icb_code AS "icbCode", name, source_url AS "sourceUrl" FROM joint_committee`,
  );
  return { waves, committees };
}

/** The ICB's region in a geography vintage; FP_SERVICES_UNKNOWN_ICB naming the parameter when it is not there. */
export async function icbRegion(
  ws: Workspace,
  icbCode: string,
  vintage: string,
  parameter: string,
): Promise<{ icbCode: string; icbName: string; regionCode: string; regionName: string }> {
  const row = await ws.one<{ icbCode: string; icbName: string; regionCode: string; regionName: string }>(
    `SELECT i.icb_code AS "icbCode", i.name AS "icbName", i.region_code AS "regionCode", r.name AS "regionName"
       FROM icb i JOIN region r ON r.vintage = i.vintage AND r.region_code = i.region_code
      WHERE i.vintage = $1 AND upper(i.icb_code) = upper($2)`,
    [vintage, icbCode],
  );
  if (!row) {
    fail('FP_SERVICES_UNKNOWN_ICB', `There is no ICB ${icbCode} in the ${vintage} geography.`, {
      where: { parameter },
      received: icbCode,
      accepted: `an ICB ODS code of the ${vintage} geography, e.g. QE1`,
    });
  }
  return row;
}

/** Each current service's delegation status for one ICB in each of the years, keyed by service code. */
export async function delegationStatuses(
  ws: Workspace,
  question: { icbCode: string; years: readonly string[]; vintage: string; parameter?: string },
): Promise<Map<string, DelegationStatus[]>> {
  const icb = await icbRegion(ws, question.icbCode, question.vintage, question.parameter ?? 'icb');
  const byIcb = await delegationStatusesByIcb(ws, { ...question, icbs: [icb] });
  return byIcb.get(icb.icbCode)!;
}

/** The delegation statuses of several ICBs (each as icbRegion gives it) in each of the years, keyed by ICB then
 * service code: the waves, the catalogue and the imported tables are read once for all of them. Given
 * serviceCodes, only those services. */
export async function delegationStatusesByIcb(
  ws: Workspace,
  question: {
    icbs: readonly { icbCode: string; regionCode: string }[];
    years: readonly string[];
    serviceCodes?: ReadonlySet<string>;
  },
): Promise<Map<string, Map<string, DelegationStatus[]>>> {
  const { waves, committees } = await readDelegationWaves(ws);
  const services = (await listCurrentServices(ws)).filter(
    (s) => !question.serviceCodes || question.serviceCodes.has(s.serviceCode),
  );
  const areas = [...new Set(question.icbs.flatMap((i) => [i.icbCode, i.regionCode]))];
  const imported = areas.length
    ? await ws.all<{
        code: string;
        year: string;
        kind: string;
        area: string;
        arrangement: DelegationArrangement;
        file: string | null;
      }>(
        `SELECT a.service_code AS code, a.financial_year AS year, a.area_kind AS kind, a.area_code AS area,
                a.arrangement, v.file
           FROM service_delegation_area a
           JOIN service s ON s.service_code = a.service_code AND s.catalogue_version = a.catalogue_version AND s.is_current
           JOIN catalogue_version v ON v.catalogue_version = a.catalogue_version
          WHERE list_contains($1::VARCHAR[], a.area_code)`,
        [listValue(areas)],
      )
    : [];
  const rowsOfArea = new Map<string, typeof imported>();
  for (const row of imported) rowsOfArea.set(row.area, [...(rowsOfArea.get(row.area) ?? []), row]);
  const result = new Map<string, Map<string, DelegationStatus[]>>();
  for (const icb of question.icbs) {
    // The ICB's own column wins over its region's.
    const chosen = new Map<string, (typeof imported)[number]>();
    for (const row of [...(rowsOfArea.get(icb.icbCode) ?? []), ...(rowsOfArea.get(icb.regionCode) ?? [])]) {
      if (row.kind !== 'icb' && row.kind !== 'region') continue;
      const key = `${row.code}\u0000${row.year}`;
      const had = chosen.get(key);
      if (!had || (had.kind === 'region' && row.kind === 'icb')) chosen.set(key, row);
    }
    const statuses = new Map<string, DelegationStatus[]>();
    for (const service of services) {
      const membership = membershipFromFlags(service.delegated2023, service.delegated2025);
      statuses.set(
        service.serviceCode,
        question.years.map((financialYear) => {
          const row = chosen.get(`${service.serviceCode}\u0000${financialYear}`);
          return resolveDelegationStatus({
            financialYear,
            icbCode: icb.icbCode,
            regionCode: icb.regionCode,
            membership,
            waves,
            committees,
            imported: row
              ? {
                  arrangement: row.arrangement,
                  jointCommittee:
                    row.arrangement === 'joint-committee'
                      ? (jointCommitteeFor(committees, icb.regionCode, icb.icbCode)?.name ?? null)
                      : null,
                  source: row.file ?? 'imported reference table',
                }
              : null,
          });
        }),
      );
    }
    result.set(icb.icbCode, statuses);
  }
  return result;
}

/** The services list's answer for an ICB and year. */
export async function icbDelegationStatuses(
  ws: Workspace,
  question: { icbCode: string; financialYear: string; vintage: string; parameter?: string },
): Promise<IcbDelegationStatuses> {
  const icb = await icbRegion(ws, question.icbCode, question.vintage, question.parameter ?? 'icb');
  const statuses = await delegationStatuses(ws, { ...question, icbCode: icb.icbCode, years: [question.financialYear] });
  return {
    icbCode: icb.icbCode,
    icbName: icb.icbName,
    regionName: icb.regionName,
    financialYear: question.financialYear,
    byService: Object.fromEntries([...statuses].map(([code, [status]]) => [code, status!])),
  };
}

/** The service page's answer: one service's status for an ICB in 2023/24, 2024/25 and 2025/26 on. */
export async function serviceDelegationTimeline(
  ws: Workspace,
  question: { icbCode: string; serviceCode: string; vintage: string; parameter?: string },
): Promise<ServiceDelegationTimeline> {
  const icb = await icbRegion(ws, question.icbCode, question.vintage, question.parameter ?? 'icb');
  const statuses = await delegationStatuses(ws, {
    icbCode: icb.icbCode,
    years: DELEGATION_STATUS_YEARS,
    vintage: question.vintage,
  });
  return {
    icbCode: icb.icbCode,
    icbName: icb.icbName,
    regionName: icb.regionName,
    years: statuses.get(question.serviceCode) ?? [],
  };
}

/** The delegated-services count for a year (default the latest wave), from the waves and the catalogue. */
export async function delegatedServicesCount(ws: Workspace, financialYear?: string): Promise<DelegatedServicesCount> {
  const { waves } = await readDelegationWaves(ws);
  const year =
    financialYear ??
    waves
      .map((w) => w.fromYear)
      .sort()
      .at(-1) ??
    DELEGATION_STATUS_YEARS.at(-1)!;
  const wave = waves
    .filter((w) => w.fromYear <= year)
    .sort((a, b) => a.fromYear.localeCompare(b.fromYear))
    .at(-1);
  const serviceSet = wave?.serviceSet ?? '70';
  const memberships = (await listCurrentServices(ws)).map((s) => membershipFromFlags(s.delegated2023, s.delegated2025));
  return countDelegatedServices(year, Number(serviceSet), memberships, serviceSet);
}
