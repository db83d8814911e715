// An ICB beside England, its region and similar ICBs (src/core/peers): population-basis spend per head
// in every year the run holds, on all specialised services or on one (the service page). One query gives
// every 2026 ICB's spend by year, population, region and need; the comparison is arithmetic on those rows.

import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import {
  type ComparisonYear,
  type IcbComparison,
  type IcbSize,
  perHead,
  SIMILAR_ICBS_METHOD,
  similarIcbs,
} from '../../core/peers/similar-icbs.ts';
import { icbNeedsIndex } from '../planning/needs-index.ts';
import type { Workspace } from '../workspace.ts';
import { icbPopulationSql } from './icb-population.ts';

const VINTAGE = DEFAULT_VINTAGE;

interface IcbRow {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  population: number;
}

export async function icbComparison(
  ws: Workspace,
  dataset: string | null,
  icbCode: string,
  only: { service?: string } = {},
): Promise<IcbComparison> {
  const icbs = await ws.all<IcbRow>(
    `SELECT i.icb_code AS code, i.name, i.region_code AS "regionCode", r.name AS "regionName",
            coalesce(pop.population, 0) AS population
       FROM icb i
       JOIN region r ON r.vintage = i.vintage AND r.region_code = i.region_code
       LEFT JOIN (${icbPopulationSql(VINTAGE)}) pop ON pop.icb_code = i.icb_code
      WHERE i.vintage = $1 ORDER BY i.icb_code`,
    [VINTAGE],
  );
  const own = icbs.find((i) => i.code === icbCode.toUpperCase());
  if (!own)
    fail('FP_REPORT_UNKNOWN_ICB', `There is no 2026 ICB with the code ${JSON.stringify(icbCode)}.`, {
      where: { parameter: 'code' },
      received: icbCode,
      accepted: 'a 2026 ICB ODS code, e.g. QWE',
    });
  const spend = dataset
    ? await ws.all<{ year: string; icb: string; spend: number }>(
        `SELECT financial_year AS year, icb_code AS icb, CAST(sum(population_basis_spend) AS DOUBLE) AS spend
           FROM allocation WHERE dataset = $1 AND vintage = $2 AND ($3::VARCHAR IS NULL OR service_code = $3::VARCHAR)
          GROUP BY 1, 2`,
        [dataset, VINTAGE, only.service ?? null],
      )
    : [];
  const years = [...new Set(spend.map((s) => s.year))].sort();
  const index = await icbNeedsIndex(ws, years.at(-1) ?? '9999/99');
  const sizes: IcbSize[] = icbs.flatMap((i) => {
    const weighted = index?.byIcb.get(i.code);
    return weighted && i.population > 0
      ? [{ icbCode: i.code, population: i.population, needIndex: weighted / i.population }]
      : [];
  });
  const peers = similarIcbs(own.code, sizes);
  const byCode = new Map(icbs.map((i) => [i.code, i]));

  const spendOf = (year: string, codes: Set<string> | null) =>
    spend.filter((s) => s.year === year && (!codes || codes.has(s.icb))).reduce((sum, s) => sum + s.spend, 0);
  const populationOf = (codes: Set<string> | null) =>
    icbs.filter((i) => !codes || codes.has(i.code)).reduce((sum, i) => sum + i.population, 0);
  const groups = {
    icb: new Set([own.code]),
    region: new Set(icbs.filter((i) => i.regionCode === own.regionCode).map((i) => i.code)),
    england: null,
    peers: new Set(peers.map((p) => p.icbCode)),
  };
  const comparisonYears: ComparisonYear[] = years.map((financialYear) => ({
    financialYear,
    icb: perHead(spendOf(financialYear, groups.icb), populationOf(groups.icb)),
    region: perHead(spendOf(financialYear, groups.region), populationOf(groups.region)),
    england: perHead(spendOf(financialYear, groups.england), populationOf(groups.england)),
    peers: peers.length ? perHead(spendOf(financialYear, groups.peers), populationOf(groups.peers)) : null,
  }));
  return {
    icb: {
      code: own.code,
      name: own.name,
      population: own.population,
      needIndex: sizes.find((s) => s.icbCode === own.code)?.needIndex ?? null,
    },
    region: { code: own.regionCode, name: own.regionName },
    peers: peers.map((p) => ({
      code: p.icbCode,
      name: byCode.get(p.icbCode)?.name ?? p.icbCode,
      population: p.population,
      needIndex: p.needIndex,
      nearness: p.nearness,
    })),
    peerMethod: SIMILAR_ICBS_METHOD,
    needYear: index?.financialYear ?? null,
    years: comparisonYears,
  };
}
