// The DuckDB engine: activity lives in the workspace file itself, so flows are written with one
// INSERT … SELECT and never leave the database.
import type { Flow } from '../../core/basis/index.ts';
import type { GeographyVintage } from '../../core/geography/vintage.ts';
import type { FinancialYear, IcbCode, ProviderCode, ServiceCode } from '../../core/units.ts';
import type { UtilisationCell } from '../../core/variation/index.ts';
import { activityCellsSql } from '../queries/activity-cells.ts';
import { activityTotalsSql } from '../queries/activity-totals.ts';
import { flowsSql } from '../queries/flows-by-resident-icb-provider-service.ts';
import { populationBasisSpendByPodSql } from '../queries/population-basis-spend-by-pod.ts';
import { serviceCostDistributionSql } from '../queries/service-cost-distribution.ts';
import { servicePatientFlowsSql } from '../queries/service-patient-flows.ts';
import { servicePatientsByAgeSexSql } from '../queries/service-patients-by-age-sex.ts';
import { spendByPracticeSql } from '../queries/spend-by-practice.ts';
import type { SqlDialect } from '../queries/sql-dialect.ts';
import { utilisationByIcbAgeSexSql } from '../queries/utilisation-by-icb-age-sex.ts';
import type { Workspace } from '../workspace.ts';
import type {
  ActivityEngine,
  ActivityTotal,
  DelegationEvidenceEngine,
  FlowQuestion,
  PodSpend,
  PracticeSpend,
  ServiceCostDistribution,
  ServicePatientFlow,
  ServicePatientsByAgeSex,
  UtilisationQuestion,
  YearSpendQuestion,
} from './engine.ts';

export const duckdbDialect: SqlDialect = {
  param: (position) => `$${position}`,
  pence: (expression) => `CAST((${expression}) * 100 AS BIGINT)`,
  float: (expression) => `CAST(${expression} AS DOUBLE)`,
  money: (expression) => `CAST(${expression} AS DECIMAL(38, 2))`,
  count: (expression) => `CAST(${expression} AS BIGINT)`,
};

/** Holds one run's activity cells between the flow insert and the totals, so activity is scanned once. */
const CELLS_TABLE = 'fp_run_activity_cell';

interface TotalRow {
  financial_year: FinancialYear;
  service_code: string;
  row_count: number;
  activity: number;
  cost_pence: number;
  unknown_residence_rows: number;
  unknown_residence_cost_pence: number;
}

interface FlowRow {
  financial_year: FinancialYear;
  resident_icb: string;
  residence_known: number;
  provider_code: string;
  provider_icb: string;
  service_code: string;
  activity: number;
  spend_pence: number;
}

export class DuckDbEngine implements ActivityEngine, DelegationEvidenceEngine {
  readonly name = 'duckdb';
  readonly #workspace: Workspace;

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
  }

  async flowsByResidentIcbProviderService(question: FlowQuestion): Promise<Flow[]> {
    const d = duckdbDialect;
    const rows = await this.#workspace.all<FlowRow>(
      `SELECT financial_year, resident_icb, residence_known, provider_code, provider_icb, service_code,
              ${d.float('activity')} AS activity, ${d.pence('spend')} AS spend_pence
       FROM (${flowsSql(d, activityCellsSql(d, 1), question.vintage, 2)}) f
       ORDER BY financial_year, resident_icb, residence_known DESC, provider_code, service_code`,
      [question.dataset, question.unknownResidenceRule],
    );
    return rows.map((r) => ({
      financialYear: r.financial_year,
      residentIcb: r.resident_icb as IcbCode,
      residenceKnown: r.residence_known === 1,
      providerCode: r.provider_code as ProviderCode,
      providerIcb: r.provider_icb as IcbCode,
      serviceCode: r.service_code as ServiceCode,
      activity: r.activity,
      spendPence: r.spend_pence,
    }));
  }

  async populationBasisSpendByPod(question: YearSpendQuestion): Promise<PodSpend[]> {
    const rows = await this.#workspace.all<{
      resident_icb: string;
      provider_code: string;
      service_code: string;
      pod: string;
      spend_pence: number;
    }>(populationBasisSpendByPodSql(duckdbDialect, question.vintage, 1), [
      question.dataset,
      question.financialYear,
      question.unknownResidenceRule,
    ]);
    return rows.map((r) => ({
      residentIcb: r.resident_icb as IcbCode,
      providerCode: r.provider_code as ProviderCode,
      serviceCode: r.service_code as ServiceCode,
      pod: r.pod as PodSpend['pod'],
      spendPence: r.spend_pence,
    }));
  }

  async utilisationByIcbAgeSex(question: UtilisationQuestion): Promise<UtilisationCell[]> {
    // Read column-wise: a national atlas has some 300,000 cells, and row objects cost more than the query.
    const reader = await this.#workspace.connection.runAndReadAll(
      utilisationByIcbAgeSexSql(duckdbDialect, question.vintage, 1),
      [question.dataset],
    );
    const [years, icbs, services, bands, sexes, activity, patients, pence, rows] = reader.getColumnsJS() as [
      FinancialYear[],
      (string | null)[],
      string[],
      (string | null)[],
      ('M' | 'F' | null)[],
      number[],
      (number | null)[],
      bigint[],
      bigint[],
    ];
    return years.map((year, i) => ({
      financialYear: year,
      icbCode: icbs[i] as IcbCode | null,
      serviceCode: services[i] as ServiceCode,
      ageBand: bands[i]!,
      sex: sexes[i]!,
      activity: activity[i]!,
      patients: patients[i]!,
      spendPence: Number(pence[i]),
      rows: Number(rows[i]),
    }));
  }

  async spendByPractice(question: {
    dataset: string;
    financialYear: FinancialYear;
    icbCode: string;
  }): Promise<PracticeSpend[]> {
    const rows = await this.#workspace.all<{
      practice_code: string;
      service_code: string;
      activity: number;
      spend_pence: number;
    }>(spendByPracticeSql(duckdbDialect, 1), [question.dataset, question.financialYear, question.icbCode]);
    return rows.map((r) => ({
      practiceCode: r.practice_code,
      serviceCode: r.service_code as ServiceCode,
      activity: r.activity,
      spendPence: r.spend_pence,
    }));
  }

  async servicePatientsByAgeSex(dataset: string, financialYear: FinancialYear): Promise<ServicePatientsByAgeSex[]> {
    const rows = await this.#workspace.all<{
      service_code: string;
      age_band: string | null;
      sex: string | null;
      patients: number;
    }>(servicePatientsByAgeSexSql(duckdbDialect, 1), [dataset, financialYear]);
    return rows.map((r) => ({
      serviceCode: r.service_code as ServiceCode,
      ageBand: r.age_band,
      sex: r.sex,
      patients: r.patients,
    }));
  }

  async servicePatientFlows(question: YearSpendQuestion): Promise<ServicePatientFlow[]> {
    const rows = await this.#workspace.all<{
      resident_icb: string;
      provider_code: string;
      provider_icb: string | null;
      service_code: string;
      patients: number;
      recorded_patients: number;
      activity: number;
      spend_pence: number;
    }>(servicePatientFlowsSql(duckdbDialect, question.vintage, 1), [question.dataset, question.financialYear]);
    return rows.map((r) => ({
      residentIcb: r.resident_icb as IcbCode,
      providerCode: r.provider_code as ProviderCode,
      providerIcb: r.provider_icb as IcbCode | null,
      serviceCode: r.service_code as ServiceCode,
      patients: r.patients,
      recordedPatients: r.recorded_patients,
      activity: r.activity,
      spendPence: r.spend_pence,
    }));
  }

  async serviceCostDistribution(
    dataset: string,
    financialYear: FinancialYear,
    sampleSize: number,
  ): Promise<ServiceCostDistribution[]> {
    const rows = await this.#workspace.all<{
      service_code: string;
      patients: number;
      mean_cost: number;
      cv_cost: number;
      sample: string | null;
    }>(serviceCostDistributionSql(duckdbDialect, 1), [dataset, financialYear, sampleSize]);
    return rows.map((r) => ({
      serviceCode: r.service_code as ServiceCode,
      patients: r.patients,
      meanCost: r.mean_cost,
      cvCost: r.cv_cost,
      sample: r.sample ? r.sample.split(',').map(Number) : [],
    }));
  }

  async activityTotals(dataset: string, vintage: GeographyVintage): Promise<ActivityTotal[]> {
    const d = duckdbDialect;
    return toTotals(
      await this.#workspace.all<TotalRow>(activityTotalsSql(d, activityCellsSql(d, 1), vintage), [dataset]),
    );
  }

  async writeFlows(question: FlowQuestion, workspace: Workspace): Promise<ActivityTotal[]> {
    if (workspace !== this.#workspace) {
      throw new Error('The DuckDB engine writes flows only into the workspace that holds its activity.');
    }
    const d = duckdbDialect;
    await workspace.run(`CREATE OR REPLACE TEMP TABLE ${CELLS_TABLE} AS ${activityCellsSql(d, 1)}`, [question.dataset]);
    try {
      await workspace.run(
        `INSERT INTO flow
         SELECT $1, $2, financial_year, resident_icb, residence_known = 1, provider_code, provider_icb, service_code,
                activity, spend
         FROM (${flowsSql(d, `SELECT * FROM ${CELLS_TABLE}`, question.vintage, 3)}) f`,
        [question.dataset, question.vintage, question.unknownResidenceRule],
      );
      return toTotals(
        await workspace.all<TotalRow>(activityTotalsSql(d, `SELECT * FROM ${CELLS_TABLE}`, question.vintage)),
      );
    } finally {
      await workspace.run(`DROP TABLE IF EXISTS ${CELLS_TABLE}`);
    }
  }
}

function toTotals(rows: TotalRow[]): ActivityTotal[] {
  return rows.map((r) => ({
    financialYear: r.financial_year,
    serviceCode: r.service_code as ServiceCode,
    rows: r.row_count,
    activity: r.activity,
    costPence: r.cost_pence,
    unknownResidenceRows: r.unknown_residence_rows,
    unknownResidenceCostPence: r.unknown_residence_cost_pence,
  }));
}
