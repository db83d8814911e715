// A report's --footprint, checked against the workspace's footprints and the report's geography vintage.
import { fail } from '../../core/errors.ts';
import type { Workspace } from '../workspace.ts';

/** A --footprint of the report's vintage: FP_FOOTPRINT_NOT_FOUND, or FP_REPORT_FOOTPRINT_VINTAGE naming the
 * --geography it is made of. */
export async function checkFootprint(ws: Workspace, name: string, vintage: string): Promise<void> {
  const footprint = await ws.one<{ vintage: string }>('SELECT vintage FROM footprint WHERE name = $1', [name]);
  if (!footprint) {
    fail('FP_FOOTPRINT_NOT_FOUND', `No footprint is called "${name}".`, {
      where: { parameter: '--footprint' },
      received: name,
      hint: 'List footprints with `footprint footprint list`.',
    });
  }
  if (footprint.vintage !== vintage) {
    fail(
      'FP_REPORT_FOOTPRINT_VINTAGE',
      `Footprint "${name}" is made of ${footprint.vintage} ICBs, not ${vintage} ones.`,
      {
        where: { parameter: '--footprint' },
        received: `${name} (${footprint.vintage} geography)`,
        accepted: `a footprint of the ${vintage} geography`,
        hint: `Add --geography ${footprint.vintage}.`,
      },
    );
  }
}
