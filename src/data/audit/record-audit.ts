// The audit trail: every change to something a user edits, who made it, when, and the object before and
// after. Callers record inside the same transaction as the change, so a change and its record are
// committed together or not at all. Events are only ever appended; each carries the SHA-256 of the event
// before it, so an edit made to the file outside Footprint shows up in verifyAuditChain; the head (the last
// event's number and hash) is anchored in its own table in the same transaction, so deleting the newest
// events shows up too.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { listValue } from '@duckdb/node-api';
import type { AuditChainReport } from '../../core/audit/chain-report.ts';
import { fail } from '../../core/errors.ts';
import type { Workspace } from '../workspace.ts';

export interface AuditChange {
  /** Who: a user's email, or `cli:<os user>` for the command line. */
  actor: string;
  /** The actor's organisation code ('national', a region or an ICB). */
  organisation: string;
  /** What kind of object: 'footprint', 'user', 'scenario', 'review', 'contract', … */
  objectType: string;
  objectId: string;
  /** What was done: 'create', 'update', 'delete', or a verb of the object's own ('rate', 'moderate'). */
  action: string;
  /** The object before the change; null when it is created. */
  before: unknown;
  /** The object after the change; null when it is deleted. */
  after: unknown;
  /** From where: the client address of a web or API request, `cli@<host>` for the command line. */
  source?: string | null;
}

export interface AuditEvent extends AuditChange {
  seq: number;
  source: string | null;
  /** ISO 8601, UTC, from the server's clock. */
  at: string;
}

const GENESIS = '0'.repeat(64);
const WORD = /^[a-z][a-z0-9-]{0,39}$/;

const requestSource = new AsyncLocalStorage<string>();

/** Runs `fn` with `source` (a client address) as where every event it records came from, unless an event
 * names its own: the server wraps each request in it, so changes made deep in the data layer on behalf of
 * a request say where the request came from. */
export function withAuditSource<T>(source: string, fn: () => T): T {
  return requestSource.run(source, fn);
}

/** Appends one event. Call it inside the transaction that makes the change. */
export async function recordAudit(ws: Workspace, change: AuditChange): Promise<AuditEvent> {
  for (const field of ['objectType', 'action'] as const) {
    if (!WORD.test(change[field])) {
      fail('FP_AUDIT_BAD_EVENT', `An audit ${field} must be a lower-case word.`, {
        where: { field },
        received: change[field],
        accepted: 'lower-case letters, digits and hyphens, e.g. footprint, create',
      });
    }
  }
  if (!change.actor || !change.organisation || !change.objectId) {
    fail('FP_AUDIT_BAD_EVENT', 'An audit event needs an actor, an organisation and an object id.', {
      where: { field: !change.actor ? 'actor' : !change.organisation ? 'organisation' : 'objectId' },
    });
  }
  const at = new Date().toISOString();
  const before = change.before === null || change.before === undefined ? null : JSON.stringify(change.before);
  const after = change.after === null || change.after === undefined ? null : JSON.stringify(change.after);
  const source = change.source ?? requestSource.getStore() ?? null;
  const last = await ws.one<{ hash: string }>('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1');
  const prevHash = last?.hash ?? GENESIS;
  const hash = eventHash(prevHash, {
    at,
    actor: change.actor,
    organisation: change.organisation,
    objectType: change.objectType,
    objectId: change.objectId,
    action: change.action,
    before,
    after,
    source,
  });
  const row = await ws.one<{ seq: number }>(
    `INSERT INTO audit_event (recorded_at, actor, organisation, object_type, object_id, action, before_json, after_json,
                              prev_hash, hash, source)
     VALUES (CAST($1 AS TIMESTAMP), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING CAST(seq AS INTEGER) AS seq`,
    [
      at.replace('T', ' ').replace('Z', ''),
      change.actor,
      change.organisation,
      change.objectType,
      change.objectId,
      change.action,
      before,
      after,
      prevHash,
      hash,
      source,
    ],
  );
  const seq = row?.seq ?? 0;
  await ws.run('INSERT OR REPLACE INTO audit_anchor VALUES (1, $1, $2, now())', [seq, hash]);
  return { ...change, before: change.before ?? null, after: change.after ?? null, source, seq, at };
}

interface HashedFields {
  at: string;
  actor: string;
  organisation: string;
  objectType: string;
  objectId: string;
  action: string;
  before: string | null;
  after: string | null;
  source: string | null;
}

/** Events from before migration 11 have no source and were hashed without the field, so it joins the
 * hashed fields only when there is one. */
function eventHash(prevHash: string, { source, ...fields }: HashedFields): string {
  const hashed = source === null ? fields : { ...fields, source };
  return createHash('sha256').update(prevHash).update(JSON.stringify(hashed)).digest('hex');
}

interface EventRow {
  seq: number;
  at: string;
  actor: string;
  organisation: string;
  objectType: string;
  objectId: string;
  action: string;
  before: string | null;
  after: string | null;
  source: string | null;
  prevHash: string;
  hash: string;
}

const SELECT_EVENTS = `SELECT CAST(seq AS INTEGER) AS seq, strftime(recorded_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "at", actor,
       organisation, object_type AS "objectType", object_id AS "objectId", action, before_json AS before,
       after_json AS after, source, prev_hash AS "prevHash", hash
  FROM audit_event`;

export interface AuditFilter {
  objectType?: string;
  objectId?: string;
  /** Only events by actors of these organisations; null or absent: everyone's. */
  organisations?: string[] | null;
  /** At most this many, newest first. Default 1000. */
  limit?: number;
}

/** Events, newest first, optionally for one kind of object or one object. */
export async function listAudit(ws: Workspace, filter: AuditFilter = {}): Promise<AuditEvent[]> {
  const rows = await ws.all<EventRow>(
    `${SELECT_EVENTS}
      WHERE ($1::VARCHAR IS NULL OR object_type = $1) AND ($2::VARCHAR IS NULL OR object_id = $2)
        AND ($3::VARCHAR[] IS NULL OR list_contains($3::VARCHAR[], organisation))
      ORDER BY seq DESC LIMIT $4`,
    [
      filter.objectType ?? null,
      filter.objectId ?? null,
      filter.organisations ? listValue(filter.organisations) : null,
      filter.limit ?? 1000,
    ],
  );
  return rows.map(({ prevHash: _p, hash: _h, ...r }) => ({
    ...r,
    at: isoAt(r.at),
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}

/** The first event whose hash does not follow from the one before (an edit made outside Footprint), or
 * null when the whole trail is intact. */
export async function verifyAuditChain(ws: Workspace): Promise<{ seq: number } | null> {
  const broken = (await auditChainReport(ws)).firstBroken;
  return broken && { seq: broken.seq };
}

/** Walks the whole trail from the first event and compares its end with the anchored head. */
export async function auditChainReport(ws: Workspace): Promise<AuditChainReport> {
  const rows = await ws.all<EventRow>(`${SELECT_EVENTS} ORDER BY seq`);
  const anchor = await ws.one<{ seq: number; hash: string }>(
    'SELECT CAST(head_seq AS INTEGER) AS seq, head_hash AS hash FROM audit_anchor WHERE id = 1',
  );
  const report = (firstBroken: AuditChainReport['firstBroken']): AuditChainReport => ({
    intact: firstBroken === null,
    events: rows.length,
    head: anchor ?? null,
    firstBroken,
  });
  let prev = GENESIS;
  for (const r of rows) {
    const { seq, prevHash, hash, ...rest } = r;
    if (prevHash !== prev) {
      return report({
        seq,
        reason: 'prev-hash',
        explanation: `Event ${seq} does not follow the event before it: an event before it was removed or changed.`,
      });
    }
    if (eventHash(prev, { ...rest, at: isoAt(rest.at) }) !== hash) {
      return report({
        seq,
        reason: 'hash',
        explanation: `Event ${seq} was changed after it was recorded: its content no longer matches its hash.`,
      });
    }
    prev = hash;
  }
  const last = rows.at(-1);
  if (anchor && (!last || last.seq < anchor.seq || (last.seq === anchor.seq && last.hash !== anchor.hash))) {
    const missing = last && last.seq < anchor.seq ? last.seq + 1 : anchor.seq;
    return report({
      seq: missing,
      reason: 'truncated',
      explanation: `The trail ends at event ${last?.seq ?? 0}, but event ${anchor.seq} was recorded: the newest events were deleted.`,
    });
  }
  return report(null);
}

/** strftime gives microseconds ('.123000Z'); the hash was taken over toISOString's milliseconds. */
function isoAt(text: string): string {
  return text.replace(/\.(\d{3})\d*Z$/, '.$1Z');
}

/** Who is making a change, and from where, as the audit trail records it. */
export interface AuditActor {
  actor: string;
  organisation: string;
  source?: string | null;
}

/** Changes made by Footprint itself (the first admin at start-up, a migration), not by a person. */
export const SYSTEM_ACTOR: AuditActor = { actor: 'system', organisation: 'national' };

/** The machine user this process runs as. */
export function machineUser(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers): the USER variable, else 'unknown', is the best we know.
    return process.env.USER ?? 'unknown';
  }
}

/** Changes made at the command line: whoever runs it has the workspace file, so national scope. */
export function commandLineActor(): AuditActor {
  return { actor: `cli:${machineUser()}`, organisation: 'national', source: `cli@${hostname()}` };
}
