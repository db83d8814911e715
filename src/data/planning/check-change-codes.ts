// The checks on a scenario's service changes that need the workspace: every service, provider and ICB they
// name exists. Each problem names its field path (changes[0].fromProviders[1]).
import type { Problem } from '../../core/errors.ts';
import type { Scenario } from '../../core/planning/scenario-schema.ts';
import type { Workspace } from '../workspace.ts';
import { PLAN_VINTAGE } from './base-year-spend.ts';

export async function serviceChangeCodeProblems(ws: Workspace, scenario: Scenario, file?: string): Promise<Problem[]> {
  const changes = scenario.changes ?? [];
  if (changes.length === 0) return [];
  const codes = async (sql: string, params: unknown[] = []) =>
    new Set((await ws.all<{ code: string }>(sql, params as never)).map((r) => r.code));
  const services = await codes('SELECT DISTINCT service_code AS code FROM service WHERE is_current');
  const providers = await codes('SELECT provider_code AS code FROM provider');
  const icbs = await codes('SELECT icb_code AS code FROM icb WHERE vintage = $1', [PLAN_VINTAGE]);
  const problems: Problem[] = [];
  const unknown = (field: string, value: string, what: string, accepted: string) =>
    problems.push({
      code: 'FP_PLAN_CHANGE_UNKNOWN_CODE',
      message: `${value} is not ${what} in this workspace.`,
      where: { file, field },
      received: value,
      accepted,
    });
  changes.forEach((change, c) => {
    const at = `changes[${c}]`;
    if (!services.has(change.service)) {
      unknown(`${at}.service`, change.service, 'a current service', 'a service code from `footprint services list`');
    }
    for (const list of ['fromProviders', 'toProviders'] as const) {
      change[list]?.forEach((code, i) => {
        if (!providers.has(code)) {
          unknown(`${at}.${list}[${i}]`, code, 'a provider', 'an ODS provider code from the reference data');
        }
      });
    }
    change.residentIcbs?.forEach((code, i) => {
      if (!icbs.has(code)) {
        unknown(`${at}.residentIcbs[${i}]`, code, `an ICB of the ${PLAN_VINTAGE} geography`, 'an ICB ODS code');
      }
    });
  });
  return problems;
}
