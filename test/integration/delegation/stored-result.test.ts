// A delegation result stored before "needs information" still reads: its old undecided outcomes become
// needs-information, and the summary's groups still add up to the catalogue and 100%.
import { describe, expect, it } from 'vitest';
import { MISSING_RERUN, parseStoredResult } from '../../../src/data/delegation/stored-result.ts';

const row = (service: string, outcome: string, spend: number) => ({
  service,
  name: service,
  highlySpecialised: null,
  suitability: null,
  readiness: null,
  outcome,
  reason: 'old',
  level: null,
  tier: null,
  spend,
  evidence: { assessors: [{ assessor: 'a', outcome, level: null, score: null }] },
});

describe('reading a result stored before needs-information', () => {
  it('maps not-classified and not-assessed to needs-information and merges their summary groups', () => {
    const legacy = {
      exercise: 'old',
      rows: [row('A', 'suitable-and-ready', 60), row('B', 'not-classified', 30), row('C', 'not-assessed', 10)],
      summary: {
        services: 3,
        totalSpend: 100,
        byOutcome: [
          { group: 'suitable-and-ready', services: 1, spend: 60, spendShare: 0.6 },
          { group: 'not-classified', services: 1, spend: 30, spendShare: 0.3 },
          { group: 'not-assessed', services: 1, spend: 10, spendShare: 0.1 },
        ],
        byTier: [],
      },
      provenance: {},
    };
    const result = parseStoredResult(JSON.stringify(legacy));
    expect(result.rows.map((r) => r.outcome)).toEqual(['suitable-and-ready', 'needs-information', 'needs-information']);
    expect(result.rows[1]!.missing).toEqual([MISSING_RERUN]);
    expect(result.rows[0]!.missing).toEqual([]);
    expect(result.rows[2]!.evidence.assessors[0]!.outcome).toBe('needs-information');
    const needs = result.summary.byOutcome.find((g) => g.group === 'needs-information')!;
    expect(needs.services).toBe(2);
    expect(needs.spend).toBe(40);
    expect(needs.spendShare).toBeCloseTo(0.4, 12);
    expect(result.summary.byOutcome.reduce((s, g) => s + g.services, 0)).toBe(3);
    expect(result.summary.missing).toEqual([{ group: MISSING_RERUN, services: 2, spend: 40, spendShare: 0.4 }]);
  });
});
