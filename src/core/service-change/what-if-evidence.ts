// What the changed flows give, beside the baseline, for the services a what-if changes (docs/methods.md,
// "Service change"): changed flows, provider- and population-basis spend and out-of-area shares per ICB,
// and each provider's patients against the service's minimum, its occasional practice and caseload
// volatility. Sums are in whole pence; pounds only in the rows.
import { allocations } from '../basis/allocation.ts';
import { compareText } from '../basis/flow-matrix.ts';
import { outOfAreaShares } from '../basis/out-of-area-share.ts';
import { UNALLOCATED } from '../basis/unknown-residence-rule.ts';
import { occasionalPractice } from '../tiering/occasional-practice.ts';
import type { WhatIfFlow, WhatIfYear } from './apply-changes.ts';
import type { WhatIfFlowRow, WhatIfIcbRow, WhatIfProviderRow, WhatIfYearTotal } from './what-if-shapes.ts';

export interface Names {
  service(code: string): string;
  provider(code: string): string;
  icb(code: string): string;
}

/** Great-circle km from an ICB's centre to a provider's site; null where either is not located. */
export type DistanceKm = (icb: string, provider: string) => number | null;

export interface WhatIfEvidence {
  years: WhatIfYearTotal[];
  rows: WhatIfFlowRow[];
  providers: WhatIfProviderRow[];
  icbs: WhatIfIcbRow[];
}

const pounds = (pence: number) => pence / 100;

/** Poisson coefficient of variation of an annual count. */
export function caseloadCv(patients: number): number | null {
  return patients > 0 ? 1 / Math.sqrt(patients) : null;
}

function sumBy<T>(items: readonly T[], key: (t: T) => string, value: (t: T) => number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(key(item), (totals.get(key(item)) ?? 0) + value(item));
  return totals;
}

const flowKey = (f: WhatIfFlow) => [f.serviceCode, f.providerCode, f.residentIcb].join('\u0000');

function changedFlows(year: WhatIfYear, names: Names): WhatIfFlowRow[] {
  const cells = new Map<string, WhatIfFlow>();
  for (const f of [...year.baseline, ...year.flows]) cells.set(flowKey(f), f);
  const activity = (flows: readonly WhatIfFlow[]) => sumBy(flows, flowKey, (f) => f.activity);
  const spend = (flows: readonly WhatIfFlow[]) => sumBy(flows, flowKey, (f) => f.spendPence);
  const [baseActivity, afterActivity, baseSpend, afterSpend] = [
    activity(year.baseline),
    activity(year.flows),
    spend(year.baseline),
    spend(year.flows),
  ];
  const rows: WhatIfFlowRow[] = [];
  for (const [key, f] of cells) {
    const row = {
      baselineActivity: baseActivity.get(key) ?? 0,
      activity: afterActivity.get(key) ?? 0,
      baselineSpend: baseSpend.get(key) ?? 0,
      spend: afterSpend.get(key) ?? 0,
    };
    if (row.baselineSpend === row.spend && Math.abs(row.baselineActivity - row.activity) < 1e-9) continue;
    rows.push({
      financialYear: year.financialYear,
      service: f.serviceCode,
      serviceName: names.service(f.serviceCode),
      provider: f.providerCode,
      providerName: names.provider(f.providerCode),
      residentIcb: f.residentIcb,
      residentIcbName: names.icb(f.residentIcb),
      baselineActivity: row.baselineActivity,
      activity: row.activity,
      baselineSpend: pounds(row.baselineSpend),
      spend: pounds(row.spend),
    });
  }
  return rows.sort(
    (a, b) =>
      compareText(a.service, b.service) ||
      compareText(a.provider, b.provider) ||
      compareText(a.residentIcb, b.residentIcb),
  );
}

function providerRows(
  year: WhatIfYear,
  services: ReadonlySet<string>,
  minimumFor: (service: string) => number,
  names: Names,
): WhatIfProviderRow[] {
  const key = (f: WhatIfFlow) => `${f.serviceCode}\u0000${f.providerCode}`;
  const pick = (flows: readonly WhatIfFlow[]) => flows.filter((f) => services.has(f.serviceCode));
  const [basePatients, afterPatients] = [pick(year.baseline), pick(year.flows)].map((fs) =>
    sumBy(fs, key, (f) => f.patients),
  );
  const [baseSpend, afterSpend] = [pick(year.baseline), pick(year.flows)].map((fs) =>
    sumBy(fs, key, (f) => f.spendPence),
  );
  return [...new Set([...basePatients!.keys(), ...afterPatients!.keys()])].map((k) => {
    const [service, provider] = k.split('\u0000') as [string, string];
    const minimum = minimumFor(service);
    const before = basePatients!.get(k) ?? 0;
    const after = afterPatients!.get(k) ?? 0;
    return {
      financialYear: year.financialYear,
      service,
      serviceName: names.service(service),
      provider,
      providerName: names.provider(provider),
      baselinePatients: before,
      patients: after,
      minimumAnnualVolume: minimum,
      baselineOccasional: before > 0 && before < minimum,
      occasional: after > 0 && after < minimum,
      baselineCaseloadCv: caseloadCv(before),
      caseloadCv: caseloadCv(after),
      baselineSpend: pounds(baseSpend!.get(k) ?? 0),
      spend: pounds(afterSpend!.get(k) ?? 0),
    };
  });
}

/**
 * Each resident ICB's mean travel distance for a service: its activity at each provider weighted by the km
 * from the ICB's centre to the provider, over the activity whose distance is known; null with none known.
 */
export function meanDistances(
  flows: readonly WhatIfFlow[],
  service: string,
  distanceKm: DistanceKm,
): Map<string, number> {
  const sums = new Map<string, { km: number; activity: number }>();
  for (const f of flows) {
    if (f.serviceCode !== service || f.activity <= 0 || f.residentIcb === UNALLOCATED) continue;
    const km = distanceKm(f.residentIcb, f.providerCode);
    if (km === null) continue;
    const s = sums.get(f.residentIcb) ?? { km: 0, activity: 0 };
    s.km += km * f.activity;
    s.activity += f.activity;
    sums.set(f.residentIcb, s);
  }
  return new Map([...sums].map(([icb, s]) => [icb, s.km / s.activity]));
}

/** Each resident ICB's share of its patients of a service treated at providers below the minimum. */
function occasionalShares(flows: readonly WhatIfFlow[], service: string, minimum: number): Map<string, number> {
  const own = flows.filter((f) => f.serviceCode === service && f.patients > 0);
  const volume = sumBy(
    own,
    (f) => f.providerCode,
    (f) => f.patients,
  );
  const shares = new Map<string, number>();
  for (const icb of new Set(own.map((f) => f.residentIcb))) {
    const used = own
      .filter((f) => f.residentIcb === icb)
      .map((f) => ({ providerCode: f.providerCode, patients: f.patients }));
    shares.set(icb, occasionalPractice(used, volume, minimum).share);
  }
  return shares;
}

function icbRows(
  year: WhatIfYear,
  services: ReadonlySet<string>,
  minimumFor: (service: string) => number,
  names: Names,
  distanceKm: DistanceKm,
): WhatIfIcbRow[] {
  const pick = (flows: readonly WhatIfFlow[]) => flows.filter((f) => services.has(f.serviceCode));
  const key = (icb: string, service: string) => `${service}\u0000${icb}`;
  const sides = [pick(year.baseline), pick(year.flows)].map((flows) => {
    const basis = new Map(allocations(flows).map((a) => [key(a.icb, a.serviceCode), a]));
    const outOfArea = new Map(outOfAreaShares(flows).map((s) => [key(s.icb, s.serviceCode), s.outOfAreaShare]));
    const occasional = new Map<string, number>();
    const distance = new Map<string, number>();
    for (const service of services) {
      for (const [icb, share] of occasionalShares(flows, service, minimumFor(service))) {
        occasional.set(key(icb, service), share);
      }
      for (const [icb, km] of meanDistances(flows, service, distanceKm)) distance.set(key(icb, service), km);
    }
    return { basis, outOfArea, occasional, distance };
  });
  const [before, after] = sides as [(typeof sides)[0], (typeof sides)[0]];
  return [...new Set([...before.basis.keys(), ...after.basis.keys()])].map((k) => {
    const [service, icb] = k.split('\u0000') as [string, string];
    const b = before.basis.get(k);
    const a = after.basis.get(k);
    return {
      financialYear: year.financialYear,
      service,
      serviceName: names.service(service),
      icb,
      icbName: icb === UNALLOCATED ? 'Unallocated' : names.icb(icb),
      baselineProviderBasisSpend: pounds(b?.providerBasisSpendPence ?? 0),
      providerBasisSpend: pounds(a?.providerBasisSpendPence ?? 0),
      baselinePopulationBasisSpend: pounds(b?.populationBasisSpendPence ?? 0),
      populationBasisSpend: pounds(a?.populationBasisSpendPence ?? 0),
      baselineOutOfAreaShare: before.outOfArea.get(k) ?? null,
      outOfAreaShare: after.outOfArea.get(k) ?? null,
      baselineOccasionalPracticeShare: before.occasional.get(k) ?? 0,
      occasionalPracticeShare: after.occasional.get(k) ?? 0,
      baselineMeanDistanceKm: before.distance.get(k) ?? null,
      meanDistanceKm: after.distance.get(k) ?? null,
    };
  });
}

/**
 * The evidence for the changed services in every year; `services` are those the changes name. `distanceKm`
 * defaults to knowing no distance (every mean travel distance null).
 */
export function whatIfEvidence(
  years: readonly WhatIfYear[],
  services: ReadonlySet<string>,
  minimumFor: (service: string) => number,
  names: Names,
  distanceKm: DistanceKm = () => null,
): WhatIfEvidence {
  const total = (flows: readonly WhatIfFlow[]) => flows.reduce((s, f) => s + f.spendPence, 0);
  return {
    years: years.map((y) => ({
      financialYear: y.financialYear,
      baselineSpend: pounds(total(y.baseline)),
      spend: pounds(total(y.flows)),
      difference: pounds(total(y.flows) - total(y.baseline)),
    })),
    rows: years.flatMap((y) => changedFlows(y, names)),
    providers: years.flatMap((y) => providerRows(y, services, minimumFor, names)),
    icbs: years.flatMap((y) => icbRows(y, services, minimumFor, names, distanceKm)),
  };
}
