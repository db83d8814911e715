// Invariants of the row sampler on a toy model (two areas, two providers, two services):
// same seed same rows; every row valid against the import schema and the model's codes, its GP practice
// one of its residence area's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_COLUMNS, POINTS_OF_DELIVERY } from '../activity/activity-record.ts';
import { type GeneratorAssumptions, parseGeneratorAssumptions } from '../definitions/generator-assumptions.ts';
import { AGE_BANDS } from '../population/age-bands.ts';
import type { FinancialYear } from '../units.ts';
import { buildActivityModel, type GeneratorInputs } from './activity-model.ts';
import { createActivitySampler } from './activity-sampler.ts';

const assumptions = parseGeneratorAssumptions(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'definitions', 'generator-assumptions.json'), 'utf8'),
  ),
).value as GeneratorAssumptions;

const inputs: GeneratorInputs = {
  areas: [
    { code: '72Q', icbCode: 'QKK', latitude: 51.45, longitude: -0.05, olderCodes: [] },
    { code: 'U2G6B', icbCode: 'QU9', latitude: 51.5, longitude: -1.0, olderCodes: ['QNQ'] },
  ],
  population: (['72Q', 'U2G6B'] as const).flatMap((areaCode) =>
    (['M', 'F'] as const).flatMap((sex) => AGE_BANDS.map((ageBand) => ({ areaCode, sex, ageBand, persons: 1000 }))),
  ),
  providers: [
    {
      code: 'RJ1',
      name: "GUY'S AND ST THOMAS'",
      hostIcb: 'QKK',
      regionCode: 'Y56',
      latitude: 51.5,
      longitude: -0.12,
      volumes: { C_320: 100 },
    },
    {
      code: 'RTH',
      name: 'OXFORD',
      hostIcb: 'QU9',
      regionCode: 'Y59',
      latitude: 51.75,
      longitude: -1.25,
      volumes: { C_320: 50 },
    },
  ],
  services: [
    { serviceCode: '7', name: 'Adult specialist cardiac services', programmeOfCare: null, highlySpecialised: false },
    { serviceCode: 'LOCAL-RARE-THING', name: 'Rare thing', programmeOfCare: null, highlySpecialised: true },
  ],
  flows: [{ area: '72Q', provider: 'RJ1', tfc: 'C_320', pathways: 40 }],
  practices: [
    { code: 'G85001', area: '72Q', persons: 9000 },
    { code: 'K81001', area: 'U2G6B', persons: 7000 },
  ],
};
const model = buildActivityModel(inputs, assumptions);
const years = ['2023/24', '2024/25'] as FinancialYear[];

const residences = new Set(['', '72Q', 'U2G6B', 'QNQ']);
const integerAtLeast = (text: string, min: number) => /^\d+$/.test(text) && Number(text) >= min;

function validRow(line: string): boolean {
  const f = line.split(',');
  if (f.length !== ACTIVITY_COLUMNS.length) return false;
  const [year, month, provider, residence, service, pod, age, sex, activity, cost, patients, practice] = f as string[];
  const practiceOf: Record<string, string> = { '': '', '72Q': 'G85001', U2G6B: 'K81001', QNQ: 'K81001' };
  return (
    (years as string[]).includes(year!) &&
    integerAtLeast(month!, 1) &&
    Number(month) <= 12 &&
    ['RJ1', 'RTH'].includes(provider!) &&
    residences.has(residence!) &&
    ['7', 'LOCAL-RARE-THING'].includes(service!) &&
    (POINTS_OF_DELIVERY as readonly string[]).includes(pod!) &&
    (AGE_BANDS as readonly string[]).includes(age!) &&
    ['M', 'F'].includes(sex!) &&
    integerAtLeast(activity!, 1) &&
    /^\d+\.\d\d$/.test(cost!) &&
    // A service with a national patient count rounds patients at random, so a row may carry none.
    integerAtLeast(patients!, service === '7' ? 0 : 1) &&
    Number(patients) <= Number(activity) &&
    practice === practiceOf[residence!]
  );
}

const linesOf = (rows: number, seed: number) => {
  const sampler = createActivitySampler(model, assumptions, years, rows, seed);
  return new TextDecoder().decode(sampler.nextLines(rows)).split('\n').slice(0, -1);
};

describe('activity sampler', () => {
  it('same seed, same rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 4294967295 }), (rows, seed) => {
        expect(linesOf(rows, seed)).toEqual(linesOf(rows, seed));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('every row is valid against the import schema and the model codes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 4294967295 }), (rows, seed) => {
        const lines = linesOf(rows, seed);
        expect(lines).toHaveLength(rows);
        expect(lines.filter((line) => !validRow(line))).toEqual([]);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('the sum of the cost column equals the running total in pence', () => {
    const sampler = createActivitySampler(model, assumptions, years, 1000, 3);
    const pence = new TextDecoder()
      .decode(sampler.nextLines(1000))
      .split('\n')
      .slice(0, -1)
      .reduce((s, line) => s + Math.round(Number(line.split(',')[9]) * 100), 0);
    expect(pence).toBe(sampler.totalPence);
  });
});
