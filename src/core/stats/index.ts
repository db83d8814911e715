// The public surface of the statistics library: confidence limits for rates, proportions and means,
// standardised rates and ratios, funnel plots and SPC. Import from here rather than from the files.
export {
  type Confidence,
  confidenceLabel,
  confidenceLevels,
  type Estimate,
  estimateColumns,
  type Limits,
  limitColumnNames,
  twoSidedZ,
} from './arguments.ts';
export { type CrudeRateInput, type CrudeRateOptions, calculateCrudeRate } from './crude-rate.ts';
export {
  chiSquareCdf,
  chiSquareQuantile,
  fQuantile,
  gammaQuantile,
  normalQuantile,
  poissonCdf,
  studentTQuantile,
} from './distributions.ts';
export {
  calculateDsr,
  DSR_MINIMUM_EVENTS,
  type DsrBand,
  type DsrEstimate,
  type DsrOptions,
  ESP_2013_BY_BAND,
  type EventFrequency,
} from './dsr.ts';
export { FUNNEL_POINTS, funnelAxisPoints, roundHalfEven } from './funnel-axis.ts';
export {
  calculateFunnelLimits,
  FUNNEL_CONFIDENCE,
  type FunnelLimit,
  type FunnelLimitRow,
  type FunnelLimitTable,
  funnelLimitColumns,
} from './funnel-limits.ts';
export type { Overdispersion } from './funnel-overdispersion.ts';
export {
  assignFunnelSignificance,
  type FunnelSignificance,
  type FunnelSignificanceResult,
  type FunnelUnitResult,
} from './funnel-significance.ts';
export {
  FUNNEL_DSR_MINIMUM_EVENTS,
  FUNNEL_RATE_TYPES,
  FUNNEL_RATIO_TYPES,
  FUNNEL_STATISTICS,
  type FunnelOptions,
  type FunnelRateType,
  type FunnelRatioType,
  type FunnelStatistic,
  type FunnelUnit,
} from './funnel-units.ts';
export { calculateIsr, type IsrBand, type IsrEstimate, type IsrOptions } from './isr.ts';
export { calculateMean, type MeanEstimate, type MeanOptions } from './mean.ts';
export { type CountMethod, countLimits } from './poisson-limits.ts';
export { calculateProportion, type ProportionInput, type ProportionOptions, wilsonLimits } from './proportion.ts';
export {
  type AssuranceType,
  calculateSpc,
  type ImprovementDirection,
  type PointType,
  type SpcFacetSummary,
  type SpcGroupSummary,
  type SpcOptions,
  type SpcPoint,
  type SpcPointResult,
  type SpcResult,
  type SpcX,
  type SpecialCauseType,
  type VariationType,
} from './spc.ts';
