// NHS England's delegation-status reference table gives a column per ICB or per region (its header the
// ICB's or region's name or ODS code, with or without the year). This reads those columns beside the
// catalogue columns, so an import keeps which area had which arrangement rather than one flag a service.
import { ARRANGEMENT_ACCEPTED, type DelegationArrangement, parseArrangement } from '../delegation/delegation-status.ts';
import type { Problem } from '../errors.ts';

export interface DelegationArea {
  code: string;
  name: string;
  kind: 'icb' | 'region';
}

export interface AreaDelegation {
  serviceCode: string;
  financialYear: string;
  areaCode: string;
  areaKind: DelegationArea['kind'];
  arrangement: DelegationArrangement;
}

const YEAR = /(\d{4}\/\d{2})/;
const OFFICIAL_DELEGATION_COLUMN = /^(\d{4}\/\d{2})_icb_delegation_status$/;

/** An area's name as headers write it: no 'NHS', 'Integrated Care Board', 'ICB', case or punctuation. */
function plainName(text: string): string {
  return text
    .toLowerCase()
    .replace(YEAR, ' ')
    .replace(/delegation status|status/g, ' ')
    .replace(/\bintegrated care board\b|\bicb\b|^\s*nhs\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Finds the area columns in a header and reads every row's cells in them. Rows are numbered from 1,
 * the first row after the header, as in parseServicesTable. */
export function parseAreaDelegationColumns(
  file: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  areas: readonly DelegationArea[],
): { value: AreaDelegation[]; issues: Problem[] } {
  const byName = new Map<string, DelegationArea>();
  for (const area of areas) {
    byName.set(area.code.toLowerCase(), area);
    byName.set(plainName(area.name), area);
  }
  const lower = header.map((h) => h.trim().toLowerCase());
  const codeIndex = lower.indexOf('service_code') >= 0 ? lower.indexOf('service_code') : lower.indexOf('service_id');
  const currentIndex = lower.indexOf('is_current');
  // A table for one year names it once, in its ICB delegation status column.
  const officialYears = new Set(lower.map((h) => OFFICIAL_DELEGATION_COLUMN.exec(h)?.[1]).filter(Boolean));
  const tableYear = officialYears.size === 1 ? [...officialYears][0]! : null;

  const issues: Problem[] = [];
  const columns: { index: number; area: DelegationArea; year: string }[] = [];
  header.forEach((h, index) => {
    if (index === codeIndex) return;
    const area = byName.get(plainName(h));
    if (!area) return;
    const year = YEAR.exec(h)?.[1] ?? tableYear;
    if (!year) {
      issues.push({
        code: 'FP_SERVICES_BAD_FILE',
        message: `The column ${h.trim()} is an area's delegation status but says no financial year, and the table does not either.`,
        where: { file, row: 0, field: h.trim() },
        received: h.trim(),
        accepted: `a header with the year, e.g. "2024/25 ${area.name}", or one YYYY/YY_ICB_DELEGATION_STATUS column`,
      });
      return;
    }
    columns.push({ index, area, year });
  });
  if (columns.length === 0 || codeIndex < 0) return { value: [], issues };

  const value: AreaDelegation[] = [];
  rows.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    if (currentIndex >= 0 && /^(n|no|false|0)$/i.test((cells[currentIndex] ?? '').trim())) return;
    const serviceCode = (cells[codeIndex] ?? '').trim();
    if (!serviceCode) return;
    for (const { index, area, year } of columns) {
      const cell = (cells[index] ?? '').trim();
      const arrangement = parseArrangement(cell);
      if (arrangement === undefined) {
        issues.push({
          code: 'FP_SERVICES_BAD_FILE',
          message: `The delegation status of ${area.name} is not one Footprint can read.`,
          where: { file, row: i + 1, field: header[index]!.trim() },
          received: cell,
          accepted: ARRANGEMENT_ACCEPTED,
        });
        continue;
      }
      value.push({ serviceCode, financialYear: year, areaCode: area.code, areaKind: area.kind, arrangement });
    }
  });
  return { value: issues.length ? [] : value, issues };
}
