// Properties: for any small file mixing good and bad rows, accepted + rejected = read, and the accepted
// rows are exactly the good ones (compared by their cost, which the generator makes unique per row); and
// the clean-file fast path stores exactly what validating every row stores, however a value is spelled.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importActivity } from '../../src/data/import/import-activity.ts';
import type { Workspace } from '../../src/data/workspace.ts';
import { createToyWorkspace } from './support/toy-workspace.ts';

const HEADER = 'financial_year,month,provider_code,residence_code,service_code,pod,age_band,sex,activity,cost,patients';

// Each field's good and bad spellings; a row is good when every field is good.
const FIELDS: { good: string[]; bad: string[] }[] = [
  { good: ['2024/25', '2023/24'], bad: ['2024/26', '24/25', ''] },
  { good: ['1', '12', ''], bad: ['0', '13', 'May'] },
  { good: ['RJ1', 'rjz', ' RJ7 '], bad: ['ZZZ', ''] },
  { good: ['36L', 'e38000245', 'QKK', 'E54000042', 'X98', ''], bad: ['13Q', 'QWEX'] },
  { good: ['13X', '18a'], bad: ['99Z', ''] },
  { good: ['APC_EL', 'hcd'], bad: ['AE', ''] },
  { good: ['0-4', '90+', ''], bad: ['0-5'] },
  { good: ['M', 'f', ''], bad: ['Q'] },
  { good: ['0', '2.5'], bad: ['-1', 'two', ''] },
  { good: ['COST'], bad: ['1.234', 'abc', ''] },
  { good: ['1', ''], bad: ['-3', 'x'] },
];

const row = fc.tuple(...FIELDS.map(() => fc.record({ bad: fc.boolean(), pick: fc.nat() })));

let ws: Workspace;
let dir: string;
beforeAll(async () => {
  ws = await createToyWorkspace();
  dir = mkdtempSync(join(tmpdir(), 'footprint-import-prop-'));
});
afterAll(() => ws.close());

describe('import', () => {
  it('accepted + rejected = read, and the accepted rows are exactly the good ones', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), async (rows) => {
        const goodCosts: string[] = [];
        const lines = rows.map((fields, index) => {
          const isGood = fields.every((f, i) => !f.bad || FIELDS[i]!.bad.length === 0);
          const cost = `${index + 1}.${String(index % 100).padStart(2, '0')}`;
          if (isGood) goodCosts.push(cost);
          return fields
            .map((f, i) => {
              const options = f.bad ? FIELDS[i]!.bad : FIELDS[i]!.good;
              const value = options[f.pick % options.length]!;
              return value === 'COST' ? cost : value;
            })
            .join(',');
        });
        const file = join(dir, `p${++run}.csv`);
        writeFileSync(file, `${HEADER}\n${lines.join('\n')}\n`);
        const summary = await importActivity(ws, { file, dataset: 'prop', allowRejects: true });
        expect(summary.accepted + summary.rejected).toBe(summary.read);
        expect(summary.read).toBe(rows.length);
        const accepted = await ws.all<{ cost: string }>(
          "SELECT CAST(cost AS VARCHAR) AS cost FROM activity WHERE dataset = 'prop' ORDER BY cost",
        );
        expect(accepted.map((a) => a.cost).sort()).toEqual([...goodCosts].sort());
      }),
      { seed: 42, numRuns: 40 },
    );
  });

  // Spellings at the edges of what the typed CSV reader and the validating SQL each accept: padded,
  // other cases, exponents, rounding, NaN and infinity, overflow, quoted commas. `fast` ones are good
  // and spelled as the fast path takes them; `other` ones are bad, or good only to the validating path.
  const SPELLINGS: { fast: string[]; other: string[] }[] = [
    // 0999/00 is well formed but before the import's window (2000/01 on): refused by both paths.
    { fast: ['2024/25', '2023/24', '2000/01'], other: [' 2024/25', '2024/26', '+999/00', '0999/00'] },
    { fast: ['1', '12', '', '09'], other: ['13', '0', 'x', '-0', ' 4', '4.0', '4.5', '1e1'] },
    { fast: ['RJ1', 'RJZ'], other: ['rjz', ' RJ7', 'ZZZ', ''] },
    { fast: ['36L', 'E38000245', 'X98', ''], other: ['e38000245', 'x98', '13Q', ' 72Q'] },
    { fast: ['13X', '18A'], other: ['18a', '99Z', ''] },
    { fast: ['APC_EL', 'HCD'], other: ['hcd', 'AE', ''] },
    { fast: ['0-4', '90+', ''], other: ['0 - 4', '0-5'] },
    { fast: ['M', '1', '2', '0', '9', ''], other: ['f', 'Q', 'u'] },
    { fast: ['0', '2.5', '-0', '1e3', '"3"', ' 7 '], other: ['nan', 'inf', '-1', 'two', ''] },
    {
      fast: ['1.00', '-3.50', '1e2', '0.1', ' 2.25 ', '999999999999.99'],
      other: ['1.005', '£5', '', '1234567890123.00', '"1,5"'],
    },
    { fast: ['1', '', '2.5'], other: ['-3', 'x', '1e400'] },
  ];
  // Rows spelled as the fast path takes them, but for at most one field spelled any way: so a file
  // holding one doubtful value is often otherwise clean, and the fast path must get that value right.
  const spelled = fc
    .tuple(
      fc.tuple(...SPELLINGS.map(({ fast }) => fc.constantFrom(...fast))),
      fc.option(
        fc
          .integer({ min: 0, max: SPELLINGS.length - 1 })
          .chain((field) =>
            fc.tuple(fc.constant(field), fc.constantFrom(...SPELLINGS[field]!.other, ...SPELLINGS[field]!.fast)),
          ),
      ),
    )
    .map(([fields, change]) => (change ? fields.with(change[0], change[1]) : fields));

  let file = 0;
  const table = (dataset: string) =>
    ws.all('SELECT * EXCLUDE (dataset) FROM activity WHERE dataset = $1 ORDER BY ALL', [dataset]);
  /** Imports `lines` both ways and expects the same summary and rows; true when the fast path decided. */
  async function expectSameBothWays(lines: string[]): Promise<boolean> {
    const path = join(dir, `e${++file}.csv`);
    writeFileSync(path, `${HEADER}\n${lines.join('\n')}\n`);
    const phases = new Set<string>();
    const fast = await importActivity(ws, {
      file: path,
      dataset: 'fast',
      allowRejects: true,
      onProgress: (phase) => phases.add(phase),
    });
    const slow = await importActivity(ws, { file: path, dataset: 'slow', allowRejects: true, validateEveryRow: true });
    expect({ ...slow, dataset: 'fast' }, lines.join('\n')).toEqual(fast);
    expect(await table('fast'), lines.join('\n')).toEqual(await table('slow'));
    return !phases.has('Checking every row');
  }

  it('the fast path stores exactly what validating every row stores, for every spelling of every field', async () => {
    const canonical = SPELLINGS.map(({ fast }) => fast[0]!);
    let decidedByFastPath = 0;
    for (const [field, { fast, other }] of SPELLINGS.entries()) {
      for (const value of [...fast, ...other]) {
        if (await expectSameBothWays([canonical.join(','), canonical.with(field, value).join(',')]))
          decidedByFastPath++;
      }
    }
    // Every `fast` spelling was taken by the fast path itself; every `other` one gave way.
    expect(decidedByFastPath).toBe(SPELLINGS.reduce((n, { fast }) => n + fast.length, 0));
  });

  it('the fast path stores exactly what validating every row stores, for files mixing spellings', async () => {
    let decidedByFastPath = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(spelled, { minLength: 1, maxLength: 3 }), async (rows) => {
        if (await expectSameBothWays(rows.map((fields) => fields.join(',')))) decidedByFastPath++;
      }),
      { seed: 42, numRuns: 40 },
    );
    // Not vacuous: the fast path itself accepted a good share of the files, edge spellings and all.
    expect(decidedByFastPath).toBeGreaterThan(8);
  });
});
