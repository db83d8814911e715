// The baseline plan a new workspace starts with: the current planning round template applied to every
// current ICB and every footprint, stored and planned, so every plan page and board pack has a plan on
// first start. It is labelled as a baseline made from the template, owned nationally, and its base year is
// the template's when the data has it, else the latest year with activity (the description says which).
import { fail } from '../../core/errors.ts';
import type { Scenario } from '../../core/planning/scenario-schema.ts';
import { SYSTEM_ACTOR } from '../audit/record-audit.ts';
import { NATIONAL } from '../users/organisations.ts';
import type { Workspace } from '../workspace.ts';
import { PLAN_VINTAGE, planRun, yearsWithSpend } from './base-year-spend.ts';
import { FOOTPRINT_PREFIX } from './resolve-scenario.ts';
import { findScenario, saveScenario } from './scenario-store.ts';
import { listScenarioTemplates } from './scenario-templates.ts';
import { planStoredScenario } from './stored-plan.ts';

export const CURRENT_TEMPLATE = 'current-planning-round';
export const BASELINE_NAME = 'Baseline: current planning round';

/** A template's scenario for the given units, under a new name; its assumptions are kept as they are. */
export function scenarioFromTemplate(templateId: string, units: readonly string[], name: string): Scenario {
  const template = listScenarioTemplates().find((t) => t.id === templateId);
  if (!template) {
    fail('FP_PLAN_SCENARIO_NOT_FOUND', `There is no scenario template called ${JSON.stringify(templateId)}.`, {
      where: { parameter: 'template' },
      received: templateId,
      accepted: listScenarioTemplates()
        .map((t) => t.id)
        .join(', '),
    });
  }
  const scenario = structuredClone(template.scenario);
  // Control totals and risk shares name the template's own units, so they do not carry over.
  const { controlTotals: _, ...allocation } = scenario.allocation;
  return { ...scenario, name, units: [...units], allocation, riskShare: undefined };
}

/** Every current ICB, then every footprint of the current geography, as scenario units. */
async function everyUnit(ws: Workspace): Promise<string[]> {
  const icbs = await ws.all<{ code: string }>('SELECT icb_code AS code FROM icb WHERE vintage = $1 ORDER BY code', [
    PLAN_VINTAGE,
  ]);
  const footprints = await ws.all<{ name: string }>('SELECT name FROM footprint WHERE vintage = $1 ORDER BY name', [
    PLAN_VINTAGE,
  ]);
  return [...icbs.map((r) => r.code), ...footprints.map((r) => `${FOOTPRINT_PREFIX}${r.name}`)];
}

/** Stores and plans the baseline unless a scenario of that name exists; returns its name, or null when it
 * was already there. */
export async function storeBaselinePlan(ws: Workspace): Promise<string | null> {
  if (await findScenario(ws, BASELINE_NAME)) return null;
  const scenario = scenarioFromTemplate(CURRENT_TEMPLATE, await everyUnit(ws), BASELINE_NAME);
  const years = await yearsWithSpend(ws, (await planRun(ws)).dataset);
  const latest = years.at(-1);
  const baseYear = years.includes(scenario.baseYear) || !latest ? scenario.baseYear : latest;
  const moved =
    baseYear === scenario.baseYear
      ? ''
      : ` The template's base year ${scenario.baseYear} has no activity here, so the baseline grows ${baseYear}, the latest year the data has.`;
  await saveScenario(
    ws,
    {
      ...scenario,
      baseYear,
      description:
        `Baseline made when the workspace was created: the current planning round template applied unchanged to every ICB and footprint, so that each has a plan to start from. Copy it to make your own.${moved} ` +
        (scenario.description ?? ''),
    },
    { owner: NATIONAL, by: SYSTEM_ACTOR },
  );
  await planStoredScenario(ws, BASELINE_NAME);
  return BASELINE_NAME;
}
