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

/** Real completed admitted pathways (RTT Part_1A) from one 2026 sub-ICB area to one provider in one
 * treatment-function group. */
export interface ModelFlow {
  area: string;
  provider: string;
  tfc: string;
  pathways: number;
}

export interface GeneratorInputs {
  areas: ModelArea[];
  population: ModelPopulation[];
  providers: ModelProvider[];
  services: CatalogueService[];
  flows: ModelFlow[];
  /** Per provider, its completed admitted pathways (RTT Part_1A) whose commissioner is not a 2026 sub-ICB
   * area, mostly NHS England's specialised commissioning hubs: residence unknown, so not in `flows`. */
  unplacedPathways?: Record<string, number>;
  /** RTT volumes of trusts in the extract that are not providers here (closed since, e.g. merged). */
  mergedVolumes?: Record<string, Record<string, number>>;
  /** GP practices of each 2026 sub-ICB area with their registered (allocation) population. */
  practices: { code: string; area: string; persons: number }[];
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
  /** Per area (model.areas order), the real pathways from it to each of the service's providers in the
   * service's treatment functions; null where the area has none to any of them. */
  realFlows: (Float64Array | null)[];
  /** Over the model's demand cells: persons × age weight × sex weight. */
  demandWeights: Float64Array;
  demand: AliasTable;
}

export interface ActivityModel {
  areas: ModelArea[];
  demandCells: DemandCell[];
  services: ServiceModel[];
  /** Per area: its GP practices' codes and an alias table over their populations (null: none known). */
  practiceCodes: string[][];
  practices: (AliasTable | null)[];
  decay: DistanceDecay;
  /** Weight of the real flows against the gravity model in an area's shares (0–1). */
  realFlowWeight: number;
}

/** The RTT treatment-function group of children's services ("Other – paediatric services"). */
export const PAEDIATRIC_TREATMENT_FUNCTION = 'X04';

/** Sum of a provider's volumes over the given treatment functions (all of them when none are given). A
 * children's hospital's pathways are all children's, so for the paediatric group all of them count. */
export function providerVolume(
  provider: ModelProvider,
  treatmentFunctions: readonly string[],
  childrensHospitals: ReadonlySet<string> = new Set(),
): number {
  const all =
    treatmentFunctions.length === 0 ||
    (childrensHospitals.has(provider.code) && treatmentFunctions.includes(PAEDIATRIC_TREATMENT_FUNCTION));
  const codes = all ? Object.keys(provider.volumes) : treatmentFunctions;
  return codes.reduce((sum, code) => sum + (provider.volumes[code] ?? 0), 0);
}

/** Whether a children's hospital may provide a service of this age-sex profile: not one for adults only
 * (no weight on the 0–4, 5–9 and 10–14 bands), nor one the assumptions list (neonatal care, which sits
 * beside maternity units). */
export function childrensHospitalsProvide(ageSex: string, assumptions: GeneratorAssumptions): boolean {
  const weights = assumptions.ageSexProfiles[ageSex]?.ageWeights ?? [];
  const forChildren = weights.slice(0, 3).some((w) => w > 0);
  return forChildren && !(assumptions.childrensHospitals?.notForAgeSex ?? []).includes(ageSex);
}

/** The providers of one service, ranked by attractiveness (ties break on code):
 * - designated 'only': the designated centres present in the workspace;
 * - acute: trusts whose share of the national RTT volume in the service's treatment functions is at
 *   least the tier's minimum share, at most the tier's count — so the number of providers follows how
 *   concentrated the real activity is; a highly specialised service without designated centres takes
 *   the most attractive trust of each NHS region first, so its few centres do not all sit in London;
 * - mental health: trusts matching the mental-health name pattern, one per region first;
 * - designated 'add': the designated centres join the set, as attractive as its median member at least. */
export function chooseServiceProviders(
  profile: ServiceProfile,
  providers: readonly ModelProvider[],
  mentalHealthPattern: RegExp,
  mentalHealthCodes: ReadonlySet<string> = new Set(),
  childrensHospitals: ReadonlySet<string> = new Set(),
): { providers: ModelProvider[]; attractiveness: number[] } {
  const volumeOf = (provider: ModelProvider) =>
    providerVolume(provider, profile.treatmentFunctions, childrensHospitals);
  const byRank = (a: { provider: ModelProvider; attractiveness: number }, b: typeof a) =>
    b.attractiveness - a.attractiveness || (a.provider.code < b.provider.code ? -1 : 1);
  const designated = new Set(profile.designation?.providers ?? []);
  if (profile.designation?.mode === 'only') {
    const centres = providers
      .filter((p) => designated.has(p.code))
      .map((provider) => ({ provider, attractiveness: Math.max(volumeOf(provider), 1) }))
      .sort(byRank);
    return { providers: centres.map((c) => c.provider), attractiveness: centres.map((c) => c.attractiveness) };
  }
  const mentalHealth = profile.providerKind === 'mental-health';
  const candidates = providers
    .map((provider) => ({
      provider,
      attractiveness: mentalHealth
        ? mentalHealthPattern.test(provider.name) || mentalHealthCodes.has(provider.code)
          ? 1
          : 0
        : volumeOf(provider),
    }))
    .filter((c) => c.attractiveness > 0)
    .sort(byRank);
  const wanted = Math.max(1, Math.round(profile.providerCount));
  const total = candidates.reduce((sum, c) => sum + c.attractiveness, 0);
  const eligible = mentalHealth
    ? candidates
    : candidates.filter((c, i) => i === 0 || c.attractiveness / total >= profile.providerMinShare);
  let chosen = eligible.slice(0, wanted);
  if (eligible.length > wanted && (mentalHealth || profile.providerTier === 'highly-specialised')) {
    const picked = new Set<number>();
    const regions = new Set<string>();
    eligible.forEach((c, i) => {
      if (picked.size < wanted && !regions.has(c.provider.regionCode)) {
        regions.add(c.provider.regionCode);
        picked.add(i);
      }
    });
    for (let i = 0; i < eligible.length && picked.size < wanted; i++) picked.add(i);
    chosen = eligible.filter((_, i) => picked.has(i));
  }
  if (designated.size > 0) {
    const sorted = chosen.map((c) => c.attractiveness).sort((a, b) => a - b);
    const median = sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)]! : 1;
    const inSet = new Set(chosen.map((c) => c.provider.code));
    for (const provider of providers) {
      if (!designated.has(provider.code)) continue;
      if (inSet.has(provider.code)) {
        const c = chosen.find((x) => x.provider.code === provider.code)!;
        c.attractiveness = Math.max(c.attractiveness, median);
      } else chosen.push({ provider, attractiveness: Math.max(volumeOf(provider), median) });
    }
    chosen.sort(byRank);
  }
  return { providers: chosen.map((c) => c.provider), attractiveness: chosen.map((c) => c.attractiveness) };
}

/** Per area, the real pathways to each of the service's providers in its treatment functions (all of
 * them when none are mapped; all of a children's hospital's for the paediatric group). */
function realFlowsOf(
  areas: readonly ModelArea[],
  flowsByArea: ReadonlyMap<string, readonly ModelFlow[]>,
  providers: readonly ModelProvider[],
  treatmentFunctions: readonly string[],
  childrensHospitals: ReadonlySet<string>,
): (Float64Array | null)[] {
  const index = new Map(providers.map((p, i) => [p.code, i]));
  const tfcs = new Set(treatmentFunctions);
  const paediatric = tfcs.has(PAEDIATRIC_TREATMENT_FUNCTION);
  const counts = (flow: ModelFlow) =>
    tfcs.size === 0 || tfcs.has(flow.tfc) || (paediatric && childrensHospitals.has(flow.provider));
  return areas.map((area) => {
    const row = new Float64Array(providers.length);
    let any = false;
    for (const flow of flowsByArea.get(area.code) ?? []) {
      const i = index.get(flow.provider);
      if (i === undefined || !counts(flow)) continue;
      row[i] = row[i]! + flow.pathways;
      any = true;
    }
    return any ? row : null;
  });
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
  const mentalHealthCodes = new Set(assumptions.mentalHealthProviders.codes);
  const bandIndex = new Map(AGE_BANDS.map((b, i) => [b, i]));
  const flowsByArea = new Map<string, ModelFlow[]>();
  for (const flow of inputs.flows) {
    const list = flowsByArea.get(flow.area) ?? [];
    list.push(flow);
    flowsByArea.set(flow.area, list);
  }
  const childrensHospitals = new Set(assumptions.childrensHospitals?.providers ?? []);
  const withoutChildrensHospitals = inputs.providers.filter((p) => !childrensHospitals.has(p.code));
  const services = profiles.map((profile, s) => {
    const service = inputs.services[s]!;
    const { providers, attractiveness } = chooseServiceProviders(
      profile,
      childrensHospitalsProvide(profile.ageSex, assumptions) ? inputs.providers : withoutChildrensHospitals,
      mentalHealthPattern,
      mentalHealthCodes,
      childrensHospitals,
    );
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
    const realFlows =
      profile.providerKind === 'mental-health'
        ? inputs.areas.map(() => null)
        : realFlowsOf(inputs.areas, flowsByArea, providers, profile.treatmentFunctions, childrensHospitals);
    return {
      service,
      profile,
      providers,
      attractiveness,
      realFlows,
      demandWeights,
      demand: buildAliasTable(demandWeights),
    };
  });
  const practiceCodes: string[][] = inputs.areas.map(() => []);
  const practiceWeights: number[][] = inputs.areas.map(() => []);
  for (const practice of inputs.practices) {
    const area = areaIndex.get(practice.area);
    if (area === undefined || !(practice.persons > 0)) continue;
    practiceCodes[area]!.push(practice.code);
    practiceWeights[area]!.push(practice.persons);
  }
  return {
    areas: inputs.areas,
    demandCells,
    services,
    practiceCodes,
    practices: practiceWeights.map((w) => (w.length > 0 ? buildAliasTable(w) : null)),
    decay: {
      exponent: assumptions.distanceDecay.exponent.value,
      offsetKm: assumptions.distanceDecay.offsetKm.value,
    },
    realFlowWeight: assumptions.flowModel.realFlowWeight.value,
  };
}

/** P(provider | area) for one service: the area's real flows to the service's providers (their share of
 * its pathways in the service's treatment functions) mixed with the gravity shares, by the real-flow
 * weight; the gravity shares alone where the area has no real flow to any of them. Designated centres
 * added with a share then take that share of the area's patients, split among them by gravity. */
export function serviceProviderShares(model: ActivityModel, service: ServiceModel, area: number): number[] {
  const providers = service.providers.map((p, i) => ({
    latitude: p.latitude,
    longitude: p.longitude,
    attractiveness: service.attractiveness[i]!,
  }));
  const gravity = gravityShares(model.areas[area]!, providers, model.decay);
  const real = service.realFlows[area];
  const w = model.realFlowWeight;
  const total = real ? real.reduce((sum, n) => sum + n, 0) : 0;
  const shares = real && total > 0 ? gravity.map((g, i) => w * (real[i]! / total) + (1 - w) * g) : gravity;
  const designation = service.profile.designation;
  if (designation?.mode !== 'add' || !(designation.share > 0)) return shares;
  const designated = new Set(designation.providers);
  const centres = providers.map((p, i) => ({
    ...p,
    attractiveness: designated.has(service.providers[i]!.code) ? p.attractiveness : 0,
  }));
  if (!centres.some((c) => c.attractiveness > 0)) return shares;
  const toCentres = gravityShares(model.areas[area]!, centres, model.decay);
  return shares.map((s, i) => (1 - designation.share) * s + designation.share * toCentres[i]!);
}
