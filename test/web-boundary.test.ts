// The web app's arrow (docs/architecture.md): web/src sees only core TYPES and the HTTP API. A value
// import from src/ would bundle server-side code into the browser, so any import leaving web/ must be
// `import type` from src/core.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const webSource = join(root, 'web', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsLeavingWeb(file: string): { statement: string; target: string }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/gm)]
    .map((m) => ({ statement: m[0], target: relative(root, resolve(file, '..', m[2]!)) }))
    .filter((i) => !i.target.startsWith('web/'));
}

describe('web boundary', () => {
  const files = sourceFiles(webSource);

  it('finds the web sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports nothing from outside web/ but types from src/core', () => {
    const broken = files.flatMap((file) =>
      importsLeavingWeb(file)
        .filter((i) => !(i.target.startsWith('src/core/') && /^import type\s/.test(i.statement)))
        .map((i) => `${relative(root, file)}: ${i.statement.replace(/\s+/g, ' ')}`),
    );
    expect(broken).toEqual([]);
  });
});
