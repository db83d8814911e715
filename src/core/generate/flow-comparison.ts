// Compares two patient-flow matrices (resident ICB × provider): each ICB's share of its residents'
// pathways treated by providers hosted outside it, and each provider's share of the national total.
// Used to judge how close synthetic flows come to the real RTT flows.

export interface Flow {
  residentIcb: string;
  provider: string;
  providerIcb: string;
  amount: number;
}

export interface IcbOutOfArea {
  icb: string;
  real: number;
  synthetic: number;
  realPathways: number;
}

export interface FlowComparison {
  /** Per resident ICB present in the real flows, sorted by ICB code. */
  byIcb: IcbOutOfArea[];
  /** Pearson correlation of real and synthetic out-of-area shares across ICBs. */
  outOfAreaCorrelation: number;
  /** Mean over ICBs of |real − synthetic| out-of-area share (a proportion: 0.05 = 5 percentage points). */
  outOfAreaMeanAbsoluteDifference: number;
  /** National out-of-area share, real and synthetic. */
  nationalOutOfArea: { real: number; synthetic: number };
  /** Pearson correlation of provider shares of the national total, over providers in either matrix. */
  providerShareCorrelation: number;
}

/** Out-of-area share per resident ICB: flows to providers hosted elsewhere ÷ all its flows. */
export function outOfAreaShares(flows: readonly Flow[]): Map<string, { share: number; total: number }> {
  const totals = new Map<string, { outside: number; total: number }>();
  for (const f of flows) {
    const t = totals.get(f.residentIcb) ?? { outside: 0, total: 0 };
    t.total += f.amount;
    if (f.providerIcb !== f.residentIcb) t.outside += f.amount;
    totals.set(f.residentIcb, t);
  }
  return new Map(
    [...totals].map(([icb, t]) => [icb, { share: t.total > 0 ? t.outside / t.total : 0, total: t.total }]),
  );
}

/** Pearson's correlation coefficient; NaN when either series is constant or shorter than two. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = Math.min(x.length, y.length);
  if (n < 2) return Number.NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

function providerShares(flows: readonly Flow[]): Map<string, number> {
  const byProvider = new Map<string, number>();
  let total = 0;
  for (const f of flows) {
    byProvider.set(f.provider, (byProvider.get(f.provider) ?? 0) + f.amount);
    total += f.amount;
  }
  return new Map([...byProvider].map(([p, v]) => [p, total > 0 ? v / total : 0]));
}

function nationalOutOfArea(flows: readonly Flow[]): number {
  let outside = 0;
  let total = 0;
  for (const f of flows) {
    total += f.amount;
    if (f.providerIcb !== f.residentIcb) outside += f.amount;
  }
  return total > 0 ? outside / total : 0;
}

export function compareFlows(real: readonly Flow[], synthetic: readonly Flow[]): FlowComparison {
  const realShares = outOfAreaShares(real);
  const syntheticShares = outOfAreaShares(synthetic);
  const byIcb = [...realShares.keys()].sort().map((icb) => ({
    icb,
    real: realShares.get(icb)!.share,
    synthetic: syntheticShares.get(icb)?.share ?? 0,
    realPathways: realShares.get(icb)!.total,
  }));
  const realProviders = providerShares(real);
  const syntheticProviders = providerShares(synthetic);
  const providers = [...new Set([...realProviders.keys(), ...syntheticProviders.keys()])].sort();
  return {
    byIcb,
    outOfAreaCorrelation: pearson(
      byIcb.map((r) => r.real),
      byIcb.map((r) => r.synthetic),
    ),
    outOfAreaMeanAbsoluteDifference:
      byIcb.reduce((sum, r) => sum + Math.abs(r.real - r.synthetic), 0) / Math.max(1, byIcb.length),
    nationalOutOfArea: { real: nationalOutOfArea(real), synthetic: nationalOutOfArea(synthetic) },
    providerShareCorrelation: pearson(
      providers.map((p) => realProviders.get(p) ?? 0),
      providers.map((p) => syntheticProviders.get(p) ?? 0),
    ),
  };
}
