// Payment mechanisms and CQUIN on contract lines (docs/methods.md, "Payment mechanisms and CQUIN"): what a
// line earns at a given activity under block, activity-based, blended, outcome-based, alliance and
// lead-provider risk-share payment, and what a contract's CQUIN schemes earn. Money in whole pence, rounded once. Also the one shape the API, the
// command line and the web app give. Pure.
import { z } from 'zod';

export const PAYMENT_MECHANISMS = ['block', 'activity', 'blended', 'outcome', 'alliance', 'lead-provider'] as const;
/** Mechanisms whose income moves with activity, so they need a planned activity to price against. */
export const VOLUME_LINKED: readonly PaymentMechanism[] = ['activity', 'blended', 'alliance', 'lead-provider'];
/** Mechanisms that share the variance against the target between provider and commissioner. */
export const RISK_SHARE_MECHANISMS: readonly PaymentMechanism[] = ['alliance', 'lead-provider'];
export type PaymentMechanism = (typeof PAYMENT_MECHANISMS)[number];

const share = z.number().min(0).max(1);

export const paymentLineInputSchema = z.strictObject({
  serviceCode: z.string().trim().min(1).max(200),
  mechanism: z.enum(PAYMENT_MECHANISMS),
  /** Blended: the fixed part as a share of the line's value. */
  fixedShare: share.optional(),
  /** Outcome-based: the share of the value at risk on outcomes. */
  outcomeShare: share.optional(),
  /** Outcome-based: how far the outcomes were achieved, 0–1. */
  outcomeAchievement: share.optional(),
  /** Alliance or lead provider: the provider's share of the variance against the target, 0–1. */
  providerShare: share.optional(),
  /** Alliance (optional) or lead provider (required): the most the provider bears either way, as a share of
   * the target. */
  riskCap: share.optional(),
});
export type PaymentLineInput = z.infer<typeof paymentLineInputSchema>;

export const cquinInputSchema = z.strictObject({
  scheme: z.string().trim().min(1).max(200),
  /** Pounds, to the penny. */
  value: z.number().min(0).max(1e12),
  /** 0–1; null while not yet assessed. */
  achievement: share.nullable(),
});
export type CquinInput = z.infer<typeof cquinInputSchema>;

export const contractPaymentInputSchema = z.strictObject({
  lines: z.array(paymentLineInputSchema),
  cquin: z.array(cquinInputSchema).default([]),
});
export type ContractPaymentInput = z.infer<typeof contractPaymentInputSchema>;

export interface PricedLine {
  valuePence: number;
  plannedActivity: number;
  mechanism: PaymentMechanism;
  fixedShare?: number;
  outcomeShare?: number;
  outcomeAchievement?: number;
  providerShare?: number;
  riskCap?: number;
}

/**
 * What the line earns at `activity`, in whole pence. Risk share (alliance, lead provider): the line's value
 * is the target; the variance v = value × (activity ÷ planned − 1) is what activity-based payment would add
 * or take away; the provider bears its share p × v, limited to ± cap × value when a cap is set, and the
 * commissioner the rest, so income = value + v − borne.
 */
export function lineIncomePence(line: PricedLine, activity: number): number {
  const v = line.valuePence;
  const ratio = line.plannedActivity > 0 ? activity / line.plannedActivity : Number.NaN;
  let pence: number;
  switch (line.mechanism) {
    case 'block':
      return v;
    case 'activity':
      pence = v * ratio;
      break;
    case 'blended': {
      const f = line.fixedShare ?? 0;
      pence = f * v + (1 - f) * v * ratio;
      break;
    }
    case 'outcome': {
      const s = line.outcomeShare ?? 0;
      pence = v * (1 - s) + v * s * (line.outcomeAchievement ?? 0);
      break;
    }
    case 'alliance':
    case 'lead-provider': {
      const variance = v * ratio - v;
      const share = (line.providerShare ?? 0) * variance;
      const cap = line.riskCap === undefined ? Number.POSITIVE_INFINITY : line.riskCap * v;
      pence = v + variance - Math.max(-cap, Math.min(cap, share));
      break;
    }
  }
  if (!Number.isFinite(pence)) throw new RangeError(`a ${line.mechanism} line needs a planned activity above 0`);
  return Math.sign(pence) * Math.round(Math.abs(pence));
}

/** A CQUIN scheme's earned value in pence; null while not yet assessed. */
export function cquinEarnedPence(valuePence: number, achievement: number | null): number | null {
  return achievement === null ? null : Math.round(valuePence * achievement);
}

export const paymentLineSchema = z.object({
  contractId: z.string(),
  financialYear: z.string(),
  provider: z.string(),
  providerName: z.string(),
  service: z.string(),
  serviceName: z.string(),
  mechanism: z.enum([...PAYMENT_MECHANISMS, 'unspecified']),
  value: z.number(),
  fixedPart: z.number().nullable(),
  variablePart: z.number().nullable(),
  plannedActivity: z.number().nullable(),
  /** The line's stored terms: blended fixed share; outcome share at risk and achievement. */
  fixedShare: z.number().nullable(),
  outcomeShare: z.number().nullable(),
  outcomeAchievement: z.number().nullable(),
  /** Alliance or lead provider: the provider's share of the variance and the cap on what it bears. */
  providerShare: z.number().nullable(),
  riskCap: z.number().nullable(),
  /** The provider's activity for the service in activityYear that the income is priced at. */
  activity: z.number().nullable(),
  activityYear: z.string().nullable(),
  /** 'plan': grown from the base year by the plan's volume growth; 'recorded': the run's activity. */
  activityBasis: z.enum(['plan', 'recorded']).nullable(),
  /** Income at that activity under the line's own mechanism; null when it cannot be worked out. */
  income: z.number().nullable(),
  incomeIfBlock: z.number(),
  incomeIfActivity: z.number().nullable(),
  /** What a move from block to activity-based payment would change. */
  blockToActivity: z.number().nullable(),
});
export type PaymentLine = z.infer<typeof paymentLineSchema>;

export const cquinRowSchema = z.object({
  contractId: z.string(),
  provider: z.string(),
  providerName: z.string(),
  scheme: z.string(),
  value: z.number(),
  achievement: z.number().nullable(),
  earned: z.number().nullable(),
});
export type CquinRow = z.infer<typeof cquinRowSchema>;

export const providerIncomeSchema = z.object({
  provider: z.string(),
  providerName: z.string(),
  financialYear: z.string(),
  lines: z.number(),
  value: z.number(),
  /** Sums over the provider's lines in the year; null when any line cannot be priced. */
  income: z.number().nullable(),
  incomeIfBlock: z.number(),
  incomeIfActivity: z.number().nullable(),
  blockToActivity: z.number().nullable(),
});
export type ProviderIncome = z.infer<typeof providerIncomeSchema>;

export const paymentRegisterSchema = z.object({
  /** The plan whose activity prices the lines of its years; null when there is none (recorded activity). */
  plan: z.object({ scenario: z.string(), baseYear: z.string(), years: z.array(z.string()) }).nullable(),
  byMechanism: z.array(z.object({ mechanism: z.string(), lines: z.number(), value: z.number() })),
  lines: z.array(paymentLineSchema),
  byProvider: z.array(providerIncomeSchema),
  cquin: z.array(cquinRowSchema),
  cquinTotals: z.object({ value: z.number(), earned: z.number(), unassessed: z.number() }),
});
export type PaymentRegister = z.infer<typeof paymentRegisterSchema>;

export const PAYMENT_LINE_COLUMNS: { key: string; header: string; kind: 'text' | 'number' | 'money' }[] = [
  { key: 'financialYear', header: 'Year', kind: 'text' },
  { key: 'providerName', header: 'Provider', kind: 'text' },
  { key: 'serviceName', header: 'Service', kind: 'text' },
  { key: 'mechanism', header: 'Mechanism', kind: 'text' },
  { key: 'value', header: 'Contract value £', kind: 'money' },
  { key: 'fixedPart', header: 'Fixed part £', kind: 'money' },
  { key: 'variablePart', header: 'Variable part £', kind: 'money' },
  { key: 'plannedActivity', header: 'Planned activity', kind: 'number' },
  { key: 'providerShare', header: 'Provider share of variance', kind: 'number' },
  { key: 'riskCap', header: 'Risk cap (share of value)', kind: 'number' },
  { key: 'activity', header: 'Activity priced at', kind: 'number' },
  { key: 'activityYear', header: 'Activity year', kind: 'text' },
  { key: 'activityBasis', header: 'Activity from', kind: 'text' },
  { key: 'income', header: 'Income under its mechanism £', kind: 'money' },
  { key: 'incomeIfBlock', header: 'Income if block £', kind: 'money' },
  { key: 'incomeIfActivity', header: 'Income if activity-based £', kind: 'money' },
  { key: 'blockToActivity', header: 'Block → activity £', kind: 'money' },
];

export const PROVIDER_INCOME_COLUMNS: { key: string; header: string; kind: 'text' | 'number' | 'money' }[] = [
  { key: 'financialYear', header: 'Year', kind: 'text' },
  { key: 'providerName', header: 'Provider', kind: 'text' },
  { key: 'lines', header: 'Lines', kind: 'number' },
  { key: 'value', header: 'Contract value £', kind: 'money' },
  { key: 'income', header: 'Income under its mechanisms £', kind: 'money' },
  { key: 'incomeIfBlock', header: 'Income if all block £', kind: 'money' },
  { key: 'incomeIfActivity', header: 'Income if all activity-based £', kind: 'money' },
  { key: 'blockToActivity', header: 'Block → activity £', kind: 'money' },
];
