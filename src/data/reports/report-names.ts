// Names for the codes a report carries, so every CSV and workbook has the name beside the code: ICBs and
// regions in the report's geography vintage, current catalogue services, providers in their normal casing.
// A code with no name (UNALLOCATED, a retired service) gets a name that says so rather than a blank.
import { UNALLOCATED } from '../../core/basis/index.ts';
import { organisationName } from '../../core/names/organisation-name.ts';
import type { Workspace } from '../workspace.ts';

export interface ReportNames {
  icb(code: string | null | undefined): string | null;
  region(code: string | null | undefined): string | null;
  service(code: string | null | undefined): string | null;
  provider(code: string | null | undefined): string | null;
}

export async function reportNames(ws: Workspace, vintage: string): Promise<ReportNames> {
  const pairs = async (sql: string, params: string[] = []) =>
    new Map((await ws.all<{ code: string; name: string }>(sql, params)).map((r) => [r.code, r.name]));
  const icbs = await pairs('SELECT icb_code AS code, name FROM icb WHERE vintage = $1', [vintage]);
  const regions = await pairs('SELECT region_code AS code, name FROM region WHERE vintage = $1', [vintage]);
  const services = await pairs('SELECT service_code AS code, name FROM service WHERE is_current');
  const providers = await pairs('SELECT provider_code AS code, name FROM provider');
  const named = (names: Map<string, string>, unknown: string) => (code: string | null | undefined) =>
    code === null || code === undefined ? null : (names.get(code) ?? unknown);
  return {
    icb: (code) => (code === UNALLOCATED ? 'Not known' : named(icbs, 'Not in this geography')(code)),
    region: named(regions, 'Not in this geography'),
    service: named(services, 'Not in the current catalogue'),
    provider: (code) => {
      const name = named(providers, 'Not in the provider list')(code);
      return name && code && providers.has(code) ? organisationName(name) : name;
    },
  };
}
