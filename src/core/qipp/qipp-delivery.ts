// QIPP delivery (docs/methods.md, "QIPP delivery"): planned against actual savings to date, a run-rate
// forecast outturn, a RAG status and a trend, per scheme and summed per unit and scenario; and the one
// shape the API, the command line and the web app give. Money in whole pence; pounds only in the rows.
import { z } from 'zod';

export const MONTHS = 12;
export const QIPP_RAGS = ['green', 'amber', 'red'] as const;
export type QippRag = (typeof QIPP_RAGS)[number];
export const QIPP_TRENDS = ['improving', 'steady', 'worsening'] as const;
export type QippTrend = (typeof QIPP_TRENDS)[number];

export interface DeliveryFigures {
  plannedPence: number;
  /** Pence by month 1 (April) … 12 (March); missing = not reported. */
  actualPence: ReadonlyMap<number, number>;
  /** The planned saving month by month (12 figures adding up to plannedPence); default spread evenly. */
  profilePence?: readonly number[];
}

/** Splits whole pence in proportion to weights, by largest remainder, so the parts add up exactly. */
function shareOut(pence: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (pence * w) / total);
  const parts = exact.map(Math.floor);
  let left = pence - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

/**
 * A scheme's planned saving in plan year `planYear` (1-based) month by month, phased as the plan phases it
 * (docs/methods.md, "QIPP delivery"): the earlier tranches recur at their full rate every month; this
 * year's tranche starts in its start month, so month m carries (Σ earlier rates + [m ≥ start] × this
 * year's rate) ÷ 12 of the in-scope do-nothing spend. In whole pence adding up to `plannedPence`.
 */
export function plannedProfile(
  plannedPence: number,
  rates: readonly number[],
  startMonths: readonly number[],
  planYear: number,
): number[] {
  const recurrent = rates.slice(0, planYear - 1).reduce((s, r) => s + r, 0);
  const tranche = rates[planYear - 1] ?? 0;
  const start = startMonths[planYear - 1] ?? 1;
  const weights = Array.from({ length: MONTHS }, (_, i) => recurrent + (i + 1 >= start ? tranche : 0));
  return weights.some((w) => w > 0)
    ? shareOut(plannedPence, weights)
    : shareOut(
        plannedPence,
        weights.map(() => 1),
      );
}

const flat = (plannedPence: number) =>
  shareOut(
    plannedPence,
    Array.from({ length: MONTHS }, () => 1),
  );

export interface Delivery {
  monthsReported: number;
  plannedPence: number;
  planToDatePence: number;
  actualToDatePence: number;
  forecastPence: number;
  rag: QippRag | null;
  trend: QippTrend | null;
  /** Actual ÷ the month's planned saving, by month reported; null when nothing is planned that month. */
  monthlyRatios: (number | null)[];
  /** The planned saving month by month, in pence. */
  profilePence: number[];
  /** The actual saving of each month reported, in pence; null for a month with no figure. */
  actualByMonthPence: (number | null)[];
}

export function ragOf(forecastPence: number, plannedPence: number): QippRag | null {
  if (plannedPence <= 0) return null;
  const ratio = forecastPence / plannedPence;
  return ratio >= 0.95 ? 'green' : ratio >= 0.75 ? 'amber' : 'red';
}

export function trendOf(ratios: readonly (number | null)[]): QippTrend | null {
  const known = ratios.filter((r): r is number => r !== null);
  if (known.length < 2) return null;
  const latest = known[known.length - 1]!;
  const earlier = known.slice(0, -1);
  const change = latest - earlier.reduce((s, r) => s + r, 0) / earlier.length;
  return change > 0.05 ? 'improving' : change < -0.05 ? 'worsening' : 'steady';
}

/** Delivery of one scheme (or of summed figures). */
export function delivery(figures: DeliveryFigures): Delivery {
  const monthsReported = Math.max(0, ...figures.actualPence.keys());
  const planned = figures.plannedPence;
  const profile = [...(figures.profilePence ?? flat(planned))];
  const planToDate = profile.slice(0, monthsReported).reduce((s, p) => s + p, 0);
  let actualToDate = 0;
  for (let m = 1; m <= monthsReported; m++) actualToDate += figures.actualPence.get(m) ?? 0;
  const remaining = planned - planToDate;
  const forecast =
    planToDate > 0 ? actualToDate + Math.round((remaining * actualToDate) / planToDate) : actualToDate + remaining;
  const monthlyRatios = Array.from({ length: monthsReported }, (_, i) =>
    profile[i]! > 0 ? (figures.actualPence.get(i + 1) ?? 0) / profile[i]! : null,
  );
  return {
    monthsReported,
    plannedPence: planned,
    planToDatePence: planToDate,
    actualToDatePence: actualToDate,
    forecastPence: forecast,
    rag: monthsReported > 0 ? ragOf(forecast, planned) : null,
    trend: trendOf(monthlyRatios),
    monthlyRatios,
    profilePence: profile,
    actualByMonthPence: Array.from({ length: monthsReported }, (_, i) => figures.actualPence.get(i + 1) ?? null),
  };
}

/** Sums deliveries (a unit's schemes, or every scheme): figures added, RAG and trend from the sums. */
export function sumDeliveries(parts: readonly { figures: DeliveryFigures; delivery: Delivery }[]): Delivery {
  const actual = new Map<number, number>();
  for (const p of parts) for (const [m, v] of p.figures.actualPence) actual.set(m, (actual.get(m) ?? 0) + v);
  const planned = parts.reduce((s, p) => s + p.figures.plannedPence, 0);
  const forecast = parts.reduce((s, p) => s + p.delivery.forecastPence, 0);
  const profile = Array.from({ length: MONTHS }, (_, i) => parts.reduce((s, p) => s + p.delivery.profilePence[i]!, 0));
  const whole = delivery({ plannedPence: planned, actualPence: actual, profilePence: profile });
  return {
    ...whole,
    planToDatePence: parts.reduce((s, p) => s + p.delivery.planToDatePence, 0),
    forecastPence: forecast,
    rag: whole.monthsReported > 0 ? ragOf(forecast, planned) : null,
  };
}

export const qippDeliveryRowSchema = z.object({
  /** 'scheme' rows are one scheme in one unit; 'unit' rows sum a unit's schemes; 'total' sums all. */
  level: z.enum(['scheme', 'unit', 'total']),
  unit: z.string().nullable(),
  unitName: z.string().nullable(),
  scheme: z.string().nullable(),
  financialYear: z.string(),
  monthsReported: z.number(),
  planned: z.number(),
  planToDate: z.number(),
  actualToDate: z.number(),
  forecast: z.number(),
  variance: z.number(),
  rag: z.enum(QIPP_RAGS).nullable(),
  trend: z.enum(QIPP_TRENDS).nullable(),
  monthlyRatios: z.array(z.number().nullable()),
  /** Planned saving by month, April to March, pounds. */
  plannedByMonth: z.array(z.number()),
  /** Actual saving by month reported, pounds; null for a month with no figure. */
  actualByMonth: z.array(z.number().nullable()),
});
export type QippDeliveryRow = z.infer<typeof qippDeliveryRowSchema>;

export const qippDeliveryAnswerSchema = z.object({
  scenario: z.string(),
  financialYear: z.string(),
  years: z.array(z.string()),
  /** Where the actuals come from: imported monthly figures, or derived from a later activity dataset. */
  actualsFrom: z.object({ kind: z.enum(['import', 'dataset']), dataset: z.string().nullable() }),
  rows: z.array(qippDeliveryRowSchema),
});
export type QippDeliveryAnswer = z.infer<typeof qippDeliveryAnswerSchema>;

export const QIPP_DELIVERY_COLUMNS: { key: string; header: string; kind: 'text' | 'number' | 'money' }[] = [
  { key: 'level', header: 'Level', kind: 'text' },
  { key: 'unitName', header: 'Unit', kind: 'text' },
  { key: 'scheme', header: 'Scheme', kind: 'text' },
  { key: 'financialYear', header: 'Year', kind: 'text' },
  { key: 'monthsReported', header: 'Months reported', kind: 'number' },
  { key: 'planned', header: 'Planned £', kind: 'money' },
  { key: 'planToDate', header: 'Plan to date £', kind: 'money' },
  { key: 'actualToDate', header: 'Actual to date £', kind: 'money' },
  { key: 'forecast', header: 'Forecast outturn £', kind: 'money' },
  { key: 'variance', header: 'Forecast − planned £', kind: 'money' },
  { key: 'rag', header: 'RAG', kind: 'text' },
  { key: 'trend', header: 'Trend', kind: 'text' },
];

/** A delivery as a row, in pounds. */
export function deliveryRow(
  d: Delivery,
  at: Pick<QippDeliveryRow, 'level' | 'unit' | 'unitName' | 'scheme' | 'financialYear'>,
): QippDeliveryRow {
  const pounds = (p: number) => p / 100;
  return {
    ...at,
    monthsReported: d.monthsReported,
    planned: pounds(d.plannedPence),
    planToDate: pounds(d.planToDatePence),
    actualToDate: pounds(d.actualToDatePence),
    forecast: pounds(d.forecastPence),
    variance: pounds(d.forecastPence - d.plannedPence),
    rag: d.rag,
    trend: d.trend,
    monthlyRatios: d.monthlyRatios,
    plannedByMonth: d.profilePence.map(pounds),
    actualByMonth: d.actualByMonthPence.map((a) => (a === null ? null : pounds(a))),
  };
}
