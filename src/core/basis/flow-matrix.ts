// The resident-ICB × provider flow matrix: the one grouped aggregation every basis figure derives from.
// Money is in whole pence so every sum is exact.
import { fail } from '../errors.ts';
import type { FinancialYear, IcbCode, ProviderCode, ServiceCode } from '../units.ts';
import { UNALLOCATED, type UnknownResidenceRule } from './unknown-residence-rule.ts';

/** One activity row as the basis conversion sees it. */
export interface ActivitySpend {
  financialYear: FinancialYear;
  providerCode: ProviderCode;
  /** The patient's ICB in the chosen geography vintage; null when the residence is not known. */
  residentIcb: IcbCode | null;
  serviceCode: ServiceCode;
  activity: number;
  /** Cost in whole pence; negative for adjustments. */
  costPence: number;
}

export interface FlowOptions {
  /** Each provider's host ICB in the chosen vintage; a provider missing here or mapped to null has no known
   * host, so its provider-basis spend goes to UNALLOCATED. */
  providerHostIcb: ReadonlyMap<ProviderCode, IcbCode | null>;
  unknownResidenceRule: UnknownResidenceRule;
}

/** Spend and activity of one resident ICB's patients at one provider for one service and year. */
export interface Flow {
  financialYear: FinancialYear;
  /** The ICB the spend is allocated to on population basis (after the unknown-residence rule). */
  residentIcb: IcbCode;
  /** False for rows whose residence was not known and were placed by the rule. */
  residenceKnown: boolean;
  providerCode: ProviderCode;
  /** The provider's host ICB: where the spend sits on provider basis. */
  providerIcb: IcbCode;
  serviceCode: ServiceCode;
  activity: number;
  spendPence: number;
}

/** Groups activity into flows by year, resident ICB, residence known, provider and service, placing rows
 * with no known residence by the rule. Rows come out sorted by their key so results compare directly. */
export function flowMatrix(rows: readonly ActivitySpend[], options: FlowOptions): Flow[] {
  const flows = new Map<string, Flow>();
  rows.forEach((row, index) => {
    if (!Number.isSafeInteger(row.costPence)) {
      fail('FP_BASIS_BAD_INPUT', 'Cost must be a whole number of pence.', {
        where: { row: index + 1, field: 'costPence' },
        received: String(row.costPence),
        accepted: 'a safe integer (pence)',
      });
    }
    if (!Number.isFinite(row.activity)) {
      fail('FP_BASIS_BAD_INPUT', 'Activity must be a finite number.', {
        where: { row: index + 1, field: 'activity' },
        received: String(row.activity),
        accepted: 'a finite number',
      });
    }
    const providerIcb = options.providerHostIcb.get(row.providerCode) ?? UNALLOCATED;
    const residenceKnown = row.residentIcb !== null;
    const residentIcb =
      row.residentIcb ?? (options.unknownResidenceRule === 'provider-host-icb' ? providerIcb : UNALLOCATED);
    const key = [row.financialYear, residentIcb, residenceKnown, row.providerCode, row.serviceCode].join('\u0000');
    const flow = flows.get(key);
    if (flow) {
      flow.activity += row.activity;
      flow.spendPence += row.costPence;
    } else {
      flows.set(key, {
        financialYear: row.financialYear,
        residentIcb,
        residenceKnown,
        providerCode: row.providerCode,
        providerIcb,
        serviceCode: row.serviceCode,
        activity: row.activity,
        spendPence: row.costPence,
      });
    }
  });
  return [...flows.values()].sort(compareFlows);
}

function compareFlows(a: Flow, b: Flow): number {
  return (
    compareText(a.financialYear, b.financialYear) ||
    compareText(a.residentIcb, b.residentIcb) ||
    Number(b.residenceKnown) - Number(a.residenceKnown) ||
    compareText(a.providerCode, b.providerCode) ||
    compareText(a.serviceCode, b.serviceCode)
  );
}

/** Code-point order, the same as SQL's ORDER BY on ASCII codes, so engine rows line up with these. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
