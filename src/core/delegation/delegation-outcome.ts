// Step 1 suitability and step 2 readiness give a service its delegation outcome (methods.md, "Delegation
// outcome"). An unknown highly-specialised flag is never read as "no": a service that would otherwise be
// suitable is `not-classified`, with the reason.
import type { CriterionAnswer, DelegationRubric } from '../definitions/delegation-rubric.ts';

export const DELEGATION_OUTCOMES = [
  'suitable-and-ready',
  'suitable-not-yet-ready',
  'not-suitable',
  'not-classified',
  'not-assessed',
] as const;
export type DelegationOutcome = (typeof DELEGATION_OUTCOMES)[number];

export interface OutcomeDecision {
  /** true / false, or null when it could not be decided. */
  suitable: boolean | null;
  ready: boolean | null;
  outcome: DelegationOutcome;
  /** Why, in a sentence: which criterion or flag decided it. */
  reason: string;
}

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
    };
  }
  const unanswered = [...rubric.suitability, ...rubric.readiness].filter((c) => answers[c.id] === undefined);
  if (unanswered.length > 0) {
    return {
      suitable: null,
      ready: null,
      outcome: 'not-assessed',
      reason: `No answer for: ${unanswered.map((c) => c.name).join('; ')}.`,
    };
  }
  const ready = rubric.readiness.every((c) => rule.readyAnswers.includes(answers[c.id]!));
  if (rule.highlySpecialisedNotSuitable && highlySpecialised === null) {
    return {
      suitable: null,
      ready,
      outcome: 'not-classified',
      reason: 'The catalogue does not say whether the service is highly specialised, so suitability cannot be decided.',
    };
  }
  if (!ready) {
    const short = rubric.readiness.filter((c) => !rule.readyAnswers.includes(answers[c.id]!));
    return {
      suitable: true,
      ready: false,
      outcome: 'suitable-not-yet-ready',
      reason: `Not yet ready on: ${short.map((c) => c.name).join('; ')}.`,
    };
  }
  return {
    suitable: true,
    ready: true,
    outcome: 'suitable-and-ready',
    reason: 'Suitable and ready on every criterion.',
  };
}
