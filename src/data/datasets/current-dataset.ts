// Which dataset figures rest on. The workspace has one current dataset, changed only when someone asks (an
// import with --make-current, `footprint dataset use`, the data page) or by the very first import, never
// as a side effect. A command or request may instead name a dataset for its own reads: that choice is
// held by its own workspace connection (Workspace.datasetChoice), so every reader asks here and honours it.
// Every switch is audited here, in the data layer, so one made by an import, the command line or the web app
// is recorded alike, with who made it and the dataset it replaced. This is the one module that reads or
// writes the workspace's setting; every other module asks one of the functions below.
import { fail } from '../../core/errors.ts';
import { type AuditActor, commandLineActor, recordAudit } from '../audit/record-audit.ts';
import type { Workspace } from '../workspace.ts';

const CURRENT_DATASET_SETTING = 'current_dataset';

/** The dataset this connection's reads rest on: the one it was pointed at, else the workspace's current one. */
export async function currentDataset(ws: Workspace): Promise<string | undefined> {
  return ws.datasetChoice ?? (await workspaceCurrentDataset(ws));
}

/** The workspace's current dataset, whatever this connection was pointed at (the data page's "current",
 * the atlas it stores, an import's first-import rule). */
export function workspaceCurrentDataset(ws: Workspace): Promise<string | undefined> {
  return ws.setting(CURRENT_DATASET_SETTING);
}

/** Puts back the current dataset an import found (undefined: none), unaudited: an import that failed
 * part-way undoes its own scratch switch, which no one made. */
export async function restoreCurrentDataset(ws: Workspace, previous: string | undefined): Promise<void> {
  if (previous === undefined) await ws.run('DELETE FROM setting WHERE key = $1', [CURRENT_DATASET_SETTING]);
  else await ws.setSetting(CURRENT_DATASET_SETTING, previous);
}

async function datasetExists(ws: Workspace, name: string): Promise<boolean> {
  return (await ws.one('SELECT 1 AS found FROM dataset WHERE name = $1', [name])) !== undefined;
}

/** FP_DATASET_NOT_FOUND, naming the datasets there are, unless name is one. */
export async function requireDataset(ws: Workspace, name: string, parameter = '--dataset'): Promise<void> {
  if (await datasetExists(ws, name)) return;
  const names = (await ws.all<{ name: string }>('SELECT name FROM dataset ORDER BY name')).map((d) => d.name);
  fail('FP_DATASET_NOT_FOUND', `There is no dataset called "${name}".`, {
    where: { parameter },
    received: name,
    accepted: names.length ? names.join(', ') : 'none yet: import activity with `footprint import FILE` first',
  });
}

/** Points this connection's reads at dataset (a command's --dataset), after checking it exists. */
export async function chooseDataset(ws: Workspace, name: string, parameter = '--dataset'): Promise<void> {
  await requireDataset(ws, name, parameter);
  ws.datasetChoice = name;
}

/** Makes `dataset` current and records the switch. Call it inside the transaction that makes the change. */
async function switchCurrentDataset(ws: Workspace, dataset: string, by: AuditActor): Promise<void> {
  const before = (await workspaceCurrentDataset(ws)) ?? null;
  await ws.setSetting(CURRENT_DATASET_SETTING, dataset);
  await recordAudit(ws, {
    ...by,
    objectType: 'current-dataset',
    objectId: 'workspace',
    action: 'switch',
    before: before === null ? null : { dataset: before },
    after: { dataset },
  });
}

/** Makes dataset the workspace's current dataset, audited as `by` (the command line's user by default). */
export async function setCurrentDataset(
  ws: Workspace,
  name: string,
  by: AuditActor = commandLineActor(),
): Promise<void> {
  await requireDataset(ws, name, 'dataset');
  await ws.transaction(() => switchCurrentDataset(ws, name, by));
}

/** After an import of dataset, inside its transaction: makes it current when asked, or when there is no
 * current dataset that still exists (the first import). Whether it is current now. `by` null: a scratch
 * import that is not audited. */
export async function makeCurrentIfAskedOrFirst(
  ws: Workspace,
  dataset: string,
  asked: boolean,
  by: AuditActor | null,
): Promise<boolean> {
  const current = await workspaceCurrentDataset(ws);
  if (current === dataset) return true;
  if (asked || current === undefined || !(await datasetExists(ws, current))) {
    if (by) await switchCurrentDataset(ws, dataset, by);
    else await ws.setSetting(CURRENT_DATASET_SETTING, dataset);
    return true;
  }
  return false;
}
