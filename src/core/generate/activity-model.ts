// The sampling model behind the synthetic national activity: for each service, which providers provide
// it and how attractive each is, how its patients spread over sub-ICB areas, sexes and age bands, and the
// gravity shares that send each area's patients to providers. Pure: built from plain arrays read from
// the workspace, so the same model serves the generator and the flow calibration.

import type { GeneratorAssumptions } from '../definitions/generator-assumptions.ts';
import { fail } from '../errors.ts';
import { AGE_BANDS, type AgeBand } from '../population/age-bands.ts';
import { type AliasTable, buildAliasTable } from './alias-table.ts';
import { type DistanceDecay, gravityShares } from './gravity.ts';
import { buildServiceProfiles, type CatalogueService, type ServiceProfile } from './service-profiles.ts';

/** A 2026 sub-ICB location: where patients live. */
export interface ModelArea {
  code: string;
  icbCode: string;
  latitude: number;
  longitude: number;
  /** Older-vintage residence codes (sub-ICB or ICB) that map to this area's ICB and are not 2026 codes. */
  olderCodes: string[];
}

export interface ModelPopulation {
  areaCode: string;
  sex: 'M' | 'F';
  ageBand: AgeBand;
  persons: number;
}

export interface ModelProvider {
  code: string;
  name: string;
  hostIcb: string;
  regionCode: string;
  latitude: number;
  longitude: number;
  /** Completed RTT pathways (admitted + non-admitted) by treatment-function group; empty for providers
   * without RTT activity (most mental health trusts). */
  volumes: Record<string, number>;
}

export interface GeneratorInputs {
  areas: ModelArea[];
  population: ModelPopulation[];
  providers: ModelProvider[];
  services: CatalogueService[];
}

export interface DemandCell {
  area: number;
  sex: 'M' | 'F';
  ageBand: AgeBand;
}

export interface ServiceModel {
  service: CatalogueService;
  profile: ServiceProfile;
  providers: ModelProvider[];
  attractiveness: number[];
  /** Over the model's demand cells: persons × age weight × sex weight. */
  demandWeights: Float64Array;
  demand: AliasTable;
}

export interface ActivityModel {
  areas: ModelArea[];
  demandCells: DemandCell[];
  services: ServiceModel[];
  decay: DistanceDecay;
}

/** Sum of a provider's volumes over the given treatment functions (all of them when none are given). */
export function providerVolume(provider: ModelProvider, treatmentFunctions: readonly string[]): number {
  const codes = treatmentFunctions.length > 0 ? treatmentFunctions : Object.keys(provider.volumes);
  return codes.reduce((sum, code) => sum + (provider.volumes[code] ?? 0), 0);
}

/** The providers of one service: the candidates (acute trusts with RTT volume in the service's treatment
 * functions, or mental health trusts by name) ranked by attractiveness; when fewer are wanted than there
 * are candidates, the most attractive provider of each NHS region comes first (so a national service
 * with four centres does not put all four in London), then the rest by rank. Ties break on code. */
export function chooseServiceProviders(
  profile: ServiceProfile,
  providers: readonly ModelProvider[],
  mentalHealthPattern: RegExp,
): { providers: ModelProvider[]; attractiveness: number[] } {
  const candidates = providers
    .map((provider) => ({
      provider,
      attractiveness:
        profile.providerKind === 'mental-health'
          ? mentalHealthPattern.test(provider.name)
            ? 1
            : 0
          : providerVolume(provider, profile.treatmentFunctions),
    }))
    .filter((c) => c.attractiveness > 0)
    .sort((a, b) => b.attractiveness - a.attractiveness || (a.provider.code < b.provider.code ? -1 : 1));
  const wanted = Math.max(1, Math.round(profile.providerCount));
  let chosen = candidates;
  if (candidates.length > wanted) {
    const picked = new Set<number>();
    const regions = new Set<string>();
    candidates.forEach((c, i) => {
      if (picked.size < wanted && !regions.has(c.provider.regionCode)) {
        regions.add(c.provider.regionCode);
        picked.add(i);
      }
    });
    for (let i = 0; i < candidates.length && picked.size < wanted; i++) picked.add(i);
    chosen = candidates.filter((_, i) => picked.has(i));
  }
  return { providers: chosen.map((c) => c.provider), attractiveness: chosen.map((c) => c.attractiveness) };
}

export function buildActivityModel(inputs: GeneratorInputs, assumptions: GeneratorAssumptions): ActivityModel {
  const areaIndex = new Map(inputs.areas.map((a, i) => [a.code, i]));
  const demandCells: DemandCell[] = [];
  const persons: number[] = [];
  for (const row of inputs.population) {
    const area = areaIndex.get(row.areaCode);
    if (area === undefined || !(row.persons > 0)) continue;
    demandCells.push({ area, sex: row.sex, ageBand: row.ageBand });
    persons.push(row.persons);
  }
  if (demandCells.length === 0) {
    fail('FP_GENERATE_NO_MODEL_INPUT', 'The workspace has no sub-ICB population to draw patients from.', {
      where: { field: 'population' },
      hint: 'Load the reference data first (`footprint init`).',
    });
  }
  const profiles = buildServiceProfiles(inputs.services, assumptions);
  const mentalHealthPattern = new RegExp(assumptions.mentalHealthProviders.namePattern, 'i');
  const bandIndex = new Map(AGE_BANDS.map((b, i) => [b, i]));
  const services = profiles.map((profile, s) => {
    const service = inputs.services[s]!;
    const { providers, attractiveness } = chooseServiceProviders(profile, inputs.providers, mentalHealthPattern);
    if (providers.length === 0) {
      fail('FP_GENERATE_NO_MODEL_INPUT', `No provider in the workspace can provide service ${service.serviceCode}.`, {
        where: { field: 'provider' },
        received: `${service.serviceCode} (${profile.providerKind} providers, treatment functions ${profile.treatmentFunctions.join(' ') || 'any'})`,
      });
    }
    const ageSex = assumptions.ageSexProfiles[profile.ageSex]!;
    const demandWeights = new Float64Array(demandCells.length);
    demandCells.forEach((cell, i) => {
      demandWeights[i] = persons[i]! * ageSex.ageWeights[bandIndex.get(cell.ageBand)!]! * ageSex.sexWeights[cell.sex];
    });
    return { service, profile, providers, attractiveness, demandWeights, demand: buildAliasTable(demandWeights) };
  });
  return {
    areas: inputs.areas,
    demandCells,
    services,
    decay: {
      exponent: assumptions.distanceDecay.exponent.value,
      offsetKm: assumptions.distanceDecay.offsetKm.value,
    },
  };
}

/** P(provider | area) for one service: the gravity shares over the service's providers. */
export function serviceProviderShares(model: ActivityModel, service: ServiceModel, area: number): number[] {
  const providers = service.providers.map((p, i) => ({
    latitude: p.latitude,
    longitude: p.longitude,
    attractiveness: service.attractiveness[i]!,
  }));
  return gravityShares(model.areas[area]!, providers, model.decay);
}
