// Places and neighbourhoods of one ICB with their populations by age and sex, size flags and, where the
// activity carries GP practice codes, the activity and spend that rolls up to them.

import { localAuthorityPlaces, type PracticeGroup, pcnNeighbourhoods } from '../../core/places/default-groupings.ts';
import type { AreaSummary, IcbPlaces } from '../../core/places/places-answer.ts';
import { groupPopulations } from '../../core/places/practice-populations.ts';
import { sizeFlag } from '../../core/places/size-flags.ts';
import type { FinancialYear } from '../../core/units.ts';
import { withActivityEngine } from '../engines/open-engine.ts';
import type { Workspace } from '../workspace.ts';
import { readPlaceGrouping } from './place-groupings.ts';
import {
  type IcbPractice,
  readIcbPopulation,
  readIcbPractices,
  readPracticePopulations,
} from './practice-geography.ts';
import { requireIcb } from './require-icb.ts';

export interface IcbPlacesOptions {
  icb: string;
  grouping?: string;
  dataset?: string | null;
  financialYear?: FinancialYear | null;
}

export async function icbPlaces(ws: Workspace, options: IcbPlacesOptions): Promise<IcbPlaces> {
  const icb = await requireIcb(ws, options.icb, 'icb');
  const practices = await readIcbPractices(ws, icb.code);
  const places = options.grouping
    ? (await readPlaceGrouping(ws, options.grouping, icb.code)).places
    : localAuthorityPlaces(practices);
  const neighbourhoods = pcnNeighbourhoods(practices);
  const byPractice = await readPracticePopulations(ws, practices);
  const { dataset, financialYear } = options;
  const spend =
    dataset && financialYear
      ? await withActivityEngine(ws, (engine) =>
          engine.spendByPractice({
            dataset,
            financialYear,
            icbCode: icb.code,
          }),
        )
      : [];
  const practiceSpend = new Map<string, { activity: number; pence: number }>();
  for (const s of spend) {
    const sum = practiceSpend.get(s.practiceCode) ?? { activity: 0, pence: 0 };
    sum.activity += s.activity;
    sum.pence += s.spendPence;
    practiceSpend.set(s.practiceCode, sum);
  }
  const coded = practiceSpend.size > 0;
  const summarise = (groups: PracticeGroup[], level: 'place' | 'neighbourhood'): AreaSummary[] => {
    const populations = groupPopulations(groups, byPractice);
    return groups.map((group, i) => {
      const population = populations[i]!;
      let activity = 0;
      let pence = 0;
      for (const code of group.practices) {
        activity += practiceSpend.get(code)?.activity ?? 0;
        pence += practiceSpend.get(code)?.pence ?? 0;
      }
      return {
        id: group.id,
        name: group.name,
        practices: group.practices,
        population: population.total,
        sizeFlag: sizeFlag(level, population.total),
        ageSex: population.cells,
        activity: coded ? activity : null,
        spend: coded ? pence / 100 : null,
      };
    });
  };
  const placeOf = nameOf(places);
  const neighbourhoodOf = nameOf(neighbourhoods);
  const population = await readIcbPopulation(ws, icb.code);
  const totalPence = [...practiceSpend.values()].reduce((sum, s) => sum + s.pence, 0);
  return {
    icbCode: icb.code,
    icbName: icb.name,
    regionCode: icb.regionCode,
    population,
    systemSizeFlag: sizeFlag('system', population),
    grouping: options.grouping ? (options.grouping.trim() ?? null) : null,
    places: summarise(places, 'place'),
    neighbourhoods: summarise(neighbourhoods, 'neighbourhood'),
    practices: practices.map((p: IcbPractice) => ({
      code: p.practiceCode,
      name: p.name,
      place: placeOf.get(p.practiceCode) ?? '',
      neighbourhood: neighbourhoodOf.get(p.practiceCode) ?? '',
      population: (byPractice.get(p.practiceCode) ?? []).reduce((sum, c) => sum + c.persons, 0),
    })),
    practiceCoded:
      coded && options.dataset && options.financialYear
        ? {
            dataset: options.dataset,
            financialYear: options.financialYear,
            activity: [...practiceSpend.values()].reduce((sum, s) => sum + s.activity, 0),
            spend: totalPence / 100,
          }
        : null,
  };
}

function nameOf(groups: readonly PracticeGroup[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const g of groups) for (const code of g.practices) names.set(code, g.name);
  return names;
}
