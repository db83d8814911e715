// Financial planning's answers (GET /api/planning/...): stored scenarios, a plan with its savings,
// convergence and risk share, and what the scenario editor offers. Money in pounds; rates, shares and
// distances from target are fractions. The scenario itself is scenario-schema.ts's.
import { z } from 'zod';
import type { TableColumn } from '../export-columns.ts';
import { financialYearText } from '../units.ts';
import type { Scenario } from './scenario-schema.ts';

export const scenarioSummary = z.object({
  name: z.string(),
  /** The owning organisation's code (ICB, region or 'national'). */
  owner: z.string(),
  revision: z.number(),
  baseYear: z.string(),
  years: z.number(),
  units: z.array(z.string()),
  schemes: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  canEdit: z.boolean().describe('Whether you may replace or remove it.'),
});
export type ScenarioSummary = z.infer<typeof scenarioSummary>;

export const scenarioList = z.object({ rows: z.array(scenarioSummary) });
export type ScenarioList = z.infer<typeof scenarioList>;

const scenarioJson = z.record(z.string(), z.unknown()).describe('The scenario as in docs/scenario.md.');

export const storedScenarioAnswer = scenarioSummary.extend({
  createdAt: z.string(),
  createdBy: z.string(),
  scenario: scenarioJson,
});
/** The scenario was checked against scenario-schema.ts when it was saved. */
export type StoredScenarioAnswer = Omit<z.infer<typeof storedScenarioAnswer>, 'scenario'> & { scenario: Scenario };

const money = z.number();
export const planRow = z.object({
  unit: z.string(),
  financialYear: z.string(),
  previousDoNothing: money,
  demographicGrowth: money,
  nonDemographicGrowth: money,
  inflation: money,
  doNothing: money,
  qippSaving: money,
  transactionalSaving: money,
  transformationalSaving: money,
  planSpend: money,
  allocation: money,
  gap: money,
  controlTotal: money.nullable(),
  distanceToControlTotal: money.nullable(),
  distanceFromTarget: z.number().nullable(),
});
export type PlanJsonRow = z.infer<typeof planRow>;

export const PLAN_ROW_COLUMNS: TableColumn[] = [
  { key: 'unit', header: 'Unit', kind: 'text' },
  { key: 'financialYear', header: 'Year', kind: 'text' },
  { key: 'previousDoNothing', header: 'Previous do-nothing (£)', kind: 'money' },
  { key: 'demographicGrowth', header: 'Demographic growth (£)', kind: 'money' },
  { key: 'nonDemographicGrowth', header: 'Non-demographic growth (£)', kind: 'money' },
  { key: 'inflation', header: 'Inflation (£)', kind: 'money' },
  { key: 'doNothing', header: 'Do-nothing spend (£)', kind: 'money' },
  { key: 'qippSaving', header: 'QIPP saving (£)', kind: 'money' },
  { key: 'transactionalSaving', header: 'Transactional QIPP (£)', kind: 'money' },
  { key: 'transformationalSaving', header: 'Transformational QIPP (£)', kind: 'money' },
  { key: 'planSpend', header: 'Plan spend (£)', kind: 'money' },
  { key: 'allocation', header: 'Allocation (£)', kind: 'money' },
  { key: 'gap', header: 'Gap: allocation − plan (£)', kind: 'money' },
  { key: 'controlTotal', header: 'Control total (£)', kind: 'money' },
  { key: 'distanceToControlTotal', header: 'Distance to control total (£)', kind: 'money' },
  { key: 'distanceFromTarget', header: 'Distance from target', kind: 'share' },
];

export const schemeSavingRow = z.object({
  unit: z.string(),
  scheme: z.string(),
  type: z.string(),
  financialYear: z.string(),
  provider: z.string(),
  service: z.string(),
  saving: money,
});
export type SchemeSavingRow = z.infer<typeof schemeSavingRow>;

export const convergenceRow = z.object({
  financialYear: z.string(),
  icb: z.string(),
  targetShare: z.number(),
  previousAllocation: money,
  targetAllocation: money,
  floor: money,
  cap: money,
  allocation: money,
  distanceFromTargetBefore: z.number().nullable(),
  distanceFromTargetAfter: z.number().nullable(),
  capExceeded: z.boolean(),
});
export type ConvergenceRowAnswer = z.infer<typeof convergenceRow>;

export const riskShareMemberRow = z.object({
  icb: z.string(),
  allocation: money,
  outturn: money,
  variance: money,
  ownVariance: money,
  basisShare: z.number(),
  poolShare: money,
  position: money,
  capped: z.boolean(),
});

export const riskShareResult = z.object({
  footprint: z.string(),
  financialYear: z.string(),
  type: z.string(),
  basis: z.string(),
  totalVariance: money,
  pool: money,
  members: z.array(riskShareMemberRow),
});
export type RiskShareResultAnswer = z.infer<typeof riskShareResult>;

export const planProvenance = z.object({
  scenario: z.string(),
  scenarioRevision: z.number().nullable(),
  dataset: z.string(),
  vintage: z.string(),
  unknownResidenceRule: z.string(),
  runAt: z.string(),
  baseYear: z.string(),
  needsIndexYear: z.string().nullable(),
  derivation: z.string(),
});

export const planAnswer = z.object({
  scenario: z.string(),
  baseYear: z.string(),
  years: z.number(),
  units: z.array(z.string()),
  provenance: planProvenance,
  rows: z.array(planRow),
  schemes: z.array(schemeSavingRow),
  convergence: z.array(convergenceRow).nullable(),
  riskShare: riskShareResult.nullable(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() }).passthrough()),
});
export type Plan = z.infer<typeof planAnswer>;

export const scenarioTemplates = z.object({ rows: z.array(z.object({ id: z.string(), scenario: scenarioJson })) });
export type ScenarioTemplates = { rows: { id: string; scenario: Scenario }[] };

const codeAndName = z.object({ code: z.string(), name: z.string() });
export type CodeAndName = z.infer<typeof codeAndName>;

/** What a scenario may name: base years with activity, units, scope codes. */
export const planningChoices = z.object({
  baseYears: z.array(financialYearText()),
  icbs: z.array(codeAndName),
  footprints: z.array(z.object({ name: z.string(), members: z.array(z.string()) })),
  providers: z.array(codeAndName),
  services: z.array(codeAndName),
  pods: z.array(z.string()),
});
export type PlanningChoices = z.infer<typeof planningChoices>;

export const scenarioProblem = z.object({
  code: z.string(),
  message: z.string(),
  where: z.object({ field: z.string().optional(), parameter: z.string().optional() }),
  received: z.string().optional(),
  accepted: z.string().optional(),
});
export type ScenarioProblem = z.infer<typeof scenarioProblem>;
