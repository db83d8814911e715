// Monte Carlo of one footprint's annual spend on one service: N ~ Poisson(λ) patients, each with a cost
// from the cost model, S = the sum (spendSampler: exact, or a split that agrees with exact within Monte
// Carlo error). Years are simulated into a typed array from one seeded stream, so the same seed replays
// the same years.
import { SeededRandom } from '../generate/seeded-random.ts';
import { analyticSpendCv } from './analytic-cv.ts';
import { type CostModel, checkCostModel, costMoments } from './cost-model.ts';
import { spendSampler } from './spend-sampler.ts';
import { checkIterations, checkMissMargin, checkPositive, checkSeed } from './volatility-arguments.ts';

export interface AnnualSpendQuestion {
  /** λ: expected patients a year. */
  expectedPatients: number;
  cost: CostModel;
  /** M, the number of simulated years. Default 10,000. */
  iterations?: number;
  /** The seed of this simulation's stream (see volatilitySeed). */
  seed: number;
  /** m: a year misses when |S − E[S]| > m·E[S]. Default 0.1. */
  missMargin?: number;
}

export interface AnnualSpendVolatility {
  /** E[S] = λ·E[C], the figure a plan would use. */
  expectedSpend: number;
  /** The mean of the simulated years, beside E[S] as a check. */
  simulatedMeanSpend: number;
  /** Sample standard deviation of the simulated years / their mean. */
  cvSpend: number;
  /** √(λ·E[C²]) / (λ·E[C]). */
  analyticCv: number;
  /** The share of simulated years with |S − E[S]| > m·E[S]. */
  missProbability: number;
  missMargin: number;
  iterations: number;
  seed: number;
}

export const DEFAULT_ITERATIONS = 10_000;
export const DEFAULT_MISS_MARGIN = 0.1;

export function checkAnnualSpendQuestion(question: AnnualSpendQuestion): void {
  checkPositive('expectedPatients', question.expectedPatients);
  checkCostModel(question.cost);
  checkIterations(question.iterations ?? DEFAULT_ITERATIONS);
  checkMissMargin('missMargin', question.missMargin ?? DEFAULT_MISS_MARGIN);
  checkSeed(question.seed);
}

/** The simulated annual spends themselves, for callers that need more than the summary. */
export function simulateAnnualSpends(question: AnnualSpendQuestion): Float64Array {
  checkAnnualSpendQuestion(question);
  const iterations = question.iterations ?? DEFAULT_ITERATIONS;
  const random = new SeededRandom(question.seed);
  const sampler = spendSampler(question.expectedPatients, question.cost);
  const spends = new Float64Array(iterations);
  for (let year = 0; year < iterations; year++) spends[year] = sampler.draw(random);
  return spends;
}

export function annualSpendVolatility(question: AnnualSpendQuestion): AnnualSpendVolatility {
  const spends = simulateAnnualSpends(question);
  const moments = costMoments(question.cost);
  const missMargin = question.missMargin ?? DEFAULT_MISS_MARGIN;
  const expectedSpend = question.expectedPatients * moments.mean;
  const tolerance = missMargin * expectedSpend;
  let sum = 0;
  let misses = 0;
  for (const spend of spends) {
    sum += spend;
    if (Math.abs(spend - expectedSpend) > tolerance) misses++;
  }
  const mean = sum / spends.length;
  let squares = 0;
  for (const spend of spends) squares += (spend - mean) ** 2;
  const sd = Math.sqrt(squares / (spends.length - 1));
  return {
    expectedSpend,
    simulatedMeanSpend: mean,
    cvSpend: mean > 0 ? sd / mean : 0,
    analyticCv: analyticSpendCv(question.expectedPatients, moments),
    missProbability: misses / spends.length,
    missMargin,
    iterations: spends.length,
    seed: question.seed,
  };
}
