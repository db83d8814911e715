// The arrows of docs/architecture.md: core imports nothing of ours and no I/O; data imports core;
// server and cli import core and data. A file that breaks an arrow fails here, naming the import.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
}

function layerOf(file: string): string | undefined {
  return /^src\/(core|data|server|cli)\//.exec(relative(root, file))?.[1];
}

function resolvedLayer(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return layerOf(join(file, '..', specifier));
}

const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  data: ['core', 'data'],
  server: ['core', 'data', 'server'],
  cli: ['core', 'data', 'server', 'cli'],
};

const CORE_FORBIDDEN_PACKAGES = /^(node:|fs$|path$|child_process$|os$|@duckdb\/|@clickhouse\/|fastify|exceljs)/;

describe('architecture', () => {
  const files = sourceFiles(join(root, 'src')).filter((f) => !/\.test\.ts$/.test(f));

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('keeps every import pointing inward (core ← data ← server, cli)', () => {
    const broken: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      if (!layer) continue;
      for (const specifier of importsOf(file)) {
        const target = resolvedLayer(file, specifier);
        if (target && !ALLOWED[layer]!.includes(target)) {
          broken.push(`${relative(root, file)} imports ${specifier} (${layer} → ${target})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('keeps src/core free of Node APIs, databases and servers', () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => layerOf(f) === 'core')) {
      for (const specifier of importsOf(file)) {
        if (CORE_FORBIDDEN_PACKAGES.test(specifier)) broken.push(`${relative(root, file)} imports ${specifier}`);
      }
      if (/\bprocess\.(env|argv|exit)|\bDate\.now\(\)/.test(readFileSync(file, 'utf8'))) {
        broken.push(`${relative(root, file)} reads the process or the clock`);
      }
    }
    expect(broken).toEqual([]);
  });
});
