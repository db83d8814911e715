// Where a service sits on the place-based spectrum for a footprint and year (seed 000's "four options",
// seed 001's delegation): NHS England direct, NHS England with ICB input, joint committee, lead commissioner
// (a named lead ICB or provider collaborative) or delegated. A delegation outcome proposes a timeline.
import type { DelegationOutcome } from './delegation-outcome.ts';

export const COMMISSIONING_MODELS = [
  'nhse-direct',
  'nhse-with-icb-input',
  'joint-committee',
  'lead-commissioner',
  'delegated',
] as const;
export type CommissioningModel = (typeof COMMISSIONING_MODELS)[number];

export interface ProposedModel {
  financialYear: string;
  model: CommissioningModel;
}

/** The next financial year after '2025/26' is '2026/27'. */
export function nextFinancialYear(year: string): string {
  const start = Number(year.slice(0, 4)) + 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Two years from `firstYear` (methods.md, "Commissioning models"); nothing for an undecided outcome. */
export function proposedTimeline(outcome: DelegationOutcome, firstYear: string): ProposedModel[] {
  const second = nextFinancialYear(firstYear);
  switch (outcome) {
    case 'suitable-and-ready':
      return [
        { financialYear: firstYear, model: 'joint-committee' },
        { financialYear: second, model: 'delegated' },
      ];
    case 'suitable-not-yet-ready':
      return [
        { financialYear: firstYear, model: 'nhse-with-icb-input' },
        { financialYear: second, model: 'joint-committee' },
      ];
    case 'not-suitable':
      return [
        { financialYear: firstYear, model: 'nhse-direct' },
        { financialYear: second, model: 'nhse-direct' },
      ];
    default:
      return [];
  }
}

/** Agreeing a model needs the region (or national) above the ICB: what an ICB enters for its own footprint
 * is its proposal until the region or national sets it (issue 15). */
export function modelStatusFor(actorType: 'icb' | 'region' | 'national'): 'agreed' | 'proposed' {
  return actorType === 'icb' ? 'proposed' : 'agreed';
}
