// Step 1 suitability and step 2 readiness give a service its delegation outcome (methods.md, "Delegation
// outcome"). An unknown highly-specialised flag is never read as "no", and an unanswered criterion never as
// "meets": a service that cannot be decided is `needs-information`, with every missing item listed so the
// summary can count and cost what is unknown.
import type { CriterionAnswer, DelegationRubric } from '../definitions/delegation-rubric.ts';

export const DELEGATION_OUTCOMES = [
  'suitable-and-ready',
  'suitable-not-yet-ready',
  'not-suitable',
  'needs-information',
] as const;
export type DelegationOutcome = (typeof DELEGATION_OUTCOMES)[number];

export interface OutcomeDecision {
  /** true / false, or null when it could not be decided. */
  suitable: boolean | null;
  ready: boolean | null;
  outcome: DelegationOutcome;
  /** Why, in a sentence: which criterion or flag decided it. */
  reason: string;
  /** What must be found out before the outcome can be decided (empty unless needs-information). */
  missing: string[];
}

/** The missing item for an unknown highly-specialised flag, as the summary lists it. */
export const MISSING_HIGHLY_SPECIALISED = 'Whether the service is highly specialised';

export function delegationOutcome(
  rubric: DelegationRubric,
  answers: Readonly<Record<string, CriterionAnswer | undefined>>,
  highlySpecialised: boolean | null,
): OutcomeDecision {
  const rule = rubric.outcomeRule;
  if (rule.highlySpecialisedNotSuitable && highlySpecialised === true) {
    return {
      suitable: false,
      ready: null,
      outcome: 'not-suitable',
      reason: 'Highly specialised: retained nationally.',
      missing: [],
    };
  }
  const failing = rubric.suitability.filter((c) => {
    const a = answers[c.id];
    return a !== undefined && rule.unsuitableAnswers.includes(a);
  });
  if (failing.length > 0) {
    return {
      suitable: false,
      ready: null,
      outcome: 'not-suitable',
      reason: `Does not meet: ${failing.map((c) => c.name).join('; ')}.`,
      missing: [],
    };
  }
  const missing = [
    ...(rule.highlySpecialisedNotSuitable && highlySpecialised === null ? [MISSING_HIGHLY_SPECIALISED] : []),
    ...[...rubric.suitability, ...rubric.readiness].filter((c) => answers[c.id] === undefined).map((c) => c.name),
  ];
  if (missing.length > 0) {
    const answered = rubric.readiness.every((c) => answers[c.id] !== undefined);
    return {
      suitable: null,
      ready: answered ? rubric.readiness.every((c) => rule.readyAnswers.includes(answers[c.id]!)) : null,
      outcome: 'needs-information',
      reason: `Needs information: ${missing.join('; ')}.`,
      missing,
    };
  }
  const ready = rubric.readiness.every((c) => rule.readyAnswers.includes(answers[c.id]!));
  if (!ready) {
    const short = rubric.readiness.filter((c) => !rule.readyAnswers.includes(answers[c.id]!));
    return {
      suitable: true,
      ready: false,
      outcome: 'suitable-not-yet-ready',
      reason: `Not yet ready on: ${short.map((c) => c.name).join('; ')}.`,
      missing: [],
    };
  }
  return {
    suitable: true,
    ready: true,
    outcome: 'suitable-and-ready',
    reason: 'Suitable and ready on every criterion.',
    missing: [],
  };
}
