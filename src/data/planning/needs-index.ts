// The default needs index for allocation targets: each current ICB's weighted population, the sum of the
// general & acute weighted populations NHS England publishes for its GP practices. This is a stated proxy
// for specialised need (the specialised formula resembles it but is not published at practice level).
// Practices are placed in 2026 ICBs through the practice register; a practice no longer registered is
// placed through its published 2023 ICB's largest-share 2026 ICB.
import type { Workspace } from '../workspace.ts';

export interface NeedsIndex {
  /** The financial year of the weighted populations used. */
  financialYear: string;
  byIcb: Map<string, number>;
}

/** The weighted populations of the latest published year up to `wantedYear`, else the earliest there is;
 * null when the workspace has none. */
export async function icbNeedsIndex(ws: Workspace, wantedYear: string): Promise<NeedsIndex | null> {
  const years = (
    await ws.all<{ year: string }>(
      'SELECT DISTINCT financial_year AS year FROM weighted_population WHERE general_acute_wp IS NOT NULL ORDER BY year',
    )
  ).map((r) => r.year);
  const year = years.filter((y) => y <= wantedYear).at(-1) ?? years[0];
  if (!year) return null;
  const rows = await ws.all<{ icb: string; need: number }>(
    `SELECT COALESCE(g.icb_code, r.icb_2026) AS icb, CAST(sum(w.general_acute_wp) AS DOUBLE) AS need
     FROM weighted_population w
     LEFT JOIN gp_practice g ON g.practice_code = w.practice_code
     LEFT JOIN residence_map r ON r.code = w.icb_code
     WHERE w.financial_year = $1 AND w.general_acute_wp IS NOT NULL
     GROUP BY 1 HAVING icb IS NOT NULL`,
    [year],
  );
  return { financialYear: year, byIcb: new Map(rows.map((r) => [r.icb, r.need])) };
}
