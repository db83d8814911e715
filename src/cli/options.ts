// Parsing of command-line option values into checked numbers, with errors naming the option.
import { fail } from '../core/errors.ts';

export function parseWholeNumber(text: string, option: string, minimum: number): number {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < minimum) {
    fail('FP_CLI_BAD_OPTION', `${option} must be a whole number of at least ${minimum}.`, {
      where: { parameter: option },
      received: text,
      accepted: `a whole number ≥ ${minimum}`,
    });
  }
  return value;
}

/** The --dataset option of every command that reads activity results. */
export const DATASET_OPTION = ['--dataset <name>', 'activity dataset (default: the current dataset)'] as const;
