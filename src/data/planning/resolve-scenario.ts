// The checks on a scenario that need the workspace, and what its units stand for: each unit's ICBs (an
// ICB is itself; `footprint:NAME` is the footprint's member ICBs), and every ICB the plan must work out
// (the units' ICBs and the risk-share footprint's members). Every problem names the field path.
import type { Problem } from '../../core/errors.ts';
import type { Scenario } from '../../core/planning/scenario-schema.ts';
import type { Workspace } from '../workspace.ts';
import { PLAN_VINTAGE } from './base-year-spend.ts';
import { serviceChangeCodeProblems } from './check-change-codes.ts';

export const FOOTPRINT_PREFIX = 'footprint:';

export interface PlanUnit {
  /** As the scenario names it: 'QUY' or 'footprint:NAME'. */
  unit: string;
  kind: 'icb' | 'footprint';
  icbs: string[];
}

export interface ResolvedScenario {
  units: PlanUnit[];
  /** Every ICB planned, sorted: the units' ICBs and the risk-share members. */
  icbs: string[];
  /** The risk-share footprint's member ICBs, sorted; null without a risk share. */
  riskShareMembers: string[] | null;
  problems: Problem[];
}

const listed = (codes: Iterable<string>, max = 12) => {
  const all = [...codes];
  return all.length > max ? `${all.slice(0, max).join(', ')} … (${all.length} in all)` : all.join(', ');
};

async function footprintMembers(ws: Workspace): Promise<Map<string, { name: string; icbs: string[] }>> {
  const rows = await ws.all<{ name: string; icb: string }>(
    `SELECT f.name AS name, m.icb_code AS icb FROM footprint f JOIN footprint_member m ON m.footprint_name = f.name
     WHERE f.vintage = $1 ORDER BY f.name, m.icb_code`,
    [PLAN_VINTAGE],
  );
  const byName = new Map<string, { name: string; icbs: string[] }>();
  for (const r of rows) {
    const key = r.name.toLowerCase();
    const found = byName.get(key) ?? { name: r.name, icbs: [] };
    found.icbs.push(r.icb);
    byName.set(key, found);
  }
  return byName;
}

export async function resolveScenario(ws: Workspace, scenario: Scenario, file?: string): Promise<ResolvedScenario> {
  const problems: Problem[] = [];
  const add = (code: Problem['code'], field: string, message: string, received: string, accepted: string) =>
    problems.push({ code, message, where: { file, field }, received, accepted });
  const icbCodes = new Set(
    (await ws.all<{ code: string }>('SELECT icb_code AS code FROM icb WHERE vintage = $1', [PLAN_VINTAGE])).map(
      (r) => r.code,
    ),
  );
  const footprints = await footprintMembers(ws);
  const units: PlanUnit[] = [];
  scenario.units.forEach((unit, i) => {
    if (unit.startsWith(FOOTPRINT_PREFIX)) {
      const found = footprints.get(unit.slice(FOOTPRINT_PREFIX.length).trim().toLowerCase());
      if (found) units.push({ unit, kind: 'footprint', icbs: found.icbs });
      else
        add(
          'FP_PLAN_UNKNOWN_UNIT',
          `units[${i}]`,
          `There is no footprint called ${unit.slice(FOOTPRINT_PREFIX.length)}.`,
          unit,
          'footprint:NAME with NAME from `footprint footprint list`',
        );
    } else if (icbCodes.has(unit)) units.push({ unit, kind: 'icb', icbs: [unit] });
    else
      add(
        'FP_PLAN_UNKNOWN_UNIT',
        `units[${i}]`,
        `${unit} is not an ICB of the ${PLAN_VINTAGE} geography.`,
        unit,
        `one of the ${icbCodes.size} ICB ODS codes: ${listed([...icbCodes].sort())}`,
      );
  });

  const providers = new Set(
    (await ws.all<{ code: string }>('SELECT provider_code AS code FROM provider')).map((r) => r.code),
  );
  const services = new Set(
    (await ws.all<{ code: string }>('SELECT DISTINCT service_code AS code FROM service')).map((r) => r.code),
  );
  scenario.qipp.forEach((scheme, s) => {
    for (const [list, known, what] of [
      [scheme.scope.providers, providers, 'provider'],
      [scheme.scope.services, services, 'service'],
    ] as const) {
      list?.forEach((code, i) => {
        if (known.has(code)) return;
        add(
          'FP_PLAN_UNKNOWN_CODE',
          `qipp[${s}].scope.${what}s[${i}]`,
          `${code} is not a ${what} code in this workspace.`,
          code,
          what === 'provider'
            ? 'an ODS provider code from the reference data (e.g. RA7)'
            : 'a service line code from the services catalogue (see `footprint services list`)',
        );
      });
    }
  });

  let riskShareMembers: string[] | null = null;
  const risk = scenario.riskShare;
  if (risk) {
    const found = footprints.get(risk.footprint.trim().toLowerCase());
    if (!found) {
      add(
        'FP_PLAN_UNKNOWN_UNIT',
        'riskShare.footprint',
        `There is no footprint called ${risk.footprint}.`,
        risk.footprint,
        'a footprint name from `footprint footprint list`',
      );
    } else {
      riskShareMembers = found.icbs;
      for (const icb of Object.keys(risk.outturn)) {
        if (!found.icbs.includes(icb)) {
          add(
            'FP_PLAN_BAD_RISK_SHARE',
            `riskShare.outturn.${icb}`,
            `${icb} is not a member of ${found.name}.`,
            icb,
            `the members of ${found.name}: ${found.icbs.join(', ')}`,
          );
        }
      }
      for (const icb of found.icbs) {
        if (!(icb in risk.outturn)) {
          add(
            'FP_PLAN_BAD_RISK_SHARE',
            `riskShare.outturn.${icb}`,
            `${found.name} member ${icb} has no outturn.`,
            'nothing',
            'an outturn in pounds for every member',
          );
        }
      }
    }
  }
  const icbs = [...new Set([...units.flatMap((u) => u.icbs), ...(riskShareMembers ?? [])])].sort();
  const target = scenario.allocation.target;
  if (target && target !== 'needs' && problems.length === 0) {
    for (const icb of Object.keys(target)) {
      if (!icbs.includes(icb)) {
        add(
          'FP_PLAN_UNKNOWN_UNIT',
          `allocation.target.${icb}`,
          `${icb} has a target share but is not planned.`,
          icb,
          `the plan's ICBs: ${listed(icbs)}`,
        );
      }
    }
    for (const icb of icbs) {
      if (!(icb in target)) {
        add(
          'FP_PLAN_BAD_SHARE',
          `allocation.target.${icb}`,
          `${icb} is planned but has no target share.`,
          'nothing',
          `a share for each of the plan's ICBs: ${listed(icbs)}`,
        );
      }
    }
  }
  problems.push(...(await serviceChangeCodeProblems(ws, scenario, file)));
  return { units, icbs, riskShareMembers, problems };
}
