// Plans of stored scenarios: each run's summary (rows, convergence, risk share, provenance) is stored with
// what it rests on, replacing the previous one, so the last plan can be shown and traced; a stored plan
// counts only while its scenario revision, dataset and run are unchanged.
import type { ActivityEngine } from '../engines/engine.ts';
import type { Workspace } from '../workspace.ts';
import { planRun } from './base-year-spend.ts';
import { type PlanResult, planScenario } from './plan-scenario.ts';
import { type PlanSummary, planSummary } from './plan-tables.ts';
import { getScenario, type StoredScenario } from './scenario-store.ts';

export async function planStoredScenario(
  ws: Workspace,
  name: string,
  engine?: ActivityEngine,
): Promise<{ stored: StoredScenario; result: PlanResult }> {
  const stored = await getScenario(ws, name);
  const result = await planScenario(ws, stored.scenario, { engine, revision: stored.revision });
  const p = result.provenance;
  const summary = JSON.stringify(planSummary(result));
  // Written only when it differs from what is stored: a plan asked for again on the same data leaves the
  // workspace (and so everything remembered from it) unchanged.
  const same = await ws.one(
    `SELECT 1 AS same FROM plan_result WHERE scenario_name = $1 AND scenario_revision = $2 AND dataset = $3
        AND vintage = $4 AND unknown_residence_rule = $5 AND run_at = CAST($6 AS TIMESTAMP) AND result_json = $7`,
    [stored.name, stored.revision, p.dataset, p.vintage, p.unknownResidenceRule, p.runAt, summary],
  );
  if (same) return { stored, result };
  await ws.transaction(async () => {
    await ws.run('DELETE FROM plan_result WHERE scenario_name = $1', [stored.name]);
    await ws.run(
      `INSERT INTO plan_result (scenario_name, scenario_revision, dataset, vintage, unknown_residence_rule, run_at,
         computed_at, result_json) VALUES ($1, $2, $3, $4, $5, CAST($6 AS TIMESTAMP), now(), $7)`,
      [stored.name, stored.revision, p.dataset, p.vintage, p.unknownResidenceRule, p.runAt, summary],
    );
  });
  return { stored, result };
}

/** The last stored plan of the scenario if it still holds, else undefined. */
export async function readStoredPlan(ws: Workspace, stored: StoredScenario): Promise<PlanSummary | undefined> {
  const run = await planRun(ws);
  const row = await ws.one<{ json: string }>(
    `SELECT result_json AS json FROM plan_result
     WHERE scenario_name = $1 AND scenario_revision = $2 AND dataset = $3 AND unknown_residence_rule = $4
       AND run_at = CAST($5 AS TIMESTAMP)`,
    [stored.name, stored.revision, run.dataset, run.rule, run.runAt],
  );
  return row ? (JSON.parse(row.json) as PlanSummary) : undefined;
}
