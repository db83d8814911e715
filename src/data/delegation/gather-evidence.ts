// The quantitative evidence of delegation and tiering, from the workspace (methods.md, "Evidence per
// footprint"): for every service and every ICB, multi-ICB group and region footprint, expected patients
// (England's age/sex rates × the footprint's population), providers used, the out-of-footprint share,
// occasional practice and the Monte Carlo miss probability. Heavy aggregation goes through the engine.
import { minimumAnnualVolume, type TieringRules } from '../../core/definitions/delegation-rubric.ts';
import type { AgeSexCount, FootprintEvidence, Tier } from '../../core/tiering/index.ts';
import { ageSexRates, expectedPatients, occasionalPractice } from '../../core/tiering/index.ts';
import type { FinancialYear } from '../../core/units.ts';
import {
  type CostModel,
  footprintVolatilities,
  type VolatilityOptions,
  type VolatilityResults,
  type VolatilityTask,
} from '../../core/volatility/index.ts';
import type { DelegationEvidenceEngine } from '../engines/engine.ts';
import { listFootprints } from '../footprints.ts';
import { COST_SAMPLE_SIZE, EVIDENCE_FLOWS } from '../run/run-answers.ts';
import type { Workspace } from '../workspace.ts';

export type Simulate = (
  tasks: readonly VolatilityTask[],
  options: VolatilityOptions,
) => VolatilityResults | Promise<VolatilityResults>;

const TIER_OF_KIND: Record<string, Tier | undefined> = { icb: 'icb', group: 'multi-icb', region: 'region' };

export interface ServiceEvidence {
  serviceCode: string;
  nationalPatients: number;
  /** Providers with patients for the service in the year. */
  providers: number;
  meanCost: number | null;
  cvCost: number | null;
  /** England's patients a year per person (for the minimum viable population). */
  patientsPerPerson: number;
  /** The miss probability at the ICB with the median population (the financial-risk suggestion). */
  medianIcbMissProbability: number | null;
  footprints: FootprintEvidence[];
}

export interface EvidenceOptions {
  dataset: string;
  financialYear: FinancialYear;
  rules: TieringRules;
  masterSeed: number;
  iterations: number;
  costModel: 'lognormal' | 'resample';
  /** Runs the volatility tasks; default in this thread. Workers give the same numbers (derived seeds). */
  simulate?: Simulate;
  /** Which service × footprint pairs to simulate; default all. A preview simulates only what it shows, and
   * gets the same numbers for them as a full run (each pair has its own derived seed). */
  simulateFor?: (serviceCode: string, isMedianIcb: boolean) => boolean;
}

interface Member {
  name: string;
  kind: Tier;
  icbs: Set<string>;
  population: AgeSexCount[];
  persons: number;
}

export async function gatherEvidence(
  ws: Workspace,
  engine: DelegationEvidenceEngine,
  options: EvidenceOptions,
): Promise<Map<string, ServiceEvidence>> {
  const icbPopulation = await ws.all<{ icb: string; age_band: string; sex: string; persons: number }>(
    `SELECT area_code AS icb, age_band, sex, CAST(persons AS DOUBLE) AS persons FROM population WHERE area_type = 'icb'`,
  );
  const byIcb = new Map<string, AgeSexCount[]>();
  const england = new Map<string, AgeSexCount>();
  for (const p of icbPopulation) {
    const list = byIcb.get(p.icb) ?? [];
    list.push({ ageBand: p.age_band, sex: p.sex, count: p.persons });
    byIcb.set(p.icb, list);
    const key = `${p.age_band}|${p.sex}`;
    const cell = england.get(key) ?? { ageBand: p.age_band, sex: p.sex, count: 0 };
    cell.count += p.persons;
    england.set(key, cell);
  }
  const englandPersons = [...england.values()].reduce((s, c) => s + c.count, 0);
  const footprints: Member[] = (await listFootprints(ws)).flatMap((f) => {
    const kind = TIER_OF_KIND[f.kind];
    if (!kind) return [];
    const cells = new Map<string, AgeSexCount>();
    for (const icb of f.icbs) {
      for (const c of byIcb.get(icb) ?? []) {
        const key = `${c.ageBand}|${c.sex}`;
        const cell = cells.get(key) ?? { ...c, count: 0 };
        cell.count += c.count;
        cells.set(key, cell);
      }
    }
    const population = [...cells.values()];
    return [
      { name: f.name, kind, icbs: new Set(f.icbs), population, persons: population.reduce((s, c) => s + c.count, 0) },
    ];
  });

  const patientsByAgeSex = await engine.servicePatientsByAgeSex(options.dataset, options.financialYear);
  const flows = await engine.servicePatientFlows({
    dataset: options.dataset,
    financialYear: options.financialYear,
    ...EVIDENCE_FLOWS,
  });
  const costs = new Map(
    (await engine.serviceCostDistribution(options.dataset, options.financialYear, COST_SAMPLE_SIZE)).map((c) => [
      c.serviceCode,
      c,
    ]),
  );
  const servicePatients = groupBy(patientsByAgeSex, (p) => p.serviceCode);
  const serviceFlows = groupBy(flows, (f) => f.serviceCode);
  const services = [...new Set([...servicePatients.keys(), ...serviceFlows.keys()])].sort();

  const medianIcb = medianIcbName(footprints);
  const evidence = new Map<string, ServiceEvidence>();
  const tasks: VolatilityTask[] = [];
  const taskTarget: FootprintEvidence[] = [];
  for (const serviceCode of services) {
    const patients = servicePatients.get(serviceCode) ?? [];
    const rates = ageSexRates(
      patients.map((p) => ({ ageBand: p.ageBand ?? '', sex: p.sex ?? '', count: p.patients })),
      [...england.values()],
    );
    const nationalPatients = patients.reduce((s, p) => s + p.patients, 0);
    const ownFlows = serviceFlows.get(serviceCode) ?? [];
    const providerVolume = new Map<string, number>();
    // Occasional practice counts the patients rows record, never activity standing in for them.
    const providerPatients = new Map<string, number>();
    for (const f of ownFlows) {
      providerVolume.set(f.providerCode, (providerVolume.get(f.providerCode) ?? 0) + f.patients);
      providerPatients.set(f.providerCode, (providerPatients.get(f.providerCode) ?? 0) + f.recordedPatients);
    }
    const flowsByResident = groupBy(ownFlows, (f): string => f.residentIcb);
    const cost = costs.get(serviceCode as never);
    const model: CostModel | null = !cost
      ? null
      : options.costModel === 'resample' && cost.sample.length > 0
        ? { kind: 'resample', costs: Float64Array.from(cost.sample) }
        : { kind: 'lognormal', mean: cost.meanCost, cv: Number.isFinite(cost.cvCost) ? cost.cvCost : 0 };
    const minimum = minimumAnnualVolume(options.rules, serviceCode);
    const perFootprint = footprints.map((fp): FootprintEvidence => {
      const used = new Map<string, number>();
      const recorded = new Map<string, number>();
      let outside = 0;
      let total = 0;
      for (const icb of fp.icbs) {
        for (const f of flowsByResident.get(icb) ?? []) {
          if (f.recordedPatients > 0) {
            recorded.set(f.providerCode, (recorded.get(f.providerCode) ?? 0) + f.recordedPatients);
          }
          if (f.patients <= 0) continue;
          used.set(f.providerCode, (used.get(f.providerCode) ?? 0) + f.patients);
          total += f.patients;
          if (!f.providerIcb || !fp.icbs.has(f.providerIcb)) outside += f.patients;
        }
      }
      const occasional = occasionalPractice(
        [...recorded].map(([providerCode, n]) => ({ providerCode, patients: n })),
        providerPatients,
        minimum,
      );
      const row: FootprintEvidence = {
        footprint: fp.name,
        kind: fp.kind,
        population: fp.persons,
        expectedPatients: expectedPatients(rates, fp.population),
        providersUsed: used.size,
        outOfFootprintShare: total > 0 ? outside / total : null,
        occasionalProviders: occasional.providers.length,
        occasionalPracticeShare: occasional.share,
        missProbability: null,
      };
      if (model && row.expectedPatients > 0 && (options.simulateFor?.(serviceCode, fp.name === medianIcb) ?? true)) {
        tasks.push({ serviceCode, footprint: fp.name, expectedPatients: row.expectedPatients, cost: model });
        taskTarget.push(row);
      }
      return row;
    });
    evidence.set(serviceCode, {
      serviceCode,
      nationalPatients,
      providers: [...providerVolume.values()].filter((n) => n > 0).length,
      meanCost: cost?.meanCost ?? null,
      cvCost: cost && Number.isFinite(cost.cvCost) ? cost.cvCost : null,
      patientsPerPerson: englandPersons > 0 ? nationalPatients / englandPersons : 0,
      medianIcbMissProbability: null,
      footprints: perFootprint,
    });
  }
  const simulate = options.simulate ?? footprintVolatilities;
  const results = await simulate(tasks, {
    masterSeed: options.masterSeed,
    iterations: options.iterations,
    missMargin: options.rules.missMargin,
  });
  taskTarget.forEach((row, i) => {
    const miss = results.missProbability[i]!;
    row.missProbability = Number.isNaN(miss) ? null : miss;
  });
  for (const e of evidence.values()) {
    e.medianIcbMissProbability = e.footprints.find((f) => f.footprint === medianIcb)?.missProbability ?? null;
  }
  return evidence;
}

function medianIcbName(footprints: readonly Member[]): string | undefined {
  const icbs = footprints
    .filter((f) => f.kind === 'icb')
    .sort((a, b) => a.persons - b.persons || a.name.localeCompare(b.name));
  return icbs[Math.floor((icbs.length - 1) / 2)]?.name;
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
