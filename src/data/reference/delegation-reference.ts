// The delegation reference in the workspace: the delegation waves and joint committees (shipped in
// data/reference/services), loaded with every value checked, and the per-ICB or per-region delegation a
// services catalogue import carries. Read back by data/delegation/delegation-status.ts.
import { fail } from '../../core/errors.ts';
import type { AreaDelegation, DelegationArea } from '../../core/services/delegation-area-columns.ts';
import { parseFinancialYear } from '../../core/units.ts';
import { insertRows } from '../insert-rows.ts';
import type { Workspace } from '../workspace.ts';
import { stageCsv } from './reference-files.ts';

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
