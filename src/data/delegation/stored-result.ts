// A stored delegation result as the current code reads it. Results stored before "needs information"
// (issue 15) carry 'not-classified' and 'not-assessed' and no missing items: they are read as
// needs-information, with one missing item saying the run must be repeated to list what is missing.
import { DELEGATION_OUTCOMES } from '../../core/delegation/index.ts';
import type { DelegationResult } from './run-delegation.ts';

const LEGACY_OUTCOMES = new Set(['not-classified', 'not-assessed']);
export const MISSING_RERUN = 'Not recorded by the stored run: run the exercise again to list what is missing';

export function parseStoredResult(json: string): DelegationResult {
  const result = JSON.parse(json) as DelegationResult;
  for (const row of result.rows) {
    if (LEGACY_OUTCOMES.has(row.outcome)) {
      row.outcome = 'needs-information';
      row.missing = [MISSING_RERUN];
    }
    row.missing ??= [];
    for (const a of row.evidence.assessors) if (LEGACY_OUTCOMES.has(a.outcome)) a.outcome = 'needs-information';
  }
  if (!result.summary.missing) {
    const merged = new Map(
      DELEGATION_OUTCOMES.map((o) => [o, { group: o, services: 0, spend: 0, spendShare: 0 as number | null }]),
    );
    for (const g of result.summary.byOutcome) {
      const into = merged.get(LEGACY_OUTCOMES.has(g.group) ? 'needs-information' : (g.group as never))!;
      into.services += g.services;
      into.spend += g.spend;
      into.spendShare = g.spendShare === null ? null : (into.spendShare ?? 0) + g.spendShare;
    }
    result.summary.byOutcome = [...merged.values()];
    const legacy = result.rows.filter((r) => r.missing.includes(MISSING_RERUN));
    const spend = legacy.reduce((s, r) => s + r.spend, 0);
    result.summary.missing = legacy.length
      ? [
          {
            group: MISSING_RERUN,
            services: legacy.length,
            spend,
            spendShare: result.summary.totalSpend > 0 ? spend / result.summary.totalSpend : null,
          },
        ]
      : [];
  }
  return result;
}
