// Of each provider's income for a service, the share paid for patients resident outside its host ICB.
import type { FinancialYear, IcbCode, ProviderCode, ServiceCode } from '../units.ts';
import { compareText, type Flow } from './flow-matrix.ts';
import { ratio } from './out-of-area-share.ts';
import { UNALLOCATED } from './unknown-residence-rule.ts';

export interface ProviderIncomeShare {
  financialYear: FinancialYear;
  providerCode: ProviderCode;
  providerIcb: IcbCode;
  serviceCode: ServiceCode;
  incomePence: number;
  /** Income for patients allocated to a real ICB other than the host. */
  incomeFromOutsidePence: number;
  /** Income allocated to UNALLOCATED (unknown residence under the 'unallocated' rule): neither inside nor
   * outside, so it counts in income but not in income from outside. */
  unallocatedIncomePence: number;
  /** incomeFromOutside / income; null when income is zero. */
  shareFromOutside: number | null;
}

export function providerIncomeShares(flows: readonly Flow[]): ProviderIncomeShare[] {
  const byKey = new Map<string, ProviderIncomeShare>();
  for (const flow of flows) {
    const key = [flow.financialYear, flow.providerCode, flow.serviceCode].join('\u0000');
    let share = byKey.get(key);
    if (!share) {
      share = {
        financialYear: flow.financialYear,
        providerCode: flow.providerCode,
        providerIcb: flow.providerIcb,
        serviceCode: flow.serviceCode,
        incomePence: 0,
        incomeFromOutsidePence: 0,
        unallocatedIncomePence: 0,
        shareFromOutside: null,
      };
      byKey.set(key, share);
    }
    share.incomePence += flow.spendPence;
    if (flow.residentIcb === UNALLOCATED) share.unallocatedIncomePence += flow.spendPence;
    else if (flow.residentIcb !== flow.providerIcb) share.incomeFromOutsidePence += flow.spendPence;
  }
  const shares = [...byKey.values()];
  for (const share of shares) share.shareFromOutside = ratio(share.incomeFromOutsidePence, share.incomePence);
  return shares.sort(
    (a, b) =>
      compareText(a.financialYear, b.financialYear) ||
      compareText(a.providerCode, b.providerCode) ||
      compareText(a.serviceCode, b.serviceCode),
  );
}
