// Organisations users belong to: a 2026 ICB (ODS code, e.g. QWE), an NHS England region (ODS code,
// e.g. Y56) or 'national'. They are read from the reference geography, not stored apart, so they can
// never disagree with it. Scope: national covers everything, a region covers itself and its ICBs, an
// ICB covers itself.
import { fail } from '../../core/errors.ts';
import type { Workspace } from '../workspace.ts';

export const NATIONAL = 'national';
export const ORGANISATION_VINTAGE = '2026';

export type OrganisationType = 'icb' | 'region' | 'national';

export interface Organisation {
  code: string;
  name: string;
  type: OrganisationType;
  /** The region an ICB belongs to; null for regions and national. */
  regionCode: string | null;
}

const NATIONAL_ORGANISATION: Organisation = {
  code: NATIONAL,
  name: 'NHS England (national)',
  type: 'national',
  regionCode: null,
};

/** The organisation with this code, or undefined. Codes are matched without regard to case. */
export async function findOrganisation(ws: Workspace, code: string): Promise<Organisation | undefined> {
  const wanted = code.trim();
  if (wanted.toLowerCase() === NATIONAL) return NATIONAL_ORGANISATION;
  const upper = wanted.toUpperCase();
  const icb = await ws.one<{ code: string; name: string; regionCode: string }>(
    'SELECT icb_code AS code, name, region_code AS "regionCode" FROM icb WHERE vintage = $1 AND icb_code = $2',
    [ORGANISATION_VINTAGE, upper],
  );
  if (icb) return { ...icb, type: 'icb' };
  const region = await ws.one<{ code: string; name: string }>(
    'SELECT region_code AS code, name FROM region WHERE vintage = $1 AND region_code = $2',
    [ORGANISATION_VINTAGE, upper],
  );
  return region ? { ...region, type: 'region', regionCode: null } : undefined;
}

/** The organisation, or FP_AUTH_UNKNOWN_ORGANISATION naming what is accepted. */
export async function requireOrganisation(ws: Workspace, code: string, parameter = 'org'): Promise<Organisation> {
  const found = await findOrganisation(ws, code);
  if (!found) {
    fail('FP_AUTH_UNKNOWN_ORGANISATION', `There is no organisation ${JSON.stringify(code)}.`, {
      where: { parameter },
      received: code,
      accepted: `a 2026 ICB ODS code (e.g. QWE), a region ODS code (e.g. Y56) or "${NATIONAL}"`,
    });
  }
  return found;
}

/** Whether `actor` (an organisation) covers `target`: national covers all; a region itself and its ICBs;
 * an ICB only itself. `target` null (a shipped object) is covered by national alone. */
export function covers(actor: Organisation, target: Organisation | null): boolean {
  if (actor.type === 'national') return true;
  if (!target) return false;
  if (actor.code === target.code) return true;
  return actor.type === 'region' && target.type === 'icb' && target.regionCode === actor.code;
}

/** The organisation codes `actor` covers, for scoping lists in SQL; null means every organisation. */
export async function coveredCodes(ws: Workspace, actor: Organisation): Promise<string[] | null> {
  if (actor.type === 'national') return null;
  if (actor.type === 'icb') return [actor.code];
  const icbs = await ws.all<{ code: string }>(
    'SELECT icb_code AS code FROM icb WHERE vintage = $1 AND region_code = $2 ORDER BY icb_code',
    [ORGANISATION_VINTAGE, actor.code],
  );
  return [actor.code, ...icbs.map((i) => i.code)];
}
