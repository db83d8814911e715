// The one authorisation rule for writes: every organisation, footprint or stored object a request names is
// checked against the signed-in user's organisation before anything is stored. National covers everything,
// a region itself and its ICBs, an ICB itself (covers() in data/users/organisations). A footprint is in
// scope when the user covers every ICB in it, so no one can count a contract against, or set a control
// total or commissioning model for, a system that reaches outside their organisation. Routes call these
// before the data layer writes; the refusal names the request field (body.commissioners.1, id, …).
import { fail } from '../../core/errors.ts';
import { listFootprints } from '../../data/footprints.ts';
import {
  coveredCodes,
  covers,
  findOrganisation,
  type Organisation,
  requireOrganisation,
} from '../../data/users/organisations.ts';
import type { Workspace } from '../../data/workspace.ts';

function refuse(actor: Organisation, target: Organisation | null, what: string, parameter: string): never {
  fail('FP_AUTH_FORBIDDEN', `${actor.name} cannot change ${what}.`, {
    where: { parameter },
    received: target?.code ?? actor.code,
    accepted: target ? `${target.code}, its region or national` : 'national',
  });
}

/** A stored object owned by `owner` (null: shipped, national only) may be changed by the user. */
export function requireCovered(actor: Organisation, owner: Organisation | null, what: string, parameter: string): void {
  if (!covers(actor, owner)) refuse(actor, owner, what, parameter);
}

/** The stored object's owner by code: unknown codes (an organisation since removed) count as national only. */
export async function requireOwnerCovered(
  ws: Workspace,
  actor: Organisation,
  ownerCode: string | null,
  what: string,
  parameter: string,
): Promise<void> {
  const owner = ownerCode ? ((await findOrganisation(ws, ownerCode)) ?? null) : null;
  requireCovered(actor, owner, what, parameter);
}

/** An organisation the request names: it must exist (else 400 FP_AUTH_UNKNOWN_ORGANISATION) and be covered. */
export async function requireOrganisationInScope(
  ws: Workspace,
  actor: Organisation,
  code: string,
  parameter: string,
): Promise<Organisation> {
  const target = await requireOrganisation(ws, code, parameter);
  requireCovered(actor, target, `what belongs to ${target.name}`, parameter);
  return target;
}

/** Every organisation of a list the request names, each checked with its own index in the parameter. */
export async function requireOrganisationsInScope(
  ws: Workspace,
  actor: Organisation,
  codes: readonly string[],
  parameter: string,
): Promise<Organisation[]> {
  const out: Organisation[] = [];
  for (const [i, code] of codes.entries())
    out.push(await requireOrganisationInScope(ws, actor, code, `${parameter}.${i}`));
  return out;
}

/** The footprints whose every ICB the actor covers. */
export async function footprintsInScope(ws: Workspace, actor: Organisation): Promise<Set<string>> {
  const covered = await coveredCodes(ws, actor);
  const all = await listFootprints(ws);
  return new Set(
    all.filter((f) => f.icbs.length > 0 && f.icbs.every((icb) => !covered || covered.includes(icb))).map((f) => f.name),
  );
}

/** A footprint the request names: it must exist (404 FP_FOOTPRINT_NOT_FOUND) and lie within the actor's
 * organisation. Returns its stored name. */
export async function requireFootprintInScope(
  ws: Workspace,
  actor: Organisation,
  name: string,
  parameter: string,
): Promise<string> {
  const found = (await listFootprints(ws)).find((f) => f.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) {
    fail('FP_FOOTPRINT_NOT_FOUND', `There is no footprint called ${JSON.stringify(name)}.`, {
      where: { parameter },
      received: name,
    });
  }
  if (!(await footprintsInScope(ws, actor)).has(found.name)) {
    fail('FP_AUTH_FORBIDDEN', `${actor.name} does not cover every ICB of ${found.name}.`, {
      where: { parameter },
      received: found.name,
      accepted: 'a footprint whose every ICB your organisation covers (the ICB, its region or national)',
    });
  }
  return found.name;
}

/** Exercises are run by the regions and national: an ICB editor cannot change one. */
export function forbidUnlessAssessor(actor: Organisation): void {
  if (actor.type === 'icb') {
    fail('FP_AUTH_FORBIDDEN', `${actor.name} cannot change a segmentation or delegation exercise.`, {
      where: { parameter: 'organisation' },
      received: actor.code,
      accepted: 'a region or national',
    });
  }
}
