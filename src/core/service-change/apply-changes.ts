// Service-change what-ifs (docs/methods.md, "Service change"): the base year's flows, held at base-year
// levels, with each change in effect moving a fraction of the flows it selects to its receivers, for every
// year of the horizon. Money is whole pence and is shared by largest remainder, so it moves and never
// vanishes unless a cost change says so.
import type { Flow } from '../basis/flow-matrix.ts';
import { compareText } from '../basis/flow-matrix.ts';
import { roundToWholePence } from '../money/largest-remainder.ts';
import { planFinancialYear } from '../planning/plan-years.ts';
import type { FinancialYear, IcbCode, ProviderCode } from '../units.ts';
import { financialYearStart } from '../units.ts';
import type { ServiceChangeType } from './change-schema.ts';

/** A flow with its patients, so provider volumes can be read against a minimum. */
export interface WhatIfFlow extends Flow {
  patients: number;
}

/** A change with its receivers settled: named providers, or (repatriation) one per resident ICB. */
export interface ResolvedChange {
  type: ServiceChangeType;
  service: string;
  fromProviders: readonly string[];
  to:
    | { kind: 'providers'; providers: readonly string[] }
    | { kind: 'nearest'; byResidentIcb: Readonly<Record<string, string>> };
  /** Repatriation only; undefined = every resident ICB. */
  residentIcbs?: readonly string[];
  share: number;
  phasing: readonly number[];
  startYear: FinancialYear;
  costChange?: number;
}

export interface WhatIfInput {
  baseYear: FinancialYear;
  years: number;
  /** The base year's flows (their financialYear is ignored). */
  flows: readonly WhatIfFlow[];
  /** Each provider's host ICB, for receivers with no base-year flow of their own. */
  providerHostIcb: ReadonlyMap<string, IcbCode>;
}

export interface WhatIfYear {
  financialYear: FinancialYear;
  baseline: WhatIfFlow[];
  flows: WhatIfFlow[];
}

/** The fraction of a change's selected activity that moves in `year`; 0 before the start year. */
export function inEffect(change: Pick<ResolvedChange, 'share' | 'phasing' | 'startYear'>, year: FinancialYear): number {
  const k = financialYearStart(year) - financialYearStart(change.startYear);
  if (k < 0) return 0;
  const phase = change.phasing[Math.min(k, change.phasing.length - 1)] ?? 1;
  return change.share * phase;
}

const keyOf = (f: Pick<Flow, 'residentIcb' | 'residenceKnown' | 'providerCode' | 'serviceCode'>) =>
  [f.residentIcb, f.residenceKnown, f.providerCode, f.serviceCode].join('\u0000');

export function compareFlows(a: Flow, b: Flow): number {
  return (
    compareText(a.financialYear, b.financialYear) ||
    compareText(a.serviceCode, b.serviceCode) ||
    compareText(a.providerCode, b.providerCode) ||
    compareText(a.residentIcb, b.residentIcb) ||
    Number(b.residenceKnown) - Number(a.residenceKnown)
  );
}

/** Base-year activity of `service` at each of `providers`, as weights adding up to 1 (equal when none). */
function receiverWeights(flows: readonly WhatIfFlow[], service: string, providers: readonly string[]): number[] {
  const activity = providers.map((p) =>
    flows.reduce((sum, f) => (f.serviceCode === service && f.providerCode === p ? sum + f.activity : sum), 0),
  );
  const total = activity.reduce((s, a) => s + a, 0);
  return total > 0 ? activity.map((a) => a / total) : providers.map(() => 1 / providers.length);
}

function applyChange(
  flows: readonly WhatIfFlow[],
  change: ResolvedChange,
  e: number,
  weightsFor: (residentIcb: string) => { providers: readonly string[]; weights: number[] } | null,
  hostOf: (provider: string) => IcbCode,
): WhatIfFlow[] {
  const byKey = new Map<string, WhatIfFlow>();
  const put = (flow: WhatIfFlow) => {
    const key = keyOf(flow);
    const found = byKey.get(key);
    if (!found) byKey.set(key, flow);
    else {
      found.activity += flow.activity;
      found.spendPence += flow.spendPence;
      found.patients += flow.patients;
    }
  };
  const moved: WhatIfFlow[] = [];
  for (const f of flows) {
    const receivers = weightsFor(f.residentIcb);
    const selected =
      receivers !== null &&
      f.serviceCode === change.service &&
      change.fromProviders.includes(f.providerCode) &&
      (change.residentIcbs === undefined || change.residentIcbs.includes(f.residentIcb));
    if (!selected) {
      put({ ...f });
      continue;
    }
    const movedPence = Math.round(f.spendPence * e);
    put({
      ...f,
      activity: f.activity * (1 - e),
      spendPence: f.spendPence - movedPence,
      patients: f.patients * (1 - e),
    });
    const arriving = change.costChange === undefined ? movedPence : Math.round(movedPence * (1 + change.costChange));
    const { providers, weights } = receivers;
    const pence = roundToWholePence(
      weights.map((w) => arriving * w),
      arriving,
    );
    providers.forEach((providerCode, i) => {
      const w = weights[i]!;
      moved.push({
        ...f,
        providerCode: providerCode as ProviderCode,
        providerIcb: hostOf(providerCode),
        activity: f.activity * e * w,
        spendPence: pence[i]!,
        patients: f.patients * e * w,
      });
    });
  }
  for (const m of moved) put(m);
  return [...byKey.values()];
}

/** Every year of the horizon: the unchanged baseline and the flows with the changes in effect. */
export function whatIf(input: WhatIfInput, changes: readonly ResolvedChange[]): WhatIfYear[] {
  const hostOf = (provider: string): IcbCode => {
    const host = input.providerHostIcb.get(provider);
    if (host !== undefined) return host;
    const seen = input.flows.find((f) => f.providerCode === provider);
    if (!seen) throw new RangeError(`receiving provider ${provider} has no host ICB`);
    return seen.providerIcb;
  };
  const weightsByChange = changes.map((change) => {
    if (change.to.kind === 'providers') {
      const providers = change.to.providers;
      const weights = receiverWeights(input.flows, change.service, providers);
      return () => ({ providers, weights });
    }
    const nearest = change.to.byResidentIcb;
    // A resident ICB with no nearest provider (UNALLOCATED has no home to return to) keeps its activity.
    return (residentIcb: string) => {
      const provider = nearest[residentIcb];
      return provider ? { providers: [provider], weights: [1] } : null;
    };
  });
  return Array.from({ length: input.years }, (_, i) => {
    const financialYear = planFinancialYear(input.baseYear, i + 1);
    const baseline = input.flows.map((f) => ({ ...f, financialYear }));
    let flows: WhatIfFlow[] = baseline.map((f) => ({ ...f }));
    changes.forEach((change, c) => {
      const e = inEffect(change, financialYear);
      if (e > 0) flows = applyChange(flows, change, e, weightsByChange[c]!, hostOf);
    });
    return { financialYear, baseline: baseline.sort(compareFlows), flows: flows.sort(compareFlows) };
  });
}
