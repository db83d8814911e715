// A KPI's SPC picture and escalation status: its monthly values on an XmR chart (src/core/stats spc, in the
// KPI's direction of improvement and against its target), then the first level of its rule set whose
// condition holds.
import { calculateSpc, type SpcResult } from '../stats/index.ts';
import type { EscalationCondition, EscalationLevel, EscalationRules } from './escalation-rules.ts';
import type { KpiDefinition, KpiValue } from './kpi-definition.ts';

export interface KpiAssessment {
  kpiId: string;
  points: number;
  /** null with fewer than two values (SPC needs two). */
  spc: SpcResult | null;
  variationType: string | null;
  assuranceType: string | null;
  lastValue: number | null;
  lastPeriod: string | null;
  status: string;
  /** The conditions that gave the status, in words. */
  reasons: string[];
}

/** The status of a KPI with too few values for SPC. */
export const NOT_ENOUGH_DATA = 'not-enough-data';
/** The status of a KPI whose rule set is not defined. */
export const UNKNOWN_RULE = 'unknown-rule';

/** A figure in the KPI's unit as a person reads it: 1% for a percentage, 12 days for other units. */
export function inUnit(value: number, unit: string): string {
  if (unit === '%') return `${value}%`;
  return unit ? `${value} ${unit}` : String(value);
}

const missesTarget = (value: number, definition: KpiDefinition): boolean =>
  definition.target !== null &&
  (definition.direction === 'increase' ? value < definition.target : value > definition.target);

function holds(
  condition: EscalationCondition,
  definition: KpiDefinition,
  values: readonly KpiValue[],
  spc: SpcResult,
): string | null {
  const facet = spc.facets[0]!;
  if ('variation' in condition) {
    return condition.variation.includes(facet.variationType) ? `latest point is ${facet.variationType}` : null;
  }
  if ('assurance' in condition) {
    return facet.assuranceType === condition.assurance ? `assurance is ${facet.assuranceType}` : null;
  }
  if ('missedTargetMonths' in condition) {
    const n = condition.missedTargetMonths;
    const recent = values.slice(-n);
    return recent.length === n && recent.every((v) => missesTarget(v.value, definition))
      ? `missed the target (${inUnit(definition.target!, definition.unit)}) in each of the last ${n} ${n === 1 ? 'month' : 'months'}`
      : null;
  }
  const recent = spc.points.slice(-condition.concernInLastMonths);
  return recent.some((p) => p.pointType === 'special_cause_concern')
    ? `a special-cause concern in the last ${condition.concernInLastMonths} months`
    : null;
}

export function assessKpi(
  definition: KpiDefinition,
  unsorted: readonly KpiValue[],
  rules: EscalationRules,
): KpiAssessment {
  const values = [...unsorted].sort((a, b) => (a.period < b.period ? -1 : 1));
  const last = values.at(-1) ?? null;
  const base = {
    kpiId: definition.kpiId,
    points: values.length,
    lastValue: last?.value ?? null,
    lastPeriod: last?.period ?? null,
  };
  if (values.length < 2) {
    return {
      ...base,
      spc: null,
      variationType: null,
      assuranceType: null,
      status: NOT_ENOUGH_DATA,
      reasons: ['fewer than two monthly values'],
    };
  }
  const spc = calculateSpc(
    values.map((v) => ({ x: v.period, y: v.value })),
    { improvement: definition.direction, target: definition.target },
  );
  const levels: EscalationLevel[] = rules.ruleSets[definition.escalationRule]?.levels ?? [];
  for (const level of levels) {
    const reasons = level.when.flatMap((condition) => {
      const reason = holds(condition, definition, values, spc);
      return reason === null ? [] : [reason];
    });
    if (reasons.length > 0 || level.when.length === 0) {
      const facet = spc.facets[0]!;
      return {
        ...base,
        spc,
        variationType: facet.variationType,
        assuranceType: facet.assuranceType,
        status: level.status,
        reasons,
      };
    }
  }
  // A KPI stored before its rule set was removed from the definitions file.
  const facet = spc.facets[0]!;
  return {
    ...base,
    spc,
    variationType: facet.variationType,
    assuranceType: facet.assuranceType,
    status: UNKNOWN_RULE,
    reasons: [`the rule set "${definition.escalationRule}" is not in the escalation rules`],
  };
}
