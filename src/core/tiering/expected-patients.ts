// Expected patients a year on a footprint: England's age/sex-specific rate × the footprint's population,
// summed over age bands and sexes (methods.md, "Evidence per footprint").

export interface AgeSexCount {
  ageBand: string;
  sex: string;
  count: number;
}

/** England's patients per person by age band and sex. Patients whose age band and sex match no population
 * cell (unknown age or sex) are spread over the known cells in proportion, so no patient is lost. */
export function ageSexRates(patients: readonly AgeSexCount[], population: readonly AgeSexCount[]): Map<string, number> {
  const people = new Map(population.map((p) => [`${p.ageBand}|${p.sex}`, p.count]));
  const known = new Map<string, number>();
  let unknown = 0;
  for (const p of patients) {
    const key = `${p.ageBand}|${p.sex}`;
    const n = people.get(key);
    if (n && n > 0) known.set(key, (known.get(key) ?? 0) + p.count);
    else unknown += p.count;
  }
  const knownTotal = [...known.values()].reduce((a, b) => a + b, 0);
  const spread = knownTotal > 0 ? (knownTotal + unknown) / knownTotal : 0;
  return new Map([...known].map(([key, count]) => [key, (count * spread) / people.get(key)!]));
}

export function expectedPatients(rates: ReadonlyMap<string, number>, population: readonly AgeSexCount[]): number {
  return population.reduce((sum, p) => sum + (rates.get(`${p.ageBand}|${p.sex}`) ?? 0) * p.count, 0);
}
