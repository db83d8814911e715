// Workspaces made before the catalogue's keys became PSS manual numbers and LOCAL- keys (issue 12) hold
// invented keys (`slug:…`, `spec:…`) in their catalogue and activity. They are not rewritten in place:
// activity, plans and runs all carry the key, and a partial rewrite would be worse than none. Instead
// the person is told, clearly, to regenerate (data/reference/services/README.md, "Key changes").
import type { Workspace } from '../workspace.ts';

/** A sentence telling the person to regenerate, or null when the workspace uses the current keys. */
export async function legacyServiceKeysWarning(ws: Workspace): Promise<string | null> {
  const row = await ws.one<{ n: number }>(
    `SELECT CAST(count(*) AS INTEGER) AS n FROM service
     WHERE is_current AND (service_code LIKE 'slug:%' OR service_code LIKE 'spec:%')`,
  );
  const n = row?.n ?? 0;
  if (n === 0) return null;
  return `This workspace was made with an older services catalogue: ${n} services carry invented keys (slug:…, spec:…) that no NHS extract uses, and PSS service lines (NCBPS…) will not import onto them. Regenerate it: move this folder aside and run \`npm start\` (or \`footprint init\` on a new folder).`;
}
