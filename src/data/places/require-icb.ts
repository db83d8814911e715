// An ICB code from a user, checked against the 2026 geography (places and networks are 2026 footprints).
import { fail } from '../../core/errors.ts';
import { findIcb, type IcbName } from '../reference/icbs.ts';
import type { Workspace } from '../workspace.ts';

export async function requireIcb(ws: Workspace, code: string, parameter: string): Promise<IcbName> {
  const icb = await findIcb(ws, '2026', code.trim().toUpperCase());
  if (!icb) {
    fail('FP_REPORT_UNKNOWN_ICB', `"${code}" is not an ICB code in the 2026 geography.`, {
      where: { parameter },
      received: code,
      accepted: 'a 2026 ICB ODS code such as QWE (see `footprint report reference`)',
    });
  }
  return icb;
}
