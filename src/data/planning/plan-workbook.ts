// The plan as a finance lead's working paper: an Inputs sheet whose assumptions are defined names, and one
// sheet per unit whose every figure is a formula over those names and the unit's base-year spend groups:
// do-nothing growth step by step, each QIPP scheme's recurrent and part-year saving, plan spend, allocation,
// gap, control total and distance. Each formula carries the value Footprint worked out as its cached result,
// so the workbook shows the app's figures before any recalculation and after it (docs/methods.md, "The plan
// workbook"). The flat tables (plan rows, savings, convergence, risk share) follow as values.
import ExcelJS from 'exceljs';
import { POINTS_OF_DELIVERY } from '../../core/activity/activity-record.ts';
import { growLine } from '../../core/growth/do-nothing.ts';
import type { PlanSegment } from '../../core/planning/plan-segments.ts';
import type { Scenario } from '../../core/planning/scenario-schema.ts';
import { cumulativeEffect, partYearEffect } from '../../core/qipp/part-year-effect.ts';
import { startMonths } from '../../core/qipp/qipp-scheme.ts';
import type { ProviderCode, ServiceCode } from '../../core/units.ts';
import { neutraliseFormula } from '../export/table.ts';
import { addTableSheet, NUMBER_FORMAT, sheetName } from '../export/write-xlsx.ts';
import type { PlanResult, UnitWorkings } from './plan-scenario.ts';
import { planAboutTable, planDetailTables } from './plan-tables.ts';
import { FOOTPRINT_PREFIX } from './resolve-scenario.ts';

const MONEY = NUMBER_FORMAT.money!;
const RATE = '0.00%';
/** Column of plan year 1 on every formula sheet (A label, B key or detail, C base year or defined name). */
const FIRST_YEAR_COLUMN = 4;
const NOT_SET = 'not set';
const NOT_COMPUTED = 'not computed';

type Value = number | string | null;
interface Cell {
  value?: Value;
  formula?: string;
  result?: Value;
  format?: string;
  bold?: boolean;
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const yearColumn = (y: number) => columnLetter(FIRST_YEAR_COLUMN + y);
const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const index = (name: string, y: number) => `INDEX(${name},${y + 1})`;

/** A sheet written row by row with the streaming writer; rows are numbered from 1 as Excel numbers them. */
class SheetWriter {
  readonly sheet: ExcelJS.Worksheet;
  row = 0;
  constructor(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, widths: number[]) {
    this.sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    this.sheet.columns = widths.map((width) => ({ width }));
  }
  add(cells: (Cell | Value | undefined)[], bold = false): number {
    this.row += 1;
    const row = this.sheet.getRow(this.row);
    cells.forEach((cell, i) => {
      if (cell === undefined || cell === null) return;
      const target = row.getCell(i + 1);
      if (typeof cell !== 'object') {
        target.value = typeof cell === 'string' ? neutraliseFormula(cell) : cell;
        return;
      }
      if (cell.formula !== undefined) {
        target.value = { formula: cell.formula, result: cell.result ?? undefined } as ExcelJS.CellFormulaValue;
      } else if (cell.value !== undefined && cell.value !== null) {
        target.value = typeof cell.value === 'string' ? neutraliseFormula(cell.value) : cell.value;
      }
      if (cell.format) target.numFmt = cell.format;
      if (cell.bold) target.font = { bold: true };
    });
    if (bold) row.font = { bold: true };
    row.commit();
    return this.row;
  }
}

interface InputRow {
  name: string;
  row: number;
}

interface Inputs {
  sheet: string;
  demographic: InputRow | null;
  nonDemographic: InputRow;
  nonDemographicByPod: Map<string, InputRow>;
  inflation: InputRow;
  allocationGrowth: InputRow;
  schemes: { recurrent: InputRow; partYear: InputRow }[];
  /** Per unit (by scenario unit), its control-total row. */
  controlTotals: Map<string, InputRow>;
  /** Demographic rates from projections: the Demographic growth sheet's row of each rate list. */
  projected: Map<readonly number[], number>;
  projectedSheet: string | null;
}

const safeName = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');

function writeInputs(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  used: Set<string>,
  result: PlanResult,
  scenario: Scenario,
): Omit<Inputs, 'projected' | 'projectedSheet'> {
  const name = sheetName('Inputs', used);
  const years = result.years;
  const labels = result.rows.slice(0, years).map((r) => r.financialYear);
  const w = new SheetWriter(workbook, name, [46, 34, 26, ...labels.map(() => 14)]);
  w.add(['Input', 'Applies to', 'Defined name', ...labels], true);
  const define = (inputName: string, row: number) => {
    workbook.definedNames.add(`${quoted(name)}!$${yearColumn(0)}$${row}:$${yearColumn(years - 1)}$${row}`, inputName);
    return { name: inputName, row };
  };
  const rates = (label: string, detail: string, inputName: string, values: readonly number[], format = RATE) =>
    define(inputName, w.add([label, detail, inputName, ...values.map((v) => ({ value: v, format }))]));
  const { growth, allocation } = scenario;
  let demographic: InputRow | null = null;
  if (growth.demographic === 'projections') {
    w.add(['Demographic growth', 'from population projections: see the Demographic growth sheet']);
  } else {
    demographic = rates('Demographic growth', 'all spend', 'Demographic_growth', growth.demographic);
  }
  const nonDemographic = rates(
    'Non-demographic growth',
    'every point of delivery not listed below',
    'NonDemographic_growth',
    growth.nonDemographic.default,
  );
  const nonDemographicByPod = new Map<string, InputRow>();
  for (const [pod, values] of Object.entries(growth.nonDemographic.byPod ?? {})) {
    if (values) {
      nonDemographicByPod.set(
        pod,
        rates('Non-demographic growth', pod, `NonDemographic_growth_${safeName(pod)}`, values),
      );
    }
  }
  const inflation = rates('Inflation', 'all spend', 'Inflation', growth.inflation);
  const allocationGrowth = rates(
    'Allocation growth',
    allocation.convergence ? 'the envelope across the plan’s ICBs' : 'each unit’s allocation',
    'Allocation_growth',
    allocation.growth,
  );
  const schemes = scenario.qipp.map((scheme, s) => {
    const n = s + 1;
    const scope = [
      scheme.scope.providers?.length ? `providers ${scheme.scope.providers.join(' ')}` : '',
      scheme.scope.services?.length ? `services ${scheme.scope.services.join(' ')}` : '',
      scheme.scope.pods?.length ? `points of delivery ${scheme.scope.pods.join(' ')}` : '',
    ].filter(Boolean);
    const detail = `${scheme.type}; ${scope.length ? scope.join('; ') : 'all spend'}`;
    const rate = rates(`QIPP ${n}: ${scheme.name} — new full-year rate`, detail, `QIPP${n}_rate`, scheme.rates);
    const month = rates(
      `QIPP ${n}: start month of the year’s tranche`,
      '1 = April … 12 = March',
      `QIPP${n}_start_month`,
      startMonths(scheme, years),
      '0',
    );
    const months = startMonths(scheme, years);
    const partYear = define(
      `QIPP${n}_part_year`,
      w.add([
        `QIPP ${n}: part-year effect of the year’s tranche`,
        'rate × (13 − start month) ÷ 12',
        `QIPP${n}_part_year`,
        ...scheme.rates.map((r, y) => ({
          formula: `${yearColumn(y)}${rate.row}*(13-${yearColumn(y)}${month.row})/12`,
          result: partYearEffect(r, months[y]!),
          format: RATE,
        })),
      ]),
    );
    const recurrent = define(
      `QIPP${n}_recurrent`,
      w.add([
        `QIPP ${n}: recurrent effect of earlier tranches`,
        'sum of earlier years’ full-year rates',
        `QIPP${n}_recurrent`,
        ...scheme.rates.map((_, y) => ({
          formula: y === 0 ? '0' : `SUM($${yearColumn(0)}${rate.row}:${yearColumn(y - 1)}${rate.row})`,
          result: cumulativeEffect(scheme.rates, months, y + 1) - partYearEffect(scheme.rates[y]!, months[y]!),
          format: RATE,
        })),
      ]),
    );
    return { recurrent, partYear };
  });
  if (allocation.convergence) {
    const { floorGrowth, capGrowth } = allocation.convergence;
    w.add(['Convergence floor growth', 'every ICB (applied by Footprint: see Convergence)', '', floorGrowth], false);
    w.add(['Convergence cap growth', 'ICBs below target (applied by Footprint: see Convergence)', '', capGrowth]);
  }
  // One row per unit, in order, so a footprint's row can add up its ICBs' rows wherever they fall.
  const controlTotals = new Map(
    result.workings.map((unit, k) => [unit.unit, { name: `ControlTotal_${k + 1}`, row: w.row + 1 + k }]),
  );
  const own = allocation.controlTotals ?? {};
  for (const unit of result.workings) {
    const { name: inputName } = controlTotals.get(unit.unit)!;
    const values = own[unit.unit];
    const members = unit.unit.startsWith(FOOTPRINT_PREFIX) ? unit.icbs.map((icb) => controlTotals.get(icb)) : [];
    const memberRows = members.length > 0 && members.every((m) => m !== undefined) ? members : null;
    const cells: Cell[] = Array.from({ length: years }, (_, y) => {
      if (values) return { value: values[y]!, format: MONEY };
      if (!memberRows) return {};
      const refs = memberRows.map((m) => `${yearColumn(y)}${m!.row}`).join(',');
      const memberValues = unit.icbs.map((icb) => own[icb]?.[y]);
      const sum = memberValues.every((v) => v !== undefined) ? memberValues.reduce((a, b) => a! + b!, 0) : '';
      return { formula: `IF(COUNT(${refs})=${memberRows.length},SUM(${refs}),"")`, result: sum ?? '', format: MONEY };
    });
    const detail = values
      ? unit.name
      : memberRows
        ? `${unit.name}: its ICBs’ control totals added up`
        : `${unit.name}: none set (type a position in pounds)`;
    define(inputName, w.add(['Control total (position to deliver)', detail, inputName, ...cells]));
  }
  w.sheet.commit();
  return {
    sheet: name,
    demographic,
    nonDemographic,
    nonDemographicByPod,
    inflation,
    allocationGrowth,
    schemes,
    controlTotals,
  };
}

function writeProjectedGrowth(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  used: Set<string>,
  result: PlanResult,
): { projected: Map<readonly number[], number>; projectedSheet: string } {
  const name = sheetName('Demographic growth', used);
  const labels = result.rows.slice(0, result.years).map((r) => r.financialYear);
  const w = new SheetWriter(workbook, name, [12, 24, 4, ...labels.map(() => 12)]);
  w.add(['ICB', 'Service', '', ...labels], true);
  const projected = new Map<readonly number[], number>();
  for (const unit of result.workings) {
    for (const segment of unit.segments) {
      if (projected.has(segment.demographic)) continue;
      projected.set(
        segment.demographic,
        w.add([
          segment.icb,
          segment.service ?? 'headcount (services without their own)',
          '',
          ...segment.demographic.map((v) => ({ value: v, format: RATE })),
        ]),
      );
    }
  }
  w.sheet.commit();
  return { projected, projectedSheet: name };
}

const KEY = {
  previous: 'Previous do-nothing',
  demographic: 'Demographic growth',
  nonDemographic: 'Non-demographic growth',
  inflation: 'Inflation',
  doNothing: 'Do-nothing spend',
  recurrent: (n: number) => `QIPP ${n} recurrent`,
  partYear: (n: number) => `QIPP ${n} part-year`,
};

function segmentLabel(segment: PlanSegment, k: number, scenario: Scenario): string {
  const parts = [
    segment.icb ? `ICB ${segment.icb}` : '',
    segment.service ? `service ${segment.service}` : '',
    segment.pod ? `point of delivery ${segment.pod}` : '',
    segment.schemes.length
      ? `QIPP ${segment.schemes.map((s) => `${s + 1} (${scenario.qipp[s]!.name})`).join(', ')}`
      : 'no QIPP scheme',
  ].filter(Boolean);
  return `Spend group ${k + 1}: ${parts.join('; ')} — ${segment.lines} base-year line${segment.lines === 1 ? '' : 's'}`;
}

function writeUnit(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  used: Set<string>,
  result: PlanResult,
  scenario: Scenario,
  unit: UnitWorkings,
  inputs: Inputs,
): void {
  const years = result.years;
  const rows = result.rows.filter((r) => r.unit === unit.unit);
  const labels = rows.map((r) => r.financialYear);
  const w = new SheetWriter(workbook, sheetName(shortName(unit.name), used), [52, 24, 16, ...labels.map(() => 16)]);
  w.add([`${unit.name} (£)`, 'Key', `${result.baseYear} (base)`, ...labels], true);
  const schemes = scenario.qipp;
  const summaryRows = 5 + 3 * schemes.length + 3 + 5 + (rows.some((r) => r.distanceFromTarget !== null) ? 1 : 0);
  const first = 1 + summaryRows + 3;
  const rowsPerSegment = (s: PlanSegment) => 6 + 2 * s.schemes.length;
  const last = first + unit.segments.reduce((n, s) => n + rowsPerSegment(s), 0) - 1;

  // Cached values: each group grown and saved as Footprint grows a line (src/core), summed.
  const effects = schemes.map((scheme) => {
    const months = startMonths(scheme, years);
    return scheme.rates.map((r, y) => {
      const partYear = partYearEffect(r, months[y]!);
      return { recurrent: cumulativeEffect(scheme.rates, months, y + 1) - partYear, partYear };
    });
  });
  const grown = unit.segments.map((segment, g) => {
    const steps: {
      previous: number;
      demographic: number;
      nonDemographic: number;
      inflation: number;
      doNothing: number;
    }[] = [];
    // The group's own rates are handed over as the defaults, so the line's codes choose nothing.
    growLine(
      {
        provider: 'group' as ProviderCode,
        service: 'group' as ServiceCode,
        pod: segment.pod ?? POINTS_OF_DELIVERY[0],
        spend: segment.baseSpend,
      },
      g + 1,
      {
        demographic: { default: segment.demographic },
        nonDemographic: {
          default: segment.pod
            ? scenario.growth.nonDemographic.byPod![segment.pod]!
            : scenario.growth.nonDemographic.default,
        },
        inflation: scenario.growth.inflation,
      },
      years,
      (_y, previous, demographic, nonDemographic, inflation, doNothing) => {
        steps.push({ previous, demographic, nonDemographic, inflation, doNothing });
      },
    );
    return steps;
  });
  const total = (pick: (segment: number, y: number) => number, y: number) =>
    unit.segments.reduce((sum, _, g) => sum + pick(g, y), 0);
  const sumif = (key: string, column: string) =>
    `SUMIF($B$${first}:$B$${last},"${key}",${column}$${first}:${column}$${last})`;
  const money = (formula: string, result: Value): Cell => ({ formula, result, format: MONEY });
  const line = (label: string, key: string, cells: Cell[], base?: Cell, bold = false) =>
    w.add([{ value: label, bold }, key, base ?? null, ...cells], false);
  const perYear = (make: (y: number) => Cell) => Array.from({ length: years }, (_, y) => make(y));
  const stepTotal = (key: string, step: 'previous' | 'demographic' | 'nonDemographic' | 'inflation' | 'doNothing') =>
    perYear((y) =>
      money(
        sumif(key, yearColumn(y)),
        total((g, yy) => grown[g]![yy]![step], y),
      ),
    );

  line('Base: last year’s do-nothing spend', KEY.previous, stepTotal(KEY.previous, 'previous'));
  line('Demographic growth', KEY.demographic, stepTotal(KEY.demographic, 'demographic'));
  line('Non-demographic growth', KEY.nonDemographic, stepTotal(KEY.nonDemographic, 'nonDemographic'));
  line('Inflation', KEY.inflation, stepTotal(KEY.inflation, 'inflation'));
  const doNothingRow = line(
    'Do-nothing spend',
    KEY.doNothing,
    stepTotal(KEY.doNothing, 'doNothing'),
    money(sumif(KEY.doNothing, 'C'), unit.baseAllocation),
    true,
  );
  const schemeTotals = schemes.map((scheme, s) => {
    const covered = (g: number) => unit.segments[g]!.schemes.includes(s);
    const saving = (part: 'recurrent' | 'partYear', y: number) =>
      total((g, yy) => (covered(g) ? grown[g]![yy]!.doNothing * effects[s]![yy]![part] : 0), y);
    const recurrent = line(
      `QIPP ${s + 1}: ${scheme.name} — recurrent`,
      KEY.recurrent(s + 1),
      perYear((y) => money(sumif(KEY.recurrent(s + 1), yearColumn(y)), saving('recurrent', y))),
    );
    const partYear = line(
      `QIPP ${s + 1}: ${scheme.name} — part-year`,
      KEY.partYear(s + 1),
      perYear((y) => money(sumif(KEY.partYear(s + 1), yearColumn(y)), saving('partYear', y))),
    );
    const totalRow = line(
      `QIPP ${s + 1}: ${scheme.name} — total (${scheme.type})`,
      '',
      perYear((y) =>
        money(
          `${yearColumn(y)}${recurrent}+${yearColumn(y)}${partYear}`,
          saving('recurrent', y) + saving('partYear', y),
        ),
      ),
    );
    return { row: totalRow, type: scheme.type, saving: (y: number) => saving('recurrent', y) + saving('partYear', y) };
  });
  const typeTotal = (type: 'transactional' | 'transformational') =>
    perYear((y) => {
      const of = schemeTotals.filter((t) => t.type === type);
      return money(
        of.length ? of.map((t) => `${yearColumn(y)}${t.row}`).join('+') : '0',
        of.reduce((sum, t) => sum + t.saving(y), 0),
      );
    });
  const transactional = line('Transactional QIPP', '', typeTotal('transactional'));
  const transformational = line('Transformational QIPP', '', typeTotal('transformational'));
  const qippRow = line(
    'Total QIPP',
    '',
    perYear((y) =>
      money(
        `${yearColumn(y)}${transactional}+${yearColumn(y)}${transformational}`,
        schemeTotals.reduce((sum, t) => sum + t.saving(y), 0),
      ),
    ),
    undefined,
    true,
  );
  const planValue = (y: number) =>
    total((g, yy) => grown[g]![yy]!.doNothing, y) - schemeTotals.reduce((sum, t) => sum + t.saving(y), 0);
  const planRow = line(
    'Plan spend',
    '',
    perYear((y) => money(`${yearColumn(y)}${doNothingRow}-${yearColumn(y)}${qippRow}`, planValue(y))),
    undefined,
    true,
  );
  const converged = scenario.allocation.convergence !== undefined && result.convergence !== null;
  const allocationRow = line(
    converged ? 'Allocation (pace of change, worked out by Footprint: see Convergence)' : 'Allocation',
    '',
    perYear((y) => {
      if (converged) return { value: rows[y]!.allocation, format: MONEY };
      const previous = y === 0 ? `C${w.row + 1}` : `${yearColumn(y - 1)}${w.row + 1}`;
      return money(
        `${previous}*(1+${index(inputs.allocationGrowth.name, y)})`,
        cachedAllocation(unit.baseAllocation, scenario.allocation.growth, y),
      );
    }),
    converged ? undefined : money(`C${doNothingRow}`, unit.baseAllocation),
    true,
  );
  const gapRow = line(
    'Gap: allocation − plan spend',
    '',
    perYear((y) =>
      money(
        `${yearColumn(y)}${allocationRow}-${yearColumn(y)}${planRow}`,
        (converged ? rows[y]!.allocation : cachedAllocation(unit.baseAllocation, scenario.allocation.growth, y)) -
          planValue(y),
      ),
    ),
  );
  const control = inputs.controlTotals.get(unit.unit)!;
  const controlRow = line(
    'Control total (position to deliver)',
    control.name,
    perYear((y) => {
      const ref = `${quoted(inputs.sheet)}!${yearColumn(y)}${control.row}`;
      return money(`IF(ISNUMBER(${ref}),${ref},"${NOT_SET}")`, rows[y]!.controlTotal ?? NOT_SET);
    }),
  );
  line(
    'Distance to control total: gap − control total',
    '',
    perYear((y) => {
      const c = `${yearColumn(y)}${controlRow}`;
      return money(
        `IF(ISNUMBER(${c}),${yearColumn(y)}${gapRow}-${c},"${NOT_COMPUTED}")`,
        rows[y]!.distanceToControlTotal ?? NOT_COMPUTED,
      );
    }),
  );
  if (rows.some((r) => r.distanceFromTarget !== null)) {
    line(
      'Distance from needs-based target (worked out by Footprint)',
      '',
      perYear((y) => ({ value: rows[y]!.distanceFromTarget, format: '0.00%' })),
    );
  }
  w.add([]);
  w.add(['Spend groups: base-year spend grown and saved by the Inputs', 'Key'], true);
  if (w.row + 1 !== first) throw new Error(`plan workbook layout: groups start at row ${w.row + 1}, not ${first}`);
  unit.segments.forEach((segment, g) => {
    writeSegment(w, segment, g, scenario, inputs, grown[g]!, effects);
  });
  w.sheet.commit();
}

/** "NHS Somerset Integrated Care Board" → "Somerset": a sheet name holds 31 characters. */
export const shortName = (name: string) => name.replace(/^NHS /, '').replace(/ Integrated Care Board$/, '');

function cachedAllocation(base: number, growth: readonly number[], y: number): number {
  let allocation = base;
  for (let k = 0; k <= y; k++) allocation *= 1 + growth[k]!;
  return allocation;
}

function writeSegment(
  w: SheetWriter,
  segment: PlanSegment,
  g: number,
  scenario: Scenario,
  inputs: Inputs,
  steps: { previous: number; demographic: number; nonDemographic: number; inflation: number; doNothing: number }[],
  effects: { recurrent: number; partYear: number }[][],
): void {
  const years = steps.length;
  w.add([segmentLabel(segment, g, scenario)]);
  const at = w.row + 1;
  const rowOf = { previous: at, demographic: at + 1, nonDemographic: at + 2, inflation: at + 3, doNothing: at + 4 };
  const cell = (row: number, y: number) => `${yearColumn(y)}${row}`;
  const money = (formula: string, result: number): Cell => ({ formula, result, format: MONEY });
  const perYear = (make: (y: number) => Cell) => Array.from({ length: years }, (_, y) => make(y));
  const demographicRate = (y: number) =>
    inputs.demographic
      ? index(inputs.demographic.name, y)
      : `${quoted(inputs.projectedSheet!)}!${yearColumn(y)}${inputs.projected.get(segment.demographic)!}`;
  const nonDemographicName =
    (segment.pod ? inputs.nonDemographicByPod.get(segment.pod) : undefined) ?? inputs.nonDemographic;
  w.add([
    '  Last year’s do-nothing spend',
    KEY.previous,
    null,
    ...perYear((y) => money(y === 0 ? `C${rowOf.doNothing}` : cell(rowOf.doNothing, y - 1), steps[y]!.previous)),
  ]);
  w.add([
    '  Demographic growth',
    KEY.demographic,
    null,
    ...perYear((y) => money(`${cell(rowOf.previous, y)}*${demographicRate(y)}`, steps[y]!.demographic)),
  ]);
  w.add([
    '  Non-demographic growth',
    KEY.nonDemographic,
    null,
    ...perYear((y) =>
      money(
        `(${cell(rowOf.previous, y)}+${cell(rowOf.demographic, y)})*${index(nonDemographicName.name, y)}`,
        steps[y]!.nonDemographic,
      ),
    ),
  ]);
  w.add([
    '  Inflation',
    KEY.inflation,
    null,
    ...perYear((y) =>
      money(
        `(${cell(rowOf.previous, y)}+${cell(rowOf.demographic, y)}+${cell(rowOf.nonDemographic, y)})*${index(inputs.inflation.name, y)}`,
        steps[y]!.inflation,
      ),
    ),
  ]);
  w.add([
    '  Do-nothing spend',
    KEY.doNothing,
    { value: segment.baseSpend, format: MONEY },
    ...perYear((y) =>
      money(
        `${cell(rowOf.previous, y)}+${cell(rowOf.demographic, y)}+${cell(rowOf.nonDemographic, y)}+${cell(rowOf.inflation, y)}`,
        steps[y]!.doNothing,
      ),
    ),
  ]);
  for (const s of segment.schemes) {
    const n = s + 1;
    const { recurrent, partYear } = inputs.schemes[s]!;
    w.add([
      `  QIPP ${n}: recurrent saving`,
      KEY.recurrent(n),
      null,
      ...perYear((y) =>
        money(
          `${cell(rowOf.doNothing, y)}*${index(recurrent.name, y)}`,
          steps[y]!.doNothing * effects[s]![y]!.recurrent,
        ),
      ),
    ]);
    w.add([
      `  QIPP ${n}: part-year saving`,
      KEY.partYear(n),
      null,
      ...perYear((y) =>
        money(`${cell(rowOf.doNothing, y)}*${index(partYear.name, y)}`, steps[y]!.doNothing * effects[s]![y]!.partYear),
      ),
    ]);
  }
}

/** Writes the plan workbook to `file`. */
export async function writePlanWorkbook(result: PlanResult, scenario: Scenario, file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const used = new Set<string>();
  addTableSheet(workbook, planAboutTable(result, scenario), used);
  const named = writeInputs(workbook, used, result, scenario);
  const projected =
    scenario.growth.demographic === 'projections'
      ? writeProjectedGrowth(workbook, used, result)
      : { projected: new Map<readonly number[], number>(), projectedSheet: null };
  const inputs: Inputs = { ...named, ...projected };
  for (const unit of result.workings) writeUnit(workbook, used, result, scenario, unit, inputs);
  for (const table of planDetailTables(result)) addTableSheet(workbook, table, used);
  await workbook.commit();
}
