// The reports `footprint report` and the web app's exports produce, each a Table plus its provenance.
import { fail } from '../../core/errors.ts';
import type { Table } from '../export/table.ts';
import type { Workspace } from '../workspace.ts';
import { allocationsReport } from './allocations.ts';
import { flowsReport } from './flows.ts';
import { referenceReport } from './reference.ts';
import { servicesReport } from './services.ts';
import { type TriangulationOptions, triangulationReport } from './triangulation.ts';

export type { ReportOptions } from './report-context.ts';

export const REPORT_NAMES = ['allocations', 'flows', 'services', 'reference', 'triangulation'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export async function buildReport(
  ws: Workspace,
  name: string,
  options: TriangulationOptions,
): Promise<{ table: Table; meta: object }> {
  switch (name as ReportName) {
    case 'allocations':
      return allocationsReport(ws, options);
    case 'flows':
      return flowsReport(ws, options);
    case 'services':
      return servicesReport(ws, options);
    case 'reference':
      return referenceReport(ws);
    case 'triangulation':
      return triangulationReport(ws, options);
    default:
      return fail('FP_REPORT_UNKNOWN', `There is no report called "${name}".`, {
        where: { parameter: 'report' },
        received: name,
        accepted: REPORT_NAMES.join(', '),
      });
  }
}
