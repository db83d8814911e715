// Risk share in a pooled footprint budget: who bears the members' overspends and underspends
// (docs/methods.md, "Risk share in a pooled footprint budget"). Whole pence throughout, so the members'
// positions add up to the total variance exactly.
import { fail, type ResultWarning } from '../errors.ts';
import { fillInProportion } from '../money/fill-in-proportion.ts';
import { roundToWholePence } from '../money/largest-remainder.ts';

export const RISK_SHARE_TYPES = ['pool', 'threshold'] as const;
export type RiskShareType = (typeof RISK_SHARE_TYPES)[number];
export const RISK_SHARE_BASES = ['population', 'allocation', 'fixed'] as const;
export type RiskShareBasis = (typeof RISK_SHARE_BASES)[number];

export interface RiskShareMember {
  icb: string;
  allocationPence: number;
  outturnPence: number;
  /** Needed when the basis is population. */
  population?: number;
}

export interface RiskShareAgreement {
  type: RiskShareType;
  basis: RiskShareBasis;
  /** Fixed shares by ICB, adding up to 1; needed when the basis is fixed. */
  shares?: Readonly<Record<string, number>>;
  /** For `threshold`: the part of its allocation (0.02 = 2%) up to which a member bears its own variance. */
  threshold?: number;
  /** The most any member's share of the pool may be, either way, in whole pence; omitted = no cap. */
  capPence?: number;
}

export interface RiskSharePosition {
  icb: string;
  /** Outturn − allocation: positive is an overspend. */
  variancePence: number;
  /** The part of its variance the member bears itself (all of it is pooled under `pool`). */
  ownVariancePence: number;
  basisShare: number;
  poolSharePence: number;
  /** Own variance + pool share: what the member finally bears. */
  positionPence: number;
  capped: boolean;
}

export interface RiskShare {
  totalVariancePence: number;
  poolPence: number;
  members: RiskSharePosition[];
  warnings: ResultWarning[];
}

const SHARE_TOLERANCE = 1e-9;
const SNAP = 1e-6;

function badMoney(field: string, value: number): void {
  if (!Number.isSafeInteger(value)) {
    fail('FP_PLAN_BAD_MONEY', `${field} is not whole pence.`, {
      where: { field },
      received: String(value),
      accepted: 'a whole number of pence',
    });
  }
}

function badAgreement(field: string, message: string, received: string, accepted: string): never {
  return fail('FP_PLAN_BAD_RISK_SHARE', message, { where: { field }, received, accepted });
}

function basisShares(members: readonly RiskShareMember[], agreement: RiskShareAgreement): number[] {
  if (agreement.basis === 'fixed') {
    const shares = members.map((m) => {
      const share = agreement.shares?.[m.icb];
      if (share === undefined || !Number.isFinite(share) || share < 0 || share > 1) {
        fail('FP_PLAN_BAD_SHARE', `The fixed share of ${m.icb} is missing or not a share.`, {
          where: { field: `riskShare.shares.${m.icb}` },
          received: String(share),
          accepted: 'a number from 0 to 1 for every member',
        });
      }
      return share;
    });
    const total = shares.reduce((sum, s) => sum + s, 0);
    if (Math.abs(total - 1) > SHARE_TOLERANCE) {
      fail('FP_PLAN_SHARES_NOT_ONE', 'The fixed risk-share shares do not add up to 1.', {
        where: { field: 'riskShare.shares' },
        received: `shares adding up to ${total}`,
        accepted: 'shares adding up to 1',
      });
    }
    return shares.map((s) => s / total);
  }
  const sizes = members.map((m) => {
    const size = agreement.basis === 'population' ? m.population : m.allocationPence;
    if (size === undefined || !Number.isFinite(size) || size < 0) {
      badAgreement(
        `riskShare.basis`,
        `The ${agreement.basis} of ${m.icb} is missing or negative, so it cannot be a basis for sharing.`,
        String(size),
        `a ${agreement.basis} of 0 or more for every member`,
      );
    }
    return size;
  });
  const total = sizes.reduce((sum, s) => sum + s, 0);
  if (total <= 0) {
    badAgreement('riskShare.basis', `The members' ${agreement.basis} adds up to 0.`, '0', 'a total above 0');
  }
  return sizes.map((s) => s / total);
}

function checkAgreement(members: readonly RiskShareMember[], agreement: RiskShareAgreement): void {
  if (members.length === 0) badAgreement('riskShare.outturn', 'The risk share has no members.', '0', 'at least one');
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.icb)) badAgreement('riskShare.outturn', `${m.icb} is a member twice.`, m.icb, 'each ICB once');
    seen.add(m.icb);
    badMoney(`riskShare.outturn.${m.icb}`, m.outturnPence);
    badMoney(`allocation.${m.icb}`, m.allocationPence);
  }
  if (agreement.type === 'threshold') {
    const t = agreement.threshold;
    if (t === undefined || !Number.isFinite(t) || t < 0 || t >= 1) {
      badAgreement(
        'riskShare.threshold',
        'A threshold agreement needs a threshold.',
        String(t),
        'a fraction from 0 up to 1',
      );
    }
    for (const m of members) {
      if (m.allocationPence < 0) {
        badAgreement(
          `allocation.${m.icb}`,
          `The allocation of ${m.icb} is negative.`,
          String(m.allocationPence),
          '0 or more',
        );
      }
    }
  }
  const cap = agreement.capPence;
  if (cap !== undefined && (!Number.isSafeInteger(cap) || cap < 0)) {
    badAgreement('riskShare.cap', 'The cap is not an amount of money.', String(cap), 'whole pence, 0 or more');
  }
}

const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));

export function riskShare(members: readonly RiskShareMember[], agreement: RiskShareAgreement): RiskShare {
  checkAgreement(members, agreement);
  const shares = basisShares(members, agreement);
  const variances = members.map((m) => m.outturnPence - m.allocationPence);
  const own = members.map((m, i) =>
    agreement.type === 'pool' ? 0 : clamp(variances[i]!, Math.floor(agreement.threshold! * m.allocationPence + SNAP)),
  );
  const pool = variances.reduce((sum, v, i) => sum + v - own[i]!, 0);
  const cap = agreement.capPence ?? Number.POSITIVE_INFINITY;
  const withinCaps = fillInProportion(
    Math.abs(pool),
    shares,
    shares.map(() => cap),
  );
  // Every member is at the cap: the pool must still be borne, so the rest is shared over the caps.
  const warnings: ResultWarning[] = [];
  let magnitudes = withinCaps.given;
  if (withinCaps.left >= 0.5) {
    magnitudes = magnitudes.map((g, i) => g + withinCaps.left * shares[i]!);
    warnings.push({
      code: 'FPW102',
      message: `Every member reached the cap; £${(withinCaps.left / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} of the pool was shared over the caps.`,
      where: { field: 'riskShare.cap' },
    });
  }
  const poolShares = roundToWholePence(
    magnitudes.map((m) => m * Math.sign(pool)),
    pool,
  );
  return {
    totalVariancePence: variances.reduce((sum, v) => sum + v, 0),
    poolPence: pool,
    members: members.map((m, i) => ({
      icb: m.icb,
      variancePence: variances[i]!,
      ownVariancePence: own[i]!,
      basisShare: shares[i]!,
      poolSharePence: poolShares[i]!,
      positionPence: own[i]! + poolShares[i]!,
      capped: Math.abs(poolShares[i]!) >= cap,
    })),
    warnings,
  };
}
