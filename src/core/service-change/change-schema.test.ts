// A scenario's `changes`: accepted when well formed, and each bad value named by its field path.
import { describe, expect, it } from 'vitest';
import template from '../../../definitions/scenarios/south-of-england-2017.json' with { type: 'json' };
import { parseScenario } from '../planning/scenario-schema.ts';

const withChanges = (changes: unknown[]) => ({ ...structuredClone(template), changes });
const base = { service: 'SVC', fromProviders: ['RA7', 'RVJ'], toProviders: ['RTH'], startYear: '' };
const planYear = (n: number) => {
  const start = Number(template.baseYear.slice(0, 4)) + n;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
};
const issue = (code: string, field: string) =>
  expect.objectContaining({ code, where: expect.objectContaining({ field }) });

describe('scenario changes', () => {
  it('accepts a consolidation and a repatriation to the nearest provider', () => {
    const changes = [
      { ...base, type: 'consolidate', startYear: planYear(1) },
      {
        ...base,
        type: 'repatriate',
        toProviders: undefined,
        residentIcbs: ['QUY'],
        share: 0.5,
        startYear: planYear(2),
        phasing: [0.5, 1],
        costChange: -0.1,
      },
    ];
    const { value, issues } = parseScenario(JSON.parse(JSON.stringify(withChanges(changes))));
    expect(issues).toEqual([]);
    expect(value!.changes).toHaveLength(2);
  });

  it('a scenario without changes is still accepted (the field is optional)', () => {
    expect(parseScenario(template).issues).toEqual([]);
  });

  it('FP_PLAN_BAD_SCENARIO names an unknown change type by its path', () => {
    const { issues } = parseScenario(withChanges([{ ...base, type: 'merge', startYear: planYear(1) }]));
    expect(issues).toEqual([issue('FP_PLAN_BAD_SCENARIO', 'changes[0].type')]);
  });

  it('FP_PLAN_BAD_CHANGE names the share, phasing, cost change and start year', () => {
    const { issues } = parseScenario(
      withChanges([
        { ...base, type: 'consolidate', startYear: planYear(1) },
        { ...base, type: 'consolidate', share: 1.5, phasing: [2], costChange: -1, startYear: template.baseYear },
      ]),
      'plan.json',
    );
    expect(issues).toEqual([
      issue('FP_PLAN_BAD_CHANGE', 'changes[1].share'),
      issue('FP_PLAN_BAD_CHANGE', 'changes[1].phasing[0]'),
      issue('FP_PLAN_BAD_CHANGE', 'changes[1].costChange'),
      issue('FP_PLAN_BAD_CHANGE', 'changes[1].startYear'),
    ]);
    expect(issues[3]!.where?.file).toBe('plan.json');
    expect(issues[3]!.accepted).toContain(planYear(1));
  });

  it('FP_PLAN_BAD_CHANGE: a consolidation needs receivers, takes no residents, and never sends to a provider it closes', () => {
    const { issues } = parseScenario(
      withChanges([
        { ...base, type: 'consolidate', toProviders: [], residentIcbs: ['QUY'], startYear: planYear(1) },
        { ...base, type: 'consolidate', toProviders: ['RVJ'], startYear: planYear(1) },
      ]),
    );
    expect(issues).toEqual([
      issue('FP_PLAN_BAD_CHANGE', 'changes[0].toProviders'),
      issue('FP_PLAN_BAD_CHANGE', 'changes[0].residentIcbs'),
      issue('FP_PLAN_BAD_CHANGE', 'changes[1].toProviders[0]'),
    ]);
  });
});
