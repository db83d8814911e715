// `footprint run`: converts a dataset's spend from provider basis to population basis and stores the flows,
// allocations and cross-boundary shares for one geography vintage, replacing that dataset and vintage's
// previous results in one transaction. Activity is read once (the engine's flow pass); everything else
// derives from the stored flows, and money is checked to the penny before anything is committed.
import {
  DEFAULT_UNKNOWN_RESIDENCE_RULE,
  parseUnknownResidenceRule,
  type UnknownResidenceRule,
} from '../../core/basis/index.ts';
import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE, type GeographyVintage } from '../../core/geography/vintage.ts';
import { type AuditActor, commandLineActor, recordAudit } from '../audit/record-audit.ts';
import { currentDataset } from '../datasets/current-dataset.ts';
import { DuckDbEngine, duckdbDialect } from '../engines/duckdb.ts';
import type { ActivityEngine, ActivityTotal, DelegationEvidenceEngine } from '../engines/engine.ts';
import { basisConservationFailuresSql } from '../queries/basis-conservation.ts';
import {
  allocationsFromFlowsSql,
  outOfAreaSharesFromFlowsSql,
  providerIncomeSharesFromFlowsSql,
} from '../queries/basis-from-flows.ts';
import { storeProviderFigures } from '../queries/provider-figures.ts';
import { parseVintage } from '../reference/geography.ts';
import type { Workspace } from '../workspace.ts';
import { storeRunAnswers } from './run-answers.ts';

export interface BasisConversionOptions {
  /** Default: the current dataset (currentDataset). */
  dataset?: string;
  /** Default: DEFAULT_VINTAGE, the current ICBs. */
  vintage?: string;
  /** Default: the workspace setting 'unknown_residence_rule', else 'provider-host-icb'. */
  unknownResidenceRule?: string;
  /** Default: the DuckDB engine on the workspace. */
  engine?: ActivityEngine & DelegationEvidenceEngine;
  /** Who runs it, for the audit trail. Default the command line's user. */
  by?: AuditActor;
}

export interface BasisConversionResult {
  dataset: string;
  vintage: GeographyVintage;
  unknownResidenceRule: UnknownResidenceRule;
  engine: string;
  rows: number;
  activity: number;
  costPence: number;
  unknownResidenceRows: number;
  unknownResidenceCostPence: number;
  /** Year × service pairs whose three totals were checked equal. */
  conservationChecked: number;
  flows: number;
}

/** Tables holding one run's results, keyed by dataset and vintage. */
const RESULT_TABLES = [
  'run',
  'run_total',
  'flow',
  'allocation',
  'out_of_area_share',
  'provider_income_share',
  'provider_figure',
  'run_answer',
];

export async function runBasisConversion(
  ws: Workspace,
  options: BasisConversionOptions = {},
): Promise<BasisConversionResult> {
  return ws.transaction(() => runBasisConversionInTransaction(ws, options));
}

/** The run inside a transaction the caller holds (an import that runs as it commits, `import --run`), so
 * its results are committed, or rolled back, with the caller's work. */
export async function runBasisConversionInTransaction(
  ws: Workspace,
  options: BasisConversionOptions = {},
): Promise<BasisConversionResult> {
  const dataset = options.dataset ?? (await currentDataset(ws));
  if (!dataset) {
    fail('FP_RUN_NO_ACTIVITY', 'No dataset was named and the workspace has no current dataset.', {
      where: { parameter: '--dataset' },
      hint: 'Import activity with `footprint import FILE`, or name a dataset with --dataset NAME.',
    });
  }
  const vintage = parseVintage(options.vintage ?? DEFAULT_VINTAGE);
  const unknownResidenceRule = parseUnknownResidenceRule(
    options.unknownResidenceRule ?? (await ws.setting('unknown_residence_rule')) ?? DEFAULT_UNKNOWN_RESIDENCE_RULE,
    '--unknown-residence',
  );
  const engine = options.engine ?? new DuckDbEngine(ws);
  // Results always live in the workspace, which is DuckDB whichever engine holds the activity.
  const d = duckdbDialect;
  const key = [dataset, vintage];

  const previous = await ws.one(
    `SELECT unknown_residence_rule AS "unknownResidenceRule", CAST(rows AS DOUBLE) AS rows,
            CAST(total_cost AS VARCHAR) AS "totalCost", strftime(ran_at, '%Y-%m-%dT%H:%M:%SZ') AS "ranAt"
       FROM run WHERE dataset = $1 AND vintage = $2`,
    key,
  );
  for (const table of RESULT_TABLES) await ws.run(`DELETE FROM ${table} WHERE dataset = $1 AND vintage = $2`, key);
  const totals = await engine.writeFlows({ dataset, vintage, unknownResidenceRule }, ws);
  if (totals.length === 0) {
    fail('FP_RUN_NO_ACTIVITY', `The workspace has no activity in dataset "${dataset}".`, {
      where: { parameter: '--dataset' },
      received: dataset,
      hint: 'Import activity with `footprint import FILE --dataset NAME`, or name another dataset.',
    });
  }
  await storeTotals(ws, dataset, vintage, totals);
  await ws.run(`INSERT INTO allocation SELECT $1, $2, * FROM (${allocationsFromFlowsSql(d)}) a`, key);
  await ws.run(`INSERT INTO out_of_area_share SELECT $1, $2, * FROM (${outOfAreaSharesFromFlowsSql(d)}) s`, key);
  await ws.run(
    `INSERT INTO provider_income_share SELECT $1, $2, * FROM (${providerIncomeSharesFromFlowsSql(d)}) s`,
    key,
  );
  await storeProviderFigures(ws, dataset, vintage);
  const failures = await ws.all<Record<string, unknown>>(basisConservationFailuresSql(d), key);
  const first = failures[0];
  if (first) {
    fail('FP_RUN_MONEY_NOT_CONSERVED', `Money is not conserved for ${failures.length} year × service pair(s).`, {
      where: { parameter: `financial_year ${first.financial_year}, service ${first.service_code}` },
      received: `input £${first.input_cost}, provider basis £${first.provider_basis_total}, population basis £${first.population_basis_total}`,
      accepted: 'all three totals equal to the penny',
      hint: 'Nothing was stored and earlier results are kept. Check residence_map and provider for duplicate codes.',
    });
  }
  const flows = await ws.one<{ n: number }>(
    'SELECT CAST(count(*) AS BIGINT) AS n FROM flow WHERE dataset = $1 AND vintage = $2',
    key,
  );
  const sum = (pick: (t: ActivityTotal) => number) => totals.reduce((s, t) => s + pick(t), 0);
  const result: BasisConversionResult = {
    dataset,
    vintage,
    unknownResidenceRule,
    engine: engine.name,
    rows: sum((t) => t.rows),
    activity: sum((t) => t.activity),
    costPence: sum((t) => t.costPence),
    unknownResidenceRows: sum((t) => t.unknownResidenceRows),
    unknownResidenceCostPence: sum((t) => t.unknownResidenceCostPence),
    conservationChecked: totals.length,
    flows: flows?.n ?? 0,
  };
  await ws.run(
    `INSERT INTO run (dataset, vintage, unknown_residence_rule, rows, total_cost, unknown_residence_rows,
                      unknown_residence_cost, ran_at)
     VALUES ($1, $2, $3, $4, CAST($5 AS DECIMAL(38, 2)), $6, CAST($7 AS DECIMAL(38, 2)), now())`,
    [
      dataset,
      vintage,
      unknownResidenceRule,
      result.rows,
      penceAsDecimalText(result.costPence),
      result.unknownResidenceRows,
      penceAsDecimalText(result.unknownResidenceCostPence),
    ],
  );
  const latestYear = totals
    .map((t) => t.financialYear)
    .sort()
    .at(-1)!;
  await storeRunAnswers(ws, engine, { dataset, vintage, unknownResidenceRule, financialYear: latestYear });
  // The previous run's results were replaced above, inside this transaction: the trail keeps both.
  const { dataset: _d, vintage: _v, ...outcome } = result;
  await recordAudit(ws, {
    ...(options.by ?? commandLineActor()),
    objectType: 'run',
    objectId: `${dataset} ${vintage}`,
    action: previous ? 'rerun' : 'run',
    before: previous ?? null,
    after: outcome,
  });
  return result;
}

/** Pence as exact decimal text ('-105' → '-1.05'), so DECIMAL columns get the amount without float error. */
export function penceAsDecimalText(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const digits = String(Math.abs(pence)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The totals the engine read, stored so the conservation check can run in SQL. One statement with all
 * rows: there are only years × services of them. */
async function storeTotals(ws: Workspace, dataset: string, vintage: string, totals: ActivityTotal[]): Promise<void> {
  const params: (string | number)[] = [dataset, vintage];
  const values = totals.map((t) => {
    const at = params.length;
    params.push(
      t.financialYear,
      t.serviceCode,
      t.rows,
      t.activity,
      penceAsDecimalText(t.costPence),
      t.unknownResidenceRows,
      penceAsDecimalText(t.unknownResidenceCostPence),
    );
    const p = (i: number) => `$${at + i}`;
    return `($1, $2, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, CAST(${p(5)} AS DECIMAL(38, 2)), ${p(6)}, CAST(${p(7)} AS DECIMAL(38, 2)))`;
  });
  await ws.run(`INSERT INTO run_total VALUES ${values.join(', ')}`, params);
}
