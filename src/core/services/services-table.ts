// Reads a specialised services catalogue table: NHS England's official reference table of services and
// their ICB delegation status, or the layout of the shipped partial catalogue. Blank flags stay unknown
// (null), never "no". Returns every problem found rather than stopping at the first.
import type { Problem } from '../errors.ts';

export type ServicesLayout = 'nhs-england-official' | 'shipped';

export interface ServiceDelegation {
  financialYear: string;
  /** null = not known. */
  delegated: boolean | null;
}

export interface CatalogueService {
  serviceCode: string;
  name: string;
  programmeOfCare: string | null;
  crgCode: string | null;
  crgName: string | null;
  /** null = not known. */
  highlySpecialised: boolean | null;
  sourceUrl: string | null;
  delegation: ServiceDelegation[];
  /** PSS identification-rules service lines that belong to this service: a full line (`NCBPS22S`) or a
   * whole service-line group (`NCBPS13`, every line NCBPS13A…Z). Empty when none is known. */
  serviceLines: string[];
}

export interface ServicesTable {
  layout: ServicesLayout;
  services: CatalogueService[];
}

/** Shown wherever the shipped catalogue's gaps matter (CLI and app). */
export const SHIPPED_CATALOGUE_WARNING =
  '75 of about 154 service lines; most highly-specialised and delegation flags unknown';

const OFFICIAL_NPOC_COLUMN = 'national_programme_of_care_(npoc)_category_and_clinical_reference_group_(crg)';
const OFFICIAL_DELEGATION_COLUMN = /^(\d{4}\/\d{2})_icb_delegation_status$/;
const SHIPPED_DELEGATION_COLUMNS: Record<string, string> = { delegated_2023: '2023/24', delegated_2025: '2025/26' };
// A CRG code as NHS England writes it: programme letter and two digits, e.g. A05, E08.
const CRG_CODE = /\b([A-F]\d{2})\b/;

const YES = new Set(['Y', 'YES', 'TRUE', '1']);
const NO = new Set(['N', 'NO', 'FALSE', '0']);
const UNKNOWN = new Set(['', 'UNKNOWN', 'NOT KNOWN', 'TBC']);

function parseFlag(text: string): boolean | null | undefined {
  const t = text.trim().toUpperCase();
  if (UNKNOWN.has(t)) return null;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

function parseDelegationStatus(text: string): boolean | null | undefined {
  const flag = parseFlag(text);
  if (flag !== undefined) return flag;
  const t = text.trim().toUpperCase();
  if (/^(NOT DELEGATED|NON-DELEGATED|RETAINED|NOT FOR DELEGATION)\b/.test(t)) return false;
  if (/^DELEGATED\b/.test(t)) return true;
  return undefined;
}

/** A key of the shipped catalogue: the service's number in the Manual for prescribed specialised services
 * (`13`, `2A`), or, for a service with no official number, a local key that says so
 * (`LOCAL-ADULT-CRITICAL-CARE`; data/reference/services/README.md). */
export const SHIPPED_SERVICE_KEY = /^(\d{1,3}[A-Z]?|LOCAL-[A-Z0-9]+(-[A-Z0-9]+)*)$/;

/** A PSS service line (NCBPS, two digits, one letter) or a whole group (NCBPS and two digits). */
export const SERVICE_LINE = /^NCBPS\d{2}[A-Z]?$/;

/** Splits a service_lines cell (space, comma or | separated) into upper-case codes. */
export function splitServiceLines(text: string): string[] {
  return text
    .split(/[\s,|;]+/)
    .map((t) => t.trim().toUpperCase())
    .filter((t) => t !== '');
}

const FLAG_ACCEPTED = 'Y, N, Yes, No, TRUE, FALSE, 1, 0, or blank for unknown';
const DELEGATION_ACCEPTED = `${FLAG_ACCEPTED}; or text starting Delegated, Not delegated or Retained`;

/** Splits the official NPoC/CRG cell ('Internal Medicine - A05 Cardiac') into programme, CRG code and name. */
export function splitProgrammeAndCrg(text: string): Pick<CatalogueService, 'programmeOfCare' | 'crgCode' | 'crgName'> {
  const t = text.trim();
  const m = CRG_CODE.exec(t);
  if (!m) return { programmeOfCare: t || null, crgCode: null, crgName: null };
  const before = t
    .slice(0, m.index)
    .replace(/[\s:;,/–-]+$/, '')
    .trim();
  const after = t
    .slice(m.index + m[1]!.length)
    .replace(/^[\s:;,/–-]+/, '')
    .trim();
  return { programmeOfCare: before || null, crgCode: m[1]!, crgName: after || null };
}

/** Parses a services table given its header and rows of text cells. Rows are numbered from 1, the
 * first row after the header. */
export function parseServicesTable(
  file: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): { value: ServicesTable | null; issues: Problem[] } {
  const columns = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const layout: ServicesLayout | null = columns.has('service_code')
    ? 'nhs-england-official'
    : columns.has('service_id')
      ? 'shipped'
      : null;
  if (!layout) {
    return {
      value: null,
      issues: [
        {
          code: 'FP_SERVICES_BAD_FILE',
          message:
            'The file has neither a SERVICE_CODE column (NHS England table) nor a service_id column (shipped layout).',
          where: { file, row: 0 },
          received: header.join(', '),
          accepted: 'SERVICE_CODE, SERVICE_CODE_DESCRIPTION, … or service_id, service_name, …',
        },
      ],
    };
  }
  const codeColumn = layout === 'shipped' ? 'service_id' : 'service_code';
  const nameColumn = layout === 'shipped' ? 'service_name' : 'service_code_description';
  const issues: Problem[] = [];
  if (!columns.has(nameColumn)) {
    issues.push({
      code: 'FP_SERVICES_BAD_FILE',
      message: `The required column ${nameColumn} is missing.`,
      where: { file, row: 0, field: nameColumn },
      received: header.join(', '),
    });
    return { value: null, issues };
  }
  const delegationColumns: [string, string][] = [];
  for (const name of columns.keys()) {
    const year = layout === 'shipped' ? SHIPPED_DELEGATION_COLUMNS[name] : OFFICIAL_DELEGATION_COLUMN.exec(name)?.[1];
    if (year) delegationColumns.push([name, year]);
  }
  const originalName = (column: string) => header[columns.get(column)!]!.trim();

  const services: CatalogueService[] = [];
  const seen = new Map<string, number>();
  const lineOwner = new Map<string, string>();
  rows.forEach((cells, index) => {
    const row = index + 1;
    const cell = (column: string) => {
      const i = columns.get(column);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    if (cells.every((c) => c.trim() === '')) return;
    if (layout === 'nhs-england-official' && parseFlag(cell('is_current')) === false) return;
    const problem = (field: string, message: string, received: string, accepted?: string) =>
      issues.push({
        code: 'FP_SERVICES_BAD_FILE',
        message,
        where: { file, row, field: columns.has(field) ? originalName(field) : field },
        received,
        ...(accepted ? { accepted } : {}),
      });

    const serviceCode = cell(codeColumn);
    const name = cell(nameColumn);
    if (!serviceCode) problem(codeColumn, 'The service code is blank.', '');
    if (!name) problem(nameColumn, 'The service name is blank.', '');
    if (serviceCode && layout === 'shipped' && !SHIPPED_SERVICE_KEY.test(serviceCode)) {
      problem(
        codeColumn,
        'The service key is neither a PSS manual number nor a local key.',
        serviceCode,
        'a manual number such as 13 or 2A, or LOCAL- and capitals, digits and hyphens, e.g. LOCAL-ADULT-CRITICAL-CARE',
      );
    }
    if (serviceCode && seen.has(serviceCode)) {
      problem(
        codeColumn,
        `Service code ${serviceCode} appears twice (first on row ${seen.get(serviceCode)}).`,
        serviceCode,
      );
    }
    if (serviceCode && !seen.has(serviceCode)) seen.set(serviceCode, row);

    const hssColumn = layout === 'shipped' ? 'highly_specialised' : 'highly_specialised_service';
    const highlySpecialised = parseFlag(cell(hssColumn));
    if (highlySpecialised === undefined) {
      problem(hssColumn, 'The highly specialised flag is not a yes/no value.', cell(hssColumn), FLAG_ACCEPTED);
    }
    const delegation: ServiceDelegation[] = [];
    for (const [column, financialYear] of delegationColumns) {
      const delegated = parseDelegationStatus(cell(column));
      if (delegated === undefined) {
        problem(column, 'The delegation status is not one Footprint can read.', cell(column), DELEGATION_ACCEPTED);
      } else {
        delegation.push({ financialYear, delegated });
      }
    }
    const care =
      layout === 'shipped'
        ? {
            programmeOfCare: cell('programme_of_care') || null,
            crgCode: cell('crg_code') || null,
            crgName: cell('crg_name') || null,
          }
        : splitProgrammeAndCrg(cell(OFFICIAL_NPOC_COLUMN));
    const serviceLines = splitServiceLines(cell('service_lines'));
    const badLine = serviceLines.find((line) => !SERVICE_LINE.test(line));
    if (badLine !== undefined) {
      problem(
        'service_lines',
        'A service line is not a PSS service line code.',
        badLine,
        'NCBPS and two digits (a whole group, e.g. NCBPS13) or NCBPS, two digits and a letter (e.g. NCBPS22S)',
      );
    }
    for (const line of serviceLines) {
      const owner = lineOwner.get(line);
      if (owner !== undefined && owner !== serviceCode) {
        problem('service_lines', `Service line ${line} is already given to service ${owner}.`, line);
      }
      lineOwner.set(line, serviceCode);
    }
    services.push({
      serviceCode,
      name,
      ...care,
      highlySpecialised: highlySpecialised ?? null,
      sourceUrl: cell('source_url') || null,
      delegation,
      serviceLines,
    });
  });
  if (services.length === 0 && issues.length === 0) {
    issues.push({ code: 'FP_SERVICES_BAD_FILE', message: 'The file has no service rows.', where: { file } });
  }
  return { value: issues.length ? null : { layout, services }, issues };
}
