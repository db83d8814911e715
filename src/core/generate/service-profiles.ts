// Gives each service in the catalogue its generator profile by the first matching rule in the
// assumptions (name pattern, programme of care, highly specialised flag), then spreads the national
// spend over services and points of delivery so the high-cost drug and device shares land on target.
import type { PointOfDelivery } from '../activity/activity-record.ts';
import {
  ASSIGNED_FIELDS,
  type GeneratorAssumptions,
  OPTIONAL_ASSIGNED_FIELDS,
  type PROVIDER_KINDS,
  type PROVIDER_TIERS,
  podEntries,
  type ServiceRule,
  type SPEND_TIERS,
} from '../definitions/generator-assumptions.ts';
import { fail } from '../errors.ts';

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
  /** Least share of national RTT volume in the service's treatment functions a provider needs. */
  providerMinShare: number;
  treatmentFunctions: string[];
  providerKind: ProviderKind;
  /** Designated centres (ODS codes): the only providers, or added to those the RTT volumes give. */
  designation: { providers: string[]; mode: 'only' | 'add'; share: number } | null;
  /** National patients in the base year when the assumptions give the service a volume, else null. */
  patients: number | null;
  /** Share of national spend, summing to 1 over services. */
  spendShare: number;
  /** Within the service: share of its spend by point of delivery, summing to 1, and unit cost. */
  pods: { pod: PointOfDelivery; spendShare: number; unitCost: number }[];
}

type AssignedField = (typeof ASSIGNED_FIELDS)[number] | (typeof OPTIONAL_ASSIGNED_FIELDS)[number];
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
    for (const field of [...ASSIGNED_FIELDS, ...OPTIONAL_ASSIGNED_FIELDS]) {
      if (assigned[field] === undefined && rule.assign[field] !== undefined) {
        (assigned as Record<string, unknown>)[field] = rule.assign[field];
        from[field] = index;
      }
    }
  });
  type Assigned = Required<Pick<ServiceRule['assign'], (typeof ASSIGNED_FIELDS)[number]>> &
    Pick<ServiceRule['assign'], (typeof OPTIONAL_ASSIGNED_FIELDS)[number]>;
  return { assign: assigned as Assigned, rules: from };
}

/** Profiles for every service. A service the assumptions give a national volume gets patients × cost per
 * patient of the base year's spend; the rest of the national spend is spread over the other services by
 * spend tier weight (so the whole national total is carried by the services the catalogue has). The
 * high-cost drug and device shares are then scaled in every service by one national factor each so
 * that nationally they equal the targets. */
export function buildServiceProfiles(
  services: readonly CatalogueService[],
  assumptions: GeneratorAssumptions,
): ServiceProfile[] {
  const national = assumptions.calibration.specialisedSpend.value;
  const draft = services.map((service) => {
    const { assign, rules } = assignServiceRules(service, assumptions.serviceRules);
    const fixedSpend = assign.volume ? assign.volume.patients.value * assign.volume.costPerPatient.value : null;
    return {
      service,
      assign,
      rules,
      fixedSpend,
      weight: fixedSpend === null ? assumptions.spendWeights[assign.spendTier].value : 0,
      pods: podEntries(assumptions.podMixes[assign.podMix]!),
    };
  });
  const fixedTotal = draft.reduce((sum, d) => sum + (d.fixedSpend ?? 0), 0);
  const totalWeight = draft.reduce((sum, d) => sum + d.weight, 0);
  const rest = national - fixedTotal;
  if (!(rest >= 0)) {
    fail('FP_GENERATE_BAD_ASSUMPTIONS', 'The services given a volume leave no room in the national spend.', {
      where: { field: 'serviceRules' },
      received: `£${Math.round(fixedTotal).toLocaleString('en-GB')} of £${national.toLocaleString('en-GB')}`,
      accepted: 'patients × cost per patient summing to less than calibration.specialisedSpend',
    });
  }
  // With no service left to carry the rest (a catalogue of volume services only), the volumes are scaled
  // up together so the national total still holds.
  const fixedScale = totalWeight > 0 || fixedTotal === 0 ? 1 / national : 1 / fixedTotal;
  const spendShareOf = (d: (typeof draft)[number]) =>
    d.fixedSpend !== null ? d.fixedSpend * fixedScale : (rest / national) * (d.weight / totalWeight);
  const shareOf = (d: (typeof draft)[number], pod: PointOfDelivery) =>
    d.pods.find((p) => p.pod === pod)?.spendShare ?? 0;
  let hcd = 0;
  let device = 0;
  for (const d of draft) {
    hcd += spendShareOf(d) * shareOf(d, 'HCD');
    device += spendShareOf(d) * shareOf(d, 'DEVICE');
  }
  const hcdFactor = hcd > 0 ? assumptions.calibration.hcdShare.value / hcd : 1;
  const deviceFactor = device > 0 ? assumptions.calibration.deviceShare.value / device : 1;

  return draft.map((d) => {
    const h = shareOf(d, 'HCD');
    const v = shareOf(d, 'DEVICE');
    const scaledH = Math.min(h * hcdFactor, 0.95);
    const scaledV = Math.min(v * deviceFactor, 0.95 - scaledH);
    const other = 1 - h - v;
    const restFactor = other > 0 ? (1 - scaledH - scaledV) / other : 0;
    const pods = d.pods.map((p) => ({
      pod: p.pod,
      unitCost: p.unitCost,
      spendShare: p.pod === 'HCD' ? scaledH : p.pod === 'DEVICE' ? scaledV : p.spendShare * restFactor,
    }));
    const designation = d.assign.designation
      ? {
          providers: assumptions.designations[d.assign.designation.set]!.providers,
          mode: d.assign.designation.mode,
          share: d.assign.designation.share?.value ?? 0,
        }
      : null;
    return {
      serviceCode: d.service.serviceCode,
      rules: d.rules,
      ageSex: d.assign.ageSex,
      podMix: d.assign.podMix,
      spendTier: d.assign.spendTier,
      providerTier: d.assign.providerTier,
      providerCount: assumptions.providerCounts[d.assign.providerTier].value,
      providerMinShare: assumptions.providerMinShare[d.assign.providerTier].value,
      treatmentFunctions: d.assign.treatmentFunctions,
      providerKind: d.assign.providerKind,
      designation,
      patients: d.assign.volume ? d.assign.volume.patients.value : null,
      spendShare: spendShareOf(d),
      pods,
    };
  });
}
