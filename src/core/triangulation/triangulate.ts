// The triangulation report (seed 000: "areas of alignment …, areas where further work will be required in
// order to coordinate pathways across different STP footprints and NHS England regional boundaries"). For
// a footprint (a set of ICBs) and each service, from the stored population-basis flows:
//
// - where the footprint's residents are treated, as shares of their spend: at providers hosted inside the
//   footprint, in another ICB of the resident's own NHS England region, or across a regional boundary (a
//   provider in another region, or with no English host ICB, e.g. a Welsh trust). The three add up to 1.
// - where the footprint's providers' patients come from, as shares of their income: the footprint, other
//   ICBs of the provider's region, other regions, or residence not known.
// - partners: the ICBs outside the footprint that share the pathway materially, i.e. take at least
//   `threshold` of the residents' spend or send at least `threshold` of the providers' income.
//
// Classification, with the materiality threshold t (default 5%):
//   aligned                   — less than t of the residents' spend goes outside and less than t of the
//                               providers' income comes from outside;
//   coordinate-across-regions — otherwise, when t or more of either crosses a regional boundary;
//   coordinate-across-icbs    — otherwise.
import { fail } from '../errors.ts';

export const TRIANGULATION_CLASSES = ['aligned', 'coordinate-across-icbs', 'coordinate-across-regions'] as const;
export type TriangulationClass = (typeof TRIANGULATION_CLASSES)[number];

/** Share of spend or income above which a flow is material. */
export const DEFAULT_MATERIALITY = 0.05;

export interface TriangulationFlow {
  serviceCode: string;
  residentIcb: string;
  providerIcb: string;
  providerCode: string;
  /** Pounds on population basis. */
  spend: number;
}

export interface TriangulationInput {
  footprintIcbs: ReadonlySet<string>;
  /** Region of every ICB of the geography. An ICB not in it (UNALLOCATED) is outside every region. */
  icbRegion: ReadonlyMap<string, string>;
  flows: readonly TriangulationFlow[];
  threshold?: number;
}

export interface TriangulationPartner {
  icb: string;
  region: string | null;
  /** Share of the footprint residents' spend at providers hosted in this ICB. */
  outflowShare: number;
  /** Share of the footprint providers' income from residents of this ICB. */
  inflowShare: number;
  /** Whether this ICB is in another region from the footprint ICB(s) it exchanges the most with. */
  acrossRegion: boolean;
}

export interface ServiceTriangulation {
  serviceCode: string;
  classification: TriangulationClass;
  /** Spend of the footprint's residents, pounds. */
  residentSpend: number;
  /** Shares of residentSpend; null when it is zero. */
  insideShare: number | null;
  otherIcbShare: number | null;
  otherRegionShare: number | null;
  /** Income of providers hosted in the footprint, pounds. */
  providerIncome: number;
  /** Shares of providerIncome; null when it is zero. */
  incomeInsideShare: number | null;
  incomeOtherIcbShare: number | null;
  incomeOtherRegionShare: number | null;
  incomeUnknownResidenceShare: number | null;
  partners: TriangulationPartner[];
}

type Where = 'inside' | 'other-icb' | 'other-region' | 'unknown';

function checkThreshold(threshold: number): number {
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 0.5) {
    fail('FP_TRIANGULATION_BAD_OPTION', `${threshold} is not a usable materiality threshold.`, {
      where: { parameter: 'threshold' },
      received: String(threshold),
      accepted: 'a share above 0 and at most 0.5, e.g. 0.05 for 5%',
    });
  }
  return threshold;
}

/** One triangulation row per service with any flow touching the footprint, in service-code order. */
export function triangulate(input: TriangulationInput): ServiceTriangulation[] {
  const threshold = checkThreshold(input.threshold ?? DEFAULT_MATERIALITY);
  const { footprintIcbs, icbRegion } = input;
  const inside = (icb: string) => footprintIcbs.has(icb);
  // Where a resident of the footprint is treated: an unknown provider ICB is outside England.
  const destination = (resident: string, provider: string): Where => {
    if (inside(provider)) return 'inside';
    const region = icbRegion.get(provider);
    return region !== undefined && region === icbRegion.get(resident) ? 'other-icb' : 'other-region';
  };
  // Where a footprint provider's patient comes from: an ICB outside the geography (UNALLOCATED) is unknown.
  const origin = (resident: string, provider: string): Where => {
    if (inside(resident)) return 'inside';
    const region = icbRegion.get(resident);
    if (region === undefined) return 'unknown';
    return region === icbRegion.get(provider) ? 'other-icb' : 'other-region';
  };

  const byService = new Map<string, TriangulationFlow[]>();
  for (const flow of input.flows) {
    if (!inside(flow.residentIcb) && !inside(flow.providerIcb)) continue;
    byService.set(flow.serviceCode, [...(byService.get(flow.serviceCode) ?? []), flow]);
  }
  return [...byService.keys()].sort().map((serviceCode) => {
    const out: Record<Where, number> = { inside: 0, 'other-icb': 0, 'other-region': 0, unknown: 0 };
    const income: Record<Where, number> = { inside: 0, 'other-icb': 0, 'other-region': 0, unknown: 0 };
    const partnerOut = new Map<string, number>();
    const partnerIn = new Map<string, number>();
    const partnerAcross = new Map<string, Map<boolean, number>>();
    const note = (icb: string, across: boolean, amount: number) => {
      const m = partnerAcross.get(icb) ?? new Map<boolean, number>();
      m.set(across, (m.get(across) ?? 0) + Math.abs(amount));
      partnerAcross.set(icb, m);
    };
    for (const f of byService.get(serviceCode) ?? []) {
      if (inside(f.residentIcb)) {
        const where = destination(f.residentIcb, f.providerIcb);
        out[where] += f.spend;
        if (!inside(f.providerIcb)) {
          partnerOut.set(f.providerIcb, (partnerOut.get(f.providerIcb) ?? 0) + f.spend);
          note(f.providerIcb, where === 'other-region', f.spend);
        }
      }
      if (inside(f.providerIcb)) {
        const where = origin(f.residentIcb, f.providerIcb);
        income[where] += f.spend;
        if (!inside(f.residentIcb) && where !== 'unknown') {
          partnerIn.set(f.residentIcb, (partnerIn.get(f.residentIcb) ?? 0) + f.spend);
          note(f.residentIcb, where === 'other-region', f.spend);
        }
      }
    }
    const residentSpend = out.inside + out['other-icb'] + out['other-region'];
    const providerIncome = income.inside + income['other-icb'] + income['other-region'] + income.unknown;
    const ofSpend = (x: number) => (residentSpend !== 0 ? x / residentSpend : null);
    const ofIncome = (x: number) => (providerIncome !== 0 ? x / providerIncome : null);
    const insideShare = ofSpend(out.inside);
    const otherIcbShare = ofSpend(out['other-icb']);
    // The remainder, so that the three shares add up to exactly 1 however the sums rounded.
    const otherRegionShare = insideShare === null || otherIcbShare === null ? null : 1 - insideShare - otherIcbShare;
    const incomeOtherIcbShare = ofIncome(income['other-icb']);
    const incomeOtherRegionShare = ofIncome(income['other-region']);

    const partners: TriangulationPartner[] = [];
    for (const icb of new Set([...partnerOut.keys(), ...partnerIn.keys()])) {
      const outflowShare = ofSpend(partnerOut.get(icb) ?? 0) ?? 0;
      const inflowShare = ofIncome(partnerIn.get(icb) ?? 0) ?? 0;
      if (outflowShare < threshold && inflowShare < threshold) continue;
      const across = partnerAcross.get(icb);
      partners.push({
        icb,
        region: icbRegion.get(icb) ?? null,
        outflowShare,
        inflowShare,
        acrossRegion: (across?.get(true) ?? 0) > (across?.get(false) ?? 0),
      });
    }
    partners.sort(
      (a, b) =>
        Math.max(b.outflowShare, b.inflowShare) - Math.max(a.outflowShare, a.inflowShare) || a.icb.localeCompare(b.icb),
    );

    const outsideSpend = (otherIcbShare ?? 0) + (otherRegionShare ?? 0);
    const outsideIncome = (incomeOtherIcbShare ?? 0) + (incomeOtherRegionShare ?? 0);
    const crossesRegion = (otherRegionShare ?? 0) >= threshold || (incomeOtherRegionShare ?? 0) >= threshold;
    const classification: TriangulationClass =
      outsideSpend < threshold && outsideIncome < threshold
        ? 'aligned'
        : crossesRegion
          ? 'coordinate-across-regions'
          : 'coordinate-across-icbs';
    return {
      serviceCode,
      classification,
      residentSpend,
      insideShare,
      otherIcbShare,
      otherRegionShare,
      providerIncome,
      incomeInsideShare: ofIncome(income.inside),
      incomeOtherIcbShare,
      incomeOtherRegionShare,
      incomeUnknownResidenceShare: ofIncome(income.unknown),
      partners,
    };
  });
}

/** How many services fall in each class, and their residents' spend. */
export function summariseTriangulation(
  rows: readonly ServiceTriangulation[],
): { classification: TriangulationClass; services: number; residentSpend: number }[] {
  return TRIANGULATION_CLASSES.map((classification) => {
    const these = rows.filter((r) => r.classification === classification);
    return {
      classification,
      services: these.length,
      residentSpend: these.reduce((sum, r) => sum + r.residentSpend, 0),
    };
  });
}
