// The compound-Poisson check on the simulation: with N ~ Poisson(λ) costs C, Var S = λ·E[C²] and
// E[S] = λ·E[C], so CV(S) = √(λ·E[C²]) / (λ·E[C]).
import type { CostMoments } from './cost-model.ts';

export function analyticSpendCv(expectedPatients: number, cost: CostMoments): number {
  return Math.sqrt(expectedPatients * cost.secondMoment) / (expectedPatients * cost.mean);
}
