// Loads every shipped rubric under definitions/rubrics/ and checks each bad-rubric rule gives its code and
// names the field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDelegationRubric } from '../../src/core/definitions/delegation-rubric.ts';
import { parseSegmentationRubric } from '../../src/core/definitions/segmentation-rubric.ts';

const dir = join(import.meta.dirname, '../../definitions/rubrics');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

describe('shipped rubrics', () => {
  it('finds the two default rubrics', () => {
    expect(files).toEqual(expect.arrayContaining(['segmentation-default.json', 'delegation-default.json']));
  });

  it.each(files)('%s parses with no issues and is reviewed before its next review date', (file) => {
    const json = load(file);
    const result =
      json.kind === 'segmentation' ? parseSegmentationRubric(json, file) : parseDelegationRubric(json, file);
    expect(result.issues).toEqual([]);
    expect(json.reviewed < json.nextReview).toBe(true);
    expect(json.owner).toMatch(/\S/);
    expect(json.checker).toMatch(/\S/);
    expect(json.version).toBeDefined();
  });
});

describe('bad rubrics', () => {
  const segmentation = load('segmentation-default.json');
  const delegation = load('delegation-default.json');

  it('rejects weights that do not sum to 1', () => {
    const bad = structuredClone(segmentation);
    bad.factors[0].weight = 0.3;
    const { value, issues } = parseSegmentationRubric(bad, 'bad.json');
    expect(value).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'FP_RUBRIC_WEIGHTS_NOT_ONE',
        where: { file: 'bad.json', field: 'factors' },
        received: '1.05',
      }),
    ]);
  });

  it('rejects level thresholds out of order', () => {
    const bad = structuredClone(segmentation);
    bad.levels = { 'sub-regional-hub': 3.5, 'national-regional': 2.5 };
    const { issues } = parseSegmentationRubric(bad, 'bad.json');
    expect(issues[0]).toMatchObject({ code: 'FP_RUBRIC_THRESHOLDS_ORDER', where: { field: 'levels' } });
  });

  it('rejects suggestion cut points out of order', () => {
    const bad = structuredClone(segmentation);
    bad.factors[1].suggestion.cuts = [5, 30, 15, 60];
    const { issues } = parseSegmentationRubric(bad, 'bad.json');
    expect(issues[0]).toMatchObject({
      code: 'FP_RUBRIC_THRESHOLDS_ORDER',
      where: { field: 'factors.1.suggestion.cuts' },
    });
  });

  it('rejects a suggestion from a measure the data cannot give', () => {
    const bad = structuredClone(segmentation);
    bad.factors[0].suggestion.measure = 'waiting-times';
    const { issues } = parseSegmentationRubric(bad, 'bad.json');
    expect(issues[0]).toMatchObject({
      code: 'FP_RUBRIC_UNKNOWN_FACTOR',
      where: { field: 'factors.0.suggestion.measure' },
      received: 'waiting-times',
    });
  });

  it('rejects a score with no written guidance, naming the field', () => {
    const bad = structuredClone(segmentation);
    delete bad.factors[2].guidance['3'];
    const { issues } = parseSegmentationRubric(bad, 'bad.json');
    expect(issues[0]).toMatchObject({ code: 'FP_RUBRIC_BAD_FILE', where: { field: 'factors.2.guidance.3' } });
  });

  it('rejects evidence for a criterion the rubric does not define', () => {
    const bad = structuredClone(delegation);
    bad.evidence['waiting-list'] = 'providers';
    const { issues } = parseDelegationRubric(bad, 'bad.json');
    expect(issues[0]).toMatchObject({ code: 'FP_RUBRIC_UNKNOWN_FACTOR', where: { field: 'evidence.waiting-list' } });
  });

  it('rejects a minimum volume for an unknown service', () => {
    const bad = structuredClone(delegation);
    bad.tiering.minimumAnnualVolume = { '7': 50, NOPE: 10 };
    const { issues } = parseDelegationRubric(bad, 'bad.json', new Set(['7']));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'FP_RUBRIC_UNKNOWN_SERVICE',
        where: { file: 'bad.json', field: 'tiering.minimumAnnualVolume.NOPE' },
      }),
    ]);
  });

  it('rejects a schema break with FP_RUBRIC_BAD_FILE naming the path', () => {
    const bad = structuredClone(delegation);
    bad.tiering.maxMissProbability = 2;
    const { issues } = parseDelegationRubric(bad, 'bad.json');
    expect(issues[0]).toMatchObject({ code: 'FP_RUBRIC_BAD_FILE', where: { field: 'tiering.maxMissProbability' } });
  });
});
