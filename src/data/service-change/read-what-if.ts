// A stored scenario's service-change what-if (docs/methods.md, "Service change"): the plan run's stored
// base-year flows of the services the changes name, with patients from the engine, the receivers of each
// repatriation settled (named, or the nearest other provider of the service), worked out year by year in
// src/core and named for people. The command line, the API and the web app all read it here.
import { UNALLOCATED } from '../../core/basis/index.ts';
import { minimumAnnualVolume } from '../../core/definitions/delegation-rubric.ts';
import { fail } from '../../core/errors.ts';
import { haversineKm } from '../../core/generate/gravity.ts';
import { centroid } from '../../core/geography/centroid.ts';
import { planFinancialYear } from '../../core/planning/plan-years.ts';
import type { ServiceChange } from '../../core/service-change/change-schema.ts';
import {
  nearestProvider,
  type ResolvedChange,
  type WhatIfAnswer,
  type WhatIfFlow,
  whatIf,
  whatIfEvidence,
} from '../../core/service-change/index.ts';
import type { FinancialYear, IcbCode, ProviderCode, ServiceCode } from '../../core/units.ts';
import { loadRubrics } from '../delegation/rubrics.ts';
import { withActivityEngine } from '../engines/open-engine.ts';
import { PLAN_VINTAGE, planRun, yearsWithSpend } from '../planning/base-year-spend.ts';
import { getScenario } from '../planning/scenario-store.ts';
import type { Workspace } from '../workspace.ts';

export interface WhatIfOptions {
  /** Only this plan year's rows (all years when omitted). */
  year?: FinancialYear;
}

interface FlowRow {
  residentIcb: string;
  residenceKnown: boolean;
  providerCode: string;
  providerIcb: string;
  serviceCode: string;
  activity: number;
  spendPence: number;
}

async function baseFlows(ws: Workspace, dataset: string, year: string, services: string[]): Promise<FlowRow[]> {
  return ws.all<FlowRow>(
    `SELECT resident_icb AS "residentIcb", residence_known AS "residenceKnown", provider_code AS "providerCode",
       provider_icb AS "providerIcb", service_code AS "serviceCode", CAST(sum(activity) AS DOUBLE) AS activity,
       CAST(round(sum(spend) * 100) AS DOUBLE) AS "spendPence"
     FROM flow WHERE dataset = $1 AND vintage = $2 AND financial_year = $3 AND service_code IN (${services.map((_, i) => `$${i + 4}`).join(', ')})
     GROUP BY ALL ORDER BY ALL`,
    [dataset, PLAN_VINTAGE, year, ...services],
  );
}

/** Each ICB's centre: its GP practices' locations weighted by their registered population. */
async function icbCentres(ws: Workspace): Promise<Map<string, { latitude: number; longitude: number }>> {
  const rows = await ws.all<{ icb: string; latitude: number; longitude: number; weight: number | null }>(
    `SELECT g.icb_code AS icb, g.latitude, g.longitude, CAST(w.population AS DOUBLE) AS weight
     FROM gp_practice g
     LEFT JOIN weighted_population w ON w.practice_code = g.practice_code
       AND w.financial_year = (SELECT max(financial_year) FROM weighted_population)
     WHERE g.latitude IS NOT NULL AND g.longitude IS NOT NULL`,
  );
  const byIcb = new Map<string, { latitude: number; longitude: number; weight: number }[]>();
  for (const r of rows) {
    const list = byIcb.get(r.icb) ?? [];
    list.push({ latitude: r.latitude, longitude: r.longitude, weight: r.weight ?? 0 });
    byIcb.set(r.icb, list);
  }
  const centres = new Map<string, { latitude: number; longitude: number }>();
  for (const [icb, points] of byIcb) {
    const point = centroid(points) ?? centroid(points.map(({ weight: _w, ...p }) => p));
    if (point) centres.set(icb, point);
  }
  return centres;
}

function describe(change: ServiceChange, name: (kind: 'service' | 'provider' | 'icb', code: string) => string): string {
  const list = (codes: readonly string[], kind: 'provider' | 'icb') => codes.map((c) => name(kind, c)).join(', ');
  const share = change.share ?? 1;
  const part = share === 1 ? 'All' : `${Math.round(share * 1000) / 10}%`;
  const to = change.toProviders?.length ? list(change.toProviders, 'provider') : 'the nearest other provider';
  const whose = change.residentIcbs?.length ? ` for residents of ${list(change.residentIcbs, 'icb')}` : '';
  const cost =
    change.costChange === undefined
      ? ''
      : `, at ${change.costChange > 0 ? '+' : ''}${Math.round(change.costChange * 1000) / 10}% unit cost`;
  const phasing = change.phasing && change.phasing.length > 1 ? `, phased ${change.phasing.join(' → ')}` : '';
  return `${part} of ${name('service', change.service)}${whose} moves from ${list(change.fromProviders, 'provider')} to ${to} from ${change.startYear}${phasing}${cost}.`;
}

export async function readWhatIf(
  ws: Workspace,
  scenarioName: string,
  options: WhatIfOptions = {},
): Promise<WhatIfAnswer> {
  const { scenario, name: storedName } = await getScenario(ws, scenarioName);
  const { dataset, rule } = await planRun(ws);
  const changes = scenario.changes ?? [];
  const planYears = Array.from({ length: scenario.years }, (_, i) => planFinancialYear(scenario.baseYear, i + 1));
  if (options.year !== undefined && !planYears.includes(options.year)) {
    fail('FP_PLAN_BAD_CHANGE', `${options.year} is not a year of the plan "${storedName}".`, {
      where: { parameter: 'year' },
      received: options.year,
      accepted: planYears.join(', '),
    });
  }
  const available = await yearsWithSpend(ws, dataset);
  if (!available.includes(scenario.baseYear)) {
    fail('FP_PLAN_NO_BASE_YEAR', `The base year ${scenario.baseYear} has no activity in dataset "${dataset}".`, {
      where: { field: 'baseYear' },
      received: scenario.baseYear,
      accepted: available.join(', ') || 'none: the dataset has no activity',
      hint: 'Set baseYear to a year with activity, or import that year’s activity and run `footprint run`.',
    });
  }
  const services = [...new Set(changes.map((c) => c.service))].sort();
  const flows = services.length ? await baseFlows(ws, dataset, scenario.baseYear, services) : [];
  const patients = new Map<string, number>();
  if (services.length) {
    const counted = await withActivityEngine(ws, (engine) =>
      engine.servicePatientFlows({
        dataset,
        vintage: PLAN_VINTAGE,
        unknownResidenceRule: rule,
        financialYear: scenario.baseYear,
      }),
    );
    for (const p of counted) {
      if (services.includes(p.serviceCode))
        patients.set(`${p.residentIcb}|${p.providerCode}|${p.serviceCode}`, p.patients);
    }
  }
  const input: WhatIfFlow[] = flows.map((f) => ({
    financialYear: scenario.baseYear,
    residentIcb: f.residentIcb as IcbCode,
    residenceKnown: Boolean(f.residenceKnown),
    providerCode: f.providerCode as ProviderCode,
    providerIcb: f.providerIcb as IcbCode,
    serviceCode: f.serviceCode as ServiceCode,
    activity: f.activity,
    spendPence: f.spendPence,
    patients: f.residenceKnown ? (patients.get(`${f.residentIcb}|${f.providerCode}|${f.serviceCode}`) ?? 0) : 0,
  }));

  const providers = await ws.all<{
    code: string;
    name: string;
    host: string | null;
    latitude: number | null;
    longitude: number | null;
  }>('SELECT provider_code AS code, name, host_icb AS host, latitude, longitude FROM provider');
  const providerByCode = new Map(providers.map((p) => [p.code, p]));
  // ICB centres place nearest-provider receivers and measure travel for the map.
  const centres = changes.length ? await icbCentres(ws) : new Map<string, { latitude: number; longitude: number }>();
  const resolved: ResolvedChange[] = changes.map((change, c) => {
    const common = {
      type: change.type,
      service: change.service,
      fromProviders: change.fromProviders,
      residentIcbs: change.type === 'repatriate' ? change.residentIcbs : undefined,
      share: change.share ?? 1,
      phasing: change.phasing ?? [1],
      startYear: change.startYear,
      costChange: change.costChange,
    };
    if (change.toProviders?.length) return { ...common, to: { kind: 'providers', providers: change.toProviders } };
    const candidates = [...new Set(input.filter((f) => f.serviceCode === change.service).map((f) => f.providerCode))]
      .filter((code) => !change.fromProviders.includes(code))
      .flatMap((code) => {
        const p = providerByCode.get(code);
        return p?.latitude != null && p.longitude != null
          ? [{ providerCode: code, latitude: p.latitude, longitude: p.longitude }]
          : [];
      });
    const residents = new Set(
      input
        .filter((f) => f.serviceCode === change.service && change.fromProviders.includes(f.providerCode))
        .filter((f) => !change.residentIcbs || change.residentIcbs.includes(f.residentIcb))
        .map((f) => f.residentIcb)
        .filter((icb) => icb !== UNALLOCATED),
    );
    const byResidentIcb: Record<string, string> = {};
    for (const icb of residents) {
      const centre = centres.get(icb);
      const nearest = centre ? nearestProvider(centre, candidates) : null;
      if (!nearest) {
        fail('FP_PLAN_CHANGE_NO_RECEIVER', `No provider of ${change.service} can take ${icb}'s repatriated activity.`, {
          where: { field: `changes[${c}].toProviders` },
          received: candidates.length
            ? `no known centre for ${icb}`
            : 'no other provider of the service with a location',
          accepted: 'toProviders naming the receiving providers',
        });
      }
      byResidentIcb[icb] = nearest;
    }
    return { ...common, to: { kind: 'nearest', byResidentIcb } };
  });

  const hosts = new Map(providers.map((p) => [p.code, (p.host ?? UNALLOCATED) as IcbCode]));
  const years = whatIf(
    { baseYear: scenario.baseYear, years: scenario.years, flows: input, providerHostIcb: hosts },
    resolved,
  );
  const rules = (await loadRubrics(ws)).delegation.tiering;
  const serviceNames = new Map(
    (
      await ws.all<{ code: string; name: string }>('SELECT service_code AS code, name FROM service WHERE is_current')
    ).map((r) => [r.code, r.name]),
  );
  const icbNames = new Map(
    (
      await ws.all<{ code: string; name: string }>('SELECT icb_code AS code, name FROM icb WHERE vintage = $1', [
        PLAN_VINTAGE,
      ])
    ).map((r) => [r.code, r.name]),
  );
  const names = {
    service: (code: string) => serviceNames.get(code) ?? code,
    provider: (code: string) => providerByCode.get(code)?.name ?? code,
    icb: (code: string) => (code === UNALLOCATED ? 'Unallocated' : (icbNames.get(code) ?? code)),
  };
  const shown = options.year ? years.filter((y) => y.financialYear === options.year) : years;
  const distanceKm = (icb: string, provider: string) => {
    const centre = centres.get(icb);
    const site = providerByCode.get(provider);
    return centre && site?.latitude != null && site.longitude != null
      ? haversineKm(centre, { latitude: site.latitude, longitude: site.longitude })
      : null;
  };
  const evidence = whatIfEvidence(shown, new Set(services), (s) => minimumAnnualVolume(rules, s), names, distanceKm);
  const nameOf = (kind: 'service' | 'provider' | 'icb', code: string) => names[kind](code);
  return {
    scenario: storedName,
    baseYear: scenario.baseYear,
    dataset,
    changes: changes.map((change) => ({
      type: change.type,
      service: change.service,
      serviceName: names.service(change.service),
      summary: describe(change, nameOf),
    })),
    ...evidence,
  };
}
