import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { register } from '../../src/cli/commands/stats.ts';
import { parseCsv } from '../../src/data/csv/parse-csv.ts';
import { readOracle } from '../fixtures/oracles/read-oracle.ts';

const dir = mkdtempSync(join(tmpdir(), 'footprint-stats-funnel-'));

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

const ratioRows = readOracle('indicators/funnel_ratio_inputs.csv');
const ratioFile = fixture(
  'ratio.csv',
  `unit,numerator,denominator\n${ratioRows.map((r, i) => `U${i + 1},${r.obs},${r.expected}`).join('\n')}\n`,
);

describe('footprint stats funnel', () => {
  it('labels each unit as PHEindicatormethods does (funnel_ratio_inputs.csv), keeping its columns', async () => {
    const { header, rows } = parseCsv(await stats('funnel', '--input', ratioFile, '--type', 'ratio'), 'out');
    expect(header).toEqual([
      'unit',
      'numerator',
      'denominator',
      'value',
      'denominator_derived',
      'significance',
      'baseline',
      'statistic',
      'method',
    ]);
    expect(rows.map((r) => r[5])).toEqual(ratioRows.map((r) => r.significance));
    expect(rows[0]![0]).toBe('U1');
  });

  it('writes the 100-point limit table with the reference column names', async () => {
    const { header, rows } = parseCsv(
      await stats('funnel', '--input', ratioFile, '--type', 'ratio', '--ratio-type', 'isr', '--table', 'limits'),
      'out',
    );
    expect(header.slice(0, 4)).toEqual([
      'Observed_events',
      'lower_2s_exp_events',
      'lower_2s_limit',
      'upper_2s_exp_events',
    ]);
    expect(rows).toHaveLength(100);
    // funnel_ratio_limits.csv, last row: 716 observed, lower_2s_isr 92.93605352 (the reference bisects, to ~1e-7).
    const last = rows.at(-1)!;
    expect(last[0]).toBe('716');
    expect(Number(last[2])).toBeCloseTo(92.93605352, 4);
  });

  it('rates: DSR units with fewer than 10 events are not labelled, and JSON gives both tables', async () => {
    const file = fixture('dsr.csv', 'area,numerator,rate\nA,400,120\nB,5,90\nC,900,150\nD,650,100\n');
    const json = JSON.parse(
      await stats(
        'funnel',
        '--input',
        file,
        '--type',
        'rate',
        '--rate-type',
        'dsr',
        '--years-of-data',
        '3',
        '--format',
        'json',
      ),
    );
    expect(json.units).toHaveLength(4);
    expect(json.units[1].significance).toBe('Not applicable for events less than 10 for dsrs');
    expect(json.units[1].value).toBeNull();
    // D: 650 events at 100 per 100,000 is a population of 650,000 over 3 years: 216,666.67 a year.
    expect(json.units[3].denominator_derived).toBeCloseTo(650000 / 3, 6);
    expect(json.limits).toHaveLength(100);
    expect(json.limits[0].statistic).toBe('rate (dsr per 100,000)');
    expect(json.warnings.map((w: { code: string }) => w.code)).toEqual(['FPW008']);
  });

  it('widens the limits with --overdispersion and says so', async () => {
    const file = fixture('over.csv', 'numerator,denominator\n16,25\n25,25\n49,25\n');
    const json = JSON.parse(
      await stats('funnel', '--input', file, '--type', 'ratio', '--overdispersion', '--format', 'json'),
    );
    // docs/methods.md worked example: τ² = 0.054; the unit at 49 of 25 is no longer an outlier.
    expect(json.overdispersion[0].tau2).toBeCloseTo(0.054, 12);
    expect(json.units[2].significance).toBe('Not significant');
    expect(json.warnings[0].code).toBe('FPW006');
  });
});

describe('footprint stats funnel: bad input names file, row and field', () => {
  const cases: [string, string, string[], object][] = [
    [
      'negative numerator',
      'numerator,denominator\n3,10\n-1,10\n',
      ['--type', 'proportion'],
      { row: 2, field: 'numerator' },
    ],
    [
      'zero denominator',
      'numerator,denominator\n3,10\n1,0\n',
      ['--type', 'proportion'],
      { row: 2, field: 'denominator' },
    ],
    [
      'numerator above denominator',
      'numerator,denominator\n3,10\n11,10\n',
      ['--type', 'proportion'],
      { row: 2, field: 'numerator' },
    ],
    ['missing rate column', 'numerator,denominator\n3,10\n', ['--type', 'rate'], { field: 'rate' }],
    ['blank rate with events', 'numerator,rate\n3,10\n4,\n', ['--type', 'rate'], { row: 2, field: 'rate' }],
    [
      'crude rate with no events and no population',
      'numerator,rate\n3,10\n0,0\n',
      ['--type', 'rate'],
      { row: 2, field: 'denominator' },
    ],
    [
      'unknown rate type',
      'numerator,rate\n3,10\n',
      ['--type', 'rate', '--rate-type', 'standardised'],
      { field: 'rateType' },
    ],
  ];
  it.each(cases)('%s', async (name, text, args, where) => {
    const file = fixture(`${name.replace(/\W+/g, '-')}.csv`, text);
    await expect(stats('funnel', '--input', file, ...args)).rejects.toMatchObject({
      code: expect.stringMatching(/^FP_STATS_BAD_(INPUT|ARGUMENT)$/),
      problem: { where: { file, ...where } },
    });
  });

  it('needs --type', async () => {
    await expect(stats('funnel', '--input', ratioFile)).rejects.toMatchObject({
      code: 'FP_CLI_BAD_OPTION',
      problem: { where: { field: 'type' } },
    });
  });
});
