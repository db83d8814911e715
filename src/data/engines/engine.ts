// The heavy questions over activity, behind one interface so the facts can live in the workspace
// (DuckDB) or on a cluster (ClickHouse, later). Each engine is one file; the SQL text of each question
// lives in src/data/queries/, written once against a SqlDialect that holds the engine's differences.
import type { Flow, UnknownResidenceRule } from '../../core/basis/index.ts';
import type { FinancialYear, ServiceCode } from '../../core/units.ts';
import type { Workspace } from '../workspace.ts';

/** Which ICB boundaries the results use: the 42 ICBs of 2023–2026 or the 36 from April 2026. */
export type GeographyVintage = '2026' | '2023';
export const GEOGRAPHY_VINTAGES: readonly GeographyVintage[] = ['2026', '2023'];

/** What a flow aggregation is asked for. */
export interface FlowQuestion {
  dataset: string;
  vintage: GeographyVintage;
  unknownResidenceRule: UnknownResidenceRule;
}

/** Accepted activity per year and service, with the part whose residence is not known. */
export interface ActivityTotal {
  financialYear: FinancialYear;
  serviceCode: ServiceCode;
  rows: number;
  activity: number;
  costPence: number;
  unknownResidenceRows: number;
  unknownResidenceCostPence: number;
}

/** The engine's SQL differences: how values are bound and how types are spelled. Query text calls these
 * instead of writing engine-specific syntax. */
export interface SqlDialect {
  /** The placeholder for the n-th bound value (1-based). */
  param(position: number): string;
  /** A money expression as whole pence in a 64-bit integer. */
  pence(expression: string): string;
  /** A numeric expression as a double. */
  float(expression: string): string;
  /** A numeric expression as money: a decimal with two places, wide enough for national sums. */
  money(expression: string): string;
  /** An integer count as a 64-bit integer. */
  count(expression: string): string;
}

export interface ActivityEngine {
  /** 'duckdb' or 'clickhouse', for messages and provenance. */
  readonly name: string;
  /** The one grouped aggregation everything else derives from: activity and spend by year × resident ICB
   * (after the unknown-residence rule) × provider × service, sorted as core's flowMatrix sorts. */
  flowsByResidentIcbProviderService(question: FlowQuestion): Promise<Flow[]>;
  /** Totals of the dataset's accepted activity per year and service, for conservation checks. */
  activityTotals(dataset: string, vintage: GeographyVintage): Promise<ActivityTotal[]>;
  /** Computes the flows in one pass over activity and writes them into the workspace's flow table under
   * (dataset, vintage), returning the totals of the activity read in that same pass. Runs inside the
   * caller's workspace transaction. */
  writeFlows(question: FlowQuestion, workspace: Workspace): Promise<ActivityTotal[]>;
}
