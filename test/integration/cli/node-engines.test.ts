// The Node.js version package.json declares is one every locked dependency supports, so `npm install` on
// it gives no EBADENGINE warning (cookie@2 and content-disposition@3 need Node 22; package.json pins
// versions that do not, through `overrides`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './run-bin.ts';

// semver comes with npm's own tooling (fastify depends on it too); the test reads ranges exactly as npm does.
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

interface Lock {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
}

describe('Node.js version', () => {
  it('the lowest version package.json allows satisfies every locked package, and is the one running here or lower', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    const lowest = semver.minVersion(pkg.engines.node)!.version;
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lock;
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range && !semver.satisfies(lowest, range) ? [`${path}@${entry.version} needs node ${range}`] : [];
      });
    expect(refusing).toEqual([]);
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });
});
