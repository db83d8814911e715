// Draws synthetic activity rows in the import schema from the activity model, one CSV line at a time.
// Each row is an aggregate cell: a month's activity of one provider × residence × service × point of
// delivery × age band × sex. The row budget (row-budget.ts) makes national spend per year land on the
// calibration target whatever the number of rows. One random stream, consumed in row order, so the same
// seed gives the same rows.
import { ACTIVITY_COLUMNS, type PointOfDelivery } from '../activity/activity-record.ts';
import type { GeneratorAssumptions } from '../definitions/generator-assumptions.ts';
import { type FinancialYear, financialYearStart } from '../units.ts';
import type { ActivityModel } from './activity-model.ts';
import { serviceProviderShares } from './activity-model.ts';
import { type AliasTable, buildAliasTable, sampleAlias } from './alias-table.ts';
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
  /** Appends `count` CSV lines (each ending in a newline) and returns them as one string. */
  nextLines(count: number): string;
  /** Sum of the cost column so far, in pence (exact: integers below 2^53). */
  readonly totalPence: number;
}

/** Spend for a year: the base-year target grown at the annual growth rate. */
export function yearSpendTarget(assumptions: GeneratorAssumptions, year: FinancialYear): number {
  const c = assumptions.calibration;
  const years = financialYearStart(year) - financialYearStart(c.baseYear as FinancialYear);
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

  const providerCodes = model.services.map((s) => s.providers.map((p) => csvField(p.code)));
  const serviceCodes = model.services.map((s) => csvField(s.service.serviceCode));
  const areaCodes = model.areas.map((a) => csvField(a.code));
  const practiceCodes = model.practiceCodes.map((codes) => codes.map(csvField));
  const olderCodes = model.areas.map((a) => a.olderCodes.map(csvField));
  const gravity = new Map<number, AliasTable>();
  const gravityTable = (service: number, area: number) => {
    const key = service * model.areas.length + area;
    let table = gravity.get(key);
    if (!table) {
      table = buildAliasTable(serviceProviderShares(model, model.services[service]!, area));
      gravity.set(key, table);
    }
    return table;
  };

  let totalPence = 0;
  const nextLine = (): string => {
    const cell = cells[sampleAlias(cellTable, random)]!;
    const service = model.services[cell.service]!;
    const demand = model.demandCells[sampleAlias(service.demand, random)]!;
    const provider = providerCodes[cell.service]![sampleAlias(gravityTable(cell.service, demand.area), random)]!;
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
    const older = olderCodes[demand.area]!;
    let residence: string;
    if (u < unknownShare) residence = '';
    else if (
      u < unknownShare + olderShare &&
      older.length > 0 &&
      yearStarts.get(cell.year)! < FIRST_2026_GEOGRAPHY_YEAR
    ) {
      residence = older[random.nextInt(older.length)]!;
    } else residence = areaCodes[demand.area]!;
    const practices = model.practices[demand.area];
    const practice = residence === '' || !practices ? '' : practiceCodes[demand.area]![sampleAlias(practices, random)]!;
    totalPence += pence;
    return `${cell.year},${month},${provider},${residence},${serviceCodes[cell.service]},${cell.pod},${demand.ageBand},${demand.sex},${activity},${formatPence(pence)},${patients},${practice}\n`;
  };

  return {
    header: `${ACTIVITY_COLUMNS.join(',')}\n`,
    targetSpend,
    nextLines(count: number) {
      let text = '';
      for (let i = 0; i < count; i++) text += nextLine();
      return text;
    },
    get totalPence() {
      return totalPence;
    },
  };
}
