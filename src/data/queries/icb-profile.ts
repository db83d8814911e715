// One ICB's page (2026 geography): its registered population by age band and sex, its population-basis
// spend by programme of care and by service, where its patients are treated (top providers, inside or
// outside the ICB) and the providers it hosts with where their patients come from.
import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import type { IcbProfileShape } from '../../core/icbs/icb-profile-answer.ts';
import type { Workspace } from '../workspace.ts';
import { icbNameSql } from './icb-name.ts';

const VINTAGE = DEFAULT_VINTAGE;
export const TOP_PROVIDERS = 20;
export const TOP_ORIGINS = 5;

export const UNKNOWN_PROGRAMME = 'Not recorded';

export async function icbProfile(
  ws: Workspace,
  dataset: string | null,
  code: string,
  year: string | null,
): Promise<IcbProfileShape> {
  const icb = await ws.one<{ code: string; name: string; regionCode: string; regionName: string }>(
    `SELECT i.icb_code AS code, i.name, r.region_code AS "regionCode", r.name AS "regionName"
       FROM icb i JOIN region r ON r.vintage = i.vintage AND r.region_code = i.region_code
      WHERE i.vintage = $1 AND i.icb_code = $2`,
    [VINTAGE, code.toUpperCase()],
  );
  if (!icb) {
    fail('FP_REPORT_UNKNOWN_ICB', `There is no 2026 ICB with the code ${JSON.stringify(code)}.`, {
      where: { parameter: 'code' },
      received: code,
      accepted: 'a 2026 ICB ODS code, e.g. QWE',
    });
  }
  const pyramid = await ws.all<{ ageBand: string; male: number; female: number }>(
    `SELECT age_band AS "ageBand",
            CAST(sum(CASE WHEN sex = 'M' THEN persons ELSE 0 END) AS DOUBLE) AS male,
            CAST(sum(CASE WHEN sex = 'F' THEN persons ELSE 0 END) AS DOUBLE) AS female
       FROM population WHERE area_type = 'icb' AND area_code = $1
      GROUP BY age_band ORDER BY CAST(regexp_extract(age_band, '^[0-9]+') AS INTEGER)`,
    [icb.code],
  );
  const total = pyramid.reduce((sum, band) => sum + band.male + band.female, 0);
  const base = {
    icb: { code: icb.code, name: icb.name, region: { code: icb.regionCode, name: icb.regionName } },
    population: { total, pyramid },
  };
  if (!dataset || !year) {
    return {
      ...base,
      spendByProgramme: [],
      spendByService: [],
      topProviders: [],
      insideShare: null,
      hostedProviders: [],
    };
  }
  const key = [dataset, VINTAGE, year, icb.code];
  const spendByService = await ws.all<IcbProfileShape['spendByService'][number]>(
    `SELECT a.service_code AS service, coalesce(s.name, a.service_code) AS name, s.programme_of_care AS programme,
            CAST(sum(a.population_basis_spend) AS DOUBLE) AS spend,
            CAST(sum(a.population_basis_spend) AS DOUBLE) / nullif(CAST($5 AS DOUBLE), 0) AS "perHead"
       FROM allocation a LEFT JOIN service s ON s.service_code = a.service_code AND s.is_current
      WHERE a.dataset = $1 AND a.vintage = $2 AND a.financial_year = $3 AND a.icb_code = $4
      GROUP BY a.service_code, s.name, s.programme_of_care
     HAVING sum(a.population_basis_spend) <> 0 ORDER BY spend DESC, service`,
    [...key, total],
  );
  const byProgramme = new Map<string, number>();
  for (const row of spendByService) {
    const programme = row.programme ?? UNKNOWN_PROGRAMME;
    byProgramme.set(programme, (byProgramme.get(programme) ?? 0) + row.spend);
  }
  const spendByProgramme = [...byProgramme]
    .map(([programme, spend]) => ({ programme, spend }))
    .sort((a, b) => b.spend - a.spend || a.programme.localeCompare(b.programme));
  const providers = await ws.all<IcbProfileShape['topProviders'][number]>(
    `SELECT f.provider_code AS provider, coalesce(p.name, f.provider_code) AS name, f.provider_icb AS "providerIcb",
            ${icbNameSql('pi.name', 'f.provider_icb')} AS "providerIcbName",
            f.provider_icb = $4 AS inside, CAST(sum(f.spend) AS DOUBLE) AS spend, CAST(sum(f.activity) AS DOUBLE) AS activity
       FROM flow f LEFT JOIN provider p ON p.provider_code = f.provider_code
       LEFT JOIN icb pi ON pi.vintage = f.vintage AND pi.icb_code = f.provider_icb
      WHERE f.dataset = $1 AND f.vintage = $2 AND f.financial_year = $3 AND f.resident_icb = $4
      GROUP BY f.provider_code, p.name, f.provider_icb, pi.name ORDER BY spend DESC, provider`,
    key,
  );
  const allSpend = providers.reduce((sum, p) => sum + p.spend, 0);
  const insideSpend = providers.filter((p) => p.inside).reduce((sum, p) => sum + p.spend, 0);
  const hosted = await ws.all<{ provider: string; name: string; income: number; outside: number }>(
    `SELECT f.provider_code AS provider, coalesce(p.name, f.provider_code) AS name,
            CAST(sum(f.spend) AS DOUBLE) AS income,
            CAST(sum(CASE WHEN f.resident_icb <> f.provider_icb THEN f.spend ELSE 0 END) AS DOUBLE) AS outside
       FROM flow f LEFT JOIN provider p ON p.provider_code = f.provider_code
      WHERE f.dataset = $1 AND f.vintage = $2 AND f.financial_year = $3 AND f.provider_icb = $4
      GROUP BY f.provider_code, p.name ORDER BY income DESC, provider`,
    key,
  );
  const origins = await ws.all<{ provider: string; icb: string; name: string; spend: number }>(
    `SELECT provider, icb, name, spend FROM (
       SELECT f.provider_code AS provider, f.resident_icb AS icb, coalesce(i.name, f.resident_icb) AS name,
              CAST(sum(f.spend) AS DOUBLE) AS spend,
              row_number() OVER (PARTITION BY f.provider_code ORDER BY sum(f.spend) DESC, f.resident_icb) AS rank
         FROM flow f LEFT JOIN icb i ON i.vintage = f.vintage AND i.icb_code = f.resident_icb
        WHERE f.dataset = $1 AND f.vintage = $2 AND f.financial_year = $3 AND f.provider_icb = $4
        GROUP BY f.provider_code, f.resident_icb, i.name) ranked
      WHERE rank <= ${TOP_ORIGINS} ORDER BY provider, spend DESC, icb`,
    key,
  );
  return {
    ...base,
    spendByProgramme,
    spendByService,
    topProviders: providers.slice(0, TOP_PROVIDERS),
    insideShare: allSpend === 0 ? null : insideSpend / allSpend,
    hostedProviders: hosted.map((h) => ({
      provider: h.provider,
      name: h.name,
      income: h.income,
      incomeFromOutsideShare: h.income === 0 ? null : h.outside / h.income,
      topOrigins: origins
        .filter((o) => o.provider === h.provider)
        .map(({ icb, name, spend }) => ({ icb, name, spend })),
    })),
  };
}
