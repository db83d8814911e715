// The lead ICB of a multi-ICB footprint for a delegated service (methods.md, "Commissioning models"): the ICB
// hosting the main provider, the one treating the largest share of the footprint's residents' spend, when
// that ICB is in the footprint: it holds that contract already. Otherwise (the main provider is outside the
// footprint) the ICB whose residents spend the most on the service. Ties go to the lower code.

/** Spend by the residents of one of the footprint's ICBs at one provider. */
export interface LeadSpend {
  residentIcb: string;
  providerCode: string;
  /** The provider's host ICB; null when it has none. */
  providerIcb: string | null;
  spend: number;
}

export interface LeadCommissioner {
  icbCode: string;
  icbName: string;
  rule: 'host-of-main-provider' | 'largest-resident-spend';
}

function largest(totals: Map<string, number>): string | null {
  let best: string | null = null;
  for (const [code, spend] of [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (spend > 0 && (best === null || spend > totals.get(best)!)) best = code;
  }
  return best;
}

export function leadCommissioner(
  members: readonly { icbCode: string; icbName: string }[],
  spend: readonly LeadSpend[],
): LeadCommissioner | null {
  const names = new Map(members.map((m) => [m.icbCode, m.icbName]));
  const own = spend.filter((s) => names.has(s.residentIcb));
  const byProvider = new Map<string, number>();
  const hostOf = new Map<string, string | null>();
  const byResident = new Map<string, number>();
  for (const s of own) {
    byProvider.set(s.providerCode, (byProvider.get(s.providerCode) ?? 0) + s.spend);
    hostOf.set(s.providerCode, s.providerIcb);
    byResident.set(s.residentIcb, (byResident.get(s.residentIcb) ?? 0) + s.spend);
  }
  const main = largest(byProvider);
  if (main === null) return null;
  const host = hostOf.get(main) ?? null;
  if (host !== null && names.has(host))
    return { icbCode: host, icbName: names.get(host)!, rule: 'host-of-main-provider' };
  const resident = largest(byResident)!;
  return { icbCode: resident, icbName: names.get(resident)!, rule: 'largest-resident-spend' };
}
