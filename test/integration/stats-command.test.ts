import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { register } from '../../src/cli/commands/stats.ts';
import { parseCsv } from '../../src/data/csv/parse-csv.ts';

const FIXTURES = new URL('../fixtures/stats/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'footprint-stats-'));

/** Parses `footprint stats …` through commander, as the CLI does, writing to a file. */
async function stats(...args: string[]): Promise<string> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const program = new Command('footprint').exitOverride();
  register(program);
  await program.parseAsync(['stats', ...args, '--out', out], { from: 'user' });
  return readFileSync(out, 'utf8');
}

function fixture(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('footprint stats rate', () => {
  it('groups, sums and writes the methods.md columns', async () => {
    const { header, rows } = parseCsv(
      await stats('rate', '--input', `${FIXTURES}rate.csv`, '--group-by', 'area'),
      'out',
    );
    expect(header).toEqual([
      'area',
      'numerator',
      'denominator',
      'value',
      'lower95_0cl',
      'upper95_0cl',
      'lower99_8cl',
      'upper99_8cl',
      'confidence',
      'statistic',
      'method',
      'multiplier',
    ]);
    // Area1: 2 per 200 per 100,000 = 1000, exact limits 121.10463927198258 (PHEindicatormethods, rate_grouped_results.csv).
    expect(rows[0]!.slice(0, 4)).toEqual(['Area1', '2', '200', '1000']);
    expect(Number(rows[0]![4])).toBeCloseTo(121.10463927198258, 9);
    expect(rows.map((r) => r[10])).toEqual(['Exact', 'Byars', 'Byars']);
  });

  it('writes JSON with one confidence level as lowercl and uppercl', async () => {
    const json = JSON.parse(
      await stats('rate', '--input', `${FIXTURES}rate.csv`, '--confidence', '0.95', '--format', 'json'),
    );
    expect(json.results).toHaveLength(1);
    expect(Object.keys(json.results[0])).toEqual(expect.arrayContaining(['value', 'lowercl', 'uppercl', 'method']));
    expect(json.results[0].numerator).toBe(52);
  });
});

describe('footprint stats spc', () => {
  it('writes points with mean, limits, special cause and point type', async () => {
    const { header, rows } = parseCsv(await stats('spc', '--input', `${FIXTURES}spc.csv`, '--target', '5'), 'out');
    expect(header).toEqual(
      expect.arrayContaining([
        'x',
        'y',
        'mean',
        'lpl',
        'upl',
        'special_cause_type',
        'point_type',
        'variation_type',
        'assurance_type',
      ]),
    );
    const last = rows.at(-1)!;
    const column = (name: string) => last[header.indexOf(name)];
    expect(Number(column('upl'))).toBeCloseTo(17.78153846153846, 9);
    expect(column('special_cause_type')).toBe('Above UCL');
    expect(column('variation_type')).toBe('improvement_high');
    expect(column('assurance_type')).toBe('consistent_pass');
  });

  it('writes the summary table', async () => {
    const { header, rows } = parseCsv(
      await stats('spc', '--input', `${FIXTURES}spc.csv`, '--table', 'summary', '--no-screen-outliers'),
      'out',
    );
    expect(header).toEqual(['variation_type', 'assurance_type', 'improvement', 'target', 'method']);
    expect(rows[0]![0]).toBe('improvement_high');
  });
});

describe('bad input names file, row and field', () => {
  const cases: [string, string, string[], object][] = [
    ['missing column', 'numerator,population\n1,2\n', ['rate'], { field: 'denominator' }],
    ['non-numeric value', 'numerator,denominator\n1,10\nseven,10\n', ['rate'], { row: 2, field: 'numerator' }],
    ['negative count', 'numerator,denominator\n-1,10\n', ['rate'], { row: 1, field: 'numerator' }],
    ['zero denominator', 'numerator,denominator\n1,0\n', ['rate'], { row: 1, field: 'denominator' }],
    ['numerator above denominator', 'numerator,denominator\n11,10\n', ['proportion'], { row: 1, field: 'numerator' }],
    [
      'unknown standard population band',
      'age_band,numerator,denominator\n0-4,10,100\n55-69,10,100\n',
      ['dsr'],
      { field: 'standardPopulation' },
    ],
    ['fewer than two SPC points', 'x,y\n2024-01-01,4\n', ['spc'], { field: 'y' }],
    ['dates out of order', 'x,y\n2024-02-01,4\n2024-01-01,5\n', ['spc'], { row: 2, field: 'x' }],
    ['duplicated dates', 'x,y\n2024-01-01,4\n2024-01-01,5\n', ['spc'], { row: 2, field: 'x' }],
  ];
  it.each(cases)('%s', async (name, text, args, where) => {
    const file = fixture(`${name.replace(/\W+/g, '-')}.csv`, text);
    await expect(stats(...args, '--input', file)).rejects.toMatchObject({
      code: expect.stringMatching(/^FP_STATS_BAD_(INPUT|ARGUMENT)$/),
      problem: { where: { file, ...where } },
    });
  });
  it('rejects a confidence level outside (0, 1] as a bad argument', async () => {
    await expect(stats('rate', '--input', `${FIXTURES}rate.csv`, '--confidence', '1.5')).rejects.toMatchObject({
      code: 'FP_STATS_BAD_ARGUMENT',
      problem: { where: { field: 'confidence' } },
    });
  });
});
