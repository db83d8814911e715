// Users' own place groupings: for one ICB, named places each holding some of its GP practices, every
// practice in exactly one (checked by core's checkPlaceGrouping before anything is stored).
import { fail } from '../../core/errors.ts';
import type { PracticeGroup } from '../../core/places/default-groupings.ts';
import { checkPlaceGrouping, checkPlaceName, type PlaceDefinition } from '../../core/places/place-grouping.ts';
import { type AuditActor, recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.ts';
import type { Workspace } from '../workspace.ts';
import { requireIcb } from './require-icb.ts';

export interface PlaceGroupingInput {
  name: string;
  icb: string;
  description?: string;
  places: readonly PlaceDefinition[];
}

export interface PlaceGroupingSummary {
  name: string;
  icbCode: string;
  description: string | null;
  owner: string;
  places: number;
  createdAt: string;
  createdBy: string;
}

export async function addPlaceGrouping(
  ws: Workspace,
  input: PlaceGroupingInput,
  change: { owner: string; by?: AuditActor },
): Promise<{ name: string; icbCode: string; places: PracticeGroup[] }> {
  const name = checkPlaceName(input.name, 'name');
  const icb = await requireIcb(ws, input.icb, 'icb');
  const practices = await ws.all<{ code: string }>(
    'SELECT practice_code AS code FROM gp_practice WHERE icb_code = $1 ORDER BY practice_code',
    [icb.code],
  );
  const groups = checkPlaceGrouping(
    icb.code,
    practices.map((p) => p.code),
    input.places,
  );
  const by = change.by ?? SYSTEM_ACTOR;
  return ws.transaction(async () => {
    const taken = await ws.one('SELECT 1 AS taken FROM place_grouping WHERE lower(name) = lower($1)', [name]);
    if (taken) {
      fail('FP_PLACE_GROUPING_EXISTS', `A place grouping called "${name}" already exists.`, {
        where: { parameter: 'name' },
        received: name,
        hint: 'Choose another name, or remove the existing grouping first.',
      });
    }
    await ws.run(
      `INSERT INTO place_grouping (name, icb_code, description, owner_organisation, created_at, created_by)
       VALUES ($1, $2, $3, $4, now(), $5)`,
      [name, icb.code, input.description ?? null, change.owner, by.actor],
    );
    for (const group of groups) {
      for (const practice of group.practices) {
        await ws.run('INSERT INTO place_grouping_member VALUES ($1, $2, $3)', [name, group.name, practice]);
      }
    }
    await recordAudit(ws, {
      ...by,
      objectType: 'place-grouping',
      objectId: name,
      action: 'create',
      before: null,
      after: {
        name,
        icb: icb.code,
        owner: change.owner,
        places: groups.map((g) => ({ name: g.name, practices: g.practices })),
      },
    });
    return { name, icbCode: icb.code, places: groups };
  });
}

export async function listPlaceGroupings(ws: Workspace, icbCode?: string): Promise<PlaceGroupingSummary[]> {
  return ws.all<PlaceGroupingSummary>(
    `SELECT g.name, g.icb_code AS "icbCode", g.description, g.owner_organisation AS owner,
            CAST(count(DISTINCT m.place_name) AS INTEGER) AS places,
            strftime(g.created_at, '%Y-%m-%dT%H:%M:%SZ') AS "createdAt", g.created_by AS "createdBy"
     FROM place_grouping g LEFT JOIN place_grouping_member m ON m.grouping_name = g.name
     WHERE $1::VARCHAR IS NULL OR g.icb_code = $1
     GROUP BY ALL ORDER BY g.icb_code, g.name`,
    [icbCode ?? null],
  );
}

/** The grouping's places (ids `<icb>:<place name>`), or FP_PLACE_GROUPING_NOT_FOUND. */
export async function readPlaceGrouping(
  ws: Workspace,
  name: string,
  icbCode?: string,
): Promise<{ name: string; icbCode: string; owner: string; places: PracticeGroup[] }> {
  const found = await ws.one<{ name: string; icbCode: string; owner: string }>(
    `SELECT name, icb_code AS "icbCode", owner_organisation AS owner FROM place_grouping
     WHERE lower(name) = lower($1) AND ($2::VARCHAR IS NULL OR icb_code = $2)`,
    [name.trim(), icbCode ?? null],
  );
  if (!found) {
    fail(
      'FP_PLACE_GROUPING_NOT_FOUND',
      `There is no place grouping called "${name}"${icbCode ? ` for ${icbCode}` : ''}.`,
      {
        where: { parameter: 'grouping' },
        received: name,
        accepted: 'the name of a place grouping (see the list of groupings), or none for the local authority places',
      },
    );
  }
  const members = await ws.all<{ place: string; practice: string }>(
    `SELECT place_name AS place, practice_code AS practice FROM place_grouping_member
     WHERE grouping_name = $1 ORDER BY place_name, practice_code`,
    [found.name],
  );
  const places = new Map<string, PracticeGroup>();
  for (const m of members) {
    const group = places.get(m.place) ?? {
      id: `${found.icbCode}:${m.place}`,
      icbCode: found.icbCode,
      name: m.place,
      practices: [],
    };
    group.practices.push(m.practice);
    places.set(m.place, group);
  }
  return { ...found, places: [...places.values()] };
}

export async function removePlaceGrouping(ws: Workspace, name: string, by: AuditActor = SYSTEM_ACTOR): Promise<void> {
  const found = await readPlaceGrouping(ws, name);
  await ws.transaction(async () => {
    await ws.run('DELETE FROM place_grouping_member WHERE grouping_name = $1', [found.name]);
    await ws.run('DELETE FROM place_grouping WHERE name = $1', [found.name]);
    await recordAudit(ws, {
      ...by,
      objectType: 'place-grouping',
      objectId: found.name,
      action: 'delete',
      before: {
        name: found.name,
        icb: found.icbCode,
        owner: found.owner,
        places: found.places.map((p) => ({ name: p.name, practices: p.practices })),
      },
      after: null,
    });
  });
}
