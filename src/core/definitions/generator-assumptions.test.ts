import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGeneratorAssumptions } from './generator-assumptions.ts';

const file = join(import.meta.dirname, '..', '..', '..', 'definitions', 'generator-assumptions.json');
const shipped = () => JSON.parse(readFileSync(file, 'utf8'));

describe('generator assumptions definition', () => {
  it('the shipped file parses with no problems and carries owner, checker and review dates', () => {
    const result = parseGeneratorAssumptions(shipped());
    expect(result.issues).toEqual([]);
    expect(result.value?.owner).toMatch(/\S/);
    expect(result.value?.checker).toMatch(/\S/);
    expect(result.value!.nextReview > result.value!.reviewed).toBe(true);
    expect(result.value?.calibration.specialisedSpend.kind).toBe('calibration-target');
  });

  it('reports a missing basis with the field path', () => {
    const json = shipped();
    delete json.calibration.specialisedSpend.basis;
    const { value, issues } = parseGeneratorAssumptions(json, 'g.json');
    expect(value).toBeNull();
    expect(issues[0]).toMatchObject({
      code: 'FP_GENERATE_BAD_ASSUMPTIONS',
      where: { file: 'g.json', field: 'calibration.specialisedSpend.basis' },
    });
  });

  it('reports a point-of-delivery mix whose shares do not sum to 1', () => {
    const json = shipped();
    json.podMixes.renal.pods.OTHER.spendShare = 0.9;
    const { issues } = parseGeneratorAssumptions(json, 'g.json');
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'FP_GENERATE_BAD_ASSUMPTIONS',
        where: { file: 'g.json', field: 'podMixes.renal.pods' },
      }),
    );
  });

  it('reports a rule naming an undefined profile, and a last rule that is not a catch-all', () => {
    const json = shipped();
    json.serviceRules[0].assign.ageSex = 'nobody';
    json.serviceRules.push({ basis: 'x', match: { name: 'x' }, assign: { ageSex: 'adult' } });
    const fields = parseGeneratorAssumptions(json, 'g.json').issues.map((i) => i.where?.field);
    expect(fields).toContain('serviceRules.0.assign.ageSex');
    expect(fields).toContain(`serviceRules.${json.serviceRules.length - 1}.match`);
    expect(fields).toContain(`serviceRules.${json.serviceRules.length - 1}.assign.podMix`);
  });
});
