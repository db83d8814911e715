// What the CLI prints: progress in the unit of the work (progress.ts); errors as problems a user can act
// on, never a stack trace.
import { describeProblem, FootprintError } from '../core/errors.ts';
import { type Progress, type ProgressUnit, startProgress as startProgressOn } from './progress.ts';
import { cliSession } from './session.ts';

export type { Progress, ProgressUnit } from './progress.ts';

/** A progress reporter for `total` units of work on the session's stderr: a redrawn line on a terminal,
 * plain lines otherwise. */
export function startProgress(label: string, total: number, unit: ProgressUnit = 'rows'): Progress {
  const { stderr, stderrIsTTY } = cliSession();
  return startProgressOn(label, total, { unit, stream: stderr, isTTY: stderrIsTTY });
}

/** Lets a progress bar redraw during long synchronous-looking work. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Writes what went wrong to the session's stderr and gives the exit code: 1 for a problem, 2 for an import
 * with rejected rows (see docs/errors.md). */
export function reportError(error: unknown): number {
  const { stderr, env } = cliSession();
  if (error instanceof FootprintError) {
    stderr.write(`${describeProblem(error.problem)}\n`);
    return error.code === 'FP_IMPORT_REJECTED' ? 2 : 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`footprint: unexpected failure: ${message}\n`);
  if (env.FOOTPRINT_DEBUG && error instanceof Error) stderr.write(`${error.stack}\n`);
  return 1;
}

export function exitWithError(error: unknown): never {
  process.exit(reportError(error));
}

/** Writes a line to the session's stdout. */
export function say(line: string): void {
  cliSession().stdout.write(`${line}\n`);
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
