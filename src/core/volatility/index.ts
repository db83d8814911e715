export { analyticSpendCv } from './analytic-cv.ts';
export {
  type AnnualSpendQuestion,
  type AnnualSpendVolatility,
  annualSpendVolatility,
  checkAnnualSpendQuestion,
  DEFAULT_ITERATIONS,
  DEFAULT_MISS_MARGIN,
  simulateAnnualSpends,
} from './annual-spend.ts';
export { type CostModel, type CostMoments, checkCostModel, costMoments } from './cost-model.ts';
export { textStream, volatilitySeed } from './derived-seed.ts';
export {
  footprintVolatilities,
  type VolatilityOptions,
  type VolatilityResults,
  type VolatilityTask,
} from './footprint-volatility.ts';
export {
  analyticMinimumPatients,
  DEFAULT_MISS_THRESHOLD,
  type MinimumViablePopulation,
  type MinimumViablePopulationQuestion,
  type MissProbabilityPoint,
  minimumViablePopulation,
} from './minimum-viable-population.ts';
export {
  BODY_KURTOSIS_TOLERANCE,
  EXACT_PATIENTS_LIMIT,
  type SpendSampler,
  spendSampler,
} from './spend-sampler.ts';
