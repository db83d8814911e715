// Draws synthetic activity rows in the import schema from the activity model, one CSV line at a time.
// Each row is an aggregate cell: a month's activity of one provider × residence × service × point of
// delivery × age band × sex. The row budget (row-budget.ts) makes national spend per year land on the
// calibration target whatever the number of rows. One random stream, consumed in row order, so the same
// seed gives the same rows. Lines are written as bytes (csv-bytes.ts), so a row leaves no garbage behind.
import { ACTIVITY_COLUMNS, type PointOfDelivery } from '../activity/activity-record.ts';
import type { GeneratorAssumptions } from '../definitions/generator-assumptions.ts';
import { type FinancialYear, financialYearStart } from '../units.ts';
import type { ActivityModel } from './activity-model.ts';
import { serviceProviderShares } from './activity-model.ts';
import { type AliasTable, buildAliasTable, sampleAlias } from './alias-table.ts';
import { CsvBytes, encodeField } from './csv-bytes.ts';
import { lognormalMeanOne, poisson } from './distributions.ts';
import { planRowBudget } from './row-budget.ts';
import { SeededRandom, streamSeed } from './seeded-random.ts';

/** The first financial year of the 2026 geography: earlier rows may carry older-vintage codes. */
const FIRST_2026_GEOGRAPHY_YEAR = 2026;

interface Cell {
  year: FinancialYear;
  service: number;
  pod: PointOfDelivery;
  unitCost: number;
  meanActivity: number;
}

export interface ActivitySampler {
  readonly header: string;
  /** National spend planned for each year (pounds), before sampling noise. */
  readonly targetSpend: Map<FinancialYear, number>;
  /** The next `count` CSV lines (each ending in a newline) as UTF-8 bytes, which the caller keeps. */
  nextLines(count: number): Uint8Array;
  /** Sum of the cost column so far, in pence (exact: integers below 2^53). */
  readonly totalPence: number;
}

/** Spend for a year: the base-year target grown at the annual growth rate. */
export function yearSpendTarget(assumptions: GeneratorAssumptions, year: FinancialYear): number {
  const c = assumptions.calibration;
  const years = financialYearStart(year) - financialYearStart(c.baseYear);
  return c.specialisedSpend.value * (1 + c.annualGrowth.value) ** years;
}

/** A CSV field: quoted only when it must be. */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatPence(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const pennies = abs % 100;
  return `${sign}${(abs - pennies) / 100}.${pennies < 10 ? '0' : ''}${pennies}`;
}

export function createActivitySampler(
  model: ActivityModel,
  assumptions: GeneratorAssumptions,
  years: readonly FinancialYear[],
  rows: number,
  seed: number,
): ActivitySampler {
  const targetSpend = new Map(years.map((y) => [y, yearSpendTarget(assumptions, y)]));
  const cells: Cell[] = [];
  const budgetCells: { spend: number; unitCost: number }[] = [];
  for (const year of years) {
    model.services.forEach((service, s) => {
      for (const pod of service.profile.pods) {
        cells.push({ year, service: s, pod: pod.pod, unitCost: pod.unitCost, meanActivity: 1 });
        budgetCells.push({
          spend: targetSpend.get(year)! * service.profile.spendShare * pod.spendShare,
          unitCost: pod.unitCost,
        });
      }
    });
  }
  const budget = planRowBudget(budgetCells, rows);
  // Services with a national patient count: patients per unit of activity, so a year's patients land on
  // the count (grown with spend). Units beyond national scale are smaller (costScale), so are patients.
  const baseSpend = assumptions.calibration.specialisedSpend.value;
  const patientsPerUnit = model.services.map((service) => {
    if (service.profile.patients === null) return null;
    const units = service.profile.pods.reduce(
      (sum, pod) => sum + (baseSpend * service.profile.spendShare * pod.spendShare) / pod.unitCost,
      0,
    );
    return units > 0 ? (service.profile.patients / units) * budget.costScale : null;
  });
  cells.forEach((cell, i) => {
    cell.meanActivity = budget.meanActivity[i]!;
  });
  const cellTable = buildAliasTable(budget.rowShares);
  const random = new SeededRandom(streamSeed(seed, 1));
  const sigma = assumptions.costNoiseSigma.value;
  const unknownShare = assumptions.residence.unknownShare.value;
  const olderShare = assumptions.residence.olderVintageShare.value;
  const perPatient = assumptions.activityPerPatient;
  const yearStarts = new Map(years.map((y) => [y, financialYearStart(y)]));

  const field = (text: string) => encodeField(csvField(text));
  const providerCodes = model.services.map((s) => s.providers.map((p) => field(p.code)));
  const serviceCodes = model.services.map((s) => field(s.service.serviceCode));
  const areaCodes = model.areas.map((a) => field(a.code));
  const practiceCodes = model.practiceCodes.map((codes) => codes.map(field));
  const olderCodes = model.areas.map((a) => a.olderCodes.map(field));
  const cellYears = cells.map((c) => field(c.year));
  const cellPods = cells.map((c) => field(c.pod));
  const cellEarly = cells.map((c) => yearStarts.get(c.year)! < FIRST_2026_GEOGRAPHY_YEAR);
  const ageBands = model.demandCells.map((d) => field(d.ageBand));
  const sexes = model.demandCells.map((d) => field(d.sex));
  // Built the first time a service × area is drawn: one table per pair, so memory is bounded by the model.
  const gravity: (AliasTable | undefined)[] = new Array(model.services.length * model.areas.length).fill(undefined);
  const gravityTable = (service: number, area: number) => {
    const key = service * model.areas.length + area;
    let table = gravity[key];
    if (!table) {
      table = buildAliasTable(serviceProviderShares(model, model.services[service]!, area));
      gravity[key] = table;
    }
    return table;
  };

  let totalPence = 0;
  const out = new CsvBytes(1 << 20);
  const writeLine = (): void => {
    const c = sampleAlias(cellTable, random);
    const cell = cells[c]!;
    const service = model.services[cell.service]!;
    const d = sampleAlias(service.demand, random);
    const area = model.demandCells[d]!.area;
    const provider = providerCodes[cell.service]![sampleAlias(gravityTable(cell.service, area), random)]!;
    const month = 1 + random.nextInt(12);
    const activity = 1 + poisson(random, cell.meanActivity - 1);
    const pence = Math.round(activity * cell.unitCost * budget.costScale * lognormalMeanOne(random, sigma) * 100);
    const ratio = patientsPerUnit[cell.service];
    // Rounded at random (up with the fraction's chance) so that sums stay on the count.
    const patients =
      ratio === null || ratio === undefined
        ? Math.max(1, Math.min(activity, Math.round(activity / perPatient[cell.pod].value)))
        : Math.min(activity, Math.floor(activity * ratio + random.next()));
    const u = random.next();
    const older = olderCodes[area]!;
    let residence: Uint8Array | null;
    if (u < unknownShare) residence = null;
    else if (u < unknownShare + olderShare && older.length > 0 && cellEarly[c]) {
      residence = older[random.nextInt(older.length)]!;
    } else residence = areaCodes[area]!;
    const practices = model.practices[area];
    const practice = residence === null || !practices ? null : practiceCodes[area]![sampleAlias(practices, random)]!;
    totalPence += pence;
    out.bytes(cellYears[c]!);
    out.comma();
    out.integer(month);
    out.comma();
    out.bytes(provider);
    out.comma();
    if (residence) out.bytes(residence);
    out.comma();
    out.bytes(serviceCodes[cell.service]!);
    out.comma();
    out.bytes(cellPods[c]!);
    out.comma();
    out.bytes(ageBands[d]!);
    out.comma();
    out.bytes(sexes[d]!);
    out.comma();
    out.integer(activity);
    out.comma();
    out.pence(pence);
    out.comma();
    out.integer(patients);
    out.comma();
    if (practice) out.bytes(practice);
    out.newline();
  };

  return {
    header: `${ACTIVITY_COLUMNS.join(',')}\n`,
    targetSpend,
    nextLines(count: number) {
      for (let i = 0; i < count; i++) writeLine();
      return out.take();
    },
    get totalPence() {
      return totalPence;
    },
  };
}
