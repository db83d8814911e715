// Each ICB's crude and age/sex directly standardised rate for one service in one year: activity or
// patients per 100,000 registered patients with 95% and 99.8% limits (crude: exact/Byar's; standardised:
// Dobson with Byar's, suppressed below 10 events), or spend per head (no limits: spend is not a count).
// Activity with no age band or sex counts in the crude rate only; the standardised rate uses the rest.
import { calculateCrudeRate, calculateDsr, type DsrBand, type Estimate } from '../stats/index.ts';
import type { IcbCode } from '../units.ts';
import { AGE_SEX_STANDARD, bandKey } from './standard-population.ts';
import { ATLAS_MULTIPLIER, type AtlasMeasure, type PopulationBand, type UtilisationCell } from './utilisation-cell.ts';

/** A figure with its 95% and 99.8% limits (null where the method gives none) and the method's name. */
export interface RateFigures {
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  method: string | null;
}

export interface IcbRate {
  icbCode: IcbCode;
  measure: AtlasMeasure;
  /** Activity, patients or pounds for all ages and sexes. */
  events: number;
  /** The part with a known age band and sex, which the standardised rate rests on. */
  standardisedEvents: number;
  population: number;
  crude: RateFigures;
  standardised: RateFigures & { note: string | null };
}

/** One ICB's registered patients in one age-sex band of the standard, for bands with patients. */
interface PopulatedBand {
  key: string;
  weight: number;
  population: number;
}

/** Registered patients by ICB: the populated age-sex bands and their total. */
export type IcbPopulations = ReadonlyMap<IcbCode, { bands: readonly PopulatedBand[]; total: number }>;

export const ATLAS_CONFIDENCE = [0.95, 0.998];

export function indexPopulations(bands: readonly PopulationBand[]): IcbPopulations {
  const byIcb = new Map<IcbCode, Map<string, number>>();
  for (const band of bands) {
    const icb = byIcb.get(band.icbCode) ?? new Map<string, number>();
    byIcb.set(band.icbCode, icb);
    const key = bandKey(band.sex, band.ageBand);
    icb.set(key, (icb.get(key) ?? 0) + band.persons);
  }
  return new Map(
    [...byIcb].map(([icb, people]) => {
      const populated = AGE_SEX_STANDARD.flatMap((standard) => {
        const population = people.get(standard.key) ?? 0;
        return population > 0 ? [{ key: standard.key, weight: standard.weight, population }] : [];
      });
      return [icb, { bands: populated, total: populated.reduce((total, band) => total + band.population, 0) }];
    }),
  );
}

/** The amount of a cell a measure counts; null when the cell does not give it. */
export function measureOf(cell: UtilisationCell, measure: AtlasMeasure): number | null {
  if (measure === 'activity') return cell.activity;
  if (measure === 'patients') return cell.patients;
  return cell.spendPence / 100;
}

function figures(estimate: Estimate): RateFigures {
  const [inner, outer] = estimate.limits;
  return {
    value: estimate.value,
    lower95: inner?.lower ?? null,
    upper95: inner?.upper ?? null,
    lower998: outer?.lower ?? null,
    upper998: outer?.upper ?? null,
    method: estimate.method,
  };
}

const pointOnly = (value: number | null, method: string): RateFigures => ({
  value,
  lower95: null,
  upper95: null,
  lower998: null,
  upper998: null,
  method,
});

/** Rates for every ICB with a population, from the cells of one year and service (cells of other ICBs,
 * or with no ICB, are ignored). An ICB with no activity has a rate of 0. Returns [] for the patients
 * measure when no cell gives patients. */
export function calculateIcbRates(
  cells: readonly UtilisationCell[],
  populations: IcbPopulations,
  measure: AtlasMeasure,
): IcbRate[] {
  const byIcb = new Map<IcbCode, { total: number; byBand: Map<string, number> }>();
  let given = false;
  for (const cell of cells) {
    const amount = measureOf(cell, measure);
    if (amount === null || cell.icbCode === null) continue;
    given = true;
    const icb = byIcb.get(cell.icbCode) ?? { total: 0, byBand: new Map<string, number>() };
    byIcb.set(cell.icbCode, icb);
    icb.total += amount;
    if (cell.ageBand !== null && cell.sex !== null) {
      const key = bandKey(cell.sex, cell.ageBand);
      icb.byBand.set(key, (icb.byBand.get(key) ?? 0) + amount);
    }
  }
  if (!given && measure === 'patients') return [];
  const rates: IcbRate[] = [];
  for (const [icbCode, people] of populations) {
    const counted = byIcb.get(icbCode) ?? { total: 0, byBand: new Map<string, number>() };
    const population = people.total;
    if (!(population > 0)) continue;
    const events = people.bands.map((band) => counted.byBand.get(band.key) ?? 0);
    const standardisedEvents = events.reduce((total, e) => total + e, 0);
    if (measure === 'spend') {
      const weight = people.bands.reduce((total, band) => total + band.weight, 0);
      const perHead = people.bands.reduce((total, band, i) => total + (events[i]! / band.population) * band.weight, 0);
      rates.push({
        icbCode,
        measure,
        events: counted.total,
        standardisedEvents,
        population,
        crude: pointOnly(counted.total / population, 'Spend ÷ registered population'),
        standardised: { ...pointOnly(perHead / weight, 'Direct standardisation (no limits)'), note: null },
      });
      continue;
    }
    const crude = calculateCrudeRate(
      { numerator: counted.total, denominator: population },
      { confidence: ATLAS_CONFIDENCE, multiplier: ATLAS_MULTIPLIER },
    );
    const dsrBands: DsrBand[] = people.bands.map((band, i) => ({
      band: band.key,
      numerator: events[i]!,
      denominator: band.population,
      standardPopulation: band.weight,
    }));
    // Every band carries its own weight, so no standard-population table is needed to look weights up.
    const dsr = calculateDsr(dsrBands, {
      confidence: ATLAS_CONFIDENCE,
      multiplier: ATLAS_MULTIPLIER,
      standardPopulation: {},
    });
    rates.push({
      icbCode,
      measure,
      events: counted.total,
      standardisedEvents,
      population,
      crude: figures(crude),
      standardised: { ...figures(dsr), note: dsr.reason ?? null },
    });
  }
  return rates;
}
