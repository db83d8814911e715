// The synthetic generator's assumptions as data (definitions/generator-assumptions.json): calibration
// targets, distance decay, age/sex utilisation profiles, point-of-delivery mixes with unit costs, and the
// rules that give each service its profile. Every number carries its basis. The parser is pure: it
// returns the value and every problem found, each naming the field.
import { z } from 'zod';
import { POINTS_OF_DELIVERY, type PointOfDelivery } from '../activity/activity-record.ts';
import type { Problem } from '../errors.ts';
import { AGE_BANDS } from '../population/age-bands.ts';
import { financialYearText } from '../units.ts';

/** Where a number comes from. 'published' = a figure printed in a cited publication; 'calibration-target'
 * = a published figure the generator is tuned to reproduce; 'fitted' = estimated from shipped data by
 * `footprint generate calibrate`; 'assumption' = a judgement, with the reasoning in `basis`. */
export const BASIS_KINDS = ['published', 'calibration-target', 'fitted', 'assumption'] as const;

const basis = z.string().min(1);
const citedNumber = z.object({ value: z.number(), kind: z.enum(BASIS_KINDS), basis });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const PROVIDER_TIERS = ['highly-specialised', 'tertiary', 'specialised', 'widespread'] as const;
export const PROVIDER_KINDS = ['acute', 'mental-health'] as const;
export const SPEND_TIERS = ['very-large', 'large', 'medium', 'small', 'rare'] as const;

const podEntry = z.object({ spendShare: z.number().min(0).max(1), unitCost: z.number().positive() });

const ageSexProfile = z.object({
  kind: z.enum(BASIS_KINDS),
  basis,
  /** Relative utilisation per person in each of the 19 ESP bands, youngest first. */
  ageWeights: z.array(z.number().min(0)).length(AGE_BANDS.length),
  /** Relative utilisation per person by sex. */
  sexWeights: z.object({ M: z.number().min(0), F: z.number().min(0) }),
});

const podMix = z.object({
  kind: z.enum(BASIS_KINDS),
  basis,
  pods: z.partialRecord(z.enum(POINTS_OF_DELIVERY), podEntry),
});

const serviceRule = z.object({
  /** Why this rule assigns what it does. */
  basis,
  match: z.object({
    /** Case-insensitive regular expression tested against the service name. */
    name: z.string().optional(),
    programmeOfCare: z.string().optional(),
    /** true: only services flagged highly specialised (unknown does not match). */
    highlySpecialised: z.literal(true).optional(),
  }),
  /** What the rule sets. Each field is taken from the first matching rule that sets it (a cascade), so
   * age rules and point-of-delivery rules can be written separately. */
  assign: z.object({
    ageSex: z.string().optional(),
    podMix: z.string().optional(),
    spendTier: z.enum(SPEND_TIERS).optional(),
    providerTier: z.enum(PROVIDER_TIERS).optional(),
    /** RTT treatment-function groups (C_320 …) whose volumes rank providers for this service; empty =
     * all treatment functions. */
    treatmentFunctions: z.array(z.string().regex(/^(C_\d{3}|X0[2-6])$/)).optional(),
    /** Which trusts can provide it: 'acute' = trusts with RTT activity in those treatment functions;
     * 'mental-health' = trusts whose name matches mentalHealthProviders.namePattern. */
    providerKind: z.enum(PROVIDER_KINDS).optional(),
    /** A named set of designated centres (`designations`): 'only' = the service's providers are those
     * centres; 'add' = they provide it beside the trusts the RTT volumes give. */
    designation: z
      .object({
        set: z.string(),
        mode: z.enum(['only', 'add']),
        /** 'add' only: the share of every area's patients the designated centres take (split among them by
         * the gravity model), because their referrals do not show in the RTT treatment functions. */
        share: citedNumber.optional(),
      })
      .optional(),
    /** The service's national volume in the base year: patients a year and cost per patient. Its spend
     * is their product; services without one share the rest of the national spend by spend tier. */
    volume: z.object({ patients: citedNumber, costPerPatient: citedNumber }).optional(),
  }),
});

const designationSet = z.object({
  basis,
  /** ODS codes of the designated trusts. */
  providers: z.array(z.string().regex(/^[A-Z0-9]{3,5}$/)).min(1),
});

export const generatorAssumptionsSchema = z.object({
  id: z.literal('generator-assumptions'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semantic version such as 1.0.0'),
  owner: z.string().min(1),
  checker: z.string().min(1),
  reviewed: isoDate,
  nextReview: isoDate,
  description: z.string().min(1),
  calibration: z.object({
    baseYear: financialYearText(),
    specialisedSpend: citedNumber,
    annualGrowth: citedNumber,
    hcdShare: citedNumber,
    deviceShare: citedNumber,
    /** The RTT treatment-function groups whose real provider × commissioner flows (Part_1A) are the
     * benchmark for the generator's in-ICB shares. */
    benchmarkTreatmentFunctions: z.object({ codes: z.array(z.string().regex(/^(C_\d{3}|X0[2-6])$/)).min(1), basis }),
    /** Acceptance bounds of the flow calibration (the test fails outside them). */
    minimumInIcbCorrelation: citedNumber,
    maximumInIcbShareGap: citedNumber,
  }),
  residence: z.object({
    unknownShare: citedNumber,
    olderVintageShare: citedNumber,
  }),
  costNoiseSigma: citedNumber,
  distanceDecay: z.object({ exponent: citedNumber, offsetKm: citedNumber }),
  mentalHealthProviders: z.object({
    namePattern: z.string().min(1),
    /** Mental health trusts whose names the pattern does not catch ("… Healthcare", "… Care"). */
    codes: z.array(z.string().regex(/^[A-Z0-9]{3,5}$/)).default([]),
    basis,
  }),
  /** Trusts missing from the RTT extract, each with a comparator whose figures stand in for it. */
  rttGaps: z.array(z.object({ provider: z.string(), comparator: z.string(), basis })).default([]),
  /** Trusts that treat only children. Every RTT pathway they report, whatever its treatment function, is a
   * child's, so for the paediatric treatment function (X04) all their pathways count; they never provide
   * a service for adults only (no weight on the under-15 bands) nor a service whose age-sex profile is
   * listed in notForAgeSex. */
  childrensHospitals: z
    .object({
      providers: z.array(z.string().regex(/^[A-Z0-9]{3,5}$/)).min(1),
      notForAgeSex: z.array(z.string()).default([]),
      basis,
    })
    .optional(),
  /** Trusts in the RTT extract that have since merged, with the trust their figures now belong to. */
  rttSuccessors: z.array(z.object({ from: z.string(), to: z.string(), basis })).default([]),
  /** Most providers a service of each tier has. */
  providerCounts: z.record(z.enum(PROVIDER_TIERS), citedNumber),
  /** Least share of the national RTT volume in a service's treatment functions a trust needs to provide a
   * service of each tier: so provider counts follow the real spread of activity. */
  providerMinShare: z.record(z.enum(PROVIDER_TIERS), citedNumber),
  /** Flows: an area's patients go to the service's providers as its real RTT flows do, mixed with the
   * gravity model (which reaches providers the area has no recorded flow to). */
  flowModel: z.object({ realFlowWeight: citedNumber }),
  designations: z.record(z.string(), designationSet),
  spendWeights: z.record(z.enum(SPEND_TIERS), citedNumber),
  activityPerPatient: z.record(z.enum(POINTS_OF_DELIVERY), citedNumber),
  ageSexProfiles: z.record(z.string(), ageSexProfile),
  podMixes: z.record(z.string(), podMix),
  serviceRules: z.array(serviceRule).min(1),
});

export const ASSIGNED_FIELDS = [
  'ageSex',
  'podMix',
  'spendTier',
  'providerTier',
  'treatmentFunctions',
  'providerKind',
] as const;

/** Fields a rule may set that have no default: a service without one has no designation or volume. */
export const OPTIONAL_ASSIGNED_FIELDS = ['designation', 'volume'] as const;

export type GeneratorAssumptions = z.infer<typeof generatorAssumptionsSchema>;
export type ServiceRule = GeneratorAssumptions['serviceRules'][number];
export type PodMix = GeneratorAssumptions['podMixes'][string];

export interface ParseResult<T> {
  value: T | null;
  issues: Problem[];
}

/** Checks a parsed JSON value against the schema and the cross-field rules: every rule names profiles and
 * mixes that exist, every mix's spend shares sum to one, every name pattern compiles, the last rule
 * matches every service, and the HCD and device targets leave room for the other points of delivery. */
export function parseGeneratorAssumptions(json: unknown, file = 'definitions/generator-assumptions.json') {
  const result: ParseResult<GeneratorAssumptions> = { value: null, issues: [] };
  const parsed = generatorAssumptionsSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      result.issues.push({
        code: 'FP_GENERATE_BAD_ASSUMPTIONS',
        message: issue.message,
        where: { file, field: issue.path.join('.') },
      });
    }
    return result;
  }
  const value = parsed.data;
  const problem = (field: string, message: string, received?: string) =>
    result.issues.push({ code: 'FP_GENERATE_BAD_ASSUMPTIONS', message, where: { file, field }, received });

  for (const [name, mix] of Object.entries(value.podMixes)) {
    const total = Object.values(mix.pods).reduce((sum, pod) => sum + (pod?.spendShare ?? 0), 0);
    if (Math.abs(total - 1) > 1e-6) {
      problem(`podMixes.${name}.pods`, 'The spend shares of a point-of-delivery mix must sum to 1.', String(total));
    }
  }
  value.serviceRules.forEach((rule, i) => {
    if (rule.assign.ageSex !== undefined && !(rule.assign.ageSex in value.ageSexProfiles)) {
      problem(
        `serviceRules.${i}.assign.ageSex`,
        'The rule names an age/sex profile that is not defined.',
        rule.assign.ageSex,
      );
    }
    if (rule.assign.podMix !== undefined && !(rule.assign.podMix in value.podMixes)) {
      problem(
        `serviceRules.${i}.assign.podMix`,
        'The rule names a point-of-delivery mix that is not defined.',
        rule.assign.podMix,
      );
    }
    if (rule.assign.designation !== undefined && !(rule.assign.designation.set in value.designations)) {
      problem(
        `serviceRules.${i}.assign.designation.set`,
        'The rule names a designation set that is not defined.',
        rule.assign.designation.set,
      );
    }
    if (rule.match.name !== undefined) {
      try {
        new RegExp(rule.match.name, 'i');
      } catch {
        problem(`serviceRules.${i}.match.name`, 'The name pattern is not a valid regular expression.', rule.match.name);
      }
    }
  });
  value.childrensHospitals?.notForAgeSex.forEach((name, i) => {
    if (!(name in value.ageSexProfiles)) {
      problem(`childrensHospitals.notForAgeSex.${i}`, 'The list names an age/sex profile that is not defined.', name);
    }
  });
  try {
    new RegExp(value.mentalHealthProviders.namePattern, 'i');
  } catch {
    problem('mentalHealthProviders.namePattern', 'The name pattern is not a valid regular expression.');
  }
  const last = value.serviceRules.at(-1)!;
  const lastIndex = value.serviceRules.length - 1;
  if (Object.keys(last.match).length > 0) {
    problem(
      `serviceRules.${lastIndex}.match`,
      'The last rule must match every service (an empty match), so no service is left without a profile.',
      JSON.stringify(last.match),
    );
  }
  for (const field of ASSIGNED_FIELDS) {
    if (last.assign[field] === undefined) {
      problem(`serviceRules.${lastIndex}.assign.${field}`, 'The last rule must set every field, as the default.');
    }
  }
  const reserved = value.calibration.hcdShare.value + value.calibration.deviceShare.value;
  if (!(reserved > 0 && reserved < 0.9)) {
    problem(
      'calibration.hcdShare',
      'The high-cost drug and device shares together must be above 0 and below 0.9.',
      String(reserved),
    );
  }
  if (result.issues.length === 0) result.value = value;
  return result;
}

/** The pods of a mix in the canonical order, with their entries. */
export function podEntries(mix: PodMix): { pod: PointOfDelivery; spendShare: number; unitCost: number }[] {
  return POINTS_OF_DELIVERY.flatMap((pod) => {
    const entry = mix.pods[pod];
    return entry && entry.spendShare > 0 ? [{ pod, ...entry }] : [];
  });
}
