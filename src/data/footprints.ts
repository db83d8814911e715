// Footprints: named sets of ICBs (2026 vintage) that spend, flows and plans can be summed over. Each ICB,
// each region and the named groups come with the reference data; users add their own.
import { fail } from '../core/errors.ts';
import { type AuditActor, recordAudit, SYSTEM_ACTOR } from './audit/record-audit.ts';
import type { Workspace } from './workspace.ts';

export type FootprintKind = 'icb' | 'region' | 'group' | 'user';

export interface Footprint {
  name: string;
  kind: FootprintKind;
  vintage: string;
  description: string | null;
  icbs: string[];
}

const FOOTPRINT_NAME = /^[A-Za-z0-9&\- ]{1,80}$/;

export interface FootprintChange {
  /** The organisation that owns a new footprint; default none (only national may then remove it). */
  owner?: string;
  /** Who makes the change, for the audit trail; default the system. */
  by?: AuditActor;
}

/** Adds a user-defined footprint over 2026 ICB codes (ODS, any case). */
export async function addFootprint(
  ws: Workspace,
  name: string,
  icbCodes: readonly string[],
  description?: string,
  change: FootprintChange = {},
): Promise<Footprint> {
  const trimmed = name.trim();
  if (!FOOTPRINT_NAME.test(trimmed)) {
    fail('FP_FOOTPRINT_BAD_NAME', 'A footprint name must be 1–80 letters, digits, spaces, hyphens or ampersands.', {
      where: { parameter: 'NAME' },
      received: name,
      accepted: 'for example "Kent and Medway plus Sussex" or "South-East Hub & Partners"',
    });
  }
  const codes = [...new Set(icbCodes.map((c) => c.trim().toUpperCase()))];
  const known = new Set(
    (await ws.all<{ code: string }>("SELECT icb_code AS code FROM icb WHERE vintage = '2026'")).map((r) => r.code),
  );
  if (codes.length === 0) {
    fail('FP_FOOTPRINT_UNKNOWN_ICB', 'A footprint needs at least one ICB.', {
      where: { parameter: 'ICB' },
      received: '',
      accepted: 'one or more 2026 ICB ODS codes, e.g. QKK QWE',
    });
  }
  for (const code of codes) {
    if (!known.has(code)) {
      fail('FP_FOOTPRINT_UNKNOWN_ICB', `${code} is not an ICB of the 2026 geography.`, {
        where: { parameter: 'ICB' },
        received: code,
        accepted: `one of the ${known.size} 2026 ICB ODS codes (see \`footprint footprint list\`)`,
      });
    }
  }
  return ws.transaction(async () => {
    const existing = await ws.one<{ kind: string }>('SELECT kind FROM footprint WHERE lower(name) = lower($1)', [
      trimmed,
    ]);
    if (existing) {
      fail('FP_FOOTPRINT_EXISTS', `A footprint called ${trimmed} already exists (${existing.kind}).`, {
        where: { parameter: 'NAME' },
        received: trimmed,
        hint: 'Choose another name, or remove the existing user footprint first.',
      });
    }
    await ws.run(
      "INSERT INTO footprint (name, kind, vintage, description, owner_organisation) VALUES ($1, 'user', '2026', $2, $3)",
      [trimmed, description ?? null, change.owner ?? null],
    );
    for (const code of codes) {
      await ws.run('INSERT INTO footprint_member (footprint_name, icb_code) VALUES ($1, $2)', [trimmed, code]);
    }
    const made = {
      name: trimmed,
      kind: 'user' as const,
      vintage: '2026',
      description: description ?? null,
      icbs: codes.sort(),
    };
    await recordAudit(ws, {
      ...(change.by ?? SYSTEM_ACTOR),
      objectType: 'footprint',
      objectId: trimmed,
      action: 'create',
      before: null,
      after: { ...made, owner: change.owner ?? null },
    });
    return made;
  });
}

/** Every footprint with its ICBs, ICBs first, then regions, groups and user footprints. */
export async function listFootprints(ws: Workspace): Promise<Footprint[]> {
  const rows = await ws.all<Omit<Footprint, 'icbs'> & { icbs: string | null }>(`
    SELECT f.name, f.kind, f.vintage, f.description, string_agg(m.icb_code, ' ' ORDER BY m.icb_code) AS icbs
    FROM footprint f LEFT JOIN footprint_member m ON m.footprint_name = f.name
    GROUP BY f.name, f.kind, f.vintage, f.description
    ORDER BY CASE f.kind WHEN 'icb' THEN 1 WHEN 'region' THEN 2 WHEN 'group' THEN 3 ELSE 4 END, f.name`);
  return rows.map((r) => ({ ...r, icbs: r.icbs ? r.icbs.split(' ') : [] }));
}

/** Removes a user-defined footprint; the shipped ones cannot be removed. */
export async function removeFootprint(ws: Workspace, name: string, by: AuditActor = SYSTEM_ACTOR): Promise<void> {
  await ws.transaction(async () => {
    const found = await ws.one<{
      name: string;
      kind: string;
      vintage: string;
      description: string | null;
      owner: string | null;
    }>(
      'SELECT name, kind, vintage, description, owner_organisation AS owner FROM footprint WHERE lower(name) = lower($1)',
      [name.trim()],
    );
    if (!found) {
      fail('FP_FOOTPRINT_NOT_FOUND', `No footprint is called ${name}.`, {
        where: { parameter: 'NAME' },
        received: name,
        hint: 'See `footprint footprint list`.',
      });
    }
    if (found.kind !== 'user') {
      fail(
        'FP_FOOTPRINT_NOT_USER',
        `${found.name} is a ${found.kind} footprint from the reference data; it cannot be removed.`,
        {
          where: { parameter: 'NAME' },
          received: name,
          accepted: 'the name of a user-defined footprint',
        },
      );
    }
    const members = await ws.all<{ code: string }>(
      'SELECT icb_code AS code FROM footprint_member WHERE footprint_name = $1 ORDER BY icb_code',
      [found.name],
    );
    await ws.run('DELETE FROM footprint_member WHERE footprint_name = $1', [found.name]);
    await ws.run('DELETE FROM footprint WHERE name = $1', [found.name]);
    await recordAudit(ws, {
      ...by,
      objectType: 'footprint',
      objectId: found.name,
      action: 'delete',
      before: { ...found, icbs: members.map((m) => m.code) },
      after: null,
    });
  });
}
