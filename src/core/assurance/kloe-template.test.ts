import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKloeTemplate } from './kloe-template.ts';

const FILE = 'definitions/kloe/example.json';
const question = (id: string) => ({ id, theme: 'Theme', text: 'A question?' });

describe('parseKloeTemplate', () => {
  it('reads the shipped default: five questions, each with its own id', () => {
    const json = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../definitions/kloe/specialised-stp-2017.v1.json'), 'utf8'),
    );
    const { value, issues } = parseKloeTemplate(json, FILE);
    expect(issues).toEqual([]);
    expect(value?.questions).toHaveLength(5);
    expect(value?.questions[1]?.evidence).toEqual(['pooled-footprints', 'risk-share-plans']);
  });

  it('refuses two questions with the same id, naming the second and its field', () => {
    const { value, issues } = parseKloeTemplate(
      { id: 'dup', version: 1, title: 'T', source: 'S', questions: [question('a'), question('b'), question('a')] },
      FILE,
    );
    expect(value).toBeNull();
    expect(issues).toEqual([
      {
        code: 'FP_KLOE_DUPLICATE_QUESTION',
        message: 'Questions 1 and 3 both have the id a; each question needs its own.',
        where: { file: FILE, field: 'questions.2.id' },
        received: 'a',
      },
    ]);
  });

  it('refuses a template that does not match the schema, naming the field', () => {
    const { issues } = parseKloeTemplate({ id: 'x', version: 0, title: 'T', source: 'S', questions: [] }, FILE);
    expect(issues.map((i) => [i.code, i.where?.field])).toEqual([
      ['FP_KLOE_BAD_TEMPLATE', 'version'],
      ['FP_KLOE_BAD_TEMPLATE', 'questions'],
    ]);
    const unknown = parseKloeTemplate(
      { id: 'x', version: 1, title: 'T', source: 'S', questions: [{ ...question('a'), evidence: ['gossip'] }] },
      FILE,
    );
    expect(unknown.issues[0]).toMatchObject({
      code: 'FP_KLOE_BAD_TEMPLATE',
      where: { field: 'questions.0.evidence.0' },
    });
  });
});
