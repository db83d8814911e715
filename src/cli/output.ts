// What the CLI prints: a progress bar on a terminal, plain progress lines otherwise; errors as
// problems a user can act on, never a stack trace.
import { SingleBar } from 'cli-progress';
import { describeProblem, FootprintError } from '../core/errors.ts';
import { cliSession } from './session.ts';

export interface Progress {
  update(done: number, note?: string): void;
  stop(): void;
}

/** A progress reporter for `total` units of work. On a terminal it draws a bar; otherwise it prints a
 * line at most every 10% so logs and CI stay readable. Writes to stderr so stdout stays data. */
export function startProgress(label: string, total: number): Progress {
  const { stderr: stream, stderrIsTTY } = cliSession();
  if (stderrIsTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% | {value}/{total} {note}`,
      stream,
      hideCursor: true,
      noTTYOutput: false,
    });
    bar.start(total, 0, { note: '' });
    return {
      update: (done, note = '') => bar.update(done, { note }),
      stop: () => bar.stop(),
    };
  }
  let lastDecile = -1;
  return {
    update(done, note = '') {
      const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`${label}: ${Math.min(100, decile * 10)}% (${done}/${total})${note ? ` ${note}` : ''}\n`);
      }
    },
    stop() {
      if (lastDecile < 10) stream.write(`${label}: 100% (${total}/${total})\n`);
    },
  };
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

/** Progress for work reported as (label, done, total) steps, such as `footprint init`: a new bar starts
 * whenever the label changes. */
export function progressReporter(): {
  update: (label: string, done: number, total: number) => void;
  finish: () => void;
} {
  let current: { label: string; progress: Progress } | undefined;
  const finish = () => {
    current?.progress.stop();
    current = undefined;
  };
  return {
    update(label, done, total) {
      if (current?.label !== label) {
        finish();
        current = { label, progress: startProgress(label, total) };
      }
      current.progress.update(done);
    },
    finish,
  };
}
