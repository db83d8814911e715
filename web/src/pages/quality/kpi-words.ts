// A KPI's subject and figures in words, for the quality pages.
import type { KpiSummaryRow } from '../../../../src/core/quality/kpi-summary.ts';

/** What a KPI is about: the provider's name, else the ICB's, with the code beside. */
export function kpiSubject(row: Pick<KpiSummaryRow, 'providerCode' | 'providerName' | 'icbCode' | 'icbName'>): string {
  const code = row.providerCode ?? row.icbCode;
  const name = row.providerCode ? row.providerName : row.icbName;
  if (!code) return '';
  return name && name !== code ? `${name} (${code})` : code;
}

/** A figure in the KPI's unit: 1% for a percentage, 12 days for other units (as the escalation reasons say). */
export function inUnit(value: number, unit: string): string {
  if (unit === '%') return `${value}%`;
  return unit ? `${value} ${unit}` : String(value);
}
