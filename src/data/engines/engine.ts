// The heavy questions over activity, behind one interface so the facts can live in the workspace
// (DuckDB) or on a cluster (ClickHouse, later). Each engine is one file; the SQL text of each question
// lives in src/data/queries/, written once against a SqlDialect that holds the engine's differences.

import type { PointOfDelivery } from '../../core/activity/activity-record.ts';
import type { Flow, UnknownResidenceRule } from '../../core/basis/index.ts';
import type { GeographyVintage } from '../../core/geography/vintage.ts';
import type { FinancialYear, IcbCode, ProviderCode, ServiceCode } from '../../core/units.ts';
import type { UtilisationCell } from '../../core/variation/index.ts';
import type { Workspace } from '../workspace.ts';

/** What a flow aggregation is asked for. */
export interface FlowQuestion {
  dataset: string;
  vintage: GeographyVintage;
  unknownResidenceRule: UnknownResidenceRule;
}

/** What a base-year spend question asks: one year of a dataset on population basis. */
export interface YearSpendQuestion extends FlowQuestion {
  financialYear: FinancialYear;
}

/** What the atlas of variation asks of the activity: one dataset on one geography vintage. */
export interface UtilisationQuestion {
  dataset: string;
  vintage: GeographyVintage;
}

/** One year's population-basis spend of one resident ICB at one provider, service and point of delivery. */
export interface PodSpend {
  residentIcb: IcbCode;
  providerCode: ProviderCode;
  serviceCode: ServiceCode;
  pod: PointOfDelivery;
  spendPence: number;
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

/** One year's activity and spend of one GP practice's patients on one service (rows with a practice code). */
export interface PracticeSpend {
  practiceCode: string;
  serviceCode: ServiceCode;
  activity: number;
  spendPence: number;
}

/** A service's patients in one year by age band and sex (null = not known), for age/sex-specific rates. */
export interface ServicePatientsByAgeSex {
  serviceCode: ServiceCode;
  ageBand: string | null;
  sex: string | null;
  patients: number;
}

/** One year's patients and spend of one resident ICB at one provider for one service (known residence). */
export interface ServicePatientFlow {
  residentIcb: IcbCode;
  providerCode: ProviderCode;
  /** The provider's host ICB in the vintage; null when it has none. */
  providerIcb: IcbCode | null;
  serviceCode: ServiceCode;
  /** Patients, counting a row's activity where it records no patients. */
  patients: number;
  /** Only the patients rows record (occasional practice counts these). */
  recordedPatients: number;
  activity: number;
  spendPence: number;
}

/** A service's observed cost per patient in one year. */
export interface ServiceCostDistribution {
  serviceCode: ServiceCode;
  patients: number;
  meanCost: number;
  cvCost: number;
  /** Up to the asked number of per-row costs per patient, in a stable order. */
  sample: number[];
}

export interface ActivityEngine {
  /** 'duckdb' or 'clickhouse', for messages and provenance. */
  readonly name: string;
  /** The one grouped aggregation everything else derives from: activity and spend by year × resident ICB
   * (after the unknown-residence rule) × provider × service, sorted as core's flowMatrix sorts. */
  flowsByResidentIcbProviderService(question: FlowQuestion): Promise<Flow[]>;
  /** A financial plan's base year: one year's spend by resident ICB (after the unknown-residence rule) ×
   * provider × service × point of delivery, in one grouped aggregation of activity. */
  populationBasisSpendByPod(question: YearSpendQuestion): Promise<PodSpend[]>;
  /** The atlas of variation's input: activity, patients and spend by year × resident ICB (NULL when the
   * residence is not known; no unknown-residence rule applies, as such activity has no population) ×
   * service × age band × sex, in one grouped aggregation of activity. */
  utilisationByIcbAgeSex(question: UtilisationQuestion): Promise<UtilisationCell[]>;
  /** One year's activity and spend per GP practice of one ICB (2026) and service, from the rows that carry
   * a practice code: what neighbourhoods and places roll up. Optional: only engines that keep the practice
   * code have it (DuckDB; the ClickHouse tables do not carry it yet). */
  spendByPractice(question: {
    dataset: string;
    financialYear: FinancialYear;
    icbCode: string;
  }): Promise<PracticeSpend[]>;
  /** Totals of the dataset's accepted activity per year and service, for conservation checks. */
  activityTotals(dataset: string, vintage: GeographyVintage): Promise<ActivityTotal[]>;
  /** Computes the flows in one pass over activity and writes them into the workspace's flow table under
   * (dataset, vintage), returning the totals of the activity read in that same pass. Runs inside the
   * caller's workspace transaction. */
  writeFlows(question: FlowQuestion, workspace: Workspace): Promise<ActivityTotal[]>;
}

/** The heavy questions behind delegation and tiering evidence. Kept apart from ActivityEngine until the
 * ClickHouse engine answers them too; DuckDbEngine implements both. */
export interface DelegationEvidenceEngine {
  /** England's patients per service × age band × sex in one year. */
  servicePatientsByAgeSex(dataset: string, financialYear: FinancialYear): Promise<ServicePatientsByAgeSex[]>;
  /** Patients and spend per resident ICB × provider × service in one year. */
  servicePatientFlows(question: YearSpendQuestion): Promise<ServicePatientFlow[]>;
  /** Each service's cost per patient: mean, CV and a sample of up to `sampleSize` (financial volatility). */
  serviceCostDistribution(
    dataset: string,
    financialYear: FinancialYear,
    sampleSize: number,
  ): Promise<ServiceCostDistribution[]>;
}
