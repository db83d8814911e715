import { describe, expect, it } from 'vitest';
import { bindValues, stringLiteral } from './clickhouse-sql.ts';

describe('client-side binding for ClickHouse 18.16 (no server-side parameters)', () => {
  it('writes a string as one literal, escaping what ClickHouse reads as special inside quotes', () => {
    // By hand: ' → \' and \ → \\, so the literal ends only at the final quote.
    expect(stringLiteral("O'Brien")).toBe("'O\\'Brien'");
    expect(stringLiteral('a\\')).toBe("'a\\\\'");
    expect(stringLiteral("x\\' OR 1=1 --")).toBe("'x\\\\\\' OR 1=1 --'");
    expect(stringLiteral('line\nbreak\ttab\0nul')).toBe("'line\\nbreak\\ttab\\0nul'");
  });

  it('replaces placeholders in one pass, so text inside a value is never read as a placeholder', () => {
    expect(bindValues('SELECT $1, $2, $1', ['$2', 'b'])).toBe("SELECT '$2', 'b', '$2'");
  });

  it('binds numbers and NULL as themselves and refuses what is not a finite number', () => {
    expect(bindValues('SELECT $1 + $2, $3', [1.5, -2, null])).toBe('SELECT 1.5 + -2, NULL');
    expect(() => bindValues('SELECT $1', [Number.NaN])).toThrow(/Cannot bind NaN/);
  });

  it('refuses a placeholder with no value', () => {
    expect(() => bindValues('SELECT $1, $2', ['a'])).toThrow('No value bound for $2.');
  });
});
