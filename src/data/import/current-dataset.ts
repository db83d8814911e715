// The current dataset: the one reports, plans and runs use unless told otherwise. Every switch is audited
// here, in the data layer, so a switch made by an import, the command line or the web app is recorded
// alike, with who made it and the dataset it replaced.
import { fail } from '../../core/errors.ts';
import { type AuditActor, commandLineActor, recordAudit } from '../audit/record-audit.ts';
import type { Workspace } from '../workspace.ts';

const SETTING = 'current_dataset';

/** Makes `dataset` current and records the switch. Call it inside the transaction that makes the change. */
export async function switchCurrentDataset(ws: Workspace, dataset: string, by: AuditActor): Promise<void> {
  const before = (await ws.setting(SETTING)) ?? null;
  await ws.setSetting(SETTING, dataset);
  await recordAudit(ws, {
    ...by,
    objectType: 'current-dataset',
    objectId: 'workspace',
    action: 'switch',
    before: before === null ? null : { dataset: before },
    after: { dataset },
  });
}

/** Makes an imported dataset current (FP_DATASET_NOT_FOUND naming the datasets there are otherwise). */
export async function setCurrentDataset(
  ws: Workspace,
  dataset: string,
  by: AuditActor = commandLineActor(),
): Promise<void> {
  const names = (await ws.all<{ name: string }>('SELECT name FROM dataset ORDER BY name')).map((d) => d.name);
  if (!names.includes(dataset)) {
    fail('FP_DATASET_NOT_FOUND', `There is no dataset ${JSON.stringify(dataset)} in the workspace.`, {
      where: { parameter: 'dataset' },
      received: dataset,
      accepted: names.length ? names.join(', ') : 'none yet: import activity with `footprint import FILE`',
    });
  }
  await ws.transaction(() => switchCurrentDataset(ws, dataset, by));
}
