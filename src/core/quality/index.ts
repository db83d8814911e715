// The public surface of quality monitoring: KPI definitions and values, their SPC assessment and
// escalation status, the synthetic KPI generator and the derogation register's checks.
export {
  checkDerogation,
  DEROGATION_STATUSES,
  type DerogationInput,
  type DerogationStatus,
  isCalendarDate,
  isOverdue,
} from './derogation.ts';
export { type EscalationRules, parseEscalationRules } from './escalation-rules.ts';
export { assessKpi, type KpiAssessment, NOT_ENOUGH_DATA, UNKNOWN_RULE } from './kpi-assessment.ts';
export {
  DEFAULT_ESCALATION_RULE,
  KPI_DEFINITION_COLUMNS,
  KPI_DEFINITION_OPTIONAL,
  KPI_VALUE_COLUMNS,
  type KpiDefinition,
  type KpiDirection,
  type KpiValue,
  readKpiDefinitions,
  readKpiValues,
  readPeriod,
  type TextRows,
} from './kpi-definition.ts';
export { generateSyntheticKpis, type KpiSubject, monthsEnding } from './synthetic-kpis.ts';
