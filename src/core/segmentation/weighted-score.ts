// A service's weighted segmentation score and the commissioning level it reaches (methods.md,
// "Segmentation score and level").
import {
  SEGMENTATION_LEVELS,
  type SegmentationLevel,
  type SegmentationRubric,
} from '../definitions/segmentation-rubric.ts';

export interface WeightedScore {
  /** Σ weight × score, rounded to 6 decimals; null when a factor is not scored. */
  score: number | null;
  level: SegmentationLevel | null;
  /** Factors with no score, when there are any. */
  missing: string[];
}

export function weightedScore(
  rubric: SegmentationRubric,
  scores: Readonly<Record<string, number | undefined>>,
): WeightedScore {
  const missing = rubric.factors.filter((f) => scores[f.id] === undefined).map((f) => f.id);
  if (missing.length > 0) return { score: null, level: null, missing };
  const sum = rubric.factors.reduce((total, f) => total + f.weight * scores[f.id]!, 0);
  const score = Math.round(sum * 1e6) / 1e6;
  return { score, level: segmentationLevel(rubric, score), missing };
}

export function segmentationLevel(rubric: SegmentationRubric, score: number): SegmentationLevel {
  if (score >= rubric.levels['national-regional']) return 'national-regional';
  if (score >= rubric.levels['sub-regional-hub']) return 'sub-regional-hub';
  return 'icb-or-multi-icb';
}

/** 0 for the most local level, 2 for national-regional: how far apart two assessors' levels are. */
export function levelRank(level: SegmentationLevel): number {
  return SEGMENTATION_LEVELS.indexOf(level);
}
