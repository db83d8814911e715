// Writes Footprint's labelled population estimate (core/population/estimated-projection.ts) as the
// workspace's projections, unless real projections have been imported: `footprint projections import`
// replaces the estimate, and loading the reference data again never overwrites an import.
import {
  ESTIMATE_FIRST_YEAR,
  ESTIMATE_LABEL,
  ESTIMATE_LAST_YEAR,
  estimateFactors,
} from '../../core/population/estimated-projection.ts';
import type { Workspace } from '../workspace.ts';

/** True when the workspace's projections are the estimate (or there are none). */
export async function projectionsAreEstimate(ws: Workspace): Promise<boolean> {
  const row = await ws.one<{ file: string }>('SELECT file FROM projection_import LIMIT 1');
  return !row || row.file === ESTIMATE_LABEL;
}

export async function writeEstimatedProjections(ws: Workspace): Promise<number> {
  if (!(await projectionsAreEstimate(ws))) return 0;
  const factors = estimateFactors();
  const values = factors.map((f) => `('${f.ageBand}', ${f.year}, ${f.factor})`).join(', ');
  await ws.run('DELETE FROM population_projection');
  await ws.run('DELETE FROM projection_import');
  await ws.run(`
    INSERT INTO population_projection
    SELECT p.area_code, f.year, p.age_band, p.sex, p.persons * f.factor
    FROM population p JOIN (VALUES ${values}) f(age_band, year, factor) ON f.age_band = p.age_band
    WHERE p.area_type = 'icb' AND p.sex IN ('M', 'F')
      AND p.source = (SELECT max_by(source, as_at) FROM population WHERE area_type = 'icb')`);
  const stored = await ws.one<{ n: number; cells: number }>(
    `SELECT CAST(count(*) AS INTEGER) AS n, CAST(count(DISTINCT (icb_code, age_band, sex)) AS INTEGER) AS cells
     FROM population_projection`,
  );
  if ((stored?.n ?? 0) > 0) {
    await ws.run("INSERT INTO projection_import VALUES ($1, now(), 'icb', $2, $3, $4)", [
      ESTIMATE_LABEL,
      ESTIMATE_FIRST_YEAR,
      ESTIMATE_LAST_YEAR,
      stored!.cells,
    ]);
  }
  return stored?.n ?? 0;
}
