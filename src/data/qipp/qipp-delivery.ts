// QIPP delivery for a stored scenario (docs/methods.md, "QIPP delivery"): monthly actual savings imported
// from CSV per scheme and unit for one plan year (all or nothing; the file is the year to date and replaces
// what was there), read against the plan's savings by scheme and unit, with the forecast, RAG and trend
// worked out in src/core.
import { readFile } from 'node:fs/promises';
import { FootprintError, fail } from '../../core/errors.ts';
import { planFinancialYear } from '../../core/planning/plan-years.ts';
import {
  type DeliveryFigures,
  delivery,
  deliveryRow,
  plannedProfile,
  type QippDeliveryAnswer,
  type QippDeliveryRow,
  sumDeliveries,
} from '../../core/qipp/qipp-delivery.ts';
import { type QippScheme, startMonths } from '../../core/qipp/qipp-scheme.ts';
import { type AuditActor, recordAudit } from '../audit/record-audit.ts';
import { parseCsv } from '../csv/parse-csv.ts';
import { type PlanResult, planSchemeSavings } from '../planning/plan-scenario.ts';
import { FOOTPRINT_PREFIX, resolveScenario } from '../planning/resolve-scenario.ts';
import { getScenario, type StoredScenario } from '../planning/scenario-store.ts';
import { planStoredScenario } from '../planning/stored-plan.ts';
import { covers, findOrganisation } from '../users/organisations.ts';
import type { User } from '../users/user-store.ts';
import type { Workspace } from '../workspace.ts';
import { deriveQippActuals } from './derive-qipp-actuals.ts';

const COLUMNS = ['scheme', 'unit', 'month', 'saving'] as const;
const MONEY = /^-?\d{1,15}(\.\d{1,2})?$/;

const planYearsOf = (s: StoredScenario) =>
  Array.from({ length: s.scenario.years }, (_, i) => planFinancialYear(s.scenario.baseYear, i + 1) as string);

function checkYear(stored: StoredScenario, year: string, parameter: string): void {
  const years = planYearsOf(stored);
  if (!years.includes(year)) {
    fail('FP_QIPP_BAD_YEAR', `${year} is not a plan year of "${stored.name}".`, {
      where: { parameter },
      received: year,
      accepted: years.join(', '),
    });
  }
}

interface ActualRow {
  scheme: string;
  unit: string;
  month: number;
  pence: number;
}

/** Checks the CSV text whole; the first bad row is refused naming its row and field. */
function parseActuals(text: string, file: string, stored: StoredScenario): ActualRow[] {
  const table = parseCsv(text, file);
  const header = table.header.map((h) => h.trim().toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  const missing = COLUMNS.find((c) => index[c] < 0);
  if (missing) {
    fail('FP_QIPP_ACTUALS_BAD_FILE', `${file} has no ${missing} column.`, {
      where: { file, field: missing },
      received: table.header.join(', '),
      accepted: COLUMNS.join(', '),
    });
  }
  const schemes = new Set(stored.scenario.qipp.map((q) => q.name));
  const units = new Set(stored.scenario.units);
  const seen = new Set<string>();
  return table.rows.map((cells, i) => {
    const row = i + 1;
    const bad = (field: string, received: string, accepted: string, message: string): never =>
      fail('FP_QIPP_ACTUALS_BAD_ROW', message, { where: { file, row, field }, received, accepted });
    const value = (c: (typeof COLUMNS)[number]) => (cells[index[c]] ?? '').trim();
    const scheme = value('scheme');
    if (!schemes.has(scheme))
      bad('scheme', scheme, [...schemes].join(', '), `${scheme} is not a scheme of the scenario.`);
    const unit = value('unit');
    if (!units.has(unit)) bad('unit', unit, [...units].join(', '), `${unit} is not a unit of the scenario.`);
    const month = Number(value('month'));
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      bad('month', value('month'), 'a whole number from 1 (April) to 12 (March)', 'The month is not 1–12.');
    }
    const saving = value('saving').replace(/^£/, '').replaceAll(',', '');
    if (!MONEY.test(saving))
      bad('saving', value('saving'), 'pounds to the penny, e.g. 12500.50', 'The saving is not money.');
    const key = `${scheme}|${unit}|${month}`;
    if (seen.has(key)) bad('month', String(month), 'each scheme, unit and month once', 'This month is given twice.');
    seen.add(key);
    const [whole, part = ''] = saving.replace('-', '').split('.');
    const pence = (Number(whole) * 100 + Number(part.padEnd(2, '0'))) * (saving.startsWith('-') ? -1 : 1);
    return { scheme, unit, month, pence };
  });
}

/** Imports a year's actuals for the stored scenario from a CSV file, replacing that year's; returns the rows
 * stored. */
export async function importQippActuals(
  ws: Workspace,
  scenarioName: string,
  year: string,
  file: string,
  by: AuditActor,
): Promise<number> {
  const stored = await getScenario(ws, scenarioName);
  checkYear(stored, year, '--year');
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) =>
    fail('FP_QIPP_ACTUALS_BAD_FILE', `${file} cannot be read.`, {
      where: { file },
      received: error.code ?? 'unreadable',
    }),
  );
  return storeActuals(ws, stored, year, parseActuals(text, file, stored), by, file);
}

/** The web app's import: CSV text sent by an editor of an organisation covering the scenario's owner. */
export async function importQippActualsText(
  ws: Workspace,
  user: User,
  scenarioName: string,
  year: string,
  text: string,
): Promise<number> {
  const stored = await getScenario(ws, scenarioName);
  if (!covers(user.organisation, (await findOrganisation(ws, stored.owner)) ?? null)) {
    fail('FP_AUTH_FORBIDDEN', `${user.organisation.name} cannot change the scenario "${stored.name}".`, {
      where: { parameter: 'name' },
      received: user.organisation.code,
      accepted: `${stored.owner}, its region or national`,
    });
  }
  checkYear(stored, year, 'body.year');
  const by = { actor: user.email, organisation: user.organisation.code };
  return storeActuals(ws, stored, year, parseUploaded(text, stored), by, 'uploaded CSV');
}

/** An HTTP answer names only a parameter, so a bad row's place goes into the message: "Row 3, month: …". */
function parseUploaded(text: string, stored: StoredScenario): ActualRow[] {
  try {
    return parseActuals(text, 'the CSV', stored);
  } catch (error) {
    if (!(error instanceof FootprintError)) throw error;
    const { row, field } = error.problem.where ?? {};
    const at = [row === undefined ? '' : `Row ${row}`, field ?? ''].filter(Boolean).join(', ');
    throw new FootprintError({
      ...error.problem,
      message: at ? `${at}: ${error.problem.message}` : error.problem.message,
      where: { ...error.problem.where, parameter: 'body.csv' },
    });
  }
}

async function storeActuals(
  ws: Workspace,
  stored: StoredScenario,
  year: string,
  rows: readonly ActualRow[],
  by: AuditActor,
  file: string,
): Promise<number> {
  await ws.transaction(async () => {
    await ws.run('DELETE FROM qipp_actual WHERE scenario_name = $1 AND financial_year = $2', [stored.name, year]);
    for (const r of rows) {
      await ws.run(`INSERT INTO qipp_actual VALUES ($1, $2, $3, $4, $5, CAST($6 AS DECIMAL(18, 2)), now(), $7)`, [
        stored.name,
        year,
        r.scheme,
        r.unit,
        r.month,
        (r.pence / 100).toFixed(2),
        by.actor,
      ]);
    }
    await recordAudit(ws, {
      ...by,
      objectType: 'qipp-actuals',
      objectId: `${stored.name} ${year}`,
      action: 'import',
      before: null,
      after: { file, rows: rows.length },
    });
  });
  return rows.length;
}

export interface QippDeliveryOptions {
  /** Derive the actuals from this later activity dataset instead of the imported figures. */
  actualsFromDataset?: string;
}

/** Planned against actual and forecast for one plan year: per scheme and unit, per unit, and in total. */
export async function readQippDelivery(
  ws: Workspace,
  scenarioName: string,
  year?: string,
  options: QippDeliveryOptions = {},
): Promise<QippDeliveryAnswer> {
  const stored = await getScenario(ws, scenarioName);
  const years = planYearsOf(stored);
  const withActuals = await ws.all<{ year: string }>(
    'SELECT DISTINCT financial_year AS year FROM qipp_actual WHERE scenario_name = $1 ORDER BY 1',
    [stored.name],
  );
  const chosen = year ?? withActuals.at(-1)?.year ?? years[0]!;
  checkYear(stored, chosen, 'year');
  const { result } = await planStoredScenario(ws, stored.name);
  const plannedPence = new Map<string, number>();
  for (const s of planSchemeSavings(result)) {
    if (s.financialYear !== chosen) continue;
    const key = `${s.scheme}\u0000${s.unit}`;
    plannedPence.set(key, (plannedPence.get(key) ?? 0) + s.saving * 100);
  }
  const actualPence = options.actualsFromDataset
    ? await derivedActuals(ws, stored, result, chosen, options.actualsFromDataset)
    : await importedActuals(ws, stored.name, chosen);
  const planYear = years.indexOf(chosen) + 1;
  const icbNames = new Map(
    (await ws.all<{ code: string; name: string }>("SELECT icb_code AS code, name FROM icb WHERE vintage = '2026'")).map(
      (r) => [r.code, r.name],
    ),
  );
  const unitName = (unit: string) =>
    unit.startsWith(FOOTPRINT_PREFIX) ? unit.slice(FOOTPRINT_PREFIX.length) : (icbNames.get(unit) ?? unit);
  const rows: QippDeliveryRow[] = [];
  const all: { figures: DeliveryFigures; delivery: ReturnType<typeof delivery> }[] = [];
  for (const unit of stored.scenario.units) {
    const parts: typeof all = [];
    for (const q of stored.scenario.qipp) {
      const scheme = q.name;
      const planned = Math.round(plannedPence.get(`${scheme}\u0000${unit}`) ?? 0);
      const figures: DeliveryFigures = {
        plannedPence: planned,
        actualPence: actualPence.get(`${scheme}\u0000${unit}`) ?? new Map(),
        profilePence: plannedProfile(planned, q.rates, startMonths(q as QippScheme, years.length), planYear),
      };
      const d = delivery(figures);
      parts.push({ figures, delivery: d });
      rows.push(deliveryRow(d, { level: 'scheme', unit, unitName: unitName(unit), scheme, financialYear: chosen }));
    }
    rows.push(
      deliveryRow(sumDeliveries(parts), {
        level: 'unit',
        unit,
        unitName: unitName(unit),
        scheme: null,
        financialYear: chosen,
      }),
    );
    all.push(...parts);
  }
  rows.push(
    deliveryRow(sumDeliveries(all), {
      level: 'total',
      unit: null,
      unitName: null,
      scheme: null,
      financialYear: chosen,
    }),
  );
  return {
    scenario: stored.name,
    financialYear: chosen,
    years,
    actualsFrom: options.actualsFromDataset
      ? { kind: 'dataset', dataset: options.actualsFromDataset }
      : { kind: 'import', dataset: null },
    rows,
  };
}

async function importedActuals(
  ws: Workspace,
  scenario: string,
  year: string,
): Promise<Map<string, Map<number, number>>> {
  const rows = await ws.all<{ scheme: string; unit: string; month: number; pence: number }>(
    `SELECT scheme, unit, CAST(month AS INTEGER) AS month, CAST(round(saving * 100) AS DOUBLE) AS pence FROM qipp_actual
     WHERE scenario_name = $1 AND financial_year = $2`,
    [scenario, year],
  );
  const byKey = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const key = `${r.scheme}\u0000${r.unit}`;
    byKey.set(key, (byKey.get(key) ?? new Map()).set(r.month, r.pence));
  }
  return byKey;
}

/** Each unit's do-nothing growth from the base year to `year` from the plan rows, and its ICBs. */
async function derivedActuals(
  ws: Workspace,
  stored: StoredScenario,
  result: PlanResult,
  year: string,
  dataset: string,
): Promise<Map<string, Map<number, number>>> {
  const { units } = await resolveScenario(ws, stored.scenario);
  const first = planYearsOf(stored)[0];
  const growthOf = (unit: string) => {
    const base = result.rows.find((r) => r.unit === unit && r.financialYear === first)?.previousDoNothing ?? 0;
    const then = result.rows.find((r) => r.unit === unit && r.financialYear === year)?.doNothing ?? 0;
    return base > 0 ? then / base : 1;
  };
  return deriveQippActuals(ws, {
    planDataset: result.provenance.dataset,
    baseYear: stored.scenario.baseYear,
    dataset,
    year,
    schemes: stored.scenario.qipp as QippScheme[],
    units: units.map((u) => ({ unit: u.unit, icbs: u.icbs, growth: growthOf(u.unit) })),
  });
}
