// Writes synthetic national activity in the import schema to CSV or Parquet, streaming in chunks so
// memory stays small at any scale. Parquet goes through a temporary CSV that an in-memory DuckDB, with
// a fixed thread count and insertion order preserved, converts; the same seed gives the same bytes.
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { ACTIVITY_COLUMNS } from '../../core/activity/activity-record.ts';
import { buildActivityModel } from '../../core/generate/activity-model.ts';
import { createActivitySampler, formatPence } from '../../core/generate/activity-sampler.ts';
import { checkGenerationOptions } from '../../core/generate/generate-options.ts';
import { DEFAULT_REFERENCE_DIR } from '../reference/reference-files.ts';
import type { Workspace } from '../workspace.ts';
import { readGeneratorAssumptions, readGeneratorInputs, sqlText } from './generator-inputs.ts';

export interface GenerateActivityOptions {
  /** Rows to write (≥ 1). */
  rows: number;
  /** Master seed, 0–4294967295: the same seed and workspace give a byte-identical file. */
  seed: number;
  /** Output file ending in .csv or .parquet. */
  out: string;
  /** Financial years to generate; default 2023/24, 2024/25, 2025/26. */
  years?: string[];
  onProgress?: (done: number, total: number) => void;
  /** Where the shipped RTT extract is read from; default data/reference. */
  referenceDir?: string;
  /** Default definitions/generator-assumptions.json. */
  assumptionsFile?: string;
}

export interface GenerateActivityResult {
  rows: number;
  /** Sum of the cost column, pounds to the penny. */
  totalCost: string;
  file: string;
}

/** Rows per chunk: big enough to amortise the write, small enough for a progress bar to move. */
const CHUNK_ROWS = 50_000;

/** Column types of the Parquet file; the CSV is read with exactly these. */
const PARQUET_TYPES: Record<(typeof ACTIVITY_COLUMNS)[number], string> = {
  financial_year: 'VARCHAR',
  month: 'TINYINT',
  provider_code: 'VARCHAR',
  residence_code: 'VARCHAR',
  service_code: 'VARCHAR',
  pod: 'VARCHAR',
  age_band: 'VARCHAR',
  sex: 'VARCHAR',
  activity: 'INTEGER',
  cost: 'DECIMAL(18,2)',
  patients: 'INTEGER',
  gp_practice_code: 'VARCHAR',
};

/** Threads for the Parquet conversion: fixed, so the file does not depend on the machine. */
const CONVERSION_THREADS = 2;
/** Memory for the conversion; DuckDB spills to a temporary folder beside the output beyond it. */
const CONVERSION_MEMORY = '256MB';

export async function generateActivity(
  ws: Workspace,
  options: GenerateActivityOptions,
): Promise<GenerateActivityResult> {
  const plan = checkGenerationOptions(options);
  const assumptions = readGeneratorAssumptions(options.assumptionsFile);
  const inputs = await readGeneratorInputs(ws, options.referenceDir ?? DEFAULT_REFERENCE_DIR, assumptions);
  const model = buildActivityModel(inputs, assumptions);
  const sampler = createActivitySampler(model, assumptions, plan.years, plan.rows, plan.seed);

  const csvFile = plan.format === 'csv' ? `${options.out}.partial` : `${options.out}.${process.pid}.tmp.csv`;
  try {
    const stream = createWriteStream(csvFile, { highWaterMark: 1 << 22 });
    const closed = once(stream, 'close');
    stream.write(sampler.header);
    for (let done = 0; done < plan.rows; ) {
      const count = Math.min(CHUNK_ROWS, plan.rows - done);
      if (!stream.write(sampler.nextLines(count))) await once(stream, 'drain');
      done += count;
      options.onProgress?.(done, plan.rows);
      await new Promise((resolve) => setImmediate(resolve));
    }
    stream.end();
    await closed;
    if (plan.format === 'csv') renameSync(csvFile, options.out);
    else await convertCsvToParquet(csvFile, options.out);
  } finally {
    rmSync(csvFile, { force: true });
  }
  return { rows: plan.rows, totalCost: formatPence(sampler.totalPence), file: options.out };
}

async function convertCsvToParquet(csvFile: string, out: string): Promise<void> {
  const partial = `${out}.partial`;
  const spill = `${out}.spill`;
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(CONVERSION_THREADS),
    memory_limit: CONVERSION_MEMORY,
    temp_directory: spill,
    preserve_insertion_order: 'true',
  });
  const connection = await instance.connect();
  try {
    const columns = ACTIVITY_COLUMNS.map((c) => `${sqlText(c)}: ${sqlText(PARQUET_TYPES[c])}`).join(', ');
    await connection.run(
      `COPY (SELECT * FROM read_csv(${sqlText(csvFile)}, header = true, auto_detect = false, delim = ',', quote = '"',
         columns = {${columns}})) TO ${sqlText(partial)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    renameSync(partial, out);
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(partial, { force: true });
    rmSync(spill, { force: true, recursive: true });
  }
}
