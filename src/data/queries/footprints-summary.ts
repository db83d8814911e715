// Every footprint with its member ICBs, their summed registered population (2026 geography) and
// population-basis spend in one year, and the organisation that owns it (null for shipped ones).

import type { FootprintRow } from '../../core/footprints/footprints-answer.ts';
import type { Workspace } from '../workspace.ts';
import { icbPopulationSql } from './icb-population.ts';

export async function footprintsSummary(
  ws: Workspace,
  run: { dataset: string | null; year: string | null },
): Promise<FootprintRow[]> {
  const rows = await ws.all<Omit<FootprintRow, 'members'> & { members: string }>(
    `WITH spend AS (
       SELECT icb_code, sum(population_basis_spend) AS spend FROM allocation
        WHERE dataset = $1 AND vintage = '2026' AND financial_year = $2 GROUP BY icb_code
     )
     SELECT f.name, f.kind, f.description, string_agg(m.icb_code, ',' ORDER BY m.icb_code) AS members,
            CAST(coalesce(sum(pop.population), 0) AS DOUBLE) AS population,
            CAST(coalesce(sum(s.spend), 0) AS DOUBLE) AS "populationBasisSpend",
            f.owner_organisation AS owner
       FROM footprint f
       JOIN footprint_member m ON m.footprint_name = f.name
       LEFT JOIN (${icbPopulationSql('2026')}) pop ON pop.icb_code = m.icb_code
       LEFT JOIN spend s ON s.icb_code = m.icb_code
      WHERE f.vintage = '2026'
      GROUP BY f.name, f.kind, f.description, f.owner_organisation
      ORDER BY CASE f.kind WHEN 'icb' THEN 3 WHEN 'region' THEN 2 WHEN 'group' THEN 1 ELSE 0 END, f.name`,
    [run.dataset, run.year],
  );
  // Members come back joined by commas: ICB codes never contain one.
  return rows.map((r) => ({ ...r, members: r.members.split(',') }));
}

/** A footprint's kind and owning organisation (null for shipped ones), matched by name without regard to
 * case as src/data/footprints.ts does; undefined when there is none. */
export async function footprintOwnership(
  ws: Workspace,
  name: string,
): Promise<{ name: string; kind: string; owner: string | null } | undefined> {
  return ws.one<{ name: string; kind: string; owner: string | null }>(
    'SELECT name, kind, owner_organisation AS owner FROM footprint WHERE lower(name) = lower($1)',
    [name.trim()],
  );
}

/** The member ICB codes of a footprint (name matched without regard to case), or undefined. */
export async function footprintMembers(ws: Workspace, name: string): Promise<string[] | undefined> {
  const rows = await ws.all<{ code: string }>(
    `SELECT m.icb_code AS code FROM footprint f JOIN footprint_member m ON m.footprint_name = f.name
      WHERE lower(f.name) = lower($1) ORDER BY m.icb_code`,
    [name.trim()],
  );
  return rows.length ? rows.map((r) => r.code) : undefined;
}
