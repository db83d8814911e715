// An ICB code from a user, checked against the 2026 geography (places and networks are 2026 footprints).
import { fail } from '../../core/errors.ts';
import type { Workspace } from '../workspace.ts';

export interface IcbName {
  code: string;
  name: string;
  regionCode: string;
}

export async function requireIcb(ws: Workspace, code: string, parameter: string): Promise<IcbName> {
  const wanted = code.trim().toUpperCase();
  const icb = await ws.one<IcbName>(
    `SELECT icb_code AS code, name, region_code AS "regionCode" FROM icb WHERE vintage = '2026' AND icb_code = $1`,
    [wanted],
  );
  if (!icb) {
    fail('FP_REPORT_UNKNOWN_ICB', `"${code}" is not an ICB code in the 2026 geography.`, {
      where: { parameter },
      received: code,
      accepted: 'a 2026 ICB ODS code such as QWE (see `footprint report reference`)',
    });
  }
  return icb;
}
