// What a scenario may name (GET /api/planning/choices): base years with spend in the dataset, the plan
// vintage's ICBs and multi-ICB footprints, providers, current services and points of delivery.
import { POINTS_OF_DELIVERY } from '../../core/activity/activity-record.ts';
import type { PlanningChoices } from '../../core/planning/plan-answers.ts';
import { readIcbNames } from '../reference/icbs.ts';
import type { Workspace } from '../workspace.ts';
import { PLAN_VINTAGE, yearsWithSpend } from './base-year-spend.ts';

export async function readPlanningChoices(ws: Workspace, dataset: string | undefined): Promise<PlanningChoices> {
  const footprints = await ws.all<{ name: string; members: string }>(
    `SELECT f.name AS name, string_agg(m.icb_code, ' ' ORDER BY m.icb_code) AS members
     FROM footprint f JOIN footprint_member m ON m.footprint_name = f.name
     WHERE f.vintage = $1 GROUP BY f.name HAVING count(*) > 1 ORDER BY f.name`,
    [PLAN_VINTAGE],
  );
  return {
    baseYears: dataset ? await yearsWithSpend(ws, dataset) : [],
    icbs: await readIcbNames(ws, PLAN_VINTAGE),
    footprints: footprints.map((f) => ({ name: f.name, members: f.members.split(' ') })),
    providers: await ws.all<{ code: string; name: string }>(
      'SELECT provider_code AS code, name FROM provider ORDER BY name',
    ),
    services: await ws.all<{ code: string; name: string }>(
      'SELECT service_code AS code, name FROM service WHERE is_current ORDER BY name',
    ),
    pods: [...POINTS_OF_DELIVERY],
  };
}
