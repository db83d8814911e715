// A trust missing from the RTT extract (it did not submit that month) would have no volume and no flows,
// so the generator would give it nothing. The assumptions name such trusts with a comparator: a trust
// of the same kind and size whose figures stand in for them. The gap trust gets the comparator's
// per-resident rate of home-ICB pathways, applied to each area of its own host ICB, and the comparator's
// volumes scaled by the two host ICBs' populations. Its out-of-ICB reach is left to the gravity model.
// A trust whose admitted work is mostly commissioned by NHS England's hubs (no residence) has its placed
// flows scaled up to all its admitted pathways.
import type { GeneratorInputs, ModelFlow } from './activity-model.ts';

/** A trust in the RTT extract that has since merged into another: its figures count as the successor's. */
export interface RttSuccessor {
  from: string;
  to: string;
}

/** The inputs with each merged trust's RTT volumes and flows moved to its successor. The merged trust
 * itself is not among the generator's providers (it is closed), so only its figures move. */
export function applyRttSuccessors(inputs: GeneratorInputs, successors: readonly RttSuccessor[]): GeneratorInputs {
  if (successors.length === 0) return inputs;
  const to = new Map(successors.map((s) => [s.from, s.to]));
  const extra = new Map<string, Record<string, number>>();
  for (const s of successors) {
    const volumes = inputs.mergedVolumes?.[s.from];
    if (!volumes) continue;
    const entry = extra.get(s.to) ?? {};
    for (const [tfc, n] of Object.entries(volumes)) entry[tfc] = (entry[tfc] ?? 0) + n;
    extra.set(s.to, entry);
  }
  const providers = inputs.providers.map((p) => {
    const add = extra.get(p.code);
    if (!add) return p;
    const volumes = { ...p.volumes };
    for (const [tfc, n] of Object.entries(add)) volumes[tfc] = (volumes[tfc] ?? 0) + n;
    return { ...p, volumes };
  });
  const flows = inputs.flows.map((f) => (to.has(f.provider) ? { ...f, provider: to.get(f.provider)! } : f));
  return { ...inputs, providers, flows };
}

export interface RttGap {
  provider: string;
  comparator: string;
}

/** The inputs with each gap trust's volumes and home-ICB flows filled in from its comparator. Gaps
 * naming a trust that is not in the inputs, or that has RTT data after all, are left alone. */
export function fillRttGaps(inputs: GeneratorInputs, gaps: readonly RttGap[]): GeneratorInputs {
  const byCode = new Map(inputs.providers.map((p) => [p.code, p]));
  const persons = new Map<string, number>();
  for (const row of inputs.population) persons.set(row.areaCode, (persons.get(row.areaCode) ?? 0) + row.persons);
  const icbOf = new Map(inputs.areas.map((a) => [a.code, a.icbCode]));
  const icbPersons = (icb: string) =>
    inputs.areas.filter((a) => a.icbCode === icb).reduce((sum, a) => sum + (persons.get(a.code) ?? 0), 0);

  let providers = inputs.providers;
  const flows: ModelFlow[] = [...inputs.flows];
  for (const gap of gaps) {
    const target = byCode.get(gap.provider);
    const comparator = byCode.get(gap.comparator);
    if (!target || !comparator || Object.keys(target.volumes).length > 0) continue;
    const comparatorPersons = icbPersons(comparator.hostIcb);
    const targetPersons = icbPersons(target.hostIcb);
    if (!(comparatorPersons > 0) || !(targetPersons > 0)) continue;
    const ratio = targetPersons / comparatorPersons;
    const volumes = Object.fromEntries(Object.entries(comparator.volumes).map(([tfc, n]) => [tfc, n * ratio]));
    providers = providers.map((p) => (p.code === target.code ? { ...p, volumes } : p));
    const homeRate = new Map<string, number>();
    for (const f of inputs.flows) {
      if (f.provider === comparator.code && icbOf.get(f.area) === comparator.hostIcb) {
        homeRate.set(f.tfc, (homeRate.get(f.tfc) ?? 0) + f.pathways / comparatorPersons);
      }
    }
    for (const area of inputs.areas) {
      if (area.icbCode !== target.hostIcb) continue;
      for (const [tfc, rate] of [...homeRate].sort(([a], [b]) => (a < b ? -1 : 1))) {
        flows.push({ area: area.code, provider: target.code, tfc, pathways: rate * (persons.get(area.code) ?? 0) });
      }
    }
  }
  return { ...inputs, providers, flows };
}

/** The inputs with the named trusts' flows scaled up so that they carry all of each trust's admitted
 * pathways: those commissioned by an NHS England hub (residence unknown) are spread over areas as the
 * trust's placed pathways are. For a children's hospital most admitted work is hub-commissioned, so its
 * placed flows alone would give it a small share of its own area's children. */
export function placeUnplacedPathways(inputs: GeneratorInputs, providers: readonly string[]): GeneratorInputs {
  const scale = new Map<string, number>();
  for (const code of providers) {
    const unplaced = inputs.unplacedPathways?.[code] ?? 0;
    const placed = inputs.flows.filter((f) => f.provider === code).reduce((sum, f) => sum + f.pathways, 0);
    if (unplaced > 0 && placed > 0) scale.set(code, (placed + unplaced) / placed);
  }
  if (scale.size === 0) return inputs;
  const flows = inputs.flows.map((f) =>
    scale.has(f.provider) ? { ...f, pathways: f.pathways * scale.get(f.provider)! } : f,
  );
  return { ...inputs, flows };
}
