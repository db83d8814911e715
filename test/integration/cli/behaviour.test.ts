// The CLI as people expect it, run as a child process through bin/footprint.js: the version, money and
// rates written for a person, progress in the unit of the work, and a quiet end when the reader of a pipe
// stops reading (`footprint … | head`).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, footprintBin } from './run-bin.ts';

const dir = mkdtempSync(join(tmpdir(), 'footprint-cli-'));
const ws = join(dir, 'ws');

beforeAll(() => {
  const init = footprintBin(['init', '--workspace', ws, '--no-activity']);
  expect(init.status, init.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('footprint, as people expect a command line to behave', () => {
  it('prints its version with --version and -V', () => {
    const long = footprintBin(['--version']);
    const short = footprintBin(['-V']);
    expect(long.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(short.stdout).toBe(long.stdout);
  });

  it('writes money as pounds and rates as percentages in text output', () => {
    const run = footprintBin([
      'volatility',
      ...['--mean-cost', '14378.57', '--cv-cost', '0.8', '--patients', '1000', '--iterations', '500'],
      ...['--format', 'text'],
    ]);
    expect(run.status, run.stderr).toBe(0);
    const lines = Object.fromEntries(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t')),
    );
    expect(lines['expected spend']).toMatch(/^£\d{1,3}(,\d{3})+\.\d{2}$/);
    expect(lines['chance of missing by more than 10%']).toMatch(/^\d+\.\d%$/);
    expect(lines['CV of spend (simulated)']).toMatch(/^0\.\d{1,4}$/);
    expect(lines['simulated years']).toBe('500');
    // JSON keeps the plain numbers for programs.
    const json = footprintBin(['volatility', '--mean-cost', '14378.57', '--cv-cost', '0.8', '--patients', '1000']);
    expect(typeof JSON.parse(json.stdout).expectedSpend).toBe('number');
  });

  it('reports generation in rows and the import in bytes read, as plain lines off a terminal', () => {
    const csv = join(dir, 'activity.csv');
    const generated = footprintBin(['generate', '--rows', '20000', '--out', csv, '--workspace', ws]);
    expect(generated.status, generated.stderr).toBe(0);
    expect(generated.stderr).toMatch(/^generate: 0 of 20,000 rows \(0%\)$/m);
    expect(generated.stderr).toMatch(/^generate: 20,000 rows in \d+ s \([\d,]+ rows\/s\)$/m);
    expect(generated.stderr).not.toContain('\r');
    expect(generated.stderr).not.toContain('\u001b[');
    expect(generated.stdout).toMatch(/total cost £\d{1,3}(,\d{3})*\.\d{2}\)/);

    const imported = footprintBin(['import', csv, '--workspace', ws]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/^Reading and validating: 0 of [\d.]+ MB \(0%\)$/m);
    expect(imported.stderr).toMatch(/^Reading and validating: [\d.]+ MB in \d+ s \([\d.]+ (MB|kB)\/s\)$/m);
    expect(imported.stdout).toMatch(/total cost £\d{1,3}(,\d{3})*\.\d{2}$/m);
  });

  it('imports and runs in one command with --run, storing what `run` stores afterwards', () => {
    const csv = join(dir, 'activity-run.csv');
    const generated = footprintBin(['generate', '--rows', '2000', '--out', csv, '--workspace', ws]);
    expect(generated.status, generated.stderr).toBe(0);
    const both = footprintBin(['import', csv, '--workspace', ws, '--dataset', 'both', '--run', '--no-atlas']);
    expect(both.status, both.stderr).toBe(0);
    expect(both.stdout).toMatch(/^read 2,000, accepted 2,000, rejected 0$/m);
    expect(both.stdout).toMatch(/^Money conserved: .* to the penny/m);
    expect(both.stdout).not.toContain('Atlas of variation stored');
    const flows = /^Flows stored: [\d,]+$/m.exec(both.stdout)?.[0];
    expect(flows).toBeDefined();
    const ran = footprintBin(['run', '--workspace', ws, '--dataset', 'both', '--no-atlas']);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout).toContain(flows);
  });

  it('ends quietly, with status 0, when the reader of its output stops reading', async () => {
    const input = join(dir, 'rates.csv');
    const rows = Array.from({ length: 30_000 }, (_, i) => `A${i},${(i % 50) + 1},${1000 + (i % 4000)}`);
    writeFileSync(input, `area,numerator,denominator\n${rows.join('\n')}\n`);
    const child = spawn(process.execPath, [bin, 'stats', 'rate', '--input', input, '--group-by', 'area'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Read the first chunk, then close the pipe as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).not.toContain('EPIPE');
    expect(status).toBe(0);
  });
});
