import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesReadByProcess, withReadProgress } from './read-progress.ts';

describe('import read progress', () => {
  it('reports the bytes read of the file as the pass reads it, ending at its size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-progress-'));
    const file = join(dir, 'big.csv');
    const size = 8 * 1024 * 1024;
    writeFileSync(file, Buffer.alloc(size, 'a'));
    const seen: [number, number, string | undefined][] = [];
    try {
      await withReadProgress(
        file,
        'Reading',
        (_phase, done, total, unit) => seen.push([done, total, unit]),
        async () => {
          // Read it in four parts with pauses, as a reader going through a file does.
          for (let part = 0; part < 4; part++) {
            readFileSync(file).subarray(0, 1);
            await new Promise((resolve) => setTimeout(resolve, 300));
          }
        },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(bytesReadByProcess()).not.toBeNull();
    expect(seen[0]).toEqual([0, size, 'bytes']);
    expect(seen.at(-1)).toEqual([size, size, 'bytes']);
    // Some report between the first and the last saw part of the file read, never more than all of it.
    const between = seen.slice(1, -1).map(([done]) => done);
    expect(between.some((done) => done > 0)).toBe(true);
    expect(between.every((done, i) => done <= size && (i === 0 || done >= between[i - 1]!))).toBe(true);
  });
});
