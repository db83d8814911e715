import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEscalationRules } from './escalation-rules.ts';
import { assessKpi, inUnit } from './kpi-assessment.ts';
import type { KpiDefinition } from './kpi-definition.ts';

const rules = parseEscalationRules(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'definitions', 'kpi-escalation.json'), 'utf8')),
).value!;
const kpi: KpiDefinition = {
  kpiId: 'K',
  name: 'Within 18 weeks',
  serviceCode: '13X',
  providerCode: 'RJ7',
  icbCode: null,
  unit: '%',
  direction: 'increase',
  target: 92,
  escalationRule: 'standard',
};
const months = (values: number[]) =>
  values.map((value, i) => ({ kpiId: 'K', period: `2025-${String(i + 1).padStart(2, '0')}-01`, value }));

describe('KPI assessment and escalation', () => {
  it('Quality: a KPI that falls below its lower limit is escalated to CQRM', () => {
    // Eleven months alternating 94 and 95 (six 94s, five 95s), then 86: mean 1125/12 = 93.75; moving ranges ten
    // of 1 and one of 8, AMR 18/11 = 1.636, 8 ≥ 3.267·1.636 = 5.35 is screened, AMR 1, LPL = 93.75 − 2.66 = 91.09.
    // 86 is Below LCL, a concern when higher is better, so the variation icon is concern_low.
    const result = assessKpi(kpi, months([94, 95, 94, 95, 94, 95, 94, 95, 94, 95, 94, 86]), rules);
    expect(result.spc!.points[11]!.lpl).toBeCloseTo(91.09, 12);
    expect(result.variationType).toBe('concern_low');
    expect(result.status).toBe('escalate-to-cqrm');
    expect(result.reasons).toContain('latest point is concern_low');
  });

  it('Quality: one month short of target with common-cause variation is watched', () => {
    // 93, 94 … then 91.8: within the limits, above nothing special, but short of 92 this month only.
    const result = assessKpi(kpi, months([93, 94, 93, 94, 93, 94, 93, 94, 93, 94, 93, 91.8]), rules);
    expect(result.variationType).toBe('common_cause');
    expect(result.status).toBe('watch');
    expect(result.reasons).toEqual(['missed the target (92%) in each of the last 1 month']);
  });

  it('a KPI with one value has no SPC and says so; values are sorted by month first', () => {
    expect(assessKpi(kpi, months([93]), rules)).toMatchObject({ status: 'not-enough-data', spc: null, lastValue: 93 });
    const shuffled = months([93, 94, 93, 94, 93, 94, 93, 94, 93, 94, 93, 94]).reverse();
    expect(assessKpi(kpi, shuffled, rules)).toMatchObject({ lastPeriod: '2025-12-01', status: 'no-escalation' });
  });

  it('a KPI naming a rule set that is not defined gets unknown-rule', () => {
    const result = assessKpi({ ...kpi, escalationRule: 'gone' }, months([93, 94, 93]), rules);
    expect(result.status).toBe('unknown-rule');
  });
});

describe('a figure in its unit', () => {
  it('writes a percentage with its sign and other units after a space', () => {
    expect(inUnit(1, '%')).toBe('1%');
    expect(inUnit(12.5, 'days')).toBe('12.5 days');
    expect(inUnit(3, '')).toBe('3');
  });
});
