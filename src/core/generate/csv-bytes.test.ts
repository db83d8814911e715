import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPence } from './activity-sampler.ts';
import { CsvBytes, encodeField } from './csv-bytes.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('csv bytes', () => {
  it('writes a line field by field', () => {
    const out = new CsvBytes(64);
    out.bytes(encodeField('RHQ'));
    out.comma();
    out.integer(0);
    out.comma();
    out.integer(1204);
    out.comma();
    out.pence(5);
    out.comma();
    out.pence(-123456);
    out.comma();
    out.bytes(encodeField('Bournemouth – Poole'));
    out.newline();
    expect(text(out.take())).toBe('RHQ,0,1204,0.05,-1234.56,Bournemouth – Poole\n');
    expect(out.length).toBe(0);
  });

  it('grows past its first capacity and hands over what it wrote', () => {
    const out = new CsvBytes(64);
    for (let i = 0; i < 1000; i++) {
      out.integer(i);
      out.newline();
    }
    const first = out.take();
    out.integer(7);
    expect(text(first).split('\n')).toHaveLength(1001);
    expect(text(first).startsWith('0\n1\n2\n')).toBe(true);
    expect(text(out.take())).toBe('7');
  });

  it('numbers read back as String() and formatPence would write them', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), (n) => {
        const out = new CsvBytes(8);
        out.integer(n);
        out.comma();
        out.pence(n);
        expect(text(out.take())).toBe(`${String(n)},${formatPence(n)}`);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
