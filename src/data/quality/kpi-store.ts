// Quality KPIs in the workspace: importing definitions or monthly values from a CSV or XLSX file (all or
// nothing: every row is checked, and one problem stops the whole file), the synthetic KPIs a new workspace
// starts with, and each KPI with its SPC assessment and escalation status.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fail, type Problem } from '../../core/errors.ts';
import {
  assessKpi,
  type EscalationRules,
  generateSyntheticKpis,
  KPI_DEFINITION_COLUMNS,
  KPI_VALUE_COLUMNS,
  type KpiAssessment,
  type KpiDefinition,
  type KpiValue,
  readKpiDefinitions,
  readKpiValues,
} from '../../core/quality/index.ts';
import { type AuditActor, recordAudit } from '../audit/record-audit.ts';
import { appendRows } from '../variation/append-rows.ts';
import type { Workspace } from '../workspace.ts';
import { readEscalationRules } from './escalation-rules-file.ts';
import { readTableFile } from './read-table-file.ts';

export interface KpiImportResult {
  file: string;
  kind: 'definitions' | 'values';
  rows: number;
  importId: number;
}

/** Stops with the first problem, saying how many there are and listing a few more. */
function rejectAll(file: string, issues: Problem[]): never {
  const first = issues[0]!;
  const more = issues.slice(1, 6).map((p) => `row ${p.where?.row} ${p.where?.field}: ${p.message}`);
  fail(
    'FP_KPI_REJECTED',
    `${issues.length} problem${issues.length === 1 ? '' : 's'} in ${basename(file)}, so nothing was stored. The first: ${first.message}`,
    {
      where: first.where,
      received: first.received,
      accepted: first.accepted,
      hint: more.length ? `Also: ${more.join('; ')}${issues.length > 6 ? '; …' : ''}` : undefined,
    },
  );
}

async function knownCodes(ws: Workspace, sql: string): Promise<Set<string>> {
  return new Set((await ws.all<{ code: string }>(sql)).map((r) => r.code));
}

async function checkDefinitionCodes(
  ws: Workspace,
  definitions: KpiDefinition[],
  rowOf: Map<string, number>,
  file: string,
) {
  const services = await knownCodes(ws, 'SELECT DISTINCT service_code AS code FROM service');
  const providers = await knownCodes(ws, 'SELECT provider_code AS code FROM provider');
  const icbs = await knownCodes(ws, "SELECT icb_code AS code FROM icb WHERE vintage = '2026'");
  const issues: Problem[] = [];
  const problem = (d: KpiDefinition, field: string, message: string, received: string) =>
    issues.push({ code: 'FP_KPI_REJECTED', message, where: { file, row: rowOf.get(d.kpiId), field }, received });
  for (const d of definitions) {
    if (!services.has(d.serviceCode))
      problem(d, 'service_code', 'The service line code is not in the services catalogue.', d.serviceCode);
    if (d.providerCode && !providers.has(d.providerCode))
      problem(d, 'provider_code', 'The provider code is not in the reference data.', d.providerCode);
    if (d.icbCode && !icbs.has(d.icbCode)) problem(d, 'icb_code', 'The ICB code is not a 2026 ICB.', d.icbCode);
  }
  return issues;
}

function fileKind(header: string[], file: string): 'definitions' | 'values' {
  const has = (columns: readonly string[]) => columns.every((c) => header.includes(c));
  if (has(KPI_VALUE_COLUMNS)) return 'values';
  if (header.includes('name') || header.includes('direction')) {
    const missing = KPI_DEFINITION_COLUMNS.find((c) => !header.includes(c));
    if (missing) {
      fail('FP_KPI_BAD_FILE', `The KPI definitions file has no ${missing} column.`, {
        where: { file, field: missing },
        received: header.join(', '),
        accepted: `${KPI_DEFINITION_COLUMNS.join(', ')}, and provider_code or icb_code (target, escalation_rule optional)`,
      });
    }
    return 'definitions';
  }
  fail('FP_KPI_BAD_FILE', 'The header is neither a KPI definitions header nor a KPI values header.', {
    where: { file },
    received: header.join(', '),
    accepted: `values: ${KPI_VALUE_COLUMNS.join(', ')}; definitions: ${KPI_DEFINITION_COLUMNS.join(', ')}, provider_code or icb_code, target, escalation_rule`,
  });
}

async function nextImportId(ws: Workspace): Promise<number> {
  const row = await ws.one<{ id: number }>(
    'SELECT CAST(COALESCE(max(import_id), 0) + 1 AS INTEGER) AS id FROM kpi_import',
  );
  return row!.id;
}

// Rows go through a temporary table filled by an appender, then replace any stored rows with the same key
// in one statement: one INSERT per row would take seconds for a year of returns.
async function storeDefinitions(ws: Workspace, definitions: readonly KpiDefinition[], source: string): Promise<void> {
  await ws.run('CREATE OR REPLACE TEMP TABLE kpi_staged AS SELECT * EXCLUDE (updated_at) FROM kpi LIMIT 0');
  await appendRows(
    ws,
    'kpi_staged',
    ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'double', 'text', 'text'],
    definitions.map((d) => [
      d.kpiId,
      d.name,
      d.serviceCode,
      d.providerCode,
      d.icbCode,
      d.unit,
      d.direction,
      d.target,
      d.escalationRule,
      source,
    ]),
    'temp',
  );
  await ws.run('INSERT OR REPLACE INTO kpi SELECT *, now() FROM kpi_staged');
  await ws.run('DROP TABLE kpi_staged');
}

async function storeValues(ws: Workspace, values: readonly KpiValue[], importId: number): Promise<void> {
  await ws.run('CREATE OR REPLACE TEMP TABLE kpi_value_staged (kpi_id VARCHAR, period VARCHAR, value DOUBLE)');
  await appendRows(
    ws,
    'kpi_value_staged',
    ['text', 'text', 'double'],
    values.map((v) => [v.kpiId, v.period, v.value]),
    'temp',
  );
  await ws.run(
    'INSERT OR REPLACE INTO kpi_value SELECT kpi_id, CAST(period AS DATE), value, $1 FROM kpi_value_staged',
    [importId],
  );
  await ws.run('DROP TABLE kpi_value_staged');
}

export async function importKpiFile(ws: Workspace, file: string, actor: AuditActor): Promise<KpiImportResult> {
  const table = await readTableFile(file);
  const kind = fileKind(table.header, file);
  const rules = readEscalationRules();
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  if (kind === 'definitions') {
    const { value, issues } = readKpiDefinitions(table.rows, file, Object.keys(rules.ruleSets));
    const rowOf = new Map(table.rows.map((row, i) => [String(row.kpi_id ?? '').trim(), i + 1]));
    issues.push(...(await checkDefinitionCodes(ws, value, rowOf, file)));
    if (issues.length) rejectAll(file, issues);
    return ws.transaction(async () => {
      const importId = await nextImportId(ws);
      await ws.run('INSERT INTO kpi_import VALUES ($1, $2, $3, $4, $5, $6, now())', [
        importId,
        basename(file),
        kind,
        value.length,
        sha256,
        actor.actor,
      ]);
      await storeDefinitions(ws, value, basename(file));
      await recordAudit(ws, {
        ...actor,
        objectType: 'kpi-import',
        objectId: String(importId),
        action: 'import',
        before: null,
        after: { file: basename(file), kind, rows: value.length, sha256 },
      });
      return { file, kind, rows: value.length, importId };
    });
  }
  const { value, issues } = readKpiValues(table.rows, file);
  const known = await knownCodes(ws, 'SELECT kpi_id AS code FROM kpi');
  value.forEach((v) => {
    if (!known.has(v.kpiId)) {
      const row = table.rows.findIndex((r) => String(r.kpi_id ?? '').trim() === v.kpiId) + 1;
      issues.push({
        code: 'FP_KPI_REJECTED',
        message: 'No KPI has this id; import its definition first.',
        where: { file, row, field: 'kpi_id' },
        received: v.kpiId,
      });
    }
  });
  if (issues.length) rejectAll(file, issues);
  return ws.transaction(async () => {
    const importId = await nextImportId(ws);
    await ws.run('INSERT INTO kpi_import VALUES ($1, $2, $3, $4, $5, $6, now())', [
      importId,
      basename(file),
      kind,
      value.length,
      sha256,
      actor.actor,
    ]);
    await storeValues(ws, value, importId);
    await recordAudit(ws, {
      ...actor,
      objectType: 'kpi-import',
      objectId: String(importId),
      action: 'import',
      before: null,
      after: { file: basename(file), kind, rows: value.length, sha256 },
    });
    return { file, kind, rows: value.length, importId };
  });
}

/** The month the synthetic KPIs end: March 2026, the end of the last financial year the generator makes. */
export const SYNTHETIC_KPI_LAST_MONTH = '2026-03';
export const SYNTHETIC_KPI_SUBJECTS = 8;

/** Adds the synthetic KPIs when the workspace has none: eight NHS trusts (spread through the list by code)
 * each paired with a current service, three KPIs each, 24 months. */
export async function seedSyntheticKpis(ws: Workspace, seed: number): Promise<number> {
  const existing = await ws.one<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM kpi');
  if (existing!.n > 0) return 0;
  const subjects = await ws.all<{ providerCode: string; serviceCode: string }>(
    `WITH p AS (SELECT provider_code, row_number() OVER (ORDER BY provider_code) AS k, count(*) OVER () AS n
                FROM provider WHERE kind = 'nhs-trust' AND host_icb IS NOT NULL),
          s AS (SELECT service_code, row_number() OVER (ORDER BY service_code) AS k, count(*) OVER () AS n
                FROM service WHERE is_current AND highly_specialised IS NOT TRUE
                  AND regexp_full_match(service_code, '[A-Za-z0-9]+'))
     SELECT p.provider_code AS "providerCode", s.service_code AS "serviceCode"
     FROM p JOIN s ON s.k = 1 + (p.k * 7) % s.n
     WHERE (p.k - 1) % GREATEST(1, p.n // $1) = 0
     ORDER BY p.provider_code LIMIT $1`,
    [SYNTHETIC_KPI_SUBJECTS],
  );
  if (subjects.length === 0) return 0;
  const { definitions, values } = generateSyntheticKpis(subjects, { seed, lastMonth: SYNTHETIC_KPI_LAST_MONTH });
  await ws.transaction(async () => {
    const importId = await nextImportId(ws);
    await ws.run("INSERT INTO kpi_import VALUES ($1, $2, 'synthetic', $3, $4, 'system', now())", [
      importId,
      `synthetic seed ${seed}`,
      values.length,
      String(seed),
    ]);
    await storeDefinitions(ws, definitions, 'synthetic');
    await storeValues(ws, values, importId);
  });
  return definitions.length;
}

export interface KpiRow extends KpiDefinition {
  source: string;
  serviceName: string;
  providerName: string | null;
  icbName: string | null;
  assessment: KpiAssessment;
}

/** Every KPI (or one) with its values and assessment. */
export async function readKpis(
  ws: Workspace,
  kpiId?: string,
  rules: EscalationRules = readEscalationRules(),
): Promise<KpiRow[]> {
  const definitions = await ws.all<
    KpiDefinition & { source: string; serviceName: string; providerName: string | null; icbName: string | null }
  >(
    `SELECT k.kpi_id AS "kpiId", k.name, k.service_code AS "serviceCode", coalesce(s.name, k.service_code) AS "serviceName",
            k.provider_code AS "providerCode", p.name AS "providerName", k.icb_code AS "icbCode", i.name AS "icbName",
            k.unit, k.direction, k.target, k.escalation_rule AS "escalationRule", k.source
     FROM kpi k
       LEFT JOIN service s ON s.service_code = k.service_code AND s.is_current
       LEFT JOIN provider p ON p.provider_code = k.provider_code
       LEFT JOIN icb i ON i.icb_code = k.icb_code AND i.vintage = '2026'
     WHERE $1 IS NULL OR k.kpi_id = $1 ORDER BY k.kpi_id`,
    [kpiId ?? null],
  );
  const values = await ws.all<KpiValue>(
    `SELECT kpi_id AS "kpiId", strftime(period, '%Y-%m-%d') AS period, value FROM kpi_value
     WHERE $1 IS NULL OR kpi_id = $1 ORDER BY kpi_id, period`,
    [kpiId ?? null],
  );
  const byKpi = new Map<string, KpiValue[]>();
  for (const v of values) byKpi.set(v.kpiId, [...(byKpi.get(v.kpiId) ?? []), v]);
  return definitions.map((d) => ({ ...d, assessment: assessKpi(d, byKpi.get(d.kpiId) ?? [], rules) }));
}

export async function readKpi(ws: Workspace, kpiId: string): Promise<KpiRow> {
  const [row] = await readKpis(ws, kpiId);
  if (!row)
    fail('FP_KPI_NOT_FOUND', `No KPI has the id ${JSON.stringify(kpiId)}.`, {
      where: { parameter: 'id' },
      received: kpiId,
    });
  return row;
}
