// Quality KPIs as a commissioner defines them (name, service, the provider or ICB it is about, unit,
// which way is better, target, escalation rule set) and their monthly values, read from the rows of a file
// as text. The readers are pure: they return the values and every problem, each naming its row and field;
// codes are checked against the workspace by the caller.
import type { Problem } from '../errors.ts';

export type KpiDirection = 'increase' | 'decrease';

export interface KpiDefinition {
  kpiId: string;
  name: string;
  serviceCode: string;
  providerCode: string | null;
  icbCode: string | null;
  unit: string;
  direction: KpiDirection;
  target: number | null;
  escalationRule: string;
}

export interface KpiValue {
  kpiId: string;
  /** The first day of the month, YYYY-MM-01. */
  period: string;
  value: number;
}

/** A file's data rows as text by header name; row i is data row i + 1. */
export type TextRows = readonly Readonly<Record<string, string | null>>[];

export const KPI_DEFINITION_COLUMNS = ['kpi_id', 'name', 'service_code', 'unit', 'direction'] as const;
export const KPI_DEFINITION_OPTIONAL = ['provider_code', 'icb_code', 'target', 'escalation_rule'] as const;
export const KPI_VALUE_COLUMNS = ['kpi_id', 'period', 'value'] as const;
export const DEFAULT_ESCALATION_RULE = 'standard';

const KPI_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const PERIOD = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

interface Collector {
  issues: Problem[];
  problem(row: number, field: string, message: string, received: string | null, accepted: string): void;
}

function collector(file: string): Collector {
  const issues: Problem[] = [];
  return {
    issues,
    problem(row, field, message, received, accepted) {
      issues.push({
        code: 'FP_KPI_REJECTED',
        message,
        where: { file, row, field },
        received: received ?? '(blank)',
        accepted,
      });
    },
  };
}

const text = (value: string | null | undefined): string => (value ?? '').trim();

/** A number as written in a file: digits with an optional sign and decimals; null when blank or not one. */
export function readNumber(value: string | null | undefined): number | null {
  const t = text(value);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** 'YYYY-MM' or 'YYYY-MM-01' as the first of the month; null otherwise. */
export function readPeriod(value: string | null | undefined): string | null {
  const match = PERIOD.exec(text(value));
  if (!match) return null;
  const [, year, month, day] = match;
  if (Number(month) < 1 || Number(month) > 12 || (day !== undefined && day !== '01')) return null;
  return `${year}-${month}-01`;
}

export function readKpiDefinitions(
  rows: TextRows,
  file: string,
  ruleSets: readonly string[],
): { value: KpiDefinition[]; issues: Problem[] } {
  const c = collector(file);
  const seen = new Set<string>();
  const value = rows.flatMap((row, i): KpiDefinition[] => {
    const n = i + 1;
    const before = c.issues.length;
    const kpiId = text(row.kpi_id);
    if (!KPI_ID.test(kpiId))
      c.problem(
        n,
        'kpi_id',
        'A KPI id is 1–64 letters, digits, dots, hyphens or underscores.',
        row.kpi_id ?? null,
        'e.g. RTT-18WK-RJ7',
      );
    else if (seen.has(kpiId)) c.problem(n, 'kpi_id', 'The KPI id appears twice in the file.', kpiId, 'each KPI once');
    seen.add(kpiId);
    for (const field of ['name', 'service_code', 'unit'] as const) {
      if (!text(row[field])) c.problem(n, field, `The ${field.replace('_', ' ')} is blank.`, null, 'some text');
    }
    const providerCode = text(row.provider_code) || null;
    const icbCode = text(row.icb_code) || null;
    if ((providerCode === null) === (icbCode === null)) {
      c.problem(
        n,
        providerCode ? 'icb_code' : 'provider_code',
        'A KPI is about one provider or one ICB: give exactly one of provider_code and icb_code.',
        `${providerCode ?? ''}/${icbCode ?? ''}`,
        'a provider ODS code or an ICB ODS code',
      );
    }
    const direction = text(row.direction).toLowerCase();
    if (direction !== 'increase' && direction !== 'decrease')
      c.problem(
        n,
        'direction',
        'The direction says which way is better.',
        row.direction ?? null,
        'increase or decrease',
      );
    const target = text(row.target) === '' ? null : readNumber(row.target);
    if (text(row.target) !== '' && target === null)
      c.problem(n, 'target', 'The target is not a number.', row.target ?? null, 'a number, or blank for none');
    const escalationRule = text(row.escalation_rule) || DEFAULT_ESCALATION_RULE;
    if (!ruleSets.includes(escalationRule))
      c.problem(
        n,
        'escalation_rule',
        'The escalation rule set is not one in definitions/kpi-escalation.json.',
        escalationRule,
        ruleSets.join(', '),
      );
    if (c.issues.length > before) return [];
    return [
      {
        kpiId,
        name: text(row.name),
        serviceCode: text(row.service_code),
        providerCode: providerCode?.toUpperCase() ?? null,
        icbCode: icbCode?.toUpperCase() ?? null,
        unit: text(row.unit),
        direction: direction as KpiDirection,
        target,
        escalationRule,
      },
    ];
  });
  return { value, issues: c.issues };
}

export function readKpiValues(rows: TextRows, file: string): { value: KpiValue[]; issues: Problem[] } {
  const c = collector(file);
  const seen = new Map<string, number>();
  const value = rows.flatMap((row, i): KpiValue[] => {
    const n = i + 1;
    const before = c.issues.length;
    const kpiId = text(row.kpi_id);
    if (!KPI_ID.test(kpiId))
      c.problem(
        n,
        'kpi_id',
        'A KPI id is 1–64 letters, digits, dots, hyphens or underscores.',
        row.kpi_id ?? null,
        'e.g. RTT-18WK-RJ7',
      );
    const period = readPeriod(row.period);
    if (period === null)
      c.problem(n, 'period', 'The period is not a month.', row.period ?? null, 'YYYY-MM or YYYY-MM-01');
    const value = readNumber(row.value);
    if (value === null) c.problem(n, 'value', 'The value is not a number.', row.value ?? null, 'a number such as 92.5');
    if (period !== null && KPI_ID.test(kpiId)) {
      const key = `${kpiId}|${period}`;
      const first = seen.get(key);
      if (first !== undefined)
        c.problem(
          n,
          'period',
          `The KPI already has a value for this month (row ${first}).`,
          period.slice(0, 7),
          'one value per KPI and month',
        );
      else seen.set(key, n);
    }
    if (c.issues.length > before) return [];
    return [{ kpiId, period: period!, value: value! }];
  });
  return { value, issues: c.issues };
}
