// The delegation waves and joint committees (shipped in data/reference/services) in the workspace, and
// each current service's delegation status for an ICB and years, resolved by core from the waves, the
// catalogue's membership of the 59 and the 70, and any imported per-ICB or per-region table.
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
import type { AreaDelegation, DelegationArea } from '../../core/services/delegation-area-columns.ts';
import { parseFinancialYear } from '../../core/units.ts';
import { listCurrentServices } from '../queries/services-catalogue.ts';
import { insertRows, stageCsv } from '../reference/reference-files.ts';
import type { Workspace } from '../workspace.ts';

const WAVE_COLUMNS = [
  'from_year',
  'region_code',
  'region_name',
  'service_set',
  'arrangement',
  'board_decision',
  'source_url',
] as const;
const COMMITTEE_COLUMNS = ['region_code', 'icb_code', 'joint_committee', 'source_url', 'note'] as const;

function badReference(file: string, row: number, field: string, message: string, received: string, accepted: string) {
  fail('FP_REFERENCE_BAD_FILE', message, { where: { file, row, field }, received, accepted });
}

/** Replaces the waves and joint committees from the two shipped files, checking every value first.
 * Runs inside the reference load's transaction. */
export async function loadDelegationWaves(ws: Workspace, wavesFile: string, committeesFile: string): Promise<number> {
  await stageCsv(ws, 'ref_delegation_wave', wavesFile, WAVE_COLUMNS);
  await stageCsv(ws, 'ref_joint_committee', committeesFile, COMMITTEE_COLUMNS);
  const regions = new Set(
    (await ws.all<{ code: string }>('SELECT DISTINCT region_code AS code FROM region')).map((r) => r.code),
  );
  const waves = await ws.all<Record<(typeof WAVE_COLUMNS)[number], string | null>>(
    `SELECT ${WAVE_COLUMNS.join(', ')} FROM ref_delegation_wave`,
  );
  waves.forEach((w, i) => {
    const row = i + 1;
    if (!parseFinancialYear(w.from_year ?? '')) {
      badReference(wavesFile, row, 'from_year', 'The year is not a financial year.', w.from_year ?? '', 'e.g. 2024/25');
    }
    if (!regions.has(w.region_code ?? '')) {
      badReference(
        wavesFile,
        row,
        'region_code',
        'The region is not in the geography.',
        w.region_code ?? '',
        'Y56…Y63',
      );
    }
    if (w.service_set !== '59' && w.service_set !== '70') {
      badReference(
        wavesFile,
        row,
        'service_set',
        'The service set is not one of the waves.',
        w.service_set ?? '',
        '59 or 70',
      );
    }
    if (w.arrangement !== 'joint-committee' && w.arrangement !== 'delegated') {
      badReference(
        wavesFile,
        row,
        'arrangement',
        'The arrangement is not one a wave makes.',
        w.arrangement ?? '',
        'joint-committee or delegated',
      );
    }
    if (!w.source_url) badReference(wavesFile, row, 'source_url', 'Every wave names its source.', '', 'a URL');
  });
  const committees = await ws.all<Record<(typeof COMMITTEE_COLUMNS)[number], string | null>>(
    `SELECT ${COMMITTEE_COLUMNS.join(', ')} FROM ref_joint_committee`,
  );
  committees.forEach((c, i) => {
    if (!regions.has(c.region_code ?? '')) {
      badReference(
        committeesFile,
        i + 1,
        'region_code',
        'The region is not in the geography.',
        c.region_code ?? '',
        'Y56…Y63',
      );
    }
    if (!c.joint_committee)
      badReference(committeesFile, i + 1, 'joint_committee', 'The committee has no name.', '', 'a name');
  });
  await ws.run('DELETE FROM delegation_wave');
  await ws.run('DELETE FROM joint_committee');
  await insertRows(
    ws,
    'delegation_wave',
    [...WAVE_COLUMNS],
    waves.map((w) => WAVE_COLUMNS.map((c) => w[c])),
  );
  await insertRows(
    ws,
    'joint_committee',
    ['region_code', 'icb_code', 'name', 'source_url', 'note'],
    committees.map((c) => [c.region_code, c.icb_code || null, c.joint_committee, c.source_url, c.note]),
  );
  return waves.length;
}

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

/** Every ICB and region a delegation-status column may name, in both geography vintages. */
export async function delegationAreas(ws: Workspace): Promise<DelegationArea[]> {
  return ws.all<DelegationArea>(`
    SELECT DISTINCT icb_code AS code, name, 'icb' AS kind FROM icb
    UNION SELECT DISTINCT region_code AS code, name, 'region' AS kind FROM region`);
}

export async function storeAreaDelegation(ws: Workspace, catalogueVersion: number, rows: readonly AreaDelegation[]) {
  await insertRows(
    ws,
    'service_delegation_area',
    ['service_code', 'catalogue_version', 'financial_year', 'area_code', 'area_kind', 'arrangement'],
    rows.map((r) => [r.serviceCode, catalogueVersion, r.financialYear, r.areaCode, r.areaKind, r.arrangement]),
  );
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
  const { waves, committees } = await readDelegationWaves(ws);
  const services = await listCurrentServices(ws);
  const imported = await ws.all<{
    code: string;
    year: string;
    kind: string;
    arrangement: DelegationArrangement;
    file: string | null;
  }>(
    `SELECT a.service_code AS code, a.financial_year AS year, a.area_kind AS kind, a.arrangement, v.file
       FROM service_delegation_area a
       JOIN service s ON s.service_code = a.service_code AND s.catalogue_version = a.catalogue_version AND s.is_current
       JOIN catalogue_version v ON v.catalogue_version = a.catalogue_version
      WHERE a.area_code IN ($1, $2)`,
    [icb.icbCode, icb.regionCode],
  );
  // The ICB's own column wins over its region's.
  const importedFor = (code: string, year: string) =>
    imported.find((r) => r.code === code && r.year === year && r.kind === 'icb') ??
    imported.find((r) => r.code === code && r.year === year && r.kind === 'region');
  const result = new Map<string, DelegationStatus[]>();
  for (const service of services) {
    const membership = membershipFromFlags(service.delegated2023, service.delegated2025);
    result.set(
      service.serviceCode,
      question.years.map((financialYear) => {
        const row = importedFor(service.serviceCode, financialYear);
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
