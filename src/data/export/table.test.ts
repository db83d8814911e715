// Formula injection (OWASP, CSV injection): text starting = + - @, a tab or a carriage return is given a
// leading ' in every export cell; numbers, and text that is just a number, are never changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCell, neutraliseFormula } from './table.ts';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Click")', `'=HYPERLINK("http://evil.example","Click")`],
    ['+cmd|/c calc', "'+cmd|/c calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['-', "'-"],
  ])('%j becomes %j', (given, expected) => {
    expect(neutraliseFormula(given)).toBe(expected);
  });

  it.each(['Cardiac surgery', 'a=b', "St Thomas' Hospital", '', '-50.01', '+3', '1e-6', '-.5', '2024/25'])(
    'leaves %j as it is',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );

  it('property: the result is the text, or the text after one quote; no result starts a formula', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = neutraliseFormula(text);
        expect(out === text || out === `'${text}`).toBe(true);
        if (out === text && /^[=+\-@\t\r]/.test(text)) expect(Number.isFinite(Number(text))).toBe(true);
      }),
      { seed: 14, numRuns: 2000 },
    );
  });
});

describe('exportCell', () => {
  it('property: numbers of every kind pass unchanged apart from the display rounding', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (n) => {
        expect(exportCell('number', n)).toBe(n);
        expect(exportCell('money', n)).toBe(Math.round(n * 100) / 100);
        expect(exportCell('share', n)).toBe(Math.round(n * 1e6) / 1e6);
      }),
      { seed: 14, numRuns: 1000 },
    );
  });

  it('neutralises text in any column, and leaves null and booleans', () => {
    expect(exportCell('text', '=1+1')).toBe("'=1+1");
    expect(exportCell('money', '=1+1')).toBe("'=1+1");
    expect(exportCell('text', null)).toBeNull();
    expect(exportCell('text', true)).toBe(true);
  });
});
