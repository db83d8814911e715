// The plain in-memory reference every engine must agree with: the engine questions answered in TypeScript
// from activity rows and the toy reference maps, with core's flowMatrix for flows. Money is whole pence, so
// every sum is exact; activity values in the tests are halves, so float sums are exact in any order.
import {
  compareText,
  type Flow,
  flowMatrix,
  UNALLOCATED,
  type UnknownResidenceRule,
} from '../../../src/core/basis/index.ts';
import type { GeographyVintage } from '../../../src/core/geography/vintage.ts';
import type { FinancialYear, IcbCode, ProviderCode, ServiceCode } from '../../../src/core/units.ts';
import type { UtilisationCell } from '../../../src/core/variation/utilisation-cell.ts';
import type {
  ActivityTotal,
  PodSpend,
  PracticeSpend,
  ServiceCostDistribution,
  ServicePatientFlow,
  ServicePatientsByAgeSex,
} from '../../../src/data/engines/engine.ts';

export interface ReferenceRow {
  financialYear: string;
  provider: string;
  /** null = not known (blank in the file). */
  residence: string | null;
  service: string;
  pod: string;
  ageBand: string | null;
  sex: 'M' | 'F' | 'U' | null;
  activity: number;
  patients: number | null;
  costPence: number;
  gpPractice: string | null;
}

export interface ReferenceMaps {
  /** residence code → ICB per vintage */
  residence: Record<string, Record<GeographyVintage, string>>;
  /** provider → host ICB per vintage (null: no known host) */
  providerHost: Record<string, Record<GeographyVintage, string | null>>;
  /** GP practice → its 2026 ICB */
  practiceIcb: Record<string, string>;
}

export class ReferenceEngine {
  readonly #rows: readonly ReferenceRow[];
  readonly #maps: ReferenceMaps;

  constructor(rows: readonly ReferenceRow[], maps: ReferenceMaps) {
    this.#rows = rows;
    this.#maps = maps;
  }

  #icb(row: ReferenceRow, vintage: GeographyVintage): string | null {
    return row.residence === null ? null : (this.#maps.residence[row.residence]?.[vintage] ?? null);
  }

  #host(provider: string, vintage: GeographyVintage): string {
    return this.#maps.providerHost[provider]?.[vintage] ?? UNALLOCATED;
  }

  flows(vintage: GeographyVintage, rule: UnknownResidenceRule): Flow[] {
    const providerHostIcb = new Map<ProviderCode, IcbCode | null>();
    for (const [code, hosts] of Object.entries(this.#maps.providerHost)) {
      providerHostIcb.set(code as ProviderCode, hosts[vintage] as IcbCode | null);
    }
    return flowMatrix(
      this.#rows.map((r) => ({
        financialYear: r.financialYear as FinancialYear,
        providerCode: r.provider as ProviderCode,
        residentIcb: this.#icb(r, vintage) as IcbCode | null,
        serviceCode: r.service as ServiceCode,
        activity: r.activity,
        costPence: r.costPence,
      })),
      { providerHostIcb, unknownResidenceRule: rule },
    );
  }

  totals(vintage: GeographyVintage): ActivityTotal[] {
    const totals = new Map<string, ActivityTotal>();
    for (const r of this.#rows) {
      const key = `${r.financialYear}|${r.service}`;
      const t = totals.get(key) ?? {
        financialYear: r.financialYear as FinancialYear,
        serviceCode: r.service as ServiceCode,
        rows: 0,
        activity: 0,
        costPence: 0,
        unknownResidenceRows: 0,
        unknownResidenceCostPence: 0,
      };
      t.rows += 1;
      t.activity += r.activity;
      t.costPence += r.costPence;
      if (this.#icb(r, vintage) === null) {
        t.unknownResidenceRows += 1;
        t.unknownResidenceCostPence += r.costPence;
      }
      totals.set(key, t);
    }
    return [...totals.values()].sort(
      (a, b) => compareText(a.financialYear, b.financialYear) || compareText(a.serviceCode, b.serviceCode),
    );
  }

  podSpend(year: string, vintage: GeographyVintage, rule: UnknownResidenceRule): PodSpend[] {
    const cells = new Map<string, PodSpend>();
    for (const r of this.#rows.filter((row) => row.financialYear === year)) {
      const resident =
        this.#icb(r, vintage) ?? (rule === 'unallocated' ? UNALLOCATED : this.#host(r.provider, vintage));
      const key = [resident, r.provider, r.service, r.pod].join('|');
      const cell = cells.get(key) ?? {
        residentIcb: resident as IcbCode,
        providerCode: r.provider as ProviderCode,
        serviceCode: r.service as ServiceCode,
        pod: r.pod as PodSpend['pod'],
        spendPence: 0,
      };
      cell.spendPence += r.costPence;
      cells.set(key, cell);
    }
    return [...cells.values()].sort(
      (a, b) =>
        compareText(a.residentIcb, b.residentIcb) ||
        compareText(a.providerCode, b.providerCode) ||
        compareText(a.serviceCode, b.serviceCode) ||
        compareText(a.pod, b.pod),
    );
  }

  utilisation(vintage: GeographyVintage): UtilisationCell[] {
    const cells = new Map<string, UtilisationCell>();
    for (const r of this.#rows) {
      const icb = this.#icb(r, vintage);
      const sex = r.sex === 'M' || r.sex === 'F' ? r.sex : null;
      const key = [r.financialYear, icb, r.service, r.ageBand, sex].join('|');
      const cell = cells.get(key) ?? {
        financialYear: r.financialYear as FinancialYear,
        icbCode: icb as IcbCode | null,
        serviceCode: r.service as ServiceCode,
        ageBand: r.ageBand,
        sex,
        activity: 0,
        patients: null,
        spendPence: 0,
        rows: 0,
      };
      cell.activity += r.activity;
      if (r.patients !== null) cell.patients = (cell.patients ?? 0) + r.patients;
      cell.spendPence += r.costPence;
      cell.rows += 1;
      cells.set(key, cell);
    }
    return sortCells([...cells.values()]);
  }

  practiceSpend(year: string, icb: string): PracticeSpend[] {
    const cells = new Map<string, PracticeSpend>();
    for (const r of this.#rows) {
      if (r.financialYear !== year || r.gpPractice === null || this.#maps.practiceIcb[r.gpPractice] !== icb) continue;
      const key = `${r.gpPractice}|${r.service}`;
      const cell = cells.get(key) ?? {
        practiceCode: r.gpPractice,
        serviceCode: r.service as ServiceCode,
        activity: 0,
        spendPence: 0,
      };
      cell.activity += r.activity;
      cell.spendPence += r.costPence;
      cells.set(key, cell);
    }
    return [...cells.values()].sort(
      (a, b) => compareText(a.practiceCode, b.practiceCode) || compareText(a.serviceCode, b.serviceCode),
    );
  }
}

/** SQL's ascending order with NULLs last. */
const nullsLast = (a: string | null, b: string | null) =>
  a === null || b === null ? (a === b ? 0 : a === null ? 1 : -1) : compareText(a, b);

/** Delegation evidence, answered from the same rows: patients are the rows' patients, else their activity. */
export class ReferenceEvidence {
  readonly #rows: readonly ReferenceRow[];
  readonly #maps: ReferenceMaps;

  constructor(rows: readonly ReferenceRow[], maps: ReferenceMaps) {
    this.#rows = rows;
    this.#maps = maps;
  }

  patientsByAgeSex(year: string): ServicePatientsByAgeSex[] {
    const cells = new Map<string, ServicePatientsByAgeSex>();
    for (const r of this.#rows.filter((row) => row.financialYear === year)) {
      const key = [r.service, r.ageBand, r.sex].join('|');
      const cell = cells.get(key) ?? {
        serviceCode: r.service as ServiceCode,
        ageBand: r.ageBand,
        sex: r.sex,
        patients: 0,
      };
      cell.patients += r.patients ?? r.activity;
      cells.set(key, cell);
    }
    return [...cells.values()].sort(
      (a, b) => compareText(a.serviceCode, b.serviceCode) || nullsLast(a.ageBand, b.ageBand) || nullsLast(a.sex, b.sex),
    );
  }

  patientFlows(year: string, vintage: GeographyVintage): ServicePatientFlow[] {
    const cells = new Map<string, ServicePatientFlow>();
    for (const r of this.#rows.filter((row) => row.financialYear === year)) {
      const icb = r.residence === null ? undefined : this.#maps.residence[r.residence]?.[vintage];
      if (icb === undefined) continue;
      const key = [icb, r.provider, r.service].join('|');
      const cell = cells.get(key) ?? {
        residentIcb: icb as IcbCode,
        providerCode: r.provider as ProviderCode,
        providerIcb: (this.#maps.providerHost[r.provider]?.[vintage] ?? null) as IcbCode | null,
        serviceCode: r.service as ServiceCode,
        patients: 0,
        recordedPatients: 0,
        activity: 0,
        spendPence: 0,
      };
      cell.patients += r.patients ?? r.activity;
      cell.recordedPatients += r.patients ?? 0;
      cell.activity += r.activity;
      cell.spendPence += r.costPence;
      cells.set(key, cell);
    }
    return [...cells.values()].sort(
      (a, b) =>
        compareText(a.serviceCode, b.serviceCode) ||
        compareText(a.residentIcb, b.residentIcb) ||
        compareText(a.providerCode, b.providerCode),
    );
  }

  /** Every qualifying row's cost per patient is in the sample (the tests ask for more than there are rows). */
  costDistribution(year: string): ServiceCostDistribution[] {
    const byService = new Map<string, { p: number; c: number }[]>();
    for (const r of this.#rows) {
      const p = r.patients ?? r.activity;
      if (r.financialYear !== year || p <= 0 || r.costPence <= 0) continue;
      byService.set(r.service, [...(byService.get(r.service) ?? []), { p, c: r.costPence / 100 }]);
    }
    return [...byService.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([service, rows]) => {
        const patients = rows.reduce((s, r) => s + r.p, 0);
        const meanCost = rows.reduce((s, r) => s + r.c, 0) / patients;
        const variance = rows.reduce((s, r) => s + r.p * (r.c / r.p - meanCost) ** 2, 0) / patients;
        return {
          serviceCode: service as ServiceCode,
          patients,
          meanCost,
          cvCost: Math.sqrt(variance) / meanCost,
          sample: rows.map((r) => r.c / r.p),
        };
      });
  }
}

/** Cost distributions made comparable across engines: floats to 12 significant figures (sums in another order
 * differ in the last bits) and the sample as a sorted multiset (each engine orders it by its own hash). */
export function comparableDistributions(distributions: ServiceCostDistribution[]) {
  const round = (x: number) => Number(x.toPrecision(12));
  return distributions.map((d) => ({
    serviceCode: d.serviceCode,
    patients: d.patients,
    meanCost: round(d.meanCost),
    cvCost: Math.round(d.cvCost * 1e9) / 1e9,
    sample: d.sample.map(round).sort((a: number, b: number) => a - b),
  }));
}

/** Utilisation cells in one order (engines return them unordered). */
export function sortCells(cells: UtilisationCell[]): UtilisationCell[] {
  const text = (v: string | null) => v ?? '';
  return cells.sort(
    (a, b) =>
      compareText(a.financialYear, b.financialYear) ||
      compareText(text(a.icbCode), text(b.icbCode)) ||
      compareText(a.serviceCode, b.serviceCode) ||
      compareText(text(a.ageBand), text(b.ageBand)) ||
      compareText(text(a.sex), text(b.sex)),
  );
}
