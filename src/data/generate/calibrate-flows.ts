// Calibrates and checks the generator's flow model against real patient flows: NHS England's RTT
// provider × commissioner counts of completed admitted pathways (Part_1A, April 2026).
//
// 1. Real flows: each commissioner code is mapped to its 2026 ICB through residence_map (sub-ICB and ICB
//    codes of any vintage). NHS England commissioning hub codes (13Q, 14A …, and region codes Y56 …) and
//    NONC have no residence: their pathways are left out of the comparison and counted. Providers
//    without a location or host ICB are left out and counted.
// 2. Elective gravity model: every real origin's pathways are spread over all providers with
//    P(p | origin) ∝ A_p · (d + d0)^−β, where A_p is the provider's real national Part_1A volume and the
//    origin is the commissioner's sub-ICB centroid (or its ICB's population-weighted centroid). β is fitted
//    on a grid by the smallest mean absolute difference between modelled and real out-of-ICB shares.
// 3. Generator flows (generatorFlowFit, quick enough for a test): per ICB, the share of its residents'
//    specialised spend — every service, as the generator expects it — treated by providers in the ICB,
//    against the share of real Part_1A pathways in the benchmark treatment functions treated inside it.
import { type ActivityModel, buildActivityModel, serviceProviderShares } from '../../core/generate/activity-model.ts';
import { compareFlows, type Flow, type FlowComparison } from '../../core/generate/flow-comparison.ts';
import { type DistanceDecay, gravityShares, type Location } from '../../core/generate/gravity.ts';
import { DEFAULT_REFERENCE_DIR } from '../reference/reference-files.ts';
import type { Workspace } from '../workspace.ts';
import { readGeneratorAssumptions, readGeneratorInputs, rttFile, sqlText } from './generator-inputs.ts';

export interface FlowCalibrationOptions {
  /** Candidate β values; default 0 to 5 in steps of 0.1. */
  exponents?: number[];
  /** Candidate d0 values in km; default 1, 5, 10, 20, 40. */
  offsetsKm?: number[];
  referenceDir?: string;
  assumptionsFile?: string;
}

export interface FlowCalibrationReport {
  source: string;
  pathways: {
    total: number;
    compared: number;
    commissioningHubs: number;
    unmappedCommissioners: number;
    unlocatedProviders: number;
  };
  /** Mean absolute difference of out-of-ICB shares for every candidate β and d0. */
  grid: { exponent: number; offsetKm: number; meanAbsoluteDifference: number }[];
  electiveModel: DistanceDecay & FlowComparison;
  generator: GeneratorFlowFit;
}

/** How the generator's flows compare with the real ones: per ICB, the share of residents' specialised
 * spend (every service, as the generator expects it) treated by providers hosted in the ICB, against
 * the share of real RTT Part_1A pathways in the benchmark treatment functions treated inside it. */
export interface GeneratorFlowFit extends FlowComparison {
  exponent: number;
  realFlowWeight: number;
  services: number;
  treatmentFunctions: string[];
  /** Correlation across ICBs of the in-ICB shares (the same as of the out-of-ICB shares). */
  inIcbCorrelation: number;
  nationalInIcb: { real: number; synthetic: number };
  /** Providers with any expected activity, and how many providers each service has (sorted). */
  providersWithActivity: number;
  providersPerService: number[];
}

const RTT_COLUMNS = `{'PROVIDER_ORG_CODE': 'VARCHAR', 'COMMISSIONER_ORG_CODE': 'VARCHAR', 'RTT_PART_TYPE': 'VARCHAR',
  'TREATMENT_FUNCTION_CODE': 'VARCHAR', 'TOTAL_ALL': 'BIGINT', 'WITHIN_18_WEEKS': 'BIGINT',
  'OVER_18_WEEKS': 'BIGINT', 'OVER_52_WEEKS': 'BIGINT'}`;

interface RealRow {
  commissioner: string;
  provider: string;
  tfc: string;
  pathways: number;
  residentIcb: string | null;
  providerIcb: string | null;
  latitude: number | null;
  longitude: number | null;
}

export async function calibrateFlows(
  ws: Workspace,
  options: FlowCalibrationOptions = {},
): Promise<FlowCalibrationReport> {
  const referenceDir = options.referenceDir ?? DEFAULT_REFERENCE_DIR;
  const assumptions = readGeneratorAssumptions(options.assumptionsFile);
  const inputs = await readGeneratorInputs(ws, referenceDir, assumptions);
  const rows = await readRealRows(ws, referenceDir);

  const total = rows.reduce((s, r) => s + r.pathways, 0);
  const hubs = rows.filter((r) => r.residentIcb === null && /HUB|^Y\d\d$/.test(hubName(r.commissioner)));
  const usable = rows.filter(isUsable);
  const sum = (list: RealRow[]) => list.reduce((s, r) => s + r.pathways, 0);
  const pathways = {
    total,
    compared: sum(usable),
    commissioningHubs: sum(rows.filter((r) => r.residentIcb === null)),
    unmappedCommissioners: 0,
    unlocatedProviders: sum(
      rows.filter((r) => r.residentIcb !== null && (r.providerIcb === null || r.latitude === null)),
    ),
  };
  pathways.unmappedCommissioners = pathways.commissioningHubs - sum(hubs);
  pathways.commissioningHubs = sum(hubs);

  // Origins: commissioner codes with their location and ICB.
  const areaByCode = new Map(inputs.areas.map((a) => [a.code, a]));
  const icbCentroids = icbPopulationCentroids(inputs);
  const origins = new Map<string, { icb: string; at: Location; pathways: number }>();
  for (const r of usable) {
    const o = origins.get(r.commissioner);
    if (o) o.pathways += r.pathways;
    else {
      const area = areaByCode.get(r.commissioner.toUpperCase());
      const at = area ?? icbCentroids.get(r.residentIcb!);
      if (at) origins.set(r.commissioner, { icb: r.residentIcb!, at, pathways: r.pathways });
    }
  }
  const providerTotals = new Map<string, { icb: string; at: Location; pathways: number }>();
  for (const r of usable) {
    if (!origins.has(r.commissioner)) continue;
    const p = providerTotals.get(r.provider) ?? {
      icb: r.providerIcb!,
      at: { latitude: r.latitude!, longitude: r.longitude! },
      pathways: 0,
    };
    p.pathways += r.pathways;
    providerTotals.set(r.provider, p);
  }
  const realFlows: Flow[] = usable.filter((r) => origins.has(r.commissioner)).map(asFlow);

  const providerList = [...providerTotals].map(([code, p]) => ({
    code,
    icb: p.icb,
    ...p.at,
    attractiveness: p.pathways,
  }));
  const electiveFlows = (decay: DistanceDecay): Flow[] => {
    const flows: Flow[] = [];
    for (const o of origins.values()) {
      const shares = gravityShares(o.at, providerList, decay);
      shares.forEach((share, i) => {
        const p = providerList[i]!;
        if (share > 0)
          flows.push({ residentIcb: o.icb, provider: p.code, providerIcb: p.icb, amount: o.pathways * share });
      });
    }
    return flows;
  };
  const exponents = options.exponents ?? Array.from({ length: 51 }, (_, i) => i / 10);
  const offsets = options.offsetsKm ?? [1, 5, 10, 20, 40];
  const grid = offsets.flatMap((offsetKm) =>
    exponents.map((exponent) => ({
      exponent,
      offsetKm,
      meanAbsoluteDifference: compareFlows(realFlows, electiveFlows({ exponent, offsetKm }))
        .outOfAreaMeanAbsoluteDifference,
    })),
  );
  const best = grid.reduce((a, b) => (b.meanAbsoluteDifference < a.meanAbsoluteDifference ? b : a));

  const fit = await generatorFlowFit(
    ws,
    { referenceDir, assumptionsFile: options.assumptionsFile },
    { inputs, usable },
  );
  return {
    source:
      'NHS England RTT waiting times, April 2026 full extract: Part_1A completed admitted pathways by provider × commissioner',
    pathways,
    grid,
    electiveModel: {
      exponent: best.exponent,
      offsetKm: best.offsetKm,
      ...compareFlows(realFlows, electiveFlows(best)),
    },
    generator: fit,
  };
}

/** The generator against the benchmark flows: fast (no grid), so a test can hold it to its bounds. */
export async function generatorFlowFit(
  ws: Workspace,
  options: { referenceDir?: string; assumptionsFile?: string } = {},
  read?: { inputs: Awaited<ReturnType<typeof readGeneratorInputs>>; usable: RealRow[] },
): Promise<GeneratorFlowFit> {
  const referenceDir = options.referenceDir ?? DEFAULT_REFERENCE_DIR;
  const assumptions = readGeneratorAssumptions(options.assumptionsFile);
  const inputs = read?.inputs ?? (await readGeneratorInputs(ws, referenceDir, assumptions));
  const usable = read?.usable ?? (await readRealRows(ws, referenceDir)).filter(isUsable);
  const model = buildActivityModel(inputs, assumptions);
  const tfcs = [...assumptions.calibration.benchmarkTreatmentFunctions.codes].sort();
  const real = usable.filter((r) => tfcs.includes(r.tfc)).map(asFlow);
  const synthetic = expectedGeneratorFlows(model, model.services);
  const comparison = compareFlows(real, synthetic);
  const active = new Set(synthetic.filter((f) => f.amount > 0).map((f) => f.provider));
  return {
    exponent: model.decay.exponent,
    realFlowWeight: model.realFlowWeight,
    services: model.services.length,
    treatmentFunctions: tfcs,
    ...comparison,
    inIcbCorrelation: comparison.outOfAreaCorrelation,
    nationalInIcb: {
      real: 1 - comparison.nationalOutOfArea.real,
      synthetic: 1 - comparison.nationalOutOfArea.synthetic,
    },
    providersWithActivity: active.size,
    providersPerService: model.services.map((s) => s.providers.length).sort((a, b) => a - b),
  };
}

async function readRealRows(ws: Workspace, referenceDir: string): Promise<RealRow[]> {
  return ws.all<RealRow>(`
    SELECT r.COMMISSIONER_ORG_CODE AS commissioner, r.PROVIDER_ORG_CODE AS provider,
      r.TREATMENT_FUNCTION_CODE AS tfc, sum(r.TOTAL_ALL)::DOUBLE AS pathways,
      m.icb_2026 AS "residentIcb", p.host_icb AS "providerIcb", p.latitude, p.longitude
    FROM read_csv(${sqlText(rttFile(referenceDir))}, header = true, auto_detect = false, columns = ${RTT_COLUMNS}) r
    LEFT JOIN residence_map m ON m.code = upper(r.COMMISSIONER_ORG_CODE)
    LEFT JOIN provider p ON p.provider_code = r.PROVIDER_ORG_CODE
    WHERE r.RTT_PART_TYPE = 'Part_1A'
    GROUP BY ALL
    ORDER BY commissioner, provider, tfc`);
}

/** A usable real row as a flow between ICBs. */
const asFlow = (r: RealRow): Flow => ({
  residentIcb: r.residentIcb!,
  provider: r.provider,
  providerIcb: r.providerIcb!,
  amount: r.pathways,
});

const isUsable = (r: RealRow) => r.residentIcb !== null && r.providerIcb !== null && r.latitude !== null;

function hubName(code: string): string {
  // Commissioning hub codes in the 2026 extract (from its org lookup): names ending "COMMISSIONING HUB"
  // have codes 13Q, 13R, 14A, 14E, 14F, 14G, 14M, 14Q, 14R, 14T, 27T, 32T, 76A, 85J, 97T; Y56–Y62 are
  // NHS England regions.
  const HUBS = [
    '13Q',
    '13R',
    '14A',
    '14E',
    '14F',
    '14G',
    '14M',
    '14Q',
    '14R',
    '14T',
    '27T',
    '32T',
    '76A',
    '85J',
    '97T',
  ];
  return HUBS.includes(code) ? 'HUB' : code;
}

function icbPopulationCentroids(inputs: Awaited<ReturnType<typeof readGeneratorInputs>>): Map<string, Location> {
  const persons = new Map<string, number>();
  for (const p of inputs.population) persons.set(p.areaCode, (persons.get(p.areaCode) ?? 0) + p.persons);
  const acc = new Map<string, { w: number; lat: number; lon: number }>();
  for (const a of inputs.areas) {
    const w = persons.get(a.code) ?? 0;
    const c = acc.get(a.icbCode) ?? { w: 0, lat: 0, lon: 0 };
    c.w += w;
    c.lat += w * a.latitude;
    c.lon += w * a.longitude;
    acc.set(a.icbCode, c);
  }
  return new Map(
    [...acc].filter(([, c]) => c.w > 0).map(([icb, c]) => [icb, { latitude: c.lat / c.w, longitude: c.lon / c.w }]),
  );
}

/** Expected flows of the generator: each service's spend share spread over areas by its demand and over
 * providers by the gravity shares. */
export function expectedGeneratorFlows(model: ActivityModel, services: ActivityModel['services']): Flow[] {
  const flows: Flow[] = [];
  for (const service of services) {
    const byArea = new Float64Array(model.areas.length);
    let total = 0;
    model.demandCells.forEach((cell, i) => {
      byArea[cell.area] = byArea[cell.area]! + service.demandWeights[i]!;
      total += service.demandWeights[i]!;
    });
    byArea.forEach((weight, area) => {
      if (weight <= 0) return;
      const shares = serviceProviderShares(model, service, area);
      shares.forEach((share, i) => {
        const provider = service.providers[i]!;
        flows.push({
          residentIcb: model.areas[area]!.icbCode,
          provider: provider.code,
          providerIcb: provider.hostIcb,
          amount: (service.profile.spendShare * weight * share) / total,
        });
      });
    });
  }
  return flows;
}
