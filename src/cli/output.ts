// What the CLI prints: progress in the unit of the work (progress.ts); errors as problems a user can act
// on, never a stack trace.
import { describeProblem, FootprintError } from '../core/errors.ts';
import { type Progress, type ProgressUnit, startProgress as startProgressOn } from './progress.ts';

export type { Progress, ProgressUnit } from './progress.ts';

/** A progress reporter for `total` units of work on stderr: a redrawn line on a terminal, plain lines
 * otherwise. */
export function startProgress(label: string, total: number, unit: ProgressUnit = 'rows'): Progress {
  return startProgressOn(label, total, { unit, stream: process.stderr, isTTY: process.stderr.isTTY === true });
}

/** Lets a progress bar redraw during long synchronous-looking work. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Exit codes: 1 for a problem, 2 for an import with rejected rows (see docs/errors.md). */
export function exitWithError(error: unknown): never {
  if (error instanceof FootprintError) {
    process.stderr.write(`${describeProblem(error.problem)}\n`);
    process.exit(error.code === 'FP_IMPORT_REJECTED' ? 2 : 1);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`footprint: unexpected failure: ${message}\n`);
  if (process.env.FOOTPRINT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

/** Writes a line to stdout. */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Progress for work reported as (label, done, total, unit) steps, such as `footprint init`: a new line
 * starts whenever the label changes. Without a unit the work is counted in steps. */
export function progressReporter(): {
  update: (label: string, done: number, total: number, unit?: ProgressUnit) => void;
  finish: () => void;
} {
  let current: { label: string; progress: Progress } | undefined;
  const finish = () => {
    current?.progress.stop();
    current = undefined;
  };
  return {
    update(label, done, total, unit = 'steps') {
      if (current?.label !== label) {
        finish();
        current = { label, progress: startProgress(label, total, unit) };
      }
      current.progress.update(done);
    },
    finish,
  };
}
