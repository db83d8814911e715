// The smallest population whose annual spend on a service misses its expectation by more than the margin
// no more often than the threshold allows. The normal approximation gives a closed form; the simulation
// bisects on it with common random numbers (the same seed at every step) so the curve is smooth in λ.
import { normalQuantile } from '../stats/distributions.ts';
import { annualSpendVolatility, DEFAULT_ITERATIONS, DEFAULT_MISS_MARGIN } from './annual-spend.ts';
import { type CostModel, checkCostModel, costMoments } from './cost-model.ts';
import { checkIterations, checkMissMargin, checkPositive, checkSeed } from './volatility-arguments.ts';

export interface MinimumViablePopulationQuestion {
  /** ρ: the service's patients a year per person (England's patients / England's population). */
  patientsPerPerson: number;
  cost: CostModel;
  /** m. Default 0.1. */
  missMargin?: number;
  /** t: the largest acceptable miss probability. Default 0.1. */
  threshold?: number;
  iterations?: number;
  seed: number;
  /** How many points of the miss-probability curve to return for the chart. Default 13. */
  curvePoints?: number;
}

export interface MissProbabilityPoint {
  population: number;
  expectedPatients: number;
  missProbability: number;
}

export interface MinimumViablePopulation {
  /** λ* = (1 + v²)·(z/m)², v the cost CV, z = Φ⁻¹(1 − t/2). */
  analyticPatients: number;
  analyticPopulation: number;
  /** The smallest λ found by bisection at which the simulated miss probability ≤ t. */
  simulatedPatients: number;
  simulatedPopulation: number;
  threshold: number;
  missMargin: number;
  /** The simulated miss probability at populations from an eighth of λ* to eight times it (log-spaced), for the chart. */
  curve: MissProbabilityPoint[];
}

export const DEFAULT_MISS_THRESHOLD = 0.1;

export function analyticMinimumPatients(cvCost: number, missMargin: number, threshold: number): number {
  const z = normalQuantile(1 - threshold / 2);
  return (1 + cvCost * cvCost) * (z / missMargin) ** 2;
}

export function minimumViablePopulation(question: MinimumViablePopulationQuestion): MinimumViablePopulation {
  checkPositive('patientsPerPerson', question.patientsPerPerson);
  checkCostModel(question.cost);
  const missMargin = question.missMargin ?? DEFAULT_MISS_MARGIN;
  const threshold = question.threshold ?? DEFAULT_MISS_THRESHOLD;
  const iterations = question.iterations ?? DEFAULT_ITERATIONS;
  checkMissMargin('missMargin', missMargin);
  checkMissMargin('threshold', threshold);
  checkIterations(iterations);
  checkSeed(question.seed);
  const moments = costMoments(question.cost);
  const cv = Math.sqrt(moments.variance) / moments.mean;
  const analyticPatients = analyticMinimumPatients(cv, missMargin, threshold);
  const missAt = (expectedPatients: number) =>
    annualSpendVolatility({ expectedPatients, cost: question.cost, iterations, seed: question.seed, missMargin })
      .missProbability;

  let low = analyticPatients / 4;
  let high = analyticPatients * 4;
  while (missAt(high) > threshold && high < 1e9) high *= 2;
  while (low > 1e-3 && missAt(low) <= threshold) low /= 2;
  while (high / low > 1.01) {
    const middle = Math.sqrt(low * high);
    if (missAt(middle) <= threshold) high = middle;
    else low = middle;
  }
  const points = question.curvePoints ?? 13;
  const curve: MissProbabilityPoint[] = [];
  for (let i = 0; i < points; i++) {
    const expectedPatients = (analyticPatients / 8) * 64 ** (i / (points - 1));
    curve.push({
      population: expectedPatients / question.patientsPerPerson,
      expectedPatients,
      missProbability: missAt(expectedPatients),
    });
  }
  return {
    analyticPatients,
    analyticPopulation: analyticPatients / question.patientsPerPerson,
    simulatedPatients: high,
    simulatedPopulation: high / question.patientsPerPerson,
    threshold,
    missMargin,
    curve,
  };
}
