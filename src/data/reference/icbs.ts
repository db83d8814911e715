// The ICBs of a geography vintage as a person reads them: code and name (and ONS code for the map), or one
// ICB by its ODS code. The readers the routes, the CLI and the place checks share.
import type { GeographyVintage } from '../../core/geography/vintage.ts';
import type { Workspace } from '../workspace.ts';

export interface IcbName {
  code: string;
  name: string;
  regionCode: string;
}

/** Every ICB of the vintage, by name. */
export async function readIcbNames(
  ws: Workspace,
  vintage: GeographyVintage,
): Promise<{ code: string; name: string }[]> {
  return ws.all('SELECT icb_code AS code, name FROM icb WHERE vintage = $1 ORDER BY name', [vintage]);
}

/** Every ICB of the vintage with its ONS code (the key of the shipped boundaries). */
export async function readIcbOnsCodes(
  ws: Workspace,
  vintage: GeographyVintage,
): Promise<{ code: string; onsCode: string; name: string }[]> {
  return ws.all('SELECT icb_code AS code, icb_ons_code AS "onsCode", name FROM icb WHERE vintage = $1', [vintage]);
}

/** The ICB with this ODS code in the vintage, or undefined. */
export async function findIcb(ws: Workspace, vintage: GeographyVintage, code: string): Promise<IcbName | undefined> {
  return ws.one<IcbName>(
    'SELECT icb_code AS code, name, region_code AS "regionCode" FROM icb WHERE vintage = $1 AND icb_code = $2',
    [vintage, code],
  );
}
