// QIPP actuals derived from a later activity dataset (docs/methods.md, "QIPP delivery"): for each scheme and
// unit, month by month, what the plan's do-nothing would have spent in the scheme's scope — the plan
// dataset's base-year spend of that month, grown by the unit's do-nothing growth to the plan year — less
// what the later dataset records as spent. Residence resolved through the 2026 residence map; rows with no
// month or no known residence are left out of both sides alike.
import { fail } from '../../core/errors.ts';
import type { QippScheme } from '../../core/qipp/qipp-scheme.ts';
import type { Workspace } from '../workspace.ts';

export interface DerivedActualsInput {
  /** The plan run's dataset and the scenario's base year. */
  planDataset: string;
  baseYear: string;
  /** The later dataset and the plan year its activity is compared for. */
  dataset: string;
  year: string;
  schemes: readonly QippScheme[];
  /** Each unit with its ICBs and do-nothing growth from the base year to the plan year. */
  units: readonly { unit: string; icbs: readonly string[]; growth: number }[];
}

interface MonthSpend {
  icb: string;
  month: number;
  pence: number;
}

async function scopedMonthlySpend(
  ws: Workspace,
  dataset: string,
  year: string,
  scheme: QippScheme,
): Promise<MonthSpend[]> {
  const params: string[] = [dataset, year];
  const list = (column: string, values: readonly string[] | undefined) => {
    if (!values?.length) return '';
    const placeholders = values.map((v) => {
      params.push(v);
      return `$${params.length}`;
    });
    return ` AND a.${column} IN (${placeholders.join(', ')})`;
  };
  const where =
    list('provider_code', scheme.scope.providers) +
    list('service_code', scheme.scope.services) +
    list('pod', scheme.scope.pods);
  return ws.all<MonthSpend>(
    `SELECT r.icb_2026 AS icb, CAST(a.month AS INTEGER) AS month, CAST(round(sum(a.cost) * 100) AS DOUBLE) AS pence
     FROM activity a JOIN residence_map r ON r.code = a.residence_code
     WHERE a.dataset = $1 AND a.financial_year = $2 AND a.month IS NOT NULL${where}
     GROUP BY ALL`,
    params,
  );
}

/** Actual savings by `scheme\u0000unit` and month (pence), for the months the later dataset reports. */
export async function deriveQippActuals(
  ws: Workspace,
  input: DerivedActualsInput,
): Promise<Map<string, Map<number, number>>> {
  const months = (
    await ws.all<{ month: number }>(
      `SELECT DISTINCT CAST(month AS INTEGER) AS month FROM activity
       WHERE dataset = $1 AND financial_year = $2 AND month IS NOT NULL ORDER BY 1`,
      [input.dataset, input.year],
    )
  ).map((r) => r.month);
  if (months.length === 0) {
    fail('FP_QIPP_NO_ACTUALS_DATA', `Dataset "${input.dataset}" has no activity with a month in ${input.year}.`, {
      where: { parameter: 'actualsFromDataset' },
      received: input.dataset,
      accepted: 'a dataset with activity for the plan year, months 1 (April) to 12 (March)',
      hint: 'Import the later activity with `footprint import FILE --dataset NAME`.',
    });
  }
  const actuals = new Map<string, Map<number, number>>();
  for (const scheme of input.schemes) {
    const base = await scopedMonthlySpend(ws, input.planDataset, input.baseYear, scheme);
    const later = await scopedMonthlySpend(ws, input.dataset, input.year, scheme);
    for (const unit of input.units) {
      const icbs = new Set(unit.icbs);
      const sum = (rows: readonly MonthSpend[], month: number) =>
        rows.filter((r) => r.month === month && icbs.has(r.icb)).reduce((s, r) => s + r.pence, 0);
      const byMonth = new Map<number, number>();
      for (const month of months) {
        byMonth.set(month, Math.round(sum(base, month) * unit.growth) - sum(later, month));
      }
      actuals.set(`${scheme.name}\u0000${unit.unit}`, byMonth);
    }
  }
  return actuals;
}
