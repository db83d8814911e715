// `import --run`: the run committed with the import in one transaction. Its results are those of a run after the
// import; a failing run keeps nothing of the import; and a clean file and a file the validating path must take
// (padded codes) both run once. Toy geography; costs worked by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FootprintError, fail } from '../../src/core/errors.ts';
import { importActivity } from '../../src/data/import/import-activity.ts';
import {
  type BasisConversionResult,
  runBasisConversion,
  runBasisConversionInTransaction,
} from '../../src/data/run/run-basis-conversion.ts';
import type { Workspace } from '../../src/data/workspace.ts';
import { createToyWorkspace } from './support/toy-workspace.ts';

const HEADER = 'financial_year,month,provider_code,residence_code,service_code,pod,age_band,sex,activity,cost,patients';
// Cost by hand: 1234.56 + 0.10 + 0.20 = 1234.86.
const CLEAN_ROWS = [
  '2024/25,4,RJ1,36L,13X,APC_EL,0-4,M,1,1234.56,1',
  '2024/25,5,RJZ,E54000042,18A,OP_FIRST,90+,F,2,0.10,2',
  '2024/25,,RJ7,X98,13X,HCD,,U,3.5,0.20,',
];
// The same rows as the validating path must read them: padded and lower-case codes.
const PADDED_ROWS = [
  '2024/25,4, RJ1 ,36l,13X,APC_EL,0-4,M,1,1234.56,1',
  '2024/25,5,rjz,E54000042,18a ,OP_FIRST,90+,F,2,0.10,2',
  '2024/25,,RJ7,X98,13X,hcd,,U,3.5,0.20,',
];

let ws: Workspace;
let dir: string;
let n = 0;

function csvFile(lines: string[]): string {
  const file = join(dir, `f${++n}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const flowsOf = (dataset: string) =>
  ws.all(
    `SELECT financial_year, resident_icb, residence_known, provider_code, provider_icb, service_code, activity,
            CAST(spend AS VARCHAR) AS spend
     FROM flow WHERE dataset = $1 AND vintage = '2026' ORDER BY ALL`,
    [dataset],
  );

/** Everything an import or a run may change. */
async function checksum(): Promise<string> {
  const tables = ['activity', 'dataset', 'run', 'flow', 'allocation', 'audit_event'];
  const parts = [];
  for (const table of tables) {
    parts.push(
      await ws.one(`SELECT count(*)::DOUBLE AS n, md5(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS VARCHAR))) AS h
                    FROM ${table} t`),
    );
  }
  return JSON.stringify(parts);
}

/** Imports `file` into `dataset` with the run in the import's transaction; counts how often the run ran. */
async function importAndRun(file: string, dataset: string) {
  let calls = 0;
  let ran: BasisConversionResult | undefined;
  const summary = await importActivity(ws, {
    file,
    dataset,
    inTransaction: async (imported) => {
      calls++;
      ran = await runBasisConversionInTransaction(ws, { dataset: imported.dataset });
    },
  });
  return { summary, ran, calls };
}

beforeAll(async () => {
  ws = await createToyWorkspace();
  dir = mkdtempSync(join(tmpdir(), 'footprint-import-run-'));
});
afterAll(() => ws.close());

describe('import with the run in its transaction', () => {
  it('stores what an import and then a run store, running once on the fast path and on the validating path', async () => {
    for (const [rows, dataset] of [
      [CLEAN_ROWS, 'clean'],
      [PADDED_ROWS, 'padded'],
    ] as const) {
      const { summary, ran, calls } = await importAndRun(csvFile([HEADER, ...rows]), dataset);
      expect(calls).toBe(1);
      expect(summary).toMatchObject({ accepted: 3, rejected: 0, totalCost: '1234.86' });
      expect(ran).toMatchObject({ dataset, rows: 3, costPence: 123486 });
      const together = await flowsOf(dataset);
      expect(together.length).toBeGreaterThan(0);
      // Running again, on its own, after the commit gives the same flows.
      await runBasisConversion(ws, { dataset });
      expect(await flowsOf(dataset)).toEqual(together);
    }
    expect(await flowsOf('padded')).toEqual(await flowsOf('clean'));
  });

  it('a failing run keeps nothing of the import, and its own error is the answer', async () => {
    const before = await checksum();
    let calls = 0;
    const error = await importActivity(ws, {
      file: csvFile([HEADER, ...CLEAN_ROWS]),
      dataset: 'clean',
      inTransaction: async (imported) => {
        calls++;
        await runBasisConversionInTransaction(ws, { dataset: imported.dataset });
        fail('FP_RUN_MONEY_NOT_CONSERVED', 'a run that fails after storing its results');
      },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FootprintError);
    expect((error as FootprintError).code).toBe('FP_RUN_MONEY_NOT_CONSERVED');
    // Not taken for the fast path giving way: the validating path did not import (and run) the file again.
    expect(calls).toBe(1);
    expect(await checksum()).toBe(before);
  });
});
