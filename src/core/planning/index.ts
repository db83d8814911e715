// Financial plans (C7): allocation, gap and control totals, a unit's plan and a footprint's, scenarios.
export { allocationEnvelopePence, allocationPath } from './allocation.ts';
export { type Gap, gap } from './gap.ts';
export { footprintPlan, type PlanYear, type UnitPlan, type UnitPlanInput, unitPlan } from './plan-unit.ts';
export { MAX_HORIZON, planFinancialYear } from './plan-years.ts';
export {
  type ParsedScenario,
  parseScenario,
  SCENARIO_VERSION,
  type Scenario,
  scenarioSchema,
} from './scenario-schema.ts';
