// Every definition file shipped under definitions/ is checked by the parser of its kind, so a broken file is
// found here rather than by a user. Files are found by globbing and dispatched by folder (or a top-level
// "kind" field); a file of a kind no checker knows fails the test, so new kinds get a checker. The bad
// examples under test/fixtures/definitions/bad/ must each be refused with the code and field given.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKloeTemplate } from '../src/core/assurance/kloe-template.ts';
import { parseDelegationRubric } from '../src/core/definitions/delegation-rubric.ts';
import { parseGeneratorAssumptions } from '../src/core/definitions/generator-assumptions.ts';
import { parseSegmentationRubric } from '../src/core/definitions/segmentation-rubric.ts';
import type { Problem } from '../src/core/errors.ts';
import { parseScenario } from '../src/core/planning/scenario-schema.ts';
import { parseEscalationRules } from '../src/core/quality/escalation-rules.ts';

const ROOT = join(import.meta.dirname, '..');
const DEFINITIONS = join(ROOT, 'definitions');
const BAD = join(ROOT, 'test/fixtures/definitions/bad');

type Check = (json: unknown, file: string) => { issues: readonly Problem[] };

/** The starter intentions have no parser of their own yet: each needs a title, description and measure. */
const intentions: Check = (json, file) => {
  const list = (json as { intentions?: unknown }).intentions;
  const issues: Problem[] = [];
  if (!Array.isArray(list) || list.length === 0) {
    issues.push({ code: 'FP_HTTP_BAD_REQUEST', message: 'no intentions', where: { file, field: 'intentions' } });
  } else {
    list.forEach((item: Record<string, unknown>, i) => {
      for (const field of ['title', 'description', 'measure']) {
        if (typeof item[field] !== 'string' || item[field] === '') {
          issues.push({
            code: 'FP_HTTP_BAD_REQUEST',
            message: 'missing',
            where: { file, field: `intentions[${i}].${field}` },
          });
        }
      }
    });
  }
  return { issues };
};

/** Checkers by kind: a file's kind is its top-level "kind" field, else its folder, else its name. */
const CHECKERS: Record<string, Check> = {
  scenarios: parseScenario,
  'generator-assumptions': parseGeneratorAssumptions,
  segmentation: parseSegmentationRubric,
  delegation: (json, file) => parseDelegationRubric(json, file),
  kloe: parseKloeTemplate,
  intentions,
  'kpi-escalation': parseEscalationRules,
};

function kindOf(file: string, json: unknown): string {
  const declared = (json as { kind?: unknown }).kind;
  if (typeof declared === 'string' && declared in CHECKERS) return declared;
  const parts = relative(DEFINITIONS, file).split(/[\\/]/);
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.json$/, '');
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const shipped = jsonFiles(DEFINITIONS);

describe('shipped definitions', () => {
  it('finds the definition files', () => {
    expect(shipped.map((f) => relative(DEFINITIONS, f))).toEqual(
      expect.arrayContaining(['generator-assumptions.json', 'scenarios/south-of-england-2017.json']),
    );
  });

  it.each(shipped.map((f) => [relative(DEFINITIONS, f), f]))('%s is accepted by the checker of its kind', (_, file) => {
    const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const kind = kindOf(file, json);
    expect(Object.keys(CHECKERS), `no checker for definitions of kind "${kind}"`).toContain(kind);
    expect(CHECKERS[kind]!(json, relative(ROOT, file)).issues).toEqual([]);
  });
});

/** Each bad example, the code it must be refused with and the field path named. */
const BAD_EXAMPLES: Record<string, { code: string; field: string }> = {
  'scenarios/misspelt-field.json': { code: 'FP_PLAN_BAD_SCENARIO', field: 'yeers' },
  'scenarios/rate-out-of-range.json': { code: 'FP_PLAN_BAD_RATE', field: 'qipp[1].rates[2]' },
  'scenarios/start-month-13.json': { code: 'FP_PLAN_BAD_START_MONTH', field: 'qipp[2].startMonth[0]' },
  'scenarios/short-array.json': { code: 'FP_PLAN_ARRAY_LENGTH', field: 'growth.inflation' },
  'scenarios/shares-not-one.json': { code: 'FP_PLAN_SHARES_NOT_ONE', field: 'allocation.target' },
  'scenarios/wrong-version.json': { code: 'FP_PLAN_BAD_SCENARIO', field: 'version' },
};

describe('bad definitions', () => {
  it('has an expectation for every bad example', () => {
    expect(jsonFiles(BAD).map((f) => relative(BAD, f))).toEqual(Object.keys(BAD_EXAMPLES).sort());
  });

  it.each(Object.entries(BAD_EXAMPLES))('%s is refused', (name, expected) => {
    const file = join(BAD, name);
    const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const issues = CHECKERS[name.split('/')[0]!]!(json, name).issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ code: expected.code, where: expect.objectContaining({ field: expected.field }) }),
    );
  });
});

describe('scenario templates', () => {
  const templates = shipped.filter((f) => relative(DEFINITIONS, f).startsWith('scenarios/'));

  it('ship the 2017 seed and the current planning round', () => {
    expect(templates.map((f) => relative(DEFINITIONS, f))).toEqual(
      expect.arrayContaining(['scenarios/south-of-england-2017.json', 'scenarios/current-planning-round.json']),
    );
  });

  it.each(templates.map((f) => [relative(DEFINITIONS, f), f]))('%s describes itself without file paths', (_, file) => {
    const scenario = JSON.parse(readFileSync(file, 'utf8')) as {
      description?: string;
      qipp: { description?: string }[];
    };
    for (const text of [scenario.description ?? '', ...scenario.qipp.map((q) => q.description ?? '')]) {
      expect(text).not.toMatch(/\b(?:shared|seeds|definitions|src|docs|data|test)\/|\.(?:json|txt|md|ts)\b/);
    }
  });

  it('mark every unpublished figure of the current round as an assumption', () => {
    const current = JSON.parse(readFileSync(join(DEFINITIONS, 'scenarios/current-planning-round.json'), 'utf8'));
    expect(current.description).toMatch(/Assumptions, not published/);
    for (const figure of ['2.5%', '0.8%', '3% a year', '8%', 'floor 1%', 'cap 5%']) {
      const at = current.description.indexOf(figure);
      expect(at, figure).toBeGreaterThan(current.description.indexOf('Assumptions, not published'));
    }
  });
});

describe('docs/scenario.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/scenario.md'), 'utf8');
  const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('has the template and the every-field example', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((text, i) => [i + 1, text]))('example %i parses as a scenario', (_, text) => {
    expect(parseScenario(JSON.parse(text as string), 'docs/scenario.md').issues).toEqual([]);
  });

  it('shows the shipped template unchanged', () => {
    const template = JSON.parse(readFileSync(join(DEFINITIONS, 'scenarios/south-of-england-2017.json'), 'utf8'));
    expect(examples.map((text) => JSON.parse(text))).toContainEqual(template);
  });
});
