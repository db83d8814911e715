// Provider basis (spend by the provider's host ICB) and population basis (spend by the patient's ICB),
// side by side per year, ICB and service. Both are sums over the same flows, so both total the input.
import type { FinancialYear, IcbCode, ServiceCode } from '../units.ts';
import { compareText, type Flow } from './flow-matrix.ts';

export interface Allocation {
  financialYear: FinancialYear;
  icb: IcbCode;
  serviceCode: ServiceCode;
  providerBasisSpendPence: number;
  populationBasisSpendPence: number;
}

/** Every year × ICB × service that has spend on either basis. UNALLOCATED appears as an ICB when the rule
 * or a provider with no host put spend there. */
export function allocations(flows: readonly Flow[]): Allocation[] {
  const byKey = new Map<string, Allocation>();
  const at = (financialYear: FinancialYear, icb: IcbCode, serviceCode: ServiceCode): Allocation => {
    const key = [financialYear, icb, serviceCode].join('\u0000');
    let allocation = byKey.get(key);
    if (!allocation) {
      allocation = { financialYear, icb, serviceCode, providerBasisSpendPence: 0, populationBasisSpendPence: 0 };
      byKey.set(key, allocation);
    }
    return allocation;
  };
  for (const flow of flows) {
    at(flow.financialYear, flow.providerIcb, flow.serviceCode).providerBasisSpendPence += flow.spendPence;
    at(flow.financialYear, flow.residentIcb, flow.serviceCode).populationBasisSpendPence += flow.spendPence;
  }
  return [...byKey.values()].sort(
    (a, b) =>
      compareText(a.financialYear, b.financialYear) ||
      compareText(a.icb, b.icb) ||
      compareText(a.serviceCode, b.serviceCode),
  );
}
