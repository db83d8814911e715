// Services and national spend per outcome and per tier, with spend shares of the catalogue's total
// (methods.md, "Outcome summary"): the seed's "65 / 27 / 81" and "80% of spend" statements, computed.
// What is unknown is a group of its own, with each missing item counted and costed.

export interface SummaryInput {
  serviceCode: string;
  outcome: string;
  /** null for services that are not tiered. */
  tier: string | null;
  /** National spend in pence (whole), so the totals are exact. */
  spendPence: number;
  /** What the service's outcome waits on (needs-information only). */
  missing?: readonly string[];
}

export interface SummaryGroup {
  group: string;
  services: number;
  spend: number;
  /** Share of the total spend of every service; null when the total is 0. */
  spendShare: number | null;
}

export interface OutcomeSummary {
  services: number;
  totalSpend: number;
  byOutcome: SummaryGroup[];
  byTier: SummaryGroup[];
  /** Per missing item: the services waiting on it and their spend. A service may wait on several items,
   * so these overlap; the needs-information group in byOutcome counts each service once. */
  missing: SummaryGroup[];
}

function groupBy(
  rows: readonly SummaryInput[],
  key: (r: SummaryInput) => string | null,
  order: readonly string[],
  total: number,
) {
  const groups = new Map<string, { services: number; pence: number }>(order.map((g) => [g, { services: 0, pence: 0 }]));
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const g = groups.get(k) ?? { services: 0, pence: 0 };
    g.services++;
    g.pence += row.spendPence;
    groups.set(k, g);
  }
  return [...groups].map(([group, g]) => ({
    group,
    services: g.services,
    spend: g.pence / 100,
    spendShare: total > 0 ? g.pence / total : null,
  }));
}

export function outcomeSummary(
  rows: readonly SummaryInput[],
  outcomeOrder: readonly string[],
  tierOrder: readonly string[],
): OutcomeSummary {
  const totalPence = rows.reduce((sum, r) => sum + r.spendPence, 0);
  return {
    services: rows.length,
    totalSpend: totalPence / 100,
    byOutcome: groupBy(rows, (r) => r.outcome, outcomeOrder, totalPence),
    byTier: groupBy(rows, (r) => r.tier, tierOrder, totalPence),
    missing: missingItems(rows, totalPence),
  };
}

function missingItems(rows: readonly SummaryInput[], total: number): SummaryGroup[] {
  const items = new Map<string, { services: number; pence: number }>();
  for (const row of rows) {
    for (const item of new Set(row.missing ?? [])) {
      const g = items.get(item) ?? { services: 0, pence: 0 };
      g.services++;
      g.pence += row.spendPence;
      items.set(item, g);
    }
  }
  return [...items]
    .sort(([a, x], [b, y]) => y.services - x.services || a.localeCompare(b))
    .map(([group, g]) => ({
      group,
      services: g.services,
      spend: g.pence / 100,
      spendShare: total > 0 ? g.pence / total : null,
    }));
}
