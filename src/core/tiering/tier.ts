// Step 3 tiering: the smallest footprint kind at which every footprint of that kind passes the rubric's
// thresholds, else the region (methods.md, "Tiering").
import type { TieringRules } from '../definitions/delegation-rubric.ts';

export const TIERS = ['icb', 'multi-icb', 'region'] as const;
export type Tier = (typeof TIERS)[number];

export interface FootprintEvidence {
  footprint: string;
  kind: Tier;
  population: number;
  expectedPatients: number;
  providersUsed: number;
  outOfFootprintShare: number | null;
  occasionalProviders: number;
  occasionalPracticeShare: number;
  missProbability: number | null;
}

export interface FootprintVerdict {
  passes: boolean;
  /** The thresholds it fails, in words. */
  fails: string[];
}

export function footprintVerdict(evidence: FootprintEvidence, rules: TieringRules): FootprintVerdict {
  const fails: string[] = [];
  if (evidence.missProbability === null || evidence.missProbability > rules.maxMissProbability)
    fails.push('volatility');
  if (evidence.outOfFootprintShare !== null && evidence.outOfFootprintShare > rules.maxOutOfFootprintShare) {
    fails.push('flows');
  }
  if (evidence.occasionalPracticeShare > rules.maxOccasionalPracticeShare) fails.push('occasional-practice');
  return { passes: fails.length === 0, fails };
}

export function tierOf(evidence: readonly FootprintEvidence[], rules: TieringRules): Tier {
  for (const kind of TIERS.slice(0, -1)) {
    const ofKind = evidence.filter((e) => e.kind === kind);
    if (ofKind.length > 0 && ofKind.every((e) => footprintVerdict(e, rules).passes)) return kind;
  }
  return 'region';
}
