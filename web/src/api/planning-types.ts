// Financial planning as the API returns it (routes/planning.ts and routes/planning-editor.ts). Money is
// in pounds; rates, shares and distances from target are fractions. The scenario itself is the core's type.
import type { Scenario } from '../../../src/core/plan/scenario-schema.ts';

export type { Scenario };

export interface ScenarioSummary {
  name: string;
  /** The owning organisation's code (ICB, region or 'national'). */
  owner: string;
  revision: number;
  baseYear: string;
  years: number;
  units: string[];
  schemes: number;
  updatedAt: string;
  updatedBy: string;
  /** Whether the signed-in person may replace or remove it. */
  canEdit: boolean;
}

export interface StoredScenario extends ScenarioSummary {
  createdAt: string;
  createdBy: string;
  scenario: Scenario;
}

export interface ScenarioList {
  rows: ScenarioSummary[];
}

export interface PlanRow {
  unit: string;
  financialYear: string;
  previousDoNothing: number;
  demographicGrowth: number;
  nonDemographicGrowth: number;
  inflation: number;
  doNothing: number;
  qippSaving: number;
  transactionalSaving: number;
  transformationalSaving: number;
  planSpend: number;
  allocation: number;
  gap: number;
  controlTotal: number | null;
  distanceToControlTotal: number | null;
  distanceFromTarget: number | null;
}

export interface SchemeSaving {
  unit: string;
  scheme: string;
  type: string;
  financialYear: string;
  provider: string;
  service: string;
  saving: number;
}

export interface ConvergenceRow {
  financialYear: string;
  icb: string;
  targetShare: number;
  previousAllocation: number;
  targetAllocation: number;
  floor: number;
  cap: number;
  allocation: number;
  distanceFromTargetBefore: number | null;
  distanceFromTargetAfter: number | null;
  capExceeded: boolean;
}

export interface RiskShareMember {
  icb: string;
  allocation: number;
  outturn: number;
  variance: number;
  ownVariance: number;
  basisShare: number;
  poolShare: number;
  position: number;
  capped: boolean;
}

export interface RiskShareResult {
  footprint: string;
  financialYear: string;
  type: string;
  basis: string;
  totalVariance: number;
  pool: number;
  members: RiskShareMember[];
}

export interface PlanProvenance {
  scenario: string;
  scenarioRevision: number | null;
  dataset: string;
  vintage: string;
  unknownResidenceRule: string;
  runAt: string;
  baseYear: string;
  needsIndexYear: string | null;
  derivation: string;
}

export interface Plan {
  scenario: string;
  baseYear: string;
  years: number;
  units: string[];
  provenance: PlanProvenance;
  rows: PlanRow[];
  schemes: SchemeSaving[];
  convergence: ConvergenceRow[] | null;
  riskShare: RiskShareResult | null;
  warnings: { code: string; message: string }[];
}

export interface ScenarioTemplates {
  rows: { id: string; scenario: Scenario }[];
}

export interface CodeAndName {
  code: string;
  name: string;
}

/** What a scenario may name: base years with activity, units, scope codes. */
export interface PlanningChoices {
  baseYears: string[];
  icbs: CodeAndName[];
  footprints: { name: string; members: string[] }[];
  providers: CodeAndName[];
  services: CodeAndName[];
  pods: string[];
}

export interface ScenarioProblem {
  code: string;
  message: string;
  where: { field?: string; parameter?: string };
  received?: string;
  accepted?: string;
}
