// Scenarios stored in the workspace: added, replaced, listed, read and deleted whole. A scenario is checked
// (its shape, its rules and its codes against the workspace) before anything is written, and every write
// is one transaction, so a refused scenario changes nothing.
import { fail } from '../../core/errors.ts';
import { parseScenario, type Scenario } from '../../core/planning/scenario-schema.ts';
import { type AuditActor, recordAudit } from '../audit/record-audit.ts';
import type { Workspace } from '../workspace.ts';
import { rejectScenario } from './reject-scenario.ts';
import { resolveScenario } from './resolve-scenario.ts';

export interface ScenarioSummary {
  name: string;
  owner: string;
  revision: number;
  baseYear: string;
  years: number;
  units: string[];
  schemes: number;
  updatedAt: string;
  updatedBy: string;
}

export interface StoredScenario extends ScenarioSummary {
  createdAt: string;
  createdBy: string;
  scenario: Scenario;
}

export interface SaveOptions {
  /** The owning organisation code (ICB, region or 'national'). */
  owner: string;
  /** Who is saving it, as the audit trail records them. */
  by: AuditActor;
  /** Names the file in problems. */
  file?: string;
  /** Replace a stored scenario of the same name instead of refusing. */
  replace?: boolean;
  /** The revision the save was made from: when the stored one has moved on, FP_PLAN_SCENARIO_CONFLICT, never
   * a silent overwrite of a colleague's save. Absent: no check (the command line's --replace). */
  revision?: number;
}

/** The scenario, or every problem with it (field paths included), checked against the workspace too. */
export async function checkScenario(ws: Workspace, json: unknown, file?: string): Promise<Scenario> {
  const parsed = parseScenario(json, file);
  rejectScenario(parsed.issues);
  const scenario = parsed.value!;
  rejectScenario((await resolveScenario(ws, scenario, file)).problems);
  return scenario;
}

interface ScenarioRow {
  name: string;
  owner: string;
  revision: number;
  json: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

const SELECT = `SELECT name, owner_organisation AS owner, revision, json, CAST(created_at AS VARCHAR) AS "createdAt",
  created_by AS "createdBy", CAST(updated_at AS VARCHAR) AS "updatedAt", updated_by AS "updatedBy" FROM scenario`;

function stored(row: ScenarioRow): StoredScenario {
  const scenario = JSON.parse(row.json) as Scenario;
  return {
    name: row.name,
    owner: row.owner,
    revision: row.revision,
    baseYear: scenario.baseYear,
    years: scenario.years,
    units: scenario.units,
    schemes: scenario.qipp.length,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    scenario,
  };
}

/** The stored scenario called `name` (any case), or undefined. */
export async function findScenario(ws: Workspace, name: string): Promise<StoredScenario | undefined> {
  const row = await ws.one<ScenarioRow>(`${SELECT} WHERE lower(name) = lower($1)`, [name.trim()]);
  return row ? stored(row) : undefined;
}

export async function getScenario(ws: Workspace, name: string): Promise<StoredScenario> {
  const found = await findScenario(ws, name);
  if (!found) {
    fail('FP_PLAN_SCENARIO_NOT_FOUND', `No stored scenario is called ${JSON.stringify(name)}.`, {
      where: { parameter: 'scenario' },
      received: name,
      hint: 'See `footprint scenario list`, or add one with `footprint scenario add FILE`.',
    });
  }
  return found;
}

/** Stored scenarios, by name; `owners` limits them to those organisations (null = all). */
export async function listScenarios(
  ws: Workspace,
  owners: readonly string[] | null = null,
): Promise<ScenarioSummary[]> {
  const rows = (await ws.all<ScenarioRow>(`${SELECT} ORDER BY lower(name)`)).map(stored);
  return rows
    .filter((s) => owners === null || owners.includes(s.owner))
    .map(({ scenario: _scenario, createdAt: _c, createdBy: _b, ...summary }) => summary);
}

/** Checks and stores a scenario under its own name; refuses a name in use unless `replace`. */
export async function saveScenario(ws: Workspace, json: unknown, options: SaveOptions): Promise<StoredScenario> {
  const scenario = await checkScenario(ws, json, options.file);
  return ws.transaction(async () => {
    const existing = await findScenario(ws, scenario.name);
    if (existing && !options.replace) {
      fail('FP_PLAN_SCENARIO_EXISTS', `A scenario called ${existing.name} is already stored.`, {
        where: { file: options.file, field: 'name' },
        received: scenario.name,
        hint: 'Give the scenario another name, or replace the stored one (--replace).',
      });
    }
    if (existing && options.revision !== undefined && existing.revision !== options.revision) {
      fail('FP_PLAN_SCENARIO_CONFLICT', `${existing.name} was saved by someone else since you opened it.`, {
        where: { file: options.file, parameter: 'revision' },
        received: `revision ${options.revision}`,
        accepted: `revision ${existing.revision}, saved by ${existing.updatedBy}`,
        hint: 'Reload the scenario to see their changes, then make yours again.',
      });
    }
    const text = JSON.stringify(scenario);
    if (existing) {
      await ws.run(
        `UPDATE scenario SET name = $2, json = $3, schema_version = $4, revision = revision + 1, updated_at = now(),
           updated_by = $5 WHERE name = $1`,
        [existing.name, scenario.name, text, scenario.version, options.by.actor],
      );
      await ws.run('DELETE FROM plan_result WHERE scenario_name = $1', [existing.name]);
      await recordAudit(ws, {
        ...options.by,
        objectType: 'scenario',
        objectId: scenario.name,
        action: 'update',
        before: existing.scenario,
        after: scenario,
      });
    } else {
      await ws.run(
        `INSERT INTO scenario (name, owner_organisation, schema_version, revision, json, created_at, created_by,
           updated_at, updated_by) VALUES ($1, $2, $3, 1, $4, now(), $5, now(), $5)`,
        [scenario.name, options.owner, scenario.version, text, options.by.actor],
      );
      await recordAudit(ws, {
        ...options.by,
        objectType: 'scenario',
        objectId: scenario.name,
        action: 'create',
        before: null,
        after: scenario,
      });
    }
    return (await findScenario(ws, scenario.name))!;
  });
}

export async function deleteScenario(ws: Workspace, name: string, by: AuditActor): Promise<void> {
  const found = await getScenario(ws, name);
  await ws.transaction(async () => {
    await recordAudit(ws, {
      ...by,
      objectType: 'scenario',
      objectId: found.name,
      action: 'delete',
      before: found.scenario,
      after: null,
    });
    await ws.run('DELETE FROM plan_result WHERE scenario_name = $1', [found.name]);
    await ws.run('DELETE FROM scenario WHERE name = $1', [found.name]);
  });
}

/** The owning organisations of the stored plans that hold a QIPP scheme of this name. */
export async function ownersOfPlansHoldingScheme(ws: Workspace, scheme: string): Promise<string[]> {
  const plans = await ws.all<{ owner: string; json: string }>('SELECT owner_organisation AS owner, json FROM scenario');
  return plans
    .filter((s) => (JSON.parse(s.json) as { qipp?: { name: string }[] }).qipp?.some((q) => q.name === scheme))
    .map((s) => s.owner);
}
