// One provider's page: who it is and where, its specialised income over every year, the services it
// delivers, the ICBs whose residents it treats, and how it compares with England, its region and similar
// providers (src/core/providers/similar-providers.ts). A provider's spend is its income: provider basis.
// Population basis belongs to ICBs, so the page shows it as the other side of the same money: how much of
// the income is for residents of its host ICB (counted in that ICB's population-basis spend) and how much
// for residents of other ICBs.
import { z } from 'zod';
import type { TableColumn } from '../export-columns.ts';

const place = z.object({ code: z.string(), name: z.string() });

/** The comparison figures of a provider, or of a group of providers taken as one. */
export const providerMeasures = z.object({
  income: z.number(),
  /** Income ÷ patients, counting only the activity rows that carry a patient count; null with none. */
  perPatient: z.number().nullable(),
  /** Of the income, the part for residents of ICBs other than the provider's host (or of none known); null with no income. */
  outsideShare: z.number().nullable(),
  /** Change in income from the year before, as a fraction, for the same providers; null in the first year. */
  change: z.number().nullable(),
});

export const providerComparisonYear = z.object({
  financialYear: z.string(),
  provider: providerMeasures,
  region: providerMeasures.nullable(),
  peers: providerMeasures.nullable(),
  england: providerMeasures,
});

export const providerProfileAnswer = z.object({
  provider: z.object({
    code: z.string(),
    name: z.string(),
    /** Name with the code in brackets, as a person reads it. */
    label: z.string(),
    kind: z.string(),
    /** "NHS trust" or "Independent sector provider". */
    kindName: z.string(),
    postcode: z.string().nullable(),
    hostIcb: place.nullable(),
    region: place.nullable(),
  }),
  /** The year the services, ICBs and peers are for; null before any run. */
  financialYear: z.string().nullable(),
  /** Every year the run holds, oldest first. */
  years: z.array(z.string()),
  trend: z.array(
    z.object({
      financialYear: z.string(),
      income: z.number(),
      /** For residents of the host ICB: the part of the income in the host ICB's population-basis spend. */
      incomeFromHost: z.number(),
      /** For residents of other ICBs (and of none known). */
      incomeFromOutside: z.number(),
      activity: z.number(),
      /** Summed from the activity rows that carry a patient count; null when none do. */
      patients: z.number().nullable(),
    }),
  ),
  services: z.array(
    z.object({
      service: z.string(),
      name: z.string(),
      programme: z.string().nullable(),
      income: z.number(),
      activity: z.number(),
      patients: z.number().nullable(),
      /** This provider's part of England's spend on the service. */
      shareOfEngland: z.number().nullable(),
    }),
  ),
  residentIcbs: z.array(
    z.object({
      icb: z.string(),
      name: z.string(),
      income: z.number(),
      activity: z.number(),
      /** Of the provider's income in the year. */
      share: z.number().nullable(),
      host: z.boolean(),
    }),
  ),
  comparison: z.object({
    peerMethod: z.string(),
    peers: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        label: z.string(),
        hostIcbName: z.string().nullable(),
        income: z.number(),
        mixDifference: z.number(),
        nearness: z.number(),
      }),
    ),
    /** How many providers with income in the year the region and England groups hold. */
    regionProviders: z.number(),
    englandProviders: z.number(),
    years: z.array(providerComparisonYear),
  }),
});

export type ProviderProfile = z.infer<typeof providerProfileAnswer>;
export type ProviderMeasures = z.infer<typeof providerMeasures>;
export type ProviderComparisonYear = z.infer<typeof providerComparisonYear>;

export const PROVIDER_KIND_NAMES: Record<string, string> = {
  'nhs-trust': 'NHS trust',
  'independent-sector': 'Independent sector provider',
};

/** One provider's figures in one year, the input to the comparison. */
export interface ProviderYearFigures {
  providerCode: string;
  financialYear: string;
  income: number;
  incomeFromOutside: number;
  /** Patients on the activity rows that carry a count, and those rows' cost. */
  patients: number;
  patientCost: number;
}

/** The measures of a group of providers taken as one place: sums over the group, then the ratios. */
export function groupMeasures(
  figures: readonly ProviderYearFigures[],
  members: ReadonlySet<string> | null,
  year: string,
  yearBefore: string | null,
): ProviderMeasures {
  const sum = (y: string) => {
    const totals = { income: 0, incomeFromOutside: 0, patients: 0, patientCost: 0 };
    for (const f of figures) {
      if (f.financialYear !== y || (members && !members.has(f.providerCode))) continue;
      totals.income += f.income;
      totals.incomeFromOutside += f.incomeFromOutside;
      totals.patients += f.patients;
      totals.patientCost += f.patientCost;
    }
    return totals;
  };
  const now = sum(year);
  const before = yearBefore ? sum(yearBefore).income : 0;
  return {
    income: now.income,
    perPatient: now.patients > 0 ? now.patientCost / now.patients : null,
    outsideShare: now.income !== 0 ? now.incomeFromOutside / now.income : null,
    change: before !== 0 ? (now.income - before) / before : null,
  };
}

/** The provider beside its region, its peers and England in every year (years oldest first). */
export function providerComparisonYears(
  figures: readonly ProviderYearFigures[],
  groups: { provider: string; region: ReadonlySet<string> | null; peers: ReadonlySet<string> | null },
  years: readonly string[],
): ProviderComparisonYear[] {
  return years.map((financialYear, i) => {
    const before = i > 0 ? years[i - 1]! : null;
    return {
      financialYear,
      provider: groupMeasures(figures, new Set([groups.provider]), financialYear, before),
      region: groups.region ? groupMeasures(figures, groups.region, financialYear, before) : null,
      peers: groups.peers?.size ? groupMeasures(figures, groups.peers, financialYear, before) : null,
      england: groupMeasures(figures, null, financialYear, before),
    };
  });
}

// The export's tables: one workbook sheet each, or one as CSV (?table=).
export const PROVIDER_SERVICE_COLUMNS: TableColumn[] = [
  { key: 'service', header: 'Service code', kind: 'text' },
  { key: 'name', header: 'Service', kind: 'text' },
  { key: 'programme', header: 'Programme of care', kind: 'text' },
  { key: 'income', header: 'Income (£)', kind: 'money' },
  { key: 'patients', header: 'Patients', kind: 'number' },
  { key: 'activity', header: 'Activity', kind: 'number' },
  { key: 'shareOfEngland', header: "Share of England's spend", kind: 'share' },
];

export const PROVIDER_ICB_COLUMNS: TableColumn[] = [
  { key: 'icb', header: 'ICB code', kind: 'text' },
  { key: 'name', header: 'ICB', kind: 'text' },
  { key: 'income', header: 'Income (£)', kind: 'money' },
  { key: 'share', header: 'Share of income', kind: 'share' },
  { key: 'activity', header: 'Activity', kind: 'number' },
];

export const PROVIDER_YEAR_COLUMNS: TableColumn[] = [
  { key: 'financialYear', header: 'Financial year', kind: 'text' },
  { key: 'income', header: 'Income (£)', kind: 'money' },
  { key: 'incomeFromHost', header: 'For host ICB residents (£)', kind: 'money' },
  { key: 'incomeFromOutside', header: 'For other residents (£)', kind: 'money' },
  { key: 'patients', header: 'Patients', kind: 'number' },
  { key: 'activity', header: 'Activity', kind: 'number' },
];
