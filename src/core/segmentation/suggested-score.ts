// A suggested score for a factor from a measure the workspace gives, by the rubric's cut points
// (methods.md, "Suggested scores from data"). Shown beside the assessor's score, never instead of it.
import { SCORE_MAX, SCORE_MIN, type SegmentationFactor } from '../definitions/segmentation-rubric.ts';

export function suggestedScore(factor: SegmentationFactor, measure: number | null): number | null {
  const s = factor.suggestion;
  if (!s || measure === null || !Number.isFinite(measure)) return null;
  if (s.higherMeasureMeans === 'lower-score') return SCORE_MAX - s.cuts.filter((cut) => cut <= measure).length;
  return SCORE_MIN + s.cuts.filter((cut) => cut < measure).length;
}
