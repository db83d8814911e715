// What the CLI prints: a progress bar on a terminal, plain progress lines otherwise; errors as
// problems a user can act on, never a stack trace.
import { SingleBar } from 'cli-progress';
import { describeProblem, FootprintError } from '../core/errors.ts';

export interface Progress {
  update(done: number, note?: string): void;
  stop(): void;
}

/** A progress reporter for `total` units of work. On a terminal it draws a bar; otherwise it prints a
 * line at most every 10% so logs and CI stay readable. Writes to stderr so stdout stays data. */
export function startProgress(label: string, total: number): Progress {
  const stream = process.stderr;
  if (stream.isTTY) {
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
