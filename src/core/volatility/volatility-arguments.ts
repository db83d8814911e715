// Every volatility argument is checked before any simulation, with an error naming the argument and the
// rule it breaks, so a bad call never runs ten thousand years of nonsense.
import { fail } from '../errors.ts';

export function badVolatilityArgument(field: string, message: string, received: unknown, accepted: string): never {
  fail('FP_VOLATILITY_BAD_ARGUMENT', message, { where: { field }, received: String(received), accepted });
}

export function checkPositive(field: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    badVolatilityArgument(field, `${field} must be a number above 0.`, value, 'a finite number above 0');
  }
}

export function checkIterations(iterations: number): void {
  if (!(Number.isInteger(iterations) && iterations >= 100 && iterations <= 10_000_000)) {
    badVolatilityArgument(
      'iterations',
      'The number of simulated years must be a whole number from 100 to 10,000,000.',
      iterations,
      'a whole number from 100 to 10000000',
    );
  }
}

export function checkMissMargin(field: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0 && value < 1)) {
    badVolatilityArgument(field, `${field} must be a fraction above 0 and below 1.`, value, 'for example 0.1 for 10%');
  }
}

export function checkSeed(seed: number): void {
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
    badVolatilityArgument('seed', 'The seed must be a whole number from 0 to 4294967295.', seed, '0 to 4294967295');
  }
}
