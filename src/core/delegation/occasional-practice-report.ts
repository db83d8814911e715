// The occasional practice report (GET /api/delegation/occasional-practice, `footprint delegation
// occasional-practice`, the occasional practice page): per service, the providers that see fewer patients a
// year for it than its minimum annual volume (the delegation rubric's), counted in patients the activity
// rows record (never activity standing in for them), with their activity, their patients and the ICBs whose
// residents they treat, named. The same count as the tiering evidence's occasional practice.
import { z } from 'zod';

/** One provider × service × resident ICB: the engine's patient flows, with names. */
export interface ProviderFlow {
  serviceCode: string;
  providerCode: string;
  /** providerLabel: 'Sheffield Teaching Hospitals NHS Foundation Trust (RHQ)'. */
  providerName: string;
  residentIcb: string;
  icbName: string;
  /** Patients the rows record. */
  patients: number;
  activity: number;
}

export const occasionalProvider = z.object({
  providerCode: z.string(),
  providerName: z.string(),
  /** The provider's patients for the service in the year (whose residence is known). */
  patients: z.number(),
  activity: z.number(),
  /** The ICBs whose residents it treats, most patients first. */
  icbsServed: z.array(z.object({ icbCode: z.string(), icbName: z.string(), patients: z.number() })),
});
export type OccasionalProvider = z.infer<typeof occasionalProvider>;

export const occasionalPracticeService = z.object({
  serviceCode: z.string(),
  serviceName: z.string(),
  minimumAnnualVolume: z.number(),
  /** Providers with patients for the service. */
  providers: z.number(),
  patients: z.number(),
  /** The providers under the minimum, fewest patients first. */
  occasional: z.array(occasionalProvider),
  occasionalPatients: z.number(),
  /** occasionalPatients ÷ patients; null with no patients. */
  occasionalShare: z.number().nullable(),
});
export type OccasionalPracticeService = z.infer<typeof occasionalPracticeService>;

export const occasionalPracticeAnswer = z.object({
  dataset: z.string().nullable(),
  financialYear: z.string().nullable(),
  /** The delegation rubric the minimum volumes come from ('delegation-default@1.0.0'). */
  rubric: z.string(),
  /** Whose residents the providers are listed for: 'England', or the organisation's name. */
  scope: z.string(),
  rows: z.array(occasionalPracticeService),
  /** The financial years with activity, for choosing another. */
  years: z.array(z.string()),
});
export type OccasionalPracticeAnswer = z.infer<typeof occasionalPracticeAnswer>;

export interface OccasionalPracticeQuestion {
  flows: readonly ProviderFlow[];
  services: readonly { serviceCode: string; name: string }[];
  minimumAnnualVolume: (serviceCode: string) => number;
  /** The ICBs whose residents' providers are listed; null for all. National volumes count every ICB. */
  icbs: ReadonlySet<string> | null;
}

/** Every service (catalogue order) with its providers under the minimum among those treating the scope's
 * residents. A provider's volume is national: all its recorded patients for the service. */
export function occasionalPracticeReport(q: OccasionalPracticeQuestion): OccasionalPracticeService[] {
  const byService = new Map<string, ProviderFlow[]>();
  for (const f of q.flows) {
    const list = byService.get(f.serviceCode) ?? [];
    list.push(f);
    byService.set(f.serviceCode, list);
  }
  return q.services.map((s) => {
    const minimum = q.minimumAnnualVolume(s.serviceCode);
    const providers = new Map<string, { name: string; patients: number; activity: number; icbs: ProviderFlow[] }>();
    for (const f of byService.get(s.serviceCode) ?? []) {
      const p = providers.get(f.providerCode) ?? { name: f.providerName, patients: 0, activity: 0, icbs: [] };
      p.patients += f.patients;
      p.activity += f.activity;
      if (f.patients > 0) p.icbs.push(f);
      providers.set(f.providerCode, p);
    }
    const withPatients = [...providers].filter(([, p]) => p.patients > 0);
    const occasional = withPatients
      .filter(([, p]) => p.patients < minimum && (q.icbs === null || p.icbs.some((f) => q.icbs!.has(f.residentIcb))))
      .map(([providerCode, p]) => ({
        providerCode,
        providerName: p.name,
        patients: p.patients,
        activity: p.activity,
        icbsServed: p.icbs
          .map((f) => ({ icbCode: f.residentIcb, icbName: f.icbName, patients: f.patients }))
          .sort((a, b) => b.patients - a.patients || a.icbName.localeCompare(b.icbName)),
      }))
      .sort((a, b) => a.patients - b.patients || a.providerName.localeCompare(b.providerName));
    const patients = withPatients.reduce((sum, [, p]) => sum + p.patients, 0);
    const occasionalPatients = occasional.reduce((sum, p) => sum + p.patients, 0);
    return {
      serviceCode: s.serviceCode,
      serviceName: s.name,
      minimumAnnualVolume: minimum,
      providers: withPatients.length,
      patients,
      occasional,
      occasionalPatients,
      occasionalShare: patients > 0 ? occasionalPatients / patients : null,
    };
  });
}

type Column = { key: string; header: string; kind: 'text' | 'number' | 'money' | 'share' };

/** One row per service × provider under the minimum: CSV, Excel and the CLI. */
export const OCCASIONAL_PRACTICE_COLUMNS: readonly Column[] = [
  { key: 'serviceCode', header: 'Service code', kind: 'text' },
  { key: 'serviceName', header: 'Service', kind: 'text' },
  { key: 'minimumAnnualVolume', header: 'Minimum patients a year', kind: 'number' },
  { key: 'providerCode', header: 'Provider code', kind: 'text' },
  { key: 'providerName', header: 'Provider', kind: 'text' },
  { key: 'patients', header: 'Patients', kind: 'number' },
  { key: 'activity', header: 'Activity', kind: 'number' },
  { key: 'icbsServed', header: 'ICBs served (patients)', kind: 'text' },
];

export function occasionalPracticeRows(rows: readonly OccasionalPracticeService[]) {
  return rows.flatMap((s) =>
    s.occasional.map((p) => ({
      serviceCode: s.serviceCode,
      serviceName: s.serviceName,
      minimumAnnualVolume: s.minimumAnnualVolume,
      providerCode: p.providerCode,
      providerName: p.providerName,
      patients: p.patients,
      activity: p.activity,
      icbsServed: p.icbsServed.map((i) => `${i.icbName} (${i.patients})`).join('; '),
    })),
  );
}
