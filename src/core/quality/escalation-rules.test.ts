import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEscalationRules } from './escalation-rules.ts';

const file = join(import.meta.dirname, '..', '..', '..', 'definitions', 'kpi-escalation.json');
const shipped = () => JSON.parse(readFileSync(file, 'utf8'));

describe('KPI escalation rules definition', () => {
  it('the shipped file parses with owner, checker and review dates, and escalates to CQRM', () => {
    const { value, issues } = parseEscalationRules(shipped());
    expect(issues).toEqual([]);
    expect(value!.owner).toMatch(/\S/);
    expect(value!.checker).toMatch(/\S/);
    expect(value!.nextReview > value!.reviewed).toBe(true);
    expect(value!.ruleSets.standard!.levels[0]!.status).toBe('escalate-to-cqrm');
  });

  it('names a condition it does not know, and a rule set with no default level', () => {
    const json = shipped();
    json.ruleSets.standard.levels[0].when.push({ gutFeeling: true });
    expect(parseEscalationRules(json, 'r.json').issues[0]).toMatchObject({
      code: 'FP_KPI_BAD_RULES',
      where: { file: 'r.json', field: 'ruleSets.standard.levels.0.when.3' },
    });
    const noDefault = shipped();
    noDefault.ruleSets.strict.levels.pop();
    expect(parseEscalationRules(noDefault, 'r.json').issues[0]).toMatchObject({
      where: { field: 'ruleSets.strict.levels.0.when' },
    });
  });
});
