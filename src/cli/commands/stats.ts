// `footprint stats <method> --input FILE.csv`: runs one statistics method on an analyst's own CSV and
// writes the results as CSV or JSON, with the column names of docs/methods.md.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { FootprintError, fail, type ResultWarning } from '../../core/errors.ts';
import { type Estimate, estimateColumns } from '../../core/stats/arguments.ts';
import { calculateCrudeRate } from '../../core/stats/crude-rate.ts';
import { calculateDsr, type DsrBand } from '../../core/stats/dsr.ts';
import { calculateFunnelLimits, funnelLimitColumns } from '../../core/stats/funnel-limits.ts';
import { assignFunnelSignificance } from '../../core/stats/funnel-significance.ts';
import type { FunnelOptions, FunnelUnit } from '../../core/stats/funnel-units.ts';
import { calculateIsr, type IsrBand } from '../../core/stats/isr.ts';
import { calculateMean } from '../../core/stats/mean.ts';
import { calculateProportion } from '../../core/stats/proportion.ts';
import { calculateSpc, type ImprovementDirection, type SpcPoint } from '../../core/stats/spc.ts';
import { type CsvTable, parseCsv } from '../../data/csv/parse-csv.ts';
import { cliSession } from '../session.ts';

export const STATS_METHODS = ['rate', 'proportion', 'mean', 'dsr', 'isr', 'funnel', 'spc'] as const;
type StatsMethod = (typeof STATS_METHODS)[number];

export interface StatsOptions {
  input: string;
  format?: string;
  out?: string;
  groupBy?: string;
  multiplier?: string;
  confidence?: string;
  type?: string;
  referenceValue?: string;
  improvement?: string;
  screenOutliers?: boolean;
  fixAfter?: string;
  rebase?: string;
  target?: string;
  table?: string;
  rateType?: string;
  ratioType?: string;
  yearsOfData?: string;
  overdispersion?: boolean;
}

type Record_ = Record<string, string | number | boolean | null>;

interface StatsOutput {
  rows: Record_[];
  /** Extra tables for JSON output (SPC groups and summary). */
  extra?: Record<string, Record_[]>;
  warnings: ResultWarning[];
}

/** The input file, with value readers that name the file, row and column of anything wrong. */
class InputTable {
  readonly index: Map<string, number>;
  constructor(
    readonly file: string,
    readonly table: CsvTable,
  ) {
    this.index = new Map(table.header.map((name, i) => [name.toLowerCase(), i]));
    if (table.rows.length === 0) fail('FP_STATS_BAD_INPUT', 'The file has no data rows.', { where: { file } });
  }

  has(column: string): boolean {
    return this.index.has(column.toLowerCase());
  }

  require(...columns: string[]): void {
    for (const column of columns) {
      if (!this.has(column)) {
        fail('FP_STATS_BAD_INPUT', `The column ${column} is missing.`, {
          where: { file: this.file, field: column },
          received: this.table.header.join(', '),
          accepted: `a header including ${columns.join(', ')}`,
        });
      }
    }
  }

  text(row: number, column: string): string {
    return this.table.rows[row]![this.index.get(column.toLowerCase())!]!.trim();
  }

  /** A number, or null when blank or NA and `missing` allows it. */
  number(row: number, column: string, rule: { min?: number; above?: number; missing?: boolean } = {}): number | null {
    const raw = this.text(row, column);
    const where = { file: this.file, row: row + 1, field: column };
    if (raw === '' || raw.toUpperCase() === 'NA') {
      if (rule.missing) return null;
      fail('FP_STATS_BAD_INPUT', `The ${column} is blank.`, { where, received: raw, accepted: 'a number' });
    }
    const value = Number(raw);
    if (!Number.isFinite(value))
      fail('FP_STATS_BAD_INPUT', `The ${column} is not a number.`, { where, received: raw, accepted: 'a number' });
    if (rule.min !== undefined && value < rule.min) {
      fail('FP_STATS_BAD_INPUT', `The ${column} is negative.`, {
        where,
        received: raw,
        accepted: `a number ≥ ${rule.min}`,
      });
    }
    if (rule.above !== undefined && value <= rule.above) {
      fail('FP_STATS_BAD_INPUT', `The ${column} must be greater than ${rule.above}.`, {
        where,
        received: raw,
        accepted: `a number > ${rule.above}`,
      });
    }
    return value;
  }

  /** Row indexes by group, in first-seen order, with the group's column values. */
  groups(columns: string[]): { key: Record_; rows: number[] }[] {
    this.require(...columns);
    const groups = new Map<string, { key: Record_; rows: number[] }>();
    this.table.rows.forEach((_, row) => {
      const values = columns.map((column) => this.text(row, column));
      const id = JSON.stringify(values);
      const group = groups.get(id) ?? { key: Object.fromEntries(columns.map((c, i) => [c, values[i]!])), rows: [] };
      group.rows.push(row);
      groups.set(id, group);
    });
    return [...groups.values()];
  }
}

function optionNumber(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) {
    fail('FP_CLI_BAD_OPTION', `The --${name} option is not a number.`, {
      where: { field: name },
      received: raw,
      accepted: 'a number',
    });
  }
  return value;
}

function confidenceOption(raw: string | undefined): number[] {
  if (raw === undefined) return [0.95, 0.998];
  return raw.split(',').map((part) => optionNumber('confidence', part)!);
}

/** Runs a library call for one group, adding the file and group to any argument error. */
function forGroup<T>(file: string, key: Record_, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof FootprintError) {
      const label = Object.entries(key)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      throw new FootprintError({
        ...error.problem,
        message: label ? `${error.problem.message} (group ${label})` : error.problem.message,
        where: { file, ...error.problem.where },
      });
    }
    throw error;
  }
}

const sumOrNull = (values: (number | null)[]): number | null =>
  values.some((v) => v === null) ? null : values.reduce<number>((total, v) => total + v!, 0);

function countAndPopulation(
  method: 'rate' | 'proportion',
  input: InputTable,
  groupBy: string[],
  options: StatsOptions,
): StatsOutput {
  input.require('numerator', 'denominator');
  const confidence = confidenceOption(options.confidence);
  const multiplier = optionNumber('multiplier', options.multiplier);
  const rows = input.groups(groupBy).map(({ key, rows: members }) => {
    const numerator = sumOrNull(members.map((r) => input.number(r, 'numerator', { min: 0, missing: true })));
    const denominator = sumOrNull(members.map((r) => input.number(r, 'denominator', { above: 0, missing: true })));
    if (method === 'proportion' && numerator !== null && denominator !== null && numerator > denominator) {
      fail('FP_STATS_BAD_INPUT', 'The numerator of a proportion exceeds its denominator.', {
        where: { file: input.file, row: members.length === 1 ? members[0]! + 1 : undefined, field: 'numerator' },
        received: `${numerator} of ${denominator}`,
        accepted: 'numerator ≤ denominator',
      });
    }
    const estimate: Estimate = forGroup(input.file, key, () =>
      method === 'rate'
        ? calculateCrudeRate({ numerator, denominator }, { confidence, multiplier: multiplier ?? 100000 })
        : calculateProportion({ numerator, denominator }, { confidence, multiplier: multiplier ?? 1 }),
    );
    return {
      ...key,
      numerator,
      denominator,
      ...estimateColumns(estimate),
      multiplier: multiplier ?? (method === 'rate' ? 100000 : 1),
    };
  });
  return { rows, warnings: [] };
}

function meanOutput(input: InputTable, groupBy: string[], options: StatsOptions): StatsOutput {
  input.require('value');
  const confidence = confidenceOption(options.confidence);
  const rows = input.groups(groupBy).map(({ key, rows: members }) => {
    const values = members.map((r) => input.number(r, 'value')!);
    const estimate = forGroup(input.file, key, () => calculateMean(values, { confidence }));
    return {
      ...key,
      value_sum: estimate.valueSum,
      value_count: estimate.valueCount,
      stdev: estimate.stdev,
      ...estimateColumns(estimate),
    };
  });
  return { rows, warnings: [] };
}

function dsrOutput(input: InputTable, groupBy: string[], options: StatsOptions): StatsOutput {
  const nonIndependent = input.has('frequency');
  input.require('age_band', 'denominator', ...(nonIndependent ? ['persons'] : ['numerator']));
  const confidence = confidenceOption(options.confidence);
  const multiplier = optionNumber('multiplier', options.multiplier) ?? 100000;
  const warnings: ResultWarning[] = [];
  const rows = input.groups(groupBy).map(({ key, rows: members }) => {
    const bands = new Map<string, DsrBand & { persons?: { frequency: number; persons: number | null }[] }>();
    for (const r of members) {
      const band = input.text(r, 'age_band');
      const denominator = input.number(r, 'denominator', { above: 0 })!;
      const standardPopulation = input.has('standard_population')
        ? input.number(r, 'standard_population', { min: 0 })!
        : undefined;
      const existing = bands.get(band);
      if (!nonIndependent && existing) {
        fail('FP_STATS_BAD_INPUT', `The age band ${band} appears twice in one group.`, {
          where: { file: input.file, row: r + 1, field: 'age_band' },
          received: band,
          accepted: 'one row per age band per group',
        });
      }
      if (existing && (existing.denominator !== denominator || existing.standardPopulation !== standardPopulation)) {
        fail('FP_STATS_BAD_INPUT', `The age band ${band} has two different populations or weights in one group.`, {
          where: { file: input.file, row: r + 1, field: 'denominator' },
          received: String(denominator),
          accepted: `${existing.denominator}, as on the band's other rows`,
        });
      }
      const entry = existing ?? {
        band,
        denominator,
        ...(standardPopulation === undefined ? {} : { standardPopulation }),
        ...(nonIndependent ? { persons: [] } : { numerator: input.number(r, 'numerator', { min: 0, missing: true }) }),
      };
      if (nonIndependent) {
        entry.persons!.push({
          frequency: input.number(r, 'frequency', { min: 1 })!,
          persons: input.number(r, 'persons', { min: 0, missing: true }),
        });
      }
      bands.set(band, entry);
    }
    const estimate = forGroup(input.file, key, () => calculateDsr([...bands.values()], { confidence, multiplier }));
    warnings.push(...estimate.warnings.map((w) => ({ ...w, where: { file: input.file } })));
    return { ...key, total_count: estimate.totalCount, total_pop: estimate.totalPop, ...estimateColumns(estimate) };
  });
  return { rows, warnings };
}

function isrOutput(input: InputTable, groupBy: string[], options: StatsOptions): StatsOutput {
  input.require('numerator', 'denominator', 'reference_numerator', 'reference_denominator');
  const confidence = confidenceOption(options.confidence);
  const type = options.type ?? 'ratio';
  if (type !== 'ratio' && type !== 'rate') {
    fail('FP_CLI_BAD_OPTION', 'The --type option must be ratio or rate.', {
      where: { field: 'type' },
      received: type,
      accepted: 'ratio, rate',
    });
  }
  const multiplier = optionNumber('multiplier', options.multiplier);
  const referenceValue = optionNumber('reference-value', options.referenceValue);
  const rows = input.groups(groupBy).map(({ key, rows: members }) => {
    const bands: IsrBand[] = members.map((r) => ({
      numerator: input.number(r, 'numerator', { min: 0, missing: true }),
      denominator: input.number(r, 'denominator', { min: 0, missing: true }),
      referenceNumerator: input.number(r, 'reference_numerator', { min: 0, missing: true }),
      referenceDenominator: input.number(r, 'reference_denominator', { above: 0 })!,
    }));
    const estimate = forGroup(input.file, key, () =>
      calculateIsr(bands, {
        confidence,
        type,
        ...(multiplier === undefined ? {} : { multiplier }),
        ...(referenceValue === undefined ? {} : { referenceValue }),
      }),
    );
    return {
      ...key,
      observed: estimate.observed,
      expected: estimate.expected,
      ...(type === 'rate' ? { ref_rate: estimate.referenceRate } : {}),
      ...estimateColumns(estimate),
    };
  });
  return { rows, warnings: [] };
}

/** Funnel: each row is one unit (area, provider, …); its other columns are carried to the units table. */
function funnelOutput(input: InputTable, groupBy: string[], options: StatsOptions): StatsOutput {
  if (groupBy.length > 0) {
    fail('FP_CLI_BAD_OPTION', 'A funnel takes one row per unit, so --group-by does not apply.', {
      where: { field: 'group-by' },
      received: groupBy.join(','),
      accepted: 'no --group-by; sum the rows per unit first',
    });
  }
  const statistic = options.type;
  if (statistic !== 'proportion' && statistic !== 'ratio' && statistic !== 'rate') {
    fail('FP_CLI_BAD_OPTION', 'A funnel needs --type proportion, ratio or rate.', {
      where: { field: 'type' },
      received: statistic ?? '(none)',
      accepted: 'proportion, ratio, rate',
    });
  }
  input.require('numerator', ...(statistic === 'rate' ? ['rate'] : ['denominator']));
  const hasDenominator = input.has('denominator');
  const units: FunnelUnit[] = input.table.rows.map((_, r) => ({
    numerator: input.number(r, 'numerator', { min: 0 })!,
    denominator: hasDenominator ? input.number(r, 'denominator', { above: 0, missing: statistic === 'rate' }) : null,
    ...(statistic === 'rate' ? { rate: input.number(r, 'rate', { min: 0, missing: true }) } : {}),
  }));
  const funnelOptions = {
    statistic,
    ...(options.rateType === undefined ? {} : { rateType: options.rateType }),
    ...(options.ratioType === undefined ? {} : { ratioType: options.ratioType }),
    ...(options.multiplier === undefined ? {} : { multiplier: optionNumber('multiplier', options.multiplier) }),
    ...(options.yearsOfData === undefined ? {} : { yearsOfData: optionNumber('years-of-data', options.yearsOfData) }),
    overdispersion: options.overdispersion ?? false,
  } as FunnelOptions;
  const { significance, limits } = forGroup(input.file, {}, () => ({
    significance: assignFunnelSignificance(units, funnelOptions),
    limits: calculateFunnelLimits(units, funnelOptions),
  }));
  const unitRows = significance.units.map((unit, r) => ({
    ...Object.fromEntries(input.table.header.map((column, i) => [column, input.table.rows[r]![i]!])),
    value: unit.value,
    denominator_derived: unit.denominator,
    significance: unit.significance,
    baseline: significance.baseline,
    statistic: significance.statistic,
    method: significance.method,
  }));
  const limitRows = funnelLimitColumns(limits);
  const table = options.table ?? 'units';
  if (table !== 'units' && table !== 'limits') {
    fail('FP_CLI_BAD_OPTION', 'The --table option is not one of the funnel tables.', {
      where: { field: 'table' },
      received: table,
      accepted: 'units, limits',
    });
  }
  const overdispersion = limits.overdispersion
    ? [
        {
          phi: limits.overdispersion.phi,
          tau2: limits.overdispersion.tau2,
          units: limits.overdispersion.units,
          scale: limits.overdispersion.scale,
        },
      ]
    : [];
  return {
    rows: table === 'limits' ? limitRows : unitRows,
    extra: { units: unitRows, limits: limitRows, overdispersion },
    // The units and the limits carry the same overdispersion warning; report it once.
    warnings: significance.warnings.map((w) => ({ ...w, where: { file: input.file } })),
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function spcOutput(input: InputTable, options: StatsOptions): StatsOutput {
  input.require('x', 'y');
  const hasFacet = input.has('facet');
  const points: SpcPoint[] = input.table.rows.map((_, r) => {
    const raw = input.text(r, 'x');
    const numeric = raw !== '' && Number.isFinite(Number(raw));
    if (!numeric && !(ISO_DATE.test(raw) && !Number.isNaN(Date.parse(raw)))) {
      fail('FP_STATS_BAD_INPUT', 'The x is not a date.', {
        where: { file: input.file, row: r + 1, field: 'x' },
        received: raw,
        accepted: 'a date YYYY-MM-DD, or a number',
      });
    }
    return {
      x: numeric ? Number(raw) : raw,
      y: input.number(r, 'y')!,
      ...(hasFacet ? { facet: input.text(r, 'facet') } : {}),
    };
  });
  // Dates must run forward within each facet: a file out of order is more often a mistake than a choice.
  const lastByFacet = new Map<string, { x: string | number; row: number }>();
  points.forEach((point, r) => {
    const previous = lastByFacet.get(point.facet ?? '');
    if (previous && typeof previous.x === typeof point.x && point.x <= previous.x) {
      fail(
        'FP_STATS_BAD_INPUT',
        point.x === previous.x ? `The date ${point.x} is duplicated.` : 'The dates are out of order.',
        {
          where: { file: input.file, row: r + 1, field: 'x' },
          received: `${point.x} after ${previous.x} (row ${previous.row + 1})`,
          accepted: 'dates in increasing order, one row per date (per facet)',
        },
      );
    }
    lastByFacet.set(point.facet ?? '', { x: point.x, row: r });
  });
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.facet ?? '', (counts.get(p.facet ?? '') ?? 0) + 1);
  for (const [facet, count] of counts) {
    if (count < 2) {
      fail('FP_STATS_BAD_INPUT', 'SPC needs at least two points per series.', {
        where: { file: input.file, field: 'y' },
        received: `${count} point${facet ? ` for facet ${facet}` : ''}`,
        accepted: '2 or more points (13 or more for firm limits)',
      });
    }
  }
  const improvement = (options.improvement ?? 'increase') as ImprovementDirection;
  const fixAfter = optionNumber('fix-after', options.fixAfter);
  const target = optionNumber('target', options.target);
  const rebase = options.rebase
    ? options.rebase.split(',').map((d) => (Number.isFinite(Number(d)) && d.trim() !== '' ? Number(d) : d.trim()))
    : [];
  const result = forGroup(input.file, {}, () =>
    calculateSpc(points, {
      improvement,
      screenOutliers: options.screenOutliers ?? true,
      fixAfter: fixAfter ?? null,
      rebase,
      target: target ?? null,
    }),
  );
  const summary = new Map(result.facets.map((f) => [f.facet, f]));
  const rows = result.points.map((p) => ({
    ...(hasFacet ? { facet: p.facet } : {}),
    x: p.x,
    y: p.y,
    rebase_group: p.group,
    mean: p.mean,
    lpl: p.lpl,
    upl: p.upl,
    lower_2sigma: p.lower2Sigma,
    upper_2sigma: p.upper2Sigma,
    special_cause_type: p.specialCauseType,
    special_cause_flag: p.specialCauseFlag,
    point_type: p.pointType,
    variation_type: summary.get(p.facet)!.variationType,
    assurance_type: summary.get(p.facet)!.assuranceType,
  }));
  const groups = result.groups.map((g) => ({
    ...(hasFacet ? { facet: g.facet } : {}),
    rebase_group: g.group,
    start: g.start,
    n: g.n,
    mean: g.mean,
    lpl: g.lpl,
    upl: g.upl,
    common_cause: g.commonCause,
    special_cause_improvement: g.improvement,
    special_cause_concern: g.concern,
    trial_limits: g.trialLimits,
  }));
  const facets = result.facets.map((f) => ({
    ...(hasFacet ? { facet: f.facet } : {}),
    variation_type: f.variationType,
    assurance_type: f.assuranceType,
    improvement,
    target: target ?? null,
    method: result.method,
  }));
  const table = options.table ?? 'points';
  if (!['points', 'groups', 'summary'].includes(table)) {
    fail('FP_CLI_BAD_OPTION', 'The --table option is not one of the SPC tables.', {
      where: { field: 'table' },
      received: table,
      accepted: 'points, groups, summary',
    });
  }
  const chosen = table === 'groups' ? groups : table === 'summary' ? facets : rows;
  return {
    rows: chosen,
    extra: { groups, summary: facets },
    warnings: result.warnings.map((w) => ({ ...w, where: { file: input.file, ...w.where } })),
  };
}

function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(rows: Record_[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))];
  return `${lines.join('\n')}\n`;
}

/** Runs one method on a CSV file and returns the text to write. */
export function runStats(method: string, options: StatsOptions): { text: string; warnings: ResultWarning[] } {
  if (!(STATS_METHODS as readonly string[]).includes(method)) {
    fail('FP_CLI_BAD_OPTION', `The stats method ${method} is not one Footprint offers.`, {
      where: { field: 'method' },
      received: method,
      accepted: STATS_METHODS.join(', '),
    });
  }
  const format = options.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') {
    fail('FP_CLI_BAD_OPTION', 'The --format option must be csv or json.', {
      where: { field: 'format' },
      received: format,
      accepted: 'csv, json',
    });
  }
  let text: string;
  try {
    text = readFileSync(options.input, 'utf8');
  } catch {
    fail('FP_STATS_BAD_INPUT', 'The input file cannot be read.', {
      where: { file: options.input },
      accepted: 'a readable CSV file',
    });
  }
  const input = new InputTable(options.input, parseCsv(text, options.input));
  const groupBy = options.groupBy
    ? options.groupBy
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
    : [];
  const output = ((): StatsOutput => {
    switch (method as StatsMethod) {
      case 'rate':
      case 'proportion':
        return countAndPopulation(method as 'rate' | 'proportion', input, groupBy, options);
      case 'mean':
        return meanOutput(input, groupBy, options);
      case 'dsr':
        return dsrOutput(input, groupBy, options);
      case 'isr':
        return isrOutput(input, groupBy, options);
      case 'funnel':
        return funnelOutput(input, groupBy, options);
      case 'spc':
        return spcOutput(input, options);
    }
  })();
  if (format === 'json') {
    const body =
      method === 'spc'
        ? { points: output.rows, ...output.extra, warnings: output.warnings }
        : method === 'funnel'
          ? { ...output.extra, warnings: output.warnings }
          : { results: output.rows, warnings: output.warnings };
    return { text: `${JSON.stringify(body, null, 2)}\n`, warnings: output.warnings };
  }
  return { text: formatCsv(output.rows), warnings: output.warnings };
}

export function register(program: Command): void {
  program
    .command('stats')
    .description('Run a statistics method (rate, proportion, mean, dsr, isr, funnel, spc) on your own CSV file.')
    .argument('<method>', STATS_METHODS.join(' | '))
    .requiredOption('--input <file>', 'CSV file (columns per method: see docs/methods.md)')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--out <file>', 'write here instead of to standard output')
    .option('--group-by <columns>', 'comma-separated columns to group by (rate, proportion, mean, dsr, isr)')
    .option('--multiplier <n>', 'rate per this many (rate, dsr, isr rate, funnel rate: 100000; proportion: 1)')
    .option('--confidence <levels>', 'confidence levels, comma-separated', '0.95,0.998')
    .option('--type <type>', 'isr: ratio (default) or rate; funnel: proportion, ratio or rate')
    .option('--reference-value <n>', 'isr ratio: 1 or 100', '1')
    .option('--improvement <direction>', 'spc: increase, decrease or neutral', 'increase')
    .option('--screen-outliers', 'spc: drop moving ranges ≥ 3.267 × average (default)')
    .option('--no-screen-outliers', 'spc: keep every moving range (as the Making Data Count Excel tool)')
    .option('--fix-after <n>', 'spc: fix limits after the first n points of each group (n ≥ 12)')
    .option('--rebase <dates>', 'spc: comma-separated dates at which new limits start')
    .option('--target <t>', 'spc: target, for the assurance icon')
    .option('--table <table>', 'csv output: spc points (default), groups or summary; funnel units (default) or limits')
    .option('--rate-type <type>', 'funnel rate: crude (default) or dsr')
    .option('--ratio-type <type>', 'funnel ratio limits as ratio (default), count (ratio − 1) or isr (ratio × 100)')
    .option('--years-of-data <n>', 'funnel rate: years the counts cover (default 1)')
    .option('--overdispersion', 'funnel: widen the limits for overdispersion (random effects)')
    .action((method: string, options: StatsOptions) => {
      const { text, warnings } = runStats(method, options);
      if (options.out) writeFileSync(options.out, text);
      else cliSession().stdout.write(text);
      for (const warning of warnings) cliSession().stderr.write(`${warning.code}: ${warning.message}\n`);
    });
}
