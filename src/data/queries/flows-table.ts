// Resident ICB × provider flows, the one reader behind GET /api/flows and `footprint report flows`: for one
// year (or, with none, every stored year, year by year), optionally for one service and one footprint, with
// the cross-boundary share: of the spend for the residents in view, the part at providers outside their own
// ICB (no footprint) or outside the footprint (with one). With a footprint, the rows are the flows of its
// residents wherever treated and the flows into its providers from anywhere.
import { listValue } from '@duckdb/node-api';
import { UNALLOCATED } from '../../core/basis/index.ts';
import type { FlowRow, FlowsTable } from '../../core/flows/flows-answer.ts';
import type { GeographyVintage } from '../../core/geography/vintage.ts';
import { organisationName } from '../../core/names/organisation-name.ts';
import type { Workspace } from '../workspace.ts';
import { icbNameSql } from './icb-name.ts';

export async function flowsTable(
  ws: Workspace,
  run: { dataset: string; vintage: GeographyVintage; year?: string },
  filter: { service?: string; footprintMembers?: string[] },
): Promise<FlowsTable> {
  const members = filter.footprintMembers ?? null;
  const params = [
    run.dataset,
    run.vintage,
    run.year ?? null,
    filter.service ?? null,
    members ? listValue(members) : null,
  ];
  const stored = await ws.all<Omit<FlowRow, 'providerName'> & { providerName: string | null }>(
    `SELECT f.financial_year AS "financialYear",
            f.resident_icb AS "residentIcb", ${icbNameSql('ri.name', 'f.resident_icb')} AS "residentIcbName",
            f.provider_code AS provider, p.name AS "providerName", f.provider_icb AS "providerIcb",
            ${icbNameSql('pi.name', 'f.provider_icb')} AS "providerIcbName",
            CAST(sum(f.activity) AS DOUBLE) AS activity, CAST(sum(f.spend) AS DOUBLE) AS spend
       FROM flow f
       LEFT JOIN icb ri ON ri.vintage = f.vintage AND ri.icb_code = f.resident_icb
       LEFT JOIN provider p ON p.provider_code = f.provider_code
       LEFT JOIN icb pi ON pi.vintage = f.vintage AND pi.icb_code = f.provider_icb
      WHERE f.dataset = $1 AND f.vintage = $2 AND ($3::VARCHAR IS NULL OR f.financial_year = $3::VARCHAR)
        AND ($4::VARCHAR IS NULL OR f.service_code = $4::VARCHAR)
        AND ($5::VARCHAR[] IS NULL OR list_contains($5::VARCHAR[], f.resident_icb)
             OR list_contains($5::VARCHAR[], f.provider_icb))
      GROUP BY ALL ORDER BY "financialYear", spend DESC, "residentIcb", provider`,
    params,
  );
  // Provider names in their normal casing (ODS publishes capitals); a provider not in the list shows its code.
  const rows = stored.map(
    (r): FlowRow => ({
      ...r,
      providerName: r.providerName === null ? r.provider : organisationName(r.providerName),
    }),
  );
  const inView = (icb: string) => (members ? members.includes(icb) : true);
  const residents = rows.filter((r) => inView(r.residentIcb) && r.residentIcb !== UNALLOCATED);
  const total = residents.reduce((sum, r) => sum + r.spend, 0);
  const crossing = residents
    .filter((r) => (members ? !members.includes(r.providerIcb) : r.providerIcb !== r.residentIcb))
    .reduce((sum, r) => sum + r.spend, 0);
  return { rows, crossBoundaryShare: total === 0 ? null : crossing / total };
}
