// Gives each service in the catalogue its generator profile by the first matching rule in the
// assumptions (name pattern, programme of care, highly specialised flag), then spreads the national
// spend over services and points of delivery so the high-cost drug and device shares land on target.
import type { PointOfDelivery } from '../activity/activity-record.ts';
import {
  ASSIGNED_FIELDS,
  type GeneratorAssumptions,
  type PROVIDER_KINDS,
  type PROVIDER_TIERS,
  podEntries,
  type ServiceRule,
  type SPEND_TIERS,
} from '../definitions/generator-assumptions.ts';

export interface CatalogueService {
  serviceCode: string;
  name: string;
  programmeOfCare: string | null;
  /** null = unknown, which never counts as "yes". */
  highlySpecialised: boolean | null;
}

export interface ServiceProfile {
  serviceCode: string;
  /** For each assigned field, the index of the rule it came from, for tracing. */
  rules: Record<AssignedField, number>;
  ageSex: string;
  podMix: string;
  spendTier: SpendTier;
  providerTier: ProviderTier;
  providerCount: number;
  treatmentFunctions: string[];
  providerKind: ProviderKind;
  /** Share of national spend, summing to 1 over services. */
  spendShare: number;
  /** Within the service: share of its spend by point of delivery, summing to 1, and unit cost. */
  pods: { pod: PointOfDelivery; spendShare: number; unitCost: number }[];
}

type AssignedField = (typeof ASSIGNED_FIELDS)[number];
type SpendTier = (typeof SPEND_TIERS)[number];
type ProviderTier = (typeof PROVIDER_TIERS)[number];
type ProviderKind = (typeof PROVIDER_KINDS)[number];

function ruleMatches(rule: ServiceRule, service: CatalogueService): boolean {
  const m = rule.match;
  if (m.name !== undefined && !new RegExp(m.name, 'i').test(service.name)) return false;
  if (m.programmeOfCare !== undefined && m.programmeOfCare !== service.programmeOfCare) return false;
  if (m.highlySpecialised === true && service.highlySpecialised !== true) return false;
  return true;
}

/** The assignment for one service: each field from the first matching rule that sets it. The parser
 * guarantees a final catch-all rule that sets every field. */
export function assignServiceRules(service: CatalogueService, rules: readonly ServiceRule[]) {
  const from = {} as Record<AssignedField, number>;
  const assigned: Partial<ServiceRule['assign']> = {};
  rules.forEach((rule, index) => {
    if (!ruleMatches(rule, service)) return;
    for (const field of ASSIGNED_FIELDS) {
      if (assigned[field] === undefined && rule.assign[field] !== undefined) {
        (assigned as Record<string, unknown>)[field] = rule.assign[field];
        from[field] = index;
      }
    }
  });
  return { assign: assigned as Required<ServiceRule['assign']>, rules: from };
}

/** Profiles for every service: national spend spread by each service's spend tier weight (so the whole
 * national total is carried by the services the catalogue has), and the high-cost drug and device shares
 * scaled in every service by one national factor each so that nationally they equal the targets. */
export function buildServiceProfiles(
  services: readonly CatalogueService[],
  assumptions: GeneratorAssumptions,
): ServiceProfile[] {
  const draft = services.map((service) => {
    const { assign, rules } = assignServiceRules(service, assumptions.serviceRules);
    return {
      service,
      assign,
      rules,
      weight: assumptions.spendWeights[assign.spendTier].value,
      pods: podEntries(assumptions.podMixes[assign.podMix]!),
    };
  });
  const totalWeight = draft.reduce((sum, d) => sum + d.weight, 0);
  const shareOf = (d: (typeof draft)[number], pod: PointOfDelivery) =>
    d.pods.find((p) => p.pod === pod)?.spendShare ?? 0;
  let hcd = 0;
  let device = 0;
  for (const d of draft) {
    hcd += (d.weight / totalWeight) * shareOf(d, 'HCD');
    device += (d.weight / totalWeight) * shareOf(d, 'DEVICE');
  }
  const hcdFactor = hcd > 0 ? assumptions.calibration.hcdShare.value / hcd : 1;
  const deviceFactor = device > 0 ? assumptions.calibration.deviceShare.value / device : 1;

  return draft.map((d) => {
    const h = shareOf(d, 'HCD');
    const v = shareOf(d, 'DEVICE');
    const scaledH = Math.min(h * hcdFactor, 0.95);
    const scaledV = Math.min(v * deviceFactor, 0.95 - scaledH);
    const rest = 1 - h - v;
    const restFactor = rest > 0 ? (1 - scaledH - scaledV) / rest : 0;
    const pods = d.pods.map((p) => ({
      pod: p.pod,
      unitCost: p.unitCost,
      spendShare: p.pod === 'HCD' ? scaledH : p.pod === 'DEVICE' ? scaledV : p.spendShare * restFactor,
    }));
    return {
      serviceCode: d.service.serviceCode,
      rules: d.rules,
      ageSex: d.assign.ageSex,
      podMix: d.assign.podMix,
      spendTier: d.assign.spendTier,
      providerTier: d.assign.providerTier,
      providerCount: assumptions.providerCounts[d.assign.providerTier].value,
      treatmentFunctions: d.assign.treatmentFunctions,
      providerKind: d.assign.providerKind,
      spendShare: d.weight / totalWeight,
      pods,
    };
  });
}
