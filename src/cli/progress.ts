// Progress of long work in the unit of the work (rows, bytes, steps, files), with its rate and the time
// left. On a terminal one line redraws in place; elsewhere (CI, logs, a pipe) plain lines at most every
// tenth of the work, so logs stay readable. Always on stderr, so stdout stays data.

import type { WorkUnit } from '../core/work-unit.ts';

export type ProgressUnit = WorkUnit;

export interface Progress {
  update(done: number, note?: string): void;
  stop(): void;
}

export interface ProgressTarget {
  write(text: string): unknown;
}

export interface ProgressOptions {
  unit?: ProgressUnit;
  stream?: ProgressTarget;
  isTTY?: boolean;
  /** Milliseconds; a test passes a fake clock. */
  now?: () => number;
}

const BAR_WIDTH = 20;
/** A terminal line is redrawn at most this often. */
const REDRAW_MS = 100;

/** '1,234,567 rows', '1.2 GB', '3 steps'. */
export function amountText(amount: number, unit: ProgressUnit): string {
  if (unit !== 'bytes') return `${Math.round(amount).toLocaleString('en-GB')} ${unit}`;
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = amount;
  let index = 0;
  while (value >= 1000 && index < units.length - 1) {
    value /= 1000;
    index++;
  }
  return index === 0 ? `${Math.round(value)} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[index]}`;
}

/** '8 s', '2 min 05 s', '1 h 02 min'. */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** The rate and time left once there is enough of the work behind to say (half a second and some done). */
function pace(done: number, total: number, elapsedSeconds: number, unit: ProgressUnit): string[] {
  if (elapsedSeconds < 0.5 || done <= 0) return [];
  const rate = done / elapsedSeconds;
  const parts = [`${amountText(rate, unit)}/s`];
  if (total > done) parts.push(`about ${durationText((total - done) / rate)} left`);
  return parts;
}

/** One progress line: 'import: 450,000 of 1,000,000 rows (45%), 120,000 rows/s, about 5 s left'. */
export function progressLine(
  label: string,
  done: number,
  total: number,
  unit: ProgressUnit,
  elapsedSeconds: number,
): string {
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
  const head = `${label}: ${amountText(done, unit).replace(` ${unit}`, '')} of ${amountText(total, unit)} (${percent}%)`;
  return [head, ...pace(done, total, elapsedSeconds, unit)].join(', ');
}

/** The closing line: 'import: 1,000,000 rows in 8 s (122,000 rows/s)'. */
export function finishedLine(label: string, total: number, unit: ProgressUnit, elapsedSeconds: number): string {
  const rate = elapsedSeconds > 0 ? ` (${amountText(total / elapsedSeconds, unit)}/s)` : '';
  return `${label}: ${amountText(total, unit)} in ${durationText(elapsedSeconds)}${rate}`;
}

export function startProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const unit = options.unit ?? 'rows';
  const stream = options.stream ?? process.stderr;
  const isTTY = options.isTTY ?? process.stderr.isTTY === true;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const elapsed = () => (now() - started) / 1000;
  let latest = 0;
  let stopped = false;

  if (isTTY) {
    let lastDraw = Number.NEGATIVE_INFINITY;
    const draw = (note: string) => {
      const share = total > 0 ? Math.min(1, latest / total) : 1;
      const filled = Math.round(share * BAR_WIDTH);
      const bar = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`;
      const line = progressLine(label, latest, total, unit, elapsed()).replace(`${label}: `, `${label} ${bar} `);
      stream.write(`\r\x1b[2K${line}${note ? ` ${note}` : ''}`);
    };
    draw('');
    return {
      update(done, note = '') {
        latest = done;
        if (now() - lastDraw < REDRAW_MS) return;
        lastDraw = now();
        draw(note);
      },
      stop() {
        if (stopped) return;
        stopped = true;
        stream.write(`\r\x1b[2K${finishedLine(label, Math.max(latest, total), unit, elapsed())}\n`);
      },
    };
  }

  // The opening line says the work has begun and how much there is.
  stream.write(`${progressLine(label, 0, total, unit, 0)}\n`);
  let lastDecile = 0;
  return {
    update(done, note = '') {
      latest = done;
      const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (decile > lastDecile && decile < 10) {
        lastDecile = decile;
        stream.write(`${progressLine(label, done, total, unit, elapsed())}${note ? ` ${note}` : ''}\n`);
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      stream.write(`${finishedLine(label, Math.max(latest, total), unit, elapsed())}\n`);
    },
  };
}
