// The arrows of docs/architecture.md: core imports nothing of ours and no I/O; data imports core;
// server and cli import core and data; SQL lives in data; no file or folder of data imports itself round a
// circle.
// A file that breaks a rule fails here, naming the import or the line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

/** The src/data files each src/data file imports (type-only imports too: a circle of types is a circle). */
function dataImportGraph(files: string[]): Map<string, string[]> {
  const data = join(root, 'src', 'data');
  const inData = new Set(files.filter((f) => f.startsWith(data)));
  return new Map(
    [...inData].map((file) => [
      file,
      importsOf(file)
        .filter((s) => s.startsWith('.'))
        .map((s) => join(dirname(file), s))
        .filter((target) => inData.has(target)),
    ]),
  );
}

/** Each import circle once, as the files round it (depth-first search, a back edge closes a circle). */
function circlesOf(graph: Map<string, string[]>): string[][] {
  const circles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    const at = path.indexOf(file);
    if (at >= 0) {
      circles.push(path.slice(at).map((f) => relative(root, f)));
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const target of graph.get(file) ?? []) visit(target);
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return circles;
}

/** The same graph between the folders of src/data (files at its top, such as workspace.ts, belong to none). */
function dataFolderGraph(files: Map<string, string[]>): Map<string, string[]> {
  const folderOf = (file: string) => {
    const parts = relative(join(root, 'src', 'data'), file).split('/');
    return parts.length > 1 ? `src/data/${parts[0]}` : undefined;
  };
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const from = folderOf(file);
    if (!from) continue;
    const into = folders.get(from) ?? new Set<string>();
    folders.set(from, into);
    for (const target of targets) {
      const to = folderOf(target);
      if (to && to !== from) into.add(to);
    }
  }
  return new Map([...folders].map(([folder, into]) => [join(root, folder), [...into].map((f) => join(root, f))]));
}

const SQL_STATEMENT =
  /\b(SELECT|INSERT INTO|UPDATE\s+\w+\s+SET|DELETE FROM|CREATE (TABLE|VIEW|INDEX)|WITH\s+\w+\s+AS\s*\()/;

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

  it('keeps SQL in src/data: no statement in src/server or src/cli', () => {
    const found: string[] = [];
    for (const file of files.filter((f) => layerOf(f) === 'server' || layerOf(f) === 'cli')) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (SQL_STATEMENT.test(line)) found.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('has no import circle in src/data', () => {
    const graph = dataImportGraph(files);
    expect(graph.size).toBeGreaterThan(10);
    expect(circlesOf(graph)).toEqual([]);
  });

  it('has no folder loop in src/data: a folder that imports another is not imported back', () => {
    const folders = dataFolderGraph(dataImportGraph(files));
    expect(folders.size).toBeGreaterThan(10);
    const back: string[] = [];
    for (const [from, into] of folders) {
      for (const to of into) {
        if (from < to && folders.get(to)?.includes(from)) back.push(`${relative(root, from)} ⇄ ${relative(root, to)}`);
      }
    }
    expect(back).toEqual([]);
  });

  it('finds an import circle when there is one', () => {
    const a = join(root, 'src/data/a.ts');
    const b = join(root, 'src/data/b.ts');
    expect(
      circlesOf(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([['src/data/a.ts', 'src/data/b.ts']]);
  });
});
