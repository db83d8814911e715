// The atlas of variation, from the engine's cells and the populations: for every year × service ×
// measure, each ICB's crude and standardised rate, its place on a funnel plot against England (exact
// Poisson limits, and again with an overdispersion allowance), the change since the previous year, its
// peers' mean and its rank among them; and per year × service × measure the spread of standardised rates
// across ICBs (is variation narrowing?) and the funnel's 100-point limit table.
import type { ResultWarning } from '../errors.ts';
import {
  assignFunnelSignificance,
  calculateFunnelLimits,
  FUNNEL_DSR_MINIMUM_EVENTS,
  type FunnelOptions,
  type FunnelSignificance,
  type FunnelUnit,
} from '../stats/index.ts';
import type { FinancialYear, IcbCode, ServiceCode } from '../units.ts';
import { calculateIcbRates, type IcbRate, indexPopulations } from './icb-rates.ts';
import { choosePeerGroups, type IcbNeed, type PeerLink } from './peer-groups.ts';
import {
  ATLAS_MEASURES,
  ATLAS_MULTIPLIER,
  type AtlasMeasure,
  COUNT_MEASURES,
  type PopulationBand,
  type UtilisationCell,
} from './utilisation-cell.ts';
import { measureSpread, type VariationSpread } from './variation-spread.ts';

export interface AtlasInputs {
  cells: readonly UtilisationCell[];
  populations: readonly PopulationBand[];
  /** Need per head by ICB, for peer groups; empty gives no peers. */
  needs: readonly IcbNeed[];
  /** Default every measure. */
  measures?: readonly AtlasMeasure[];
}

export const NOT_ENOUGH_EVENTS: FunnelSignificance = 'Not applicable for events less than 10 for dsrs';

export interface AtlasRate extends IcbRate {
  financialYear: FinancialYear;
  serviceCode: ServiceCode;
  /** Against England on the funnel of standardised rates; null for spend. */
  significance: FunnelSignificance | null;
  /** The same, with Spiegelhalter's allowance for variation between ICBs beyond chance. */
  significanceOverdispersed: FunnelSignificance | null;
  /** The funnel's x for this ICB: the population the standardised rate implies, n' = M·O/rate. */
  funnelPopulation: number | null;
  previousStandardisedRate: number | null;
  changeSincePrevious: number | null;
  peerMeanRate: number | null;
  /** 1 = the highest standardised rate among the ICB and its peers. */
  peerRank: number | null;
}

export interface AtlasVariation extends VariationSpread {
  financialYear: FinancialYear;
  serviceCode: ServiceCode;
  measure: AtlasMeasure;
  englandEvents: number;
  englandPopulation: number;
  /** England's crude rate (all ICBs' events ÷ population, × M; spend per head). */
  englandCrudeRate: number | null;
  /** The funnel's centre line: ΣO ÷ Σn' × M over the ICBs on the funnel. */
  funnelBaseline: number | null;
  previousCv: number | null;
  cvChange: number | null;
  /** The coefficient of variation fell since the previous year; null with no previous year. */
  narrowing: boolean | null;
  high998: number;
  high95: number;
  low95: number;
  low998: number;
  /** τ² of the overdispersion allowance; 0 when ICBs vary no more than chance; null with no funnel. */
  tau2: number | null;
}

export interface AtlasFunnelPoint {
  financialYear: FinancialYear;
  serviceCode: ServiceCode;
  measure: AtlasMeasure;
  point: number;
  events: number;
  lower95Population: number | null;
  lower95Rate: number;
  upper95Population: number | null;
  upper95Rate: number;
  lower998Population: number | null;
  lower998Rate: number;
  upper998Population: number | null;
  upper998Rate: number;
}

export interface Atlas {
  rates: AtlasRate[];
  variation: AtlasVariation[];
  funnels: AtlasFunnelPoint[];
  peers: PeerLink[];
  /** Activity left out because the patient's ICB is not known. */
  unknownResidenceActivity: number;
  /** Activity of a known ICB with no age band or sex: in crude rates, not in standardised ones. */
  unknownAgeSexActivity: number;
  warnings: ResultWarning[];
}

const FUNNEL_OPTIONS: FunnelOptions = { statistic: 'rate', rateType: 'dsr', multiplier: ATLAS_MULTIPLIER };

/** Cells grouped by year and service, years in order. */
function groupCells(cells: readonly UtilisationCell[]): Map<string, UtilisationCell[]> {
  const groups = new Map<string, UtilisationCell[]>();
  for (const cell of cells) {
    const key = `${cell.financialYear}|${cell.serviceCode}`;
    const group = groups.get(key);
    if (group) group.push(cell);
    else groups.set(key, [cell]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function buildAtlas(inputs: AtlasInputs): Atlas {
  const populations = indexPopulations(inputs.populations);
  const measures = inputs.measures ?? ATLAS_MEASURES;
  const peers = choosePeerGroups(inputs.needs.filter((n) => populations.has(n.icbCode)));
  const peersOf = new Map<IcbCode, IcbCode[]>();
  for (const link of peers) peersOf.set(link.icbCode, [...(peersOf.get(link.icbCode) ?? []), link.peerIcb]);

  const atlas: Atlas = {
    rates: [],
    variation: [],
    funnels: [],
    peers,
    unknownResidenceActivity: 0,
    unknownAgeSexActivity: 0,
    warnings: [],
  };
  for (const cell of inputs.cells) {
    if (cell.icbCode === null) atlas.unknownResidenceActivity += cell.activity;
    else if (cell.ageBand === null || cell.sex === null) atlas.unknownAgeSexActivity += cell.activity;
  }
  // The previous year's standardised rate and spread, by service and measure (and ICB).
  const previousRate = new Map<string, number | null>();
  const previousCv = new Map<string, { year: FinancialYear; cv: number | null }>();

  for (const group of groupCells(inputs.cells).values()) {
    const { financialYear, serviceCode } = group[0]!;
    for (const measure of measures) {
      const icbRates = calculateIcbRates(group, populations, measure);
      if (icbRates.length === 0) continue;
      const key = `${serviceCode}|${measure}`;
      const rates = icbRates.map((rate) =>
        placeRate(rate, financialYear, serviceCode, previousRate.get(`${key}|${rate.icbCode}`)),
      );
      const variation = summariseVariation(rates, financialYear, serviceCode, measure, previousCv.get(key));
      if (COUNT_MEASURES.includes(measure)) {
        const funnel = placeOnFunnel(rates, variation);
        atlas.funnels.push(...funnel);
      }
      compareWithPeers(rates, peersOf);
      for (const rate of rates) previousRate.set(`${key}|${rate.icbCode}`, rate.standardised.value);
      previousCv.set(key, { year: financialYear, cv: variation.cv });
      atlas.rates.push(...rates);
      atlas.variation.push(variation);
    }
  }
  if (atlas.unknownResidenceActivity > 0) {
    atlas.warnings.push({
      code: 'FPW201',
      message: `${atlas.unknownResidenceActivity} units of activity have no known ICB of residence, so they are in no ICB's rate.`,
    });
  }
  if (atlas.unknownAgeSexActivity > 0) {
    atlas.warnings.push({
      code: 'FPW202',
      message: `${atlas.unknownAgeSexActivity} units of activity have no age band or sex, so they count in crude rates but not in standardised ones.`,
    });
  }
  return atlas;
}

function placeRate(
  rate: IcbRate,
  financialYear: FinancialYear,
  serviceCode: ServiceCode,
  previous: number | null | undefined,
): AtlasRate {
  const current = rate.standardised.value;
  const before = previous ?? null;
  return {
    ...rate,
    financialYear,
    serviceCode,
    significance: null,
    significanceOverdispersed: null,
    funnelPopulation: null,
    previousStandardisedRate: before,
    changeSincePrevious: current !== null && before !== null ? current - before : null,
    peerMeanRate: null,
    peerRank: null,
  };
}

function summariseVariation(
  rates: readonly AtlasRate[],
  financialYear: FinancialYear,
  serviceCode: ServiceCode,
  measure: AtlasMeasure,
  previous: { cv: number | null } | undefined,
): AtlasVariation {
  const spread = measureSpread(rates.flatMap((r) => (r.standardised.value === null ? [] : [r.standardised.value])));
  const englandEvents = rates.reduce((total, r) => total + r.events, 0);
  const englandPopulation = rates.reduce((total, r) => total + r.population, 0);
  const multiplier = measure === 'spend' ? 1 : ATLAS_MULTIPLIER;
  const previousCv = previous?.cv ?? null;
  return {
    ...spread,
    financialYear,
    serviceCode,
    measure,
    englandEvents,
    englandPopulation,
    englandCrudeRate: englandPopulation > 0 ? (englandEvents / englandPopulation) * multiplier : null,
    funnelBaseline: null,
    previousCv,
    cvChange: spread.cv !== null && previousCv !== null ? spread.cv - previousCv : null,
    narrowing: spread.cv !== null && previousCv !== null ? spread.cv < previousCv : null,
    high998: 0,
    high95: 0,
    low95: 0,
    low998: 0,
    tau2: null,
  };
}

/** Labels each ICB against England on the funnel of standardised rates, counts the outliers and returns
 * the limit table. ICBs with fewer than 10 standardised events are not on the funnel. */
function placeOnFunnel(rates: AtlasRate[], variation: AtlasVariation): AtlasFunnelPoint[] {
  const onFunnel = rates.filter(
    (r) =>
      r.standardisedEvents >= FUNNEL_DSR_MINIMUM_EVENTS && r.standardised.value !== null && r.standardised.value > 0,
  );
  for (const rate of rates)
    if (!onFunnel.includes(rate)) rate.significance = rate.significanceOverdispersed = NOT_ENOUGH_EVENTS;
  if (onFunnel.length === 0) return [];
  const units: FunnelUnit[] = onFunnel.map((r) => ({ numerator: r.standardisedEvents, rate: r.standardised.value }));
  const exact = assignFunnelSignificance(units, FUNNEL_OPTIONS);
  const widened =
    onFunnel.length >= 2 ? assignFunnelSignificance(units, { ...FUNNEL_OPTIONS, overdispersion: true }) : exact;
  onFunnel.forEach((rate, i) => {
    rate.significance = exact.units[i]!.significance;
    rate.significanceOverdispersed = widened.units[i]!.significance;
    rate.funnelPopulation = exact.units[i]!.denominator;
  });
  variation.funnelBaseline = exact.baseline;
  variation.tau2 = widened.overdispersion?.tau2 ?? 0;
  for (const rate of onFunnel) {
    if (rate.significance === 'High (0.001)') variation.high998++;
    else if (rate.significance === 'High (0.025)') variation.high95++;
    else if (rate.significance === 'Low (0.025)') variation.low95++;
    else if (rate.significance === 'Low (0.001)') variation.low998++;
  }
  const limits = calculateFunnelLimits(units, FUNNEL_OPTIONS);
  return limits.rows.map((row, i) => {
    const [inner, outer] = row.limits;
    return {
      financialYear: variation.financialYear,
      serviceCode: variation.serviceCode,
      measure: variation.measure,
      point: i + 1,
      events: row.x,
      lower95Population: inner!.lowerAt,
      lower95Rate: inner!.lower,
      upper95Population: inner!.upperAt,
      upper95Rate: inner!.upper,
      lower998Population: outer!.lowerAt,
      lower998Rate: outer!.lower,
      upper998Population: outer!.upperAt,
      upper998Rate: outer!.upper,
    };
  });
}

/** Each ICB's peers' mean standardised rate, and its rank (1 = highest) among itself and its peers. */
function compareWithPeers(rates: AtlasRate[], peersOf: ReadonlyMap<IcbCode, IcbCode[]>): void {
  const byIcb = new Map(rates.map((r) => [r.icbCode, r.standardised.value]));
  for (const rate of rates) {
    const own = rate.standardised.value;
    const peerRates = (peersOf.get(rate.icbCode) ?? []).flatMap((peer) => {
      const value = byIcb.get(peer);
      return value === null || value === undefined ? [] : [value];
    });
    if (peerRates.length === 0) continue;
    rate.peerMeanRate = peerRates.reduce((total, r) => total + r, 0) / peerRates.length;
    if (own !== null) rate.peerRank = 1 + peerRates.filter((r) => r > own).length;
  }
}
