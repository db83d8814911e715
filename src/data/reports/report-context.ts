// What every report over a stored run is asked: dataset, geography, year, ICB. The run itself is resolved
// by readRunContext (queries/run-context.ts), as for the API; an --icb is checked here against the
// vintage's geography.
import { UNALLOCATED } from '../../core/basis/index.ts';
import { fail } from '../../core/errors.ts';
import type { GeographyVintage } from '../../core/geography/vintage.ts';
import type { FinancialYear } from '../../core/units.ts';
import { type RunAsk, type RunMeta, readRunContext, requireRun } from '../queries/run-context.ts';
import type { Workspace } from '../workspace.ts';

export interface ReportOptions extends RunAsk {
  /** Only this financial year. */
  year?: FinancialYear;
  /** Only this ICB (ODS code in the vintage, or UNALLOCATED). */
  icb?: string;
  /** allocations: sum the member ICBs of this footprint; flows: the flows of its residents and into its
   * providers. */
  footprint?: string;
  /** allocations only: one row per region instead of per ICB. */
  byRegion?: boolean;
}

/** The stored run a report reads (readRunContext, then requireRun), with its --icb checked against the
 * vintage's geography. */
export async function reportRun(ws: Workspace, options: ReportOptions): Promise<RunMeta> {
  const meta = requireRun(await readRunContext(ws, options, '--dataset'));
  if (options.icb !== undefined) await checkIcb(ws, options.icb, meta.vintage);
  return meta;
}

async function checkIcb(ws: Workspace, icb: string, vintage: GeographyVintage): Promise<void> {
  if (icb === UNALLOCATED) return;
  const known = await ws.one('SELECT 1 AS known FROM icb WHERE vintage = $1 AND icb_code = $2', [vintage, icb]);
  if (!known) {
    fail('FP_REPORT_UNKNOWN_ICB', `"${icb}" is not an ICB code in the ${vintage} geography.`, {
      where: { parameter: '--icb' },
      received: icb,
      accepted: `an ICB ODS code of the ${vintage} geography (see \`footprint report reference\`), or ${UNALLOCATED}`,
    });
  }
}
