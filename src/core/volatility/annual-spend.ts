// Monte Carlo of one footprint's annual spend on one service: N ~ Poisson(λ) patients, each with a cost
// from the cost model, S = the sum. Years are simulated into a typed array from one seeded stream, so the
// same seed replays the same years.
import { SeededRandom } from '../generate/seeded-random.ts';
import { analyticSpendCv } from './analytic-cv.ts';
import { type CostModel, checkCostModel, costMoments } from './cost-model.ts';
import { drawGamma, drawPoisson, drawStandardNormal, poissonSampler } from './random-draws.ts';
import { checkIterations, checkMissMargin, checkPositive, checkSeed } from './volatility-arguments.ts';

/** Above this many patients in a year the sum of their costs is one gamma draw with the sum's exact mean
 * and variance (methods.md, deviations), which keeps large footprints as cheap as small ones. */
export const EXACT_SUM_LIMIT = 32;

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
  const sampler = poissonSampler(question.expectedPatients);
  const moments = costMoments(question.cost);
  const spends = new Float64Array(iterations);
  const model = question.cost;
  const sigma = model.kind === 'lognormal' ? Math.sqrt(Math.log(1 + model.cv * model.cv)) : 0;
  const logMean = model.kind === 'lognormal' ? Math.log(model.mean) - (sigma * sigma) / 2 : 0;
  const costs = model.kind === 'resample' ? model.costs : null;
  // A CV so small that the gamma's shape would overflow is equal costs, to double precision.
  const equalCosts = moments.variance <= 1e-12 * moments.mean * moments.mean;
  for (let year = 0; year < iterations; year++) {
    const patients = drawPoisson(random, sampler);
    let spend = 0;
    if (equalCosts) {
      spend = patients * moments.mean;
    } else if (patients > EXACT_SUM_LIMIT) {
      // Gamma with mean N·μ and variance N·σ²: shape = N·μ²/σ², scale = σ²/μ.
      spend = drawGamma(
        random,
        (patients * moments.mean * moments.mean) / moments.variance,
        moments.variance / moments.mean,
      );
    } else if (costs) {
      for (let i = 0; i < patients; i++) spend += costs[Math.floor(random.next() * costs.length)]!;
    } else {
      for (let i = 0; i < patients; i++) spend += Math.exp(logMean + sigma * drawStandardNormal(random));
    }
    spends[year] = spend;
  }
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
