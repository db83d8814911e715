// Out-of-area share: of the spend on an ICB's own population, the part paid to providers hosted in other
// ICBs.
import type { FinancialYear, IcbCode, ServiceCode } from '../units.ts';
import { compareText, type Flow } from './flow-matrix.ts';
import { UNALLOCATED } from './unknown-residence-rule.ts';

export interface OutOfAreaShare {
  financialYear: FinancialYear;
  icb: IcbCode;
  serviceCode: ServiceCode;
  populationBasisSpendPence: number;
  outOfAreaSpendPence: number;
  /** outOfAreaSpend / populationBasisSpend; null when the population-basis spend is zero. Net of
   * adjustments, so negative costs can take it outside 0–1. */
  outOfAreaShare: number | null;
}

/** Per year × ICB × service. UNALLOCATED has no population of its own, so it gets no share. */
export function outOfAreaShares(flows: readonly Flow[]): OutOfAreaShare[] {
  const byKey = new Map<string, OutOfAreaShare>();
  for (const flow of flows) {
    if (flow.residentIcb === UNALLOCATED) continue;
    const key = [flow.financialYear, flow.residentIcb, flow.serviceCode].join('\u0000');
    let share = byKey.get(key);
    if (!share) {
      share = {
        financialYear: flow.financialYear,
        icb: flow.residentIcb,
        serviceCode: flow.serviceCode,
        populationBasisSpendPence: 0,
        outOfAreaSpendPence: 0,
        outOfAreaShare: null,
      };
      byKey.set(key, share);
    }
    share.populationBasisSpendPence += flow.spendPence;
    if (flow.providerIcb !== flow.residentIcb) share.outOfAreaSpendPence += flow.spendPence;
  }
  const shares = [...byKey.values()];
  for (const share of shares) share.outOfAreaShare = ratio(share.outOfAreaSpendPence, share.populationBasisSpendPence);
  return shares.sort(
    (a, b) =>
      compareText(a.financialYear, b.financialYear) ||
      compareText(a.icb, b.icb) ||
      compareText(a.serviceCode, b.serviceCode),
  );
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
