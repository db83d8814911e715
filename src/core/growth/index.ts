// Do-nothing growth (C7): demography, non-demographic growth and inflation, and cost-weighted population growth.
export {
  type CostWeightedPopulationGrowth,
  costWeightedPopulationGrowth,
  type EnglandSpendCell,
  type ProjectedCell,
} from './cost-weighted-population-growth.ts';
export { type DoNothingLine, doNothingSpend, type GrowthRates, type SpendLine } from './do-nothing.ts';
