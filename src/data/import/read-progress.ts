// How far an import has read its file, for progress that moves as the work does. DuckDB's own query
// progress stays at -1 for the import's INSERT (its reference lookups are sources that report no
// progress), so this counts the bytes the process has read instead: Linux's /proc/self/io `rchar`, which
// DuckDB's reads of the file dominate while the import runs. DuckDB reads ahead a buffer or two (32 MB each)
// per thread, so on a small file the count reaches the whole file before the rows are all written; on a
// file of a gigabyte it keeps pace within a few per cent.
import { readFileSync, statSync } from 'node:fs';
import type { WorkUnit } from '../../core/work-unit.ts';

export type ImportProgress = (phase: string, done: number, total: number, unit?: WorkUnit) => void;

/** Bytes this process has read so far, or null where the kernel does not say (not Linux). */
export function bytesReadByProcess(): number | null {
  try {
    const match = /^rchar:\s*(\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Runs one pass over `file`, reporting the bytes read (capped at the file's size) every 250 ms; where the
 * count is not available, the pass is reported as one step begun and finished. */
export async function withReadProgress<T>(
  file: string,
  phase: string,
  progress: ImportProgress,
  run: () => Promise<T>,
): Promise<T> {
  const size = statSync(file).size;
  const start = bytesReadByProcess();
  if (start === null || size === 0) {
    progress(phase, 0, 1, 'steps');
    const result = await run();
    progress(phase, 1, 1, 'steps');
    return result;
  }
  progress(phase, 0, size, 'bytes');
  const timer = setInterval(() => {
    const now = bytesReadByProcess();
    if (now !== null) progress(phase, Math.min(size, now - start), size, 'bytes');
  }, 250);
  try {
    const result = await run();
    progress(phase, size, size, 'bytes');
    return result;
  } finally {
    clearInterval(timer);
  }
}
