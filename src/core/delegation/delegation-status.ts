// Who commissioned a service for an ICB's population in a financial year, as it actually happened: from
// April 2023 the 59 "suitable and ready" services went to nine statutory joint committees of ICBs and NHS
// England covering all of England; from April 2024 the ICBs of the East of England, the Midlands and the
// North West took full delegation of those 59, joint committees carried on elsewhere; from April 2025 70
// services (the 59 and 11 more) are delegated to every ICB (data/reference/services/delegation_waves.csv).
// A service's membership of the 59 and the 70 comes from the catalogue; an imported NHS England
// reference table with a column per ICB or region overrides the waves for the areas it names.
import { z } from 'zod';
import type { FinancialYear } from '../units.ts';

export const DELEGATION_ARRANGEMENTS = ['retained-nationally', 'joint-committee', 'delegated', 'unknown'] as const;
export const delegationArrangement = z.enum(DELEGATION_ARRANGEMENTS);
export type DelegationArrangement = z.infer<typeof delegationArrangement>;

/** The years the waves distinguish; any later year is as 2025/26 until NHS England decides otherwise. */
export const DELEGATION_STATUS_YEARS = ['2023/24', '2024/25', '2025/26'] as const;

export const delegationStatus = z.object({
  financialYear: z.string(),
  icbCode: z.string(),
  arrangement: delegationArrangement,
  /** The joint committee's name when the arrangement is a joint committee. */
  jointCommittee: z.string().nullable(),
  /** 'imported': NHS England's reference table for this area; 'waves': the board decisions and the
   * catalogue's membership of the 59 and the 70; 'not-known': the catalogue does not say. */
  basis: z.enum(['imported', 'waves', 'not-known']),
  /** The page or file the status rests on. */
  source: z.string().nullable(),
  /** As a person reads it: 'Joint committee (London specialised services joint committee)'. */
  label: z.string(),
});
export type DelegationStatus = z.infer<typeof delegationStatus>;

export interface DelegationWave {
  /** The first year the row holds; it holds for later years until a later wave. */
  fromYear: FinancialYear;
  regionCode: string;
  /** '59' or '70': the services the wave moves. */
  serviceSet: '59' | '70';
  arrangement: 'joint-committee' | 'delegated';
  boardDecision: string;
  sourceUrl: string;
}

export interface JointCommittee {
  regionCode: string;
  /** null: every ICB of the region not named in another row. */
  icbCode: string | null;
  name: string;
  sourceUrl: string;
}

/** Whether a service is among the 59 and the 70 (null = the catalogue does not say). */
export interface ServiceMembership {
  in59: boolean | null;
  in70: boolean | null;
}

/** Membership from the catalogue's delegation flags: the 59 are all among the 70, so a service in the 59
 * is in the 70, and one not in the 70 is not in the 59. */
export function membershipFromFlags(delegated2023: boolean | null, delegated2025: boolean | null): ServiceMembership {
  return {
    in59: delegated2023 ?? (delegated2025 === false ? false : null),
    in70: delegated2025 ?? (delegated2023 === true ? true : null),
  };
}

export interface DelegationStatusQuestion {
  financialYear: string;
  icbCode: string;
  regionCode: string;
  membership: ServiceMembership;
  waves: readonly DelegationWave[];
  committees: readonly JointCommittee[];
  /** From an imported reference table for this service, ICB (or its region) and year, if any. */
  imported?: { arrangement: DelegationArrangement; jointCommittee: string | null; source: string } | null;
}

export function jointCommitteeFor(
  committees: readonly JointCommittee[],
  regionCode: string,
  icbCode: string,
): JointCommittee | null {
  return (
    committees.find((c) => c.regionCode === regionCode && c.icbCode === icbCode) ??
    committees.find((c) => c.regionCode === regionCode && c.icbCode === null) ??
    null
  );
}

function resolveArrangement(q: DelegationStatusQuestion): Omit<DelegationStatus, 'label'> {
  const base = { financialYear: q.financialYear, icbCode: q.icbCode };
  if (q.imported) {
    return {
      ...base,
      arrangement: q.imported.arrangement,
      jointCommittee: q.imported.jointCommittee,
      basis: 'imported',
      source: q.imported.source,
    };
  }
  // A workspace whose reference data predates the waves knows nothing, which is not "retained".
  if (q.waves.length === 0)
    return { ...base, arrangement: 'unknown', jointCommittee: null, basis: 'not-known', source: null };
  // Years sort as text ('2024/25' < '2025/26'); the latest wave year not after the one asked holds.
  const waveYear = q.waves
    .map((w) => w.fromYear)
    .filter((y) => y <= q.financialYear)
    .sort()
    .at(-1);
  // Before the first wave NHS England commissioned every specialised service itself.
  if (!waveYear)
    return { ...base, arrangement: 'retained-nationally', jointCommittee: null, basis: 'waves', source: null };
  const wave = q.waves.find((w) => w.fromYear === waveYear && w.regionCode === q.regionCode);
  if (!wave) return { ...base, arrangement: 'unknown', jointCommittee: null, basis: 'not-known', source: null };
  const member = wave.serviceSet === '59' ? q.membership.in59 : q.membership.in70;
  if (member === null)
    return { ...base, arrangement: 'unknown', jointCommittee: null, basis: 'not-known', source: null };
  if (!member) {
    return {
      ...base,
      arrangement: 'retained-nationally',
      jointCommittee: null,
      basis: 'waves',
      source: wave.sourceUrl,
    };
  }
  const committee =
    wave.arrangement === 'joint-committee' ? jointCommitteeFor(q.committees, q.regionCode, q.icbCode) : null;
  return {
    ...base,
    arrangement: wave.arrangement,
    jointCommittee: committee?.name ?? null,
    basis: 'waves',
    source: wave.sourceUrl,
  };
}

export function resolveDelegationStatus(q: DelegationStatusQuestion): DelegationStatus {
  const status = resolveArrangement(q);
  return { ...status, label: describeDelegationStatus(status) };
}

const LABELS: Record<DelegationArrangement, string> = {
  'retained-nationally': 'Retained nationally',
  'joint-committee': 'Joint committee',
  delegated: 'Delegated',
  unknown: 'Not known',
};

/** The status as a person reads it: 'Joint committee (London specialised services joint committee)'. */
export function describeDelegationStatus(status: Pick<DelegationStatus, 'arrangement' | 'jointCommittee'>): string {
  const label = LABELS[status.arrangement];
  return status.jointCommittee ? `${label} (${status.jointCommittee})` : label;
}

/** Reads a cell of a delegation-status column: Delegated / Joint committee / Retained, Y / N, blank. */
export function parseArrangement(text: string): DelegationArrangement | undefined {
  const t = text.trim().toUpperCase();
  if (t === '' || t === 'UNKNOWN' || t === 'NOT KNOWN' || t === 'TBC') return 'unknown';
  if (/^(N|NO|FALSE|0)$/.test(t) || /^(NOT DELEGATED|NON-DELEGATED|RETAINED|NHS ENGLAND|NHSE)\b/.test(t)) {
    return 'retained-nationally';
  }
  if (/^(JOINT|JOINTLY)\b/.test(t)) return 'joint-committee';
  if (/^(Y|YES|TRUE|1)$/.test(t) || /^DELEGATED\b/.test(t)) return 'delegated';
  return undefined;
}

export const ARRANGEMENT_ACCEPTED =
  'Delegated, Joint committee (or Jointly commissioned), Retained (or Not delegated, NHS England), Y, N, or blank for unknown';

const icbOfStatus = {
  icbCode: z.string(),
  icbName: z.string(),
  regionName: z.string(),
};

/** Every current service's status for one ICB in one year: the services list and the board pack. */
export const icbDelegationStatuses = z.object({
  ...icbOfStatus,
  financialYear: z.string(),
  byService: z.record(z.string(), delegationStatus),
});
export type IcbDelegationStatuses = z.infer<typeof icbDelegationStatuses>;

/** One service's status for one ICB in each of the wave years: the service page. */
export const serviceDelegationTimeline = z.object({
  ...icbOfStatus,
  years: z.array(delegationStatus),
});
export type ServiceDelegationTimeline = z.infer<typeof serviceDelegationTimeline>;

/** The one count of delegated services every page quotes: how many of NHS England's delegated set the
 * catalogue names as delegated in the year, against the set's size, with the catalogue's unknowns. */
export const delegatedServicesCount = z.object({
  financialYear: z.string(),
  /** The size of the set the board delegated for the year (59 in 2024/25 in three regions, 70 from 2025/26). */
  boardTotal: z.number(),
  /** Current catalogue services known to be in that set. */
  inCatalogue: z.number(),
  /** Current catalogue services whose membership the catalogue does not give. */
  notKnown: z.number(),
  /** As a person reads it. */
  label: z.string(),
});
export type DelegatedServicesCount = z.infer<typeof delegatedServicesCount>;

export function countDelegatedServices(
  financialYear: string,
  boardTotal: number,
  memberships: readonly ServiceMembership[],
  serviceSet: '59' | '70',
): DelegatedServicesCount {
  const member = (m: ServiceMembership) => (serviceSet === '59' ? m.in59 : m.in70);
  const inCatalogue = memberships.filter((m) => member(m) === true).length;
  const notKnown = memberships.filter((m) => member(m) === null).length;
  return {
    financialYear,
    boardTotal,
    inCatalogue,
    notKnown,
    label:
      `${inCatalogue} of the ${boardTotal} services delegated to ICBs in ${financialYear} are named in the catalogue` +
      (notKnown ? `; for ${notKnown} more the catalogue does not say` : ''),
  };
}

/** An ICB's services and its population-basis spend per arrangement in a year: the ICB page and the board
 * pack. Every current service is in exactly one arrangement, so the services add up to the catalogue. */
export const icbDelegationSummary = z.object({
  ...icbOfStatus,
  financialYear: z.string(),
  byArrangement: z.array(
    z.object({ arrangement: delegationArrangement, label: z.string(), services: z.number(), spend: z.number() }),
  ),
});
export type IcbDelegationSummary = z.infer<typeof icbDelegationSummary>;

export function summariseIcbDelegation(
  statuses: IcbDelegationStatuses,
  spendByService: readonly { service: string; spend: number }[],
): IcbDelegationSummary {
  const spend = new Map(spendByService.map((s) => [s.service, s.spend]));
  const byArrangement = DELEGATION_ARRANGEMENTS.map((arrangement) => {
    const codes = Object.entries(statuses.byService).filter(([, s]) => s.arrangement === arrangement);
    return {
      arrangement,
      label: LABELS[arrangement],
      services: codes.length,
      spend: codes.reduce((sum, [code]) => sum + (spend.get(code) ?? 0), 0),
    };
  });
  const { icbCode, icbName, regionName, financialYear } = statuses;
  return { icbCode, icbName, regionName, financialYear, byArrangement };
}

/** One sentence for reports: 'NHS X ICB (London), 2024/25: 20 joint committee, 22 retained nationally, …'. */
export function describeIcbDelegation(summary: IcbDelegationSummary): string {
  const parts = summary.byArrangement
    .filter((g) => g.services > 0)
    .map((g) => `${g.services} ${g.label.toLowerCase()}`);
  return `${summary.icbName} (${summary.regionName}), ${summary.financialYear}: ${parts.join(', ')}`;
}
