// Property: for any small file mixing good and bad rows, accepted + rejected = read, and the accepted
// rows are exactly the good ones (compared by their cost, which the generator makes unique per row).
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
});
