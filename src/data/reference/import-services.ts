// The specialised services catalogue in the workspace. Each load or import is a catalogue version:
// its rows become current, rows it replaces keep their history (is_current false), and services it
// does not mention stay current ("replaces or extends").
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { FootprintError, fail, type Problem } from '../../core/errors.ts';
import { parseAreaDelegationColumns } from '../../core/services/delegation-area-columns.ts';
import { type CatalogueService, parseServicesTable, type ServicesTable } from '../../core/services/services-table.ts';
import { insertRows } from '../insert-rows.ts';
import type { Workspace } from '../workspace.ts';
import { delegationAreas, storeAreaDelegation } from './delegation-reference.ts';

export const SHIPPED_CATALOGUE_SOURCE = 'shipped-partial-catalogue';
export const SHIPPED_CATALOGUE_VERSION = 1;

/** Reads a services table (CSV, or the first sheet of an XLSX workbook) in the official NHS England
 * layout or the shipped one, reporting every problem at once. */
export async function readServicesFile(ws: Workspace, path: string): Promise<ServicesTable> {
  return parsedOrThrow(path, await readServicesCells(ws, path));
}

function parsedOrThrow(path: string, cells: { header: string[]; rows: string[][] }): ServicesTable {
  const { value, issues } = parseServicesTable(path, cells.header, cells.rows);
  throwFirst(issues);
  return value!;
}

function throwFirst(issues: readonly Problem[]): void {
  if (issues.length === 0) return;
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : '';
  throw new FootprintError({ ...first, message: `${first.message}${more}` });
}

async function readServicesCells(ws: Workspace, path: string): Promise<{ header: string[]; rows: string[][] }> {
  if (!existsSync(path)) {
    fail('FP_SERVICES_BAD_FILE', 'The services file does not exist.', { where: { file: path } });
  }
  const isXlsx = /\.xlsx$/i.test(path);
  if (!isXlsx && !/\.csv$/i.test(path)) {
    fail('FP_SERVICES_BAD_FILE', 'A services file must be CSV or XLSX.', {
      where: { file: path },
      received: basename(path),
      accepted: '.csv or .xlsx',
    });
  }
  try {
    return isXlsx ? await readFirstSheet(path) : await readCsvCells(ws, path);
  } catch (error) {
    fail('FP_SERVICES_BAD_FILE', `The services file cannot be read as ${isXlsx ? 'XLSX' : 'CSV'}.`, {
      where: { file: path },
      received: error instanceof Error ? error.message.split('\n')[0] : String(error),
    });
  }
}

async function readCsvCells(ws: Workspace, path: string): Promise<{ header: string[]; rows: string[][] }> {
  const reader = await ws.connection.runAndReadAll(
    `SELECT * FROM read_csv('${path.replaceAll("'", "''")}', header = true, all_varchar = true, sample_size = -1)`,
  );
  return {
    header: reader.columnNames(),
    rows: reader.getRows().map((r) => r.map((v) => (v === null ? '' : String(v)))),
  };
}

/** The first worksheet as text, as Excel shows it; the first row is the header. */
async function readFirstSheet(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const width = sheet.columnCount;
  const textOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => row.getCell(i + 1).text.trim());
  const header = textOf(sheet.getRow(1));
  const rows: string[][] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) rows.push(textOf(sheet.getRow(r)));
  return { header, rows };
}

/** Writes one catalogue version; services in it supersede the current rows with the same code. */
export async function storeCatalogueVersion(
  ws: Workspace,
  version: number,
  source: string,
  file: string | null,
  services: readonly CatalogueService[],
): Promise<void> {
  await ws.run('INSERT INTO catalogue_version VALUES ($1, $2, $3, now(), $4)', [
    version,
    source,
    file,
    services.length,
  ]);
  await insertRows(
    ws,
    'service',
    [
      'service_code',
      'catalogue_version',
      'name',
      'programme_of_care',
      'crg_code',
      'crg_name',
      'highly_specialised',
      'source',
      'source_url',
      'is_current',
    ],
    services.map((s) => [
      s.serviceCode,
      version,
      s.name,
      s.programmeOfCare,
      s.crgCode,
      s.crgName,
      s.highlySpecialised,
      source,
      s.sourceUrl,
      true,
    ]),
  );
  const delegation = services.flatMap((s) =>
    s.delegation.map((d) => [s.serviceCode, version, d.financialYear, d.delegated] as const),
  );
  await insertRows(
    ws,
    'service_delegation',
    ['service_code', 'catalogue_version', 'financial_year', 'delegated'],
    delegation,
  );
  await markSuperseded(ws);
  await rebuildServiceLines(ws, version, services);
}

/** The service lines of the current catalogue: a version's lines replace those of the services it holds;
 * lines of services it does not mention stay. */
async function rebuildServiceLines(ws: Workspace, version: number, services: readonly CatalogueService[]) {
  const codes = services.map((s) => s.serviceCode);
  const lines = services.flatMap((s) => s.serviceLines.map((line) => [line, s.serviceCode, version] as const));
  const list = (values: readonly string[]) => values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ') || 'NULL';
  await ws.run(
    `DELETE FROM service_line WHERE service_code IN (${list(codes)}) OR service_line IN (${list(lines.map((l) => l[0]))})`,
  );
  await insertRows(ws, 'service_line', ['service_line', 'service_code', 'catalogue_version'], lines);
}

/** A row is current when no later version holds the same service code. */
async function markSuperseded(ws: Workspace): Promise<void> {
  await ws.run(`
    UPDATE service SET is_current = NOT EXISTS (
      SELECT 1 FROM service later
      WHERE later.service_code = service.service_code AND later.catalogue_version > service.catalogue_version
    )`);
}

/** Replaces the shipped catalogue (version 1) in place, keeping any later imported versions. */
export async function replaceShippedCatalogue(ws: Workspace, file: string, services: readonly CatalogueService[]) {
  await ws.run('DELETE FROM service_line WHERE catalogue_version = $1', [SHIPPED_CATALOGUE_VERSION]);
  await ws.run('DELETE FROM service_delegation WHERE catalogue_version = $1', [SHIPPED_CATALOGUE_VERSION]);
  await ws.run('DELETE FROM service WHERE catalogue_version = $1', [SHIPPED_CATALOGUE_VERSION]);
  await ws.run('DELETE FROM catalogue_version WHERE catalogue_version = $1', [SHIPPED_CATALOGUE_VERSION]);
  await storeCatalogueVersion(ws, SHIPPED_CATALOGUE_VERSION, SHIPPED_CATALOGUE_SOURCE, file, services);
}

export interface ServicesImportSummary {
  catalogueVersion: number;
  layout: ServicesTable['layout'];
  services: number;
  replaced: number;
  added: number;
  currentServices: number;
  /** Service × area × year statuses read from per-ICB or per-region columns. */
  areaStatuses: number;
}

/** `footprint services import FILE`: all or nothing. */
export async function importServices(ws: Workspace, file: string): Promise<ServicesImportSummary> {
  const path = resolve(file);
  const cells = await readServicesCells(ws, path);
  const table = parsedOrThrow(path, cells);
  // NHS England's delegation-status table has a column per ICB or region: kept per area, not flattened.
  const areas = parseAreaDelegationColumns(path, cells.header, cells.rows, await delegationAreas(ws));
  throwFirst(areas.issues);
  return ws.transaction(async () => {
    const latest = await ws.one<{ v: number | null }>(
      'SELECT CAST(max(catalogue_version) AS INTEGER) AS v FROM catalogue_version',
    );
    const version = Math.max(latest?.v ?? 0, SHIPPED_CATALOGUE_VERSION) + 1;
    const current = new Set(
      (await ws.all<{ code: string }>('SELECT service_code AS code FROM service WHERE is_current')).map((r) => r.code),
    );
    const replaced = table.services.filter((s) => current.has(s.serviceCode)).length;
    await storeCatalogueVersion(ws, version, `import:${table.layout}`, path, table.services);
    await storeAreaDelegation(ws, version, areas.value);
    const counted = await ws.one<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM service WHERE is_current');
    return {
      catalogueVersion: version,
      layout: table.layout,
      services: table.services.length,
      replaced,
      added: table.services.length - replaced,
      currentServices: counted?.n ?? 0,
      areaStatuses: areas.value.length,
    };
  });
}

/** True when any current service still comes from the shipped partial catalogue. */
export async function catalogueIsShippedPartial(ws: Workspace): Promise<boolean> {
  const row = await ws.one<{ n: number }>(
    'SELECT CAST(count(*) AS INTEGER) AS n FROM service WHERE is_current AND source = $1',
    [SHIPPED_CATALOGUE_SOURCE],
  );
  return (row?.n ?? 0) > 0;
}
