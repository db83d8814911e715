// Occasional practice: providers that see fewer patients a year for a service (nationally) than its minimum
// annual volume, and the share of a footprint's patients they treat (methods.md, "Evidence per footprint").

export interface ProviderUse {
  providerCode: string;
  /** The footprint's patients treated there. */
  patients: number;
}

export interface OccasionalPractice {
  providers: string[];
  /** Share of the footprint's patients treated at those providers; 0 when it has none. */
  share: number;
}

export function occasionalPractice(
  used: readonly ProviderUse[],
  nationalVolume: ReadonlyMap<string, number>,
  minimumAnnualVolume: number,
): OccasionalPractice {
  const total = used.reduce((sum, u) => sum + u.patients, 0);
  const below = used.filter((u) => (nationalVolume.get(u.providerCode) ?? 0) < minimumAnnualVolume);
  const patients = below.reduce((sum, u) => sum + u.patients, 0);
  return { providers: below.map((u) => u.providerCode).sort(), share: total > 0 ? patients / total : 0 };
}
