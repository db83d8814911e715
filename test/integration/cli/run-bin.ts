// Runs bin/footprint.js (the compiled CLI) as a child process, as a person or a script would.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..', '..');
export const bin = join(root, 'bin', 'footprint.js');

export function footprintBin(args: string[], options: { env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, FOOTPRINT_WORKSPACE: '', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
