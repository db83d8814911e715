// Similar providers for a provider's page, drawn as Model Health System draws peer groups: providers of the
// same kind (NHS trust, or independent sector) that are most like it in size (specialised income in the
// year) and in service mix (each service's share of that income). Size is compared as a ratio on a log
// scale, so twice as big and half as big are equally far; mix as the share of income that would have to
// move between services to turn one mix into the other (half the sum of the absolute differences in
// shares: 0 for the same mix, 1 for no service in common). The two count equally:
// distance = √(ln(income ratio)² + mix difference²). The SIMILAR_PROVIDER_COUNT nearest are the peers,
// ties broken by provider code.

export const SIMILAR_PROVIDER_COUNT = 5;

export const SIMILAR_PROVIDERS_METHOD =
  'The 5 providers of the same kind (NHS trust or independent sector) nearest in size and in service mix, in the year shown. Size is specialised income, compared as a ratio on a log scale; mix is the share of income that would have to move between services to match (0 = the same mix, 1 = no service in common). The two count equally: distance = √(ln(income ratio)² + mix difference²).';

export interface ProviderMix {
  providerCode: string;
  kind: string;
  /** Income from each service in the year, £ (services with none may be left out). */
  incomeByService: ReadonlyMap<string, number>;
}

export interface SimilarProvider {
  providerCode: string;
  income: number;
  /** 0 = the same service mix, 1 = no service in common. */
  mixDifference: number;
  distance: number;
  /** 1 = nearest. */
  nearness: number;
}

const totalIncome = (p: ProviderMix) => [...p.incomeByService.values()].reduce((sum, v) => sum + v, 0);

/** Half the sum of the absolute differences in service shares of income: 0 the same mix, 1 none shared. */
export function serviceMixDifference(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const totalA = [...a.values()].reduce((sum, v) => sum + v, 0);
  const totalB = [...b.values()].reduce((sum, v) => sum + v, 0);
  if (!(totalA > 0) || !(totalB > 0)) return 1;
  let sum = 0;
  for (const service of new Set([...a.keys(), ...b.keys()])) {
    sum += Math.abs((a.get(service) ?? 0) / totalA - (b.get(service) ?? 0) / totalB);
  }
  return sum / 2;
}

/** The providers most like `providerCode`; empty when it had no income in the year. */
export function similarProviders(
  providerCode: string,
  providers: readonly ProviderMix[],
  count = SIMILAR_PROVIDER_COUNT,
): SimilarProvider[] {
  const own = providers.find((p) => p.providerCode === providerCode);
  const ownIncome = own ? totalIncome(own) : 0;
  if (!own || !(ownIncome > 0)) return [];
  return providers
    .filter((other) => other.providerCode !== providerCode && other.kind === own.kind && totalIncome(other) > 0)
    .map((other) => {
      const income = totalIncome(other);
      const mixDifference = serviceMixDifference(own.incomeByService, other.incomeByService);
      return {
        providerCode: other.providerCode,
        income,
        mixDifference,
        distance: Math.hypot(Math.log(income / ownIncome), mixDifference),
      };
    })
    .sort((a, b) => a.distance - b.distance || a.providerCode.localeCompare(b.providerCode))
    .slice(0, count)
    .map((peer, i) => ({ ...peer, nearness: i + 1 }));
}
