// The compiled CLI as a person runs it: bin/footprint.js starting dist/ (compiled once first if dist/ is
// missing or older than src/), answering --help from the build's manifest and loading only the verb asked for.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { footprintBin, root } from './run-bin.ts';

describe('bin/footprint.js', () => {
  beforeAll(() => {
    // Compiles dist/ if this checkout has not been built since src/ last changed.
    const first = footprintBin(['--version']);
    expect(first.status, first.stderr).toBe(0);
  });

  it('runs the compiled build without compiling again once dist/ is current', () => {
    const run = footprintBin(['--version']);
    expect(run.stderr).toBe('');
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run.stdout).toBe(`${version}\n`);
  });

  it("answers --help from the manifest with exactly the full program's help", () => {
    const fast = footprintBin(['--help']);
    const full = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), '--help'], { encoding: 'utf8' });
    expect(fast.status).toBe(0);
    expect(full.status).toBe(0);
    expect(fast.stdout).toBe(full.stdout);
    expect(fast.stdout).toContain('import [options] <file>');
  });

  it('runs one verb from its own module, with its help, options and errors', () => {
    const help = footprintBin(['services', 'list', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: footprint services list [options]');
    const byHelpVerb = footprintBin(['help', 'services']);
    expect(byHelpVerb.stdout).toContain('Import and list the specialised services catalogue.');
    const missing = footprintBin(['services', 'list', '--workspace', join(root, '.tmp', 'no-such-workspace')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('FP_WORKSPACE_NOT_FOUND');
  });

  it('hands an unknown verb to the full program, which suggests the nearest', () => {
    const typo = footprintBin(['servics']);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain("unknown command 'servics'");
    expect(typo.stderr).toContain('services');
  });
});
