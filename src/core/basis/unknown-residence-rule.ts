// Where spend goes when the patient's residence is not known (blank or not a valid code): one stated,
// configurable rule, never dropped.
import { fail } from '../errors.ts';
import type { IcbCode } from '../units.ts';

/** 'provider-host-icb' (default) books unknown-residence spend to the ICB hosting the provider, as
 * provider-basis commissioning did; 'unallocated' keeps it apart under the UNALLOCATED pseudo-ICB so
 * reports list it separately. */
export const UNKNOWN_RESIDENCE_RULES = ['provider-host-icb', 'unallocated'] as const;
export type UnknownResidenceRule = (typeof UNKNOWN_RESIDENCE_RULES)[number];
export const DEFAULT_UNKNOWN_RESIDENCE_RULE: UnknownResidenceRule = 'provider-host-icb';

/** The pseudo-ICB that holds spend which cannot be placed in a real ICB: unknown residence under the
 * 'unallocated' rule, and providers with no known host ICB. */
export const UNALLOCATED = 'UNALLOCATED' as IcbCode;

export function parseUnknownResidenceRule(text: string, parameter = 'unknownResidenceRule'): UnknownResidenceRule {
  const rule = UNKNOWN_RESIDENCE_RULES.find((r) => r === text);
  if (!rule) {
    fail('FP_RUN_BAD_RULE', `The unknown-residence rule "${text}" is not one Footprint knows.`, {
      where: { parameter },
      received: text,
      accepted: UNKNOWN_RESIDENCE_RULES.join(', '),
    });
  }
  return rule;
}
