// One footprint named by a user: --footprint NAME (any footprint of the 2026 geography) or --icb CODE,
// exactly one of them, resolved to its ICB codes.
import { fail } from '../../core/errors.ts';
import type { Workspace } from '../workspace.ts';
import { requireIcb } from './require-icb.ts';

export interface FootprintChoice {
  footprint?: string;
  icb?: string;
}

export interface ResolvedFootprint {
  name: string;
  kind: string;
  codes: string[];
}

export async function resolveFootprint(ws: Workspace, options: FootprintChoice): Promise<ResolvedFootprint> {
  if ((options.footprint === undefined) === (options.icb === undefined)) {
    fail('FP_TRIANGULATION_BAD_OPTION', 'Name one footprint: either --footprint NAME or --icb CODE.', {
      where: { parameter: options.footprint === undefined ? '--footprint / --icb' : '--icb' },
      received: options.footprint === undefined ? '(neither)' : 'both',
      accepted: 'exactly one of --footprint NAME or --icb CODE',
    });
  }
  if (options.icb !== undefined) {
    const icb = await requireIcb(ws, options.icb, '--icb');
    return { name: icb.name, kind: 'icb', codes: [icb.code] };
  }
  const wanted = options.footprint!.trim();
  const found = await ws.one<{ name: string; kind: string; vintage: string }>(
    'SELECT name, kind, vintage FROM footprint WHERE lower(name) = lower($1)',
    [wanted],
  );
  if (!found) {
    fail('FP_FOOTPRINT_NOT_FOUND', `There is no footprint called "${wanted}".`, {
      where: { parameter: '--footprint' },
      received: wanted,
      hint: 'See `footprint footprint list`, or use --icb CODE for one ICB.',
    });
  }
  if (found.vintage !== '2026') {
    fail('FP_REPORT_FOOTPRINT_VINTAGE', `The footprint "${found.name}" is on the ${found.vintage} geography.`, {
      where: { parameter: '--footprint' },
      received: found.vintage,
      accepted: '2026',
    });
  }
  const members = await ws.all<{ code: string }>(
    'SELECT icb_code AS code FROM footprint_member WHERE footprint_name = $1 ORDER BY icb_code',
    [found.name],
  );
  return { name: found.name, kind: found.kind, codes: members.map((m) => m.code) };
}
