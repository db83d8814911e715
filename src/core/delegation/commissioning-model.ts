// Where a service sits on the place-based spectrum for a footprint and year (seed 000's "four options",
// seed 001's delegation): NHS England direct, NHS England with the ICBs at the table, joint committee, lead
// commissioner (a named lead ICB) or delegated. The proposal for a year is derived from how the service was
// (or will be) commissioned for each of the footprint's ICBs that year (delegation-status.ts) and, for a
// footprint of several ICBs, the service's tier (methods.md, "Commissioning models").
import { z } from 'zod';
import type { Tier } from '../tiering/tier.ts';
import type { DelegationArrangement, DelegationStatus } from './delegation-status.ts';
import { type LeadCommissioner, type LeadSpend, leadCommissioner } from './lead-commissioner.ts';

export const COMMISSIONING_MODELS = [
  'nhse-direct',
  'nhse-with-icb-input',
  'joint-committee',
  'lead-commissioner',
  'delegated',
] as const;
export const commissioningModel = z.enum(COMMISSIONING_MODELS);
export type CommissioningModel = z.infer<typeof commissioningModel>;

/** As a person reads each model. */
export const MODEL_LABELS: Record<CommissioningModel, string> = {
  'nhse-direct': 'NHS England direct',
  'nhse-with-icb-input': 'NHS England direct, ICBs at the table',
  'joint-committee': 'Joint committee',
  'lead-commissioner': 'Lead commissioner',
  delegated: 'Delegated',
};

/** Agreeing a model needs the region (or national) above the ICB: what an ICB enters for its own footprint
 * is its proposal until the region or national sets it (issue 15). */
export function modelStatusFor(actorType: 'icb' | 'region' | 'national'): 'agreed' | 'proposed' {
  return actorType === 'icb' ? 'proposed' : 'agreed';
}

/** One ICB of the footprint, with the service's status for it in the year. */
export interface MemberStatus {
  icbCode: string;
  icbName: string;
  status: Pick<DelegationStatus, 'arrangement' | 'jointCommittee'>;
}

export interface ModelQuestion {
  members: readonly MemberStatus[];
  highlySpecialised: boolean | null;
  /** The service's tier from the latest delegation run; null when it has not been tiered. */
  tier: Tier | null;
  /** The footprint residents' spend on the service at each provider (for the lead of a multi-ICB footprint). */
  spend: readonly LeadSpend[];
}

export const modelProposal = z.object({
  /** null when the status does not give one model (not known, or the ICBs differ). */
  model: commissioningModel.nullable(),
  /** As a person reads it: 'Lead commissioner: NHS Greater Manchester ICB'. */
  label: z.string(),
  jointCommittee: z.string().nullable(),
  lead: z
    .object({
      icbCode: z.string(),
      icbName: z.string(),
      rule: z.enum(['host-of-main-provider', 'largest-resident-spend']),
    })
    .nullable(),
  /** Why this model, in a sentence. */
  reason: z.string(),
});
export type ModelProposal = z.infer<typeof modelProposal>;

const ARRANGEMENT_WORDS: Record<DelegationArrangement, string> = {
  'retained-nationally': 'retained nationally',
  'joint-committee': 'joint committee',
  delegated: 'delegated',
  unknown: 'not known',
};

function proposal(
  model: CommissioningModel | null,
  reason: string,
  extra: { jointCommittee?: string | null; lead?: LeadCommissioner | null; label?: string } = {},
): ModelProposal {
  const lead = extra.lead ?? null;
  const jointCommittee = extra.jointCommittee ?? null;
  let label = extra.label ?? (model ? MODEL_LABELS[model] : 'Not known');
  if (model === 'joint-committee' && jointCommittee) label = `${label} (${jointCommittee})`;
  if (model === 'lead-commissioner') label = `${label}: ${lead ? lead.icbName : 'lead to be named'}`;
  return { model, label, jointCommittee, lead, reason };
}

/** The model the status gives for one service, footprint and year:
 * - any ICB not known → no model (said so);
 * - ICBs under different arrangements → no single model, the mix named;
 * - all retained nationally → NHS England direct for a highly specialised service, else NHS England direct
 *   with the ICBs at the table;
 * - all under joint committees → joint committee, named;
 * - all delegated → delegated for one ICB, or for several ICBs when the service is tiered at ICB level
 *   (each ICB commissions for its own residents); otherwise a lead commissioner, named by leadCommissioner. */
export function proposeCommissioningModel(q: ModelQuestion): ModelProposal {
  const arrangements = [...new Set(q.members.map((m) => m.status.arrangement))];
  const unknown = q.members.filter((m) => m.status.arrangement === 'unknown');
  if (q.members.length === 0) return proposal(null, 'The footprint has no ICBs.');
  if (unknown.length > 0) {
    const who = unknown.length === q.members.length ? 'any of its ICBs' : `${unknown.length} of its ICBs`;
    return proposal(null, `The catalogue does not say how the service is commissioned for ${who}.`);
  }
  if (arrangements.length > 1) {
    const mix = arrangements
      .map((a) => `${q.members.filter((m) => m.status.arrangement === a).length} ${ARRANGEMENT_WORDS[a]}`)
      .join(', ');
    return proposal(null, `The footprint's ICBs are commissioned differently this year (${mix}).`, {
      label: `Mixed (${mix})`,
    });
  }
  const [arrangement] = arrangements;
  if (arrangement === 'retained-nationally') {
    return q.highlySpecialised
      ? proposal('nhse-direct', 'Retained by NHS England and highly specialised: commissioned nationally.')
      : proposal('nhse-with-icb-input', 'Retained by NHS England, which commissions it with the ICBs at the table.');
  }
  if (arrangement === 'joint-committee') {
    const names = [...new Set(q.members.map((m) => m.status.jointCommittee).filter((n) => n !== null))].sort();
    return proposal('joint-committee', 'The ICBs commission it with NHS England in a statutory joint committee.', {
      jointCommittee: names.join('; ') || null,
    });
  }
  if (q.members.length === 1) return proposal('delegated', 'Delegated to the ICB.');
  if (q.tier === 'icb') {
    return proposal('delegated', 'Delegated to each ICB and tiered at ICB level: each commissions for its residents.');
  }
  const lead = leadCommissioner(q.members, q.spend);
  const why = q.tier ? `tiered at ${q.tier === 'region' ? 'region' : 'multi-ICB'} level` : 'not tiered yet';
  return proposal(
    'lead-commissioner',
    lead
      ? `Delegated to every ICB of the footprint and ${why}: one ICB leads for the others (${lead.rule === 'host-of-main-provider' ? 'it hosts the main provider' : 'its residents spend the most'}).`
      : `Delegated to every ICB of the footprint and ${why}; no activity in the year to choose a lead from.`,
    { lead },
  );
}
