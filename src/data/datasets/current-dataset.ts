// Which dataset figures rest on. The workspace has one current dataset, changed only when someone asks (an
// import with --make-current, `footprint dataset use`, the data page) or by the very first import, never
// as a side effect. A command or request may instead name a dataset for its own reads: that choice is
// held by its own workspace connection (Workspace.datasetChoice), so every reader asks here and honours it.
import { fail } from '../../core/errors.ts';
import type { Workspace } from '../workspace.ts';

export const CURRENT_DATASET_SETTING = 'current_dataset';

/** The dataset this connection's reads rest on: the one it was pointed at, else the workspace's current one. */
export async function currentDataset(ws: Workspace): Promise<string | undefined> {
  return ws.datasetChoice ?? (await ws.setting(CURRENT_DATASET_SETTING));
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

/** Makes dataset the workspace's current dataset. */
export async function setCurrentDataset(ws: Workspace, name: string): Promise<void> {
  await requireDataset(ws, name, 'dataset');
  await ws.setSetting(CURRENT_DATASET_SETTING, name);
}

/** After an import of dataset: makes it current when asked, or when there is no current dataset that still
 * exists (the first import). Whether it is current now. */
export async function makeCurrentIfAskedOrFirst(ws: Workspace, dataset: string, asked: boolean): Promise<boolean> {
  const current = await ws.setting(CURRENT_DATASET_SETTING);
  if (current === dataset) return true;
  if (asked || current === undefined || !(await datasetExists(ws, current))) {
    await setCurrentDataset(ws, dataset);
    return true;
  }
  return false;
}
