// The provenance block of a data response, from the run context and a sentence on how the figures were
// derived.
import type { RunContext } from '../data/queries/run-context.ts';
import type { Provenance } from './schemas.ts';

export function provenanceOf(context: RunContext, financialYear: string | null, derivation: string): Provenance {
  const rule = context.rule ? ` Activity with no valid residence was placed by the rule "${context.rule}".` : '';
  const source = context.dataset
    ? `Dataset "${context.dataset}", ${context.vintage} geography.`
    : 'No activity has been imported and run yet, so there are no spend figures.';
  return {
    dataset: context.dataset,
    vintage: context.vintage,
    rule: context.rule,
    financialYear,
    derivation: `${derivation} ${source}${rule}`,
  };
}
