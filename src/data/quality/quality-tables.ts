// KPIs and derogations as export tables, shared by the command line and the API's downloads.
import type { KpiSummaryRow } from '../../core/quality/kpi-summary.ts';
import type { Table, TableRow } from '../export/table.ts';
import type { Derogation } from './derogations.ts';
import type { KpiRow } from './kpi-store.ts';

/** One flat row per KPI: its definition, latest value, SPC icons and escalation status. */
export function kpiSummary(kpi: KpiRow): KpiSummaryRow {
  const a = kpi.assessment;
  return {
    kpiId: kpi.kpiId,
    name: kpi.name,
    serviceCode: kpi.serviceCode,
    serviceName: kpi.serviceName,
    providerCode: kpi.providerCode,
    providerName: kpi.providerName,
    icbCode: kpi.icbCode,
    icbName: kpi.icbName,
    unit: kpi.unit,
    direction: kpi.direction,
    target: kpi.target,
    escalationRule: kpi.escalationRule,
    source: kpi.source,
    points: a.points,
    lastPeriod: a.lastPeriod,
    lastValue: a.lastValue,
    variationType: a.variationType,
    assuranceType: a.assuranceType,
    status: a.status,
    reasons: a.reasons.join('; '),
  };
}

export function kpiTable(kpis: readonly KpiRow[]): Table {
  return {
    name: 'Quality KPIs',
    columns: [
      { key: 'kpiId', header: 'KPI', kind: 'text' },
      { key: 'name', header: 'Name', kind: 'text' },
      { key: 'serviceName', header: 'Service', kind: 'text' },
      { key: 'serviceCode', header: 'Service code', kind: 'text' },
      { key: 'providerName', header: 'Provider', kind: 'text' },
      { key: 'providerCode', header: 'Provider code', kind: 'text' },
      { key: 'icbName', header: 'ICB', kind: 'text' },
      { key: 'icbCode', header: 'ICB code', kind: 'text' },
      { key: 'unit', header: 'Unit', kind: 'text' },
      { key: 'direction', header: 'Better when', kind: 'text' },
      { key: 'target', header: 'Target', kind: 'number' },
      { key: 'lastPeriod', header: 'Latest month', kind: 'text' },
      { key: 'lastValue', header: 'Latest value', kind: 'number' },
      { key: 'variationType', header: 'Variation', kind: 'text' },
      { key: 'assuranceType', header: 'Assurance', kind: 'text' },
      { key: 'status', header: 'Escalation status', kind: 'text' },
      { key: 'reasons', header: 'Why', kind: 'text' },
    ],
    rows: kpis.map(kpiSummary) as unknown as TableRow[],
  };
}

export function derogationTable(rows: readonly Derogation[]): Table {
  return {
    name: 'Derogations',
    columns: [
      { key: 'id', header: 'Id', kind: 'number' },
      { key: 'providerCode', header: 'Provider', kind: 'text' },
      { key: 'providerName', header: 'Provider name', kind: 'text' },
      { key: 'serviceCode', header: 'Service', kind: 'text' },
      { key: 'serviceName', header: 'Service name', kind: 'text' },
      { key: 'clause', header: 'Specification clause not met', kind: 'text' },
      { key: 'agreedDate', header: 'Agreed date to comply', kind: 'text' },
      { key: 'status', header: 'Status', kind: 'text' },
      { key: 'overdue', header: 'Overdue', kind: 'text' },
      { key: 'ownerOrganisation', header: 'Recorded by organisation', kind: 'text' },
    ],
    rows: rows as unknown as TableRow[],
  };
}
