import { describe, expect, it } from 'vitest';
import { amountText, durationText, progressLine, startProgress } from './progress.ts';

function recorder() {
  const lines: string[] = [];
  return { lines, stream: { write: (text: string) => lines.push(text) } };
}

describe('CLI progress', () => {
  it('says how much of the work is done in its unit, with the rate and the time left', () => {
    expect(progressLine('import', 450_000, 1_000_000, 'rows', 4.5)).toBe(
      'import: 450,000 of 1,000,000 rows (45%), 100,000 rows/s, about 6 s left',
    );
    expect(progressLine('import', 600e6, 1.2e9, 'bytes', 10)).toBe(
      'import: 600 MB of 1.2 GB (50%), 60 MB/s, about 10 s left',
    );
    // Too early to know a rate: no guess.
    expect(progressLine('generate', 0, 1_000_000, 'rows', 0.1)).toBe('generate: 0 of 1,000,000 rows (0%)');
    expect(amountText(999, 'bytes')).toBe('999 bytes');
    expect(durationText(125)).toBe('2 min 05 s');
    expect(durationText(3720)).toBe('1 h 02 min');
  });

  it('prints plain lines at most every tenth off a terminal, then the total with its rate', () => {
    const { lines, stream } = recorder();
    let clock = 0;
    const progress = startProgress('generate', 1000, { stream, isTTY: false, now: () => clock });
    for (let done = 0; done <= 1000; done += 50) {
      clock = done * 10;
      progress.update(done);
    }
    progress.stop();
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('generate: 0 of 1,000 rows (0%)\n');
    expect(lines[5]).toBe('generate: 500 of 1,000 rows (50%), 100 rows/s, about 5 s left\n');
    expect(lines[10]).toBe('generate: 1,000 rows in 10 s (100 rows/s)\n');
  });

  it('redraws one line in place on a terminal, at most every 100 ms, and ends it with the total', () => {
    const { lines, stream } = recorder();
    let clock = 0;
    const progress = startProgress('import', 100, { stream, isTTY: true, now: () => clock });
    for (let done = 1; done <= 100; done++) {
      clock = done * 20;
      progress.update(done);
    }
    progress.stop();
    // The first draw, one every 100 ms over 2 s, and the closing line.
    expect(lines.length).toBeGreaterThanOrEqual(20);
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.every((line) => line.startsWith('\r\x1b[2K'))).toBe(true);
    expect(lines[10]).toContain('import [');
    expect(lines.at(-1)).toBe('\r\x1b[2Kimport: 100 rows in 2 s (50 rows/s)\n');
  });
});
