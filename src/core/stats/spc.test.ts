import { describe, expect, it } from 'vitest';
import { readOracleJson } from '../../../test/fixtures/oracles/read-oracle.ts';
import { calculateSpc, shiftPoints, trendPoints, twoInThreePoints } from './spc.ts';

interface Case {
  in?: number[];
  out: number[];
  close?: number[];
  rtm?: number[];
}
type Vectors = Record<string, { cases?: Case[] }>;
const vectors = readOracleJson<Vectors>('spc/spc_rule_unit_vectors.json');
const sides = (values: number[]) => values.map((v) => Math.sign(v) as -1 | 0 | 1);

/** NHSRplotthedots marks the END of each 7-window; its part_of_seven expands a mark to the 7 points. */
function partOfSeven(marks: number[]): boolean[] {
  return marks.map((_, i) => marks.slice(i, i + 7).some((m) => m !== 0));
}

describe('rules against NHSRplotthedots unit vectors (spc_rule_unit_vectors.json)', () => {
  it('part_of_seven (the expansion the tests below rely on) matches its own vectors', () => {
    for (const c of vectors.part_of_seven!.cases!) expect(partOfSeven(c.in!)).toEqual(c.out.map(Boolean));
  });
  it.each(vectors.seven_point_one_side_mean!.cases!.map((c) => [JSON.stringify(c.in), c] as const))(
    'shift %s',
    (_, c) => {
      expect(shiftPoints(sides(c.in!))).toEqual(partOfSeven(c.out));
    },
  );
  it.each(vectors.seven_point_trend!.cases!.map((c) => [JSON.stringify(c.in), c] as const))('trend %s', (_, c) => {
    const { flagged, direction } = trendPoints(c.in!);
    expect(flagged).toEqual(partOfSeven(c.out));
    c.out.forEach((mark, i) => {
      if (mark !== 0) expect(direction[i]).toBe(mark);
    });
  });
  it.each(vectors.two_in_three!.cases!.map((c) => [JSON.stringify(c), c] as const))('two in three %s', (_, c) => {
    // Its output marks every point of a qualifying window; the flagged points are the close ones among them.
    const close = c.close!.map(Boolean);
    expect(twoInThreePoints(close, sides(c.rtm!))).toEqual(c.out.map((m, i) => m === 1 && close[i]));
  });
  it.each(vectors.part_of_two_in_three!.cases!.map((c) => [JSON.stringify(c), c] as const))(
    'part of two in three %s',
    (_, c) => {
      expect(twoInThreePoints(c.close!.map(Boolean), sides(c.rtm!))).toEqual(c.out.map(Boolean));
    },
  );
});

// Consecutive months from January 2024.
const monthly = (values: number[]) =>
  values.map((y, i) => ({ x: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`, y }));
const WORKED = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];

describe('worked examples (docs/methods.md)', () => {
  it('SPC: twelve points alternating 10 and 12, then 30', () => {
    // mean = (6·10 + 6·12 + 30)/13 = 162/13 = 12.461538461538462. Moving ranges: eleven of 2 and one of 18;
    // AMR = 40/12 = 3.3333; screening drops 18 (≥ 3.267 × 3.3333 = 10.89), so AMR = 2.
    // UPL = 12.461538 + 2.66·2 = 17.78153846153846; LPL = 7.141538461538462.
    // 30 > UPL: 'Above UCL'. The twelve earlier points are all below the mean: '7 Points Below CL'.
    const result = calculateSpc([...monthly(WORKED), { x: '2025-01-01', y: 30 }], {
      improvement: 'increase',
      target: 5,
    });
    const last = result.points.at(-1)!;
    expect(last.mean).toBeCloseTo(12.461538461538462, 12);
    expect(last.upl).toBeCloseTo(17.78153846153846, 12);
    expect(last.lpl).toBeCloseTo(7.141538461538462, 12);
    expect(last.specialCauseType).toBe('Above UCL');
    expect(last.pointType).toBe('special_cause_improvement');
    expect(result.points.slice(0, 12).every((p) => p.specialCauseType === '7 Points Below CL')).toBe(true);
    expect(result.points[0]!.pointType).toBe('special_cause_concern');
    expect(result.facets[0]).toEqual({
      facet: null,
      variationType: 'improvement_high',
      assuranceType: 'consistent_pass',
    });
    expect(result.groups[0]).toMatchObject({ n: 13, commonCause: 0, improvement: 1, concern: 12, trialLimits: false });
  });

  it('SPC: the same series without screening moving ranges', () => {
    // AMR = 40/12 = 3.333333; UPL = 12.461538 + 2.66 × 3.333333 = 21.328205128205127.
    const result = calculateSpc([...monthly(WORKED), { x: '2025-01-01', y: 30 }], { screenOutliers: false });
    expect(result.points[0]!.upl).toBeCloseTo(21.328205128205127, 12);
  });
});

describe('rule priority, directions and options', () => {
  it('labels a trend above a shift and reads a decrease as improvement when lower is better', () => {
    const result = calculateSpc(monthly([20, 21, 20, 21, 20, 21, 20, 21, 20, 19, 18, 17, 16, 15, 14]), {
      improvement: 'decrease',
    });
    const labels = result.points.map((p) => p.specialCauseType);
    // Point 8 (21) is in a 7-point run above the mean and starts the falling trend: trend outranks shift.
    expect(labels[6]).toBe('7 Points Above CL');
    expect(labels.slice(7, 12)).toEqual(Array(5).fill('7 Point Trend (Decreasing)'));
    // The last three are below the lower limit and also in the trend: outside outranks trend.
    expect(labels.slice(12)).toEqual(Array(3).fill('Below LCL'));
    expect(result.points.slice(7).every((p) => p.pointType === 'special_cause_improvement')).toBe(true);
  });
  it('labels neutral special causes high or low', () => {
    const result = calculateSpc([...monthly(WORKED), { x: '2025-01-01', y: 30 }], { improvement: 'neutral' });
    expect(result.points.at(-1)!.pointType).toBe('special_cause_neutral_high');
    expect(result.facets[0]!.variationType).toBe('neutral_high');
    expect(result.facets[0]!.assuranceType).toBeNull();
  });
  it('starts new limits at a rebase date and warns of trial limits in short groups', () => {
    const result = calculateSpc(monthly([5, 6, 5, 6, 5, 20, 21, 20, 21, 20]), { rebase: ['2024-06-01'] });
    expect(result.groups.map((g) => [g.group, g.n, g.mean])).toEqual([
      [1, 5, 5.4],
      [2, 5, 20.4],
    ]);
    expect(result.warnings.filter((w) => w.code === 'FPW002')).toHaveLength(2);
  });
  it('fixes limits after the first k points', () => {
    const values = [...WORKED, 50, 50];
    const fixed = calculateSpc(
      values.map((y, i) => ({ x: i + 1, y })),
      { fixAfter: 12 },
    );
    expect(fixed.points[0]!.mean).toBe(11);
    expect(fixed.points.at(-1)!.specialCauseType).toBe('Above UCL');
  });
  it('gives a constant series limits equal to the mean, no special cause and a warning', () => {
    const result = calculateSpc(monthly([4, 4, 4, 4, 4, 4, 4, 4]));
    expect(result.points.every((p) => p.upl === 4 && p.lpl === 4 && p.specialCauseType === 'Common Cause')).toBe(true);
    expect(result.warnings.map((w) => w.code)).toContain('FPW003');
  });
  it('sorts each facet by date and charts facets separately', () => {
    const result = calculateSpc([
      { x: 3, y: 3, facet: 'b' },
      { x: 1, y: 1, facet: 'a' },
      { x: 2, y: 2, facet: 'a' },
      { x: 1, y: 5, facet: 'b' },
    ]);
    expect(result.points.map((p) => `${p.facet}${p.x}`)).toEqual(['b1', 'b3', 'a1', 'a2']);
  });
});

describe('bad arguments', () => {
  it.each([
    ['y', [{ x: '2024-01-01', y: 1 }], {}],
    [
      'x',
      [
        { x: '2024-01-01', y: 1 },
        { x: '2024-01-01', y: 2 },
      ],
      {},
    ],
    [
      'x',
      [
        { x: '2024-01-01', y: 1 },
        { x: 'Jan', y: 2 },
      ],
      {},
    ],
    ['fixAfter', monthly(WORKED), { fixAfter: 5 }],
    ['improvement', monthly(WORKED), { improvement: 'up' }],
  ])('rejects a bad %s with FP_STATS_BAD_ARGUMENT naming it', (field, points, options) => {
    expect(() => calculateSpc(points, options as never)).toThrow(
      expect.objectContaining({
        code: 'FP_STATS_BAD_ARGUMENT',
        problem: expect.objectContaining({ where: { field } }),
      }),
    );
  });
});
