// The commissioning intentions register: what commissioners intend to change, who leads it, the services
// and providers in scope, the measurable change, the year and what measures it. Intentions belong to an
// organisation; editors change those of organisations they cover. definitions/intentions holds the
// intentions of the HIOW statement (seed 004) as a starting register.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { listValue } from '@duckdb/node-api';
import { fail } from '../../core/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { coveredCodes, covers, requireOrganisation } from '../users/organisations.ts';
import type { User } from '../users/user-store.ts';
import type { Workspace } from '../workspace.ts';
import { checkProviders, checkServices } from './known-codes.ts';

export const STARTER_INTENTIONS_FILE = resolve(
  import.meta.dirname,
  '../../../definitions/intentions/hiow-2017-19.json',
);

export interface IntentionInput {
  title: string;
  description: string;
  owner: string;
  ownerName: string;
  services: string[];
  providers: string[];
  measure: string;
  financialYear: string;
  measuredBy: string | null;
}

export interface Intention extends IntentionInput {
  id: string;
  updatedAt: string;
  updatedBy: string;
}

const SELECT = `SELECT id, title, description, owner_organisation AS owner, owner_name AS "ownerName",
       services_json AS services, providers_json AS providers, measure, financial_year AS "financialYear",
       measured_by AS "measuredBy", strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') AS "updatedAt", updated_by AS "updatedBy"
  FROM commissioning_intention`;

type Row = Omit<Intention, 'services' | 'providers'> & { services: string; providers: string };
const toIntention = (r: Row): Intention => ({
  ...r,
  services: JSON.parse(r.services) as string[],
  providers: JSON.parse(r.providers) as string[],
});

export async function listIntentions(ws: Workspace, user: User): Promise<Intention[]> {
  const codes = await coveredCodes(ws, user.organisation);
  const rows = await ws.all<Row>(
    `${SELECT} WHERE $1::VARCHAR[] IS NULL OR list_contains($1::VARCHAR[], owner_organisation)
      ORDER BY financial_year, title, id`,
    [codes ? listValue(codes) : null],
  );
  return rows.map(toIntention);
}

async function findIntention(ws: Workspace, user: User, id: string): Promise<Intention> {
  const row = await ws.one<Row>(`${SELECT} WHERE id = $1`, [id]);
  if (!row) {
    fail('FP_INTENTION_NOT_FOUND', `There is no commissioning intention ${JSON.stringify(id)}.`, {
      where: { parameter: 'id' },
      received: id,
    });
  }
  if (!covers(user.organisation, await requireOrganisation(ws, row.owner))) {
    fail('FP_AUTH_FORBIDDEN', `${user.organisation.name} cannot change intentions owned by ${row.owner}.`, {
      where: { parameter: 'id' },
      received: id,
      accepted: 'intentions of your organisation or one it covers',
    });
  }
  return toIntention(row);
}

async function checkInput(ws: Workspace, user: User, input: IntentionInput): Promise<IntentionInput> {
  const owner = await requireOrganisation(ws, input.owner, 'body.owner');
  if (!covers(user.organisation, owner)) {
    fail('FP_AUTH_FORBIDDEN', `${user.organisation.name} cannot record intentions for ${owner.name}.`, {
      where: { parameter: 'body.owner' },
      received: owner.code,
      accepted: 'your organisation or one it covers',
    });
  }
  return {
    ...input,
    owner: owner.code,
    services: await checkServices(ws, input.services, 'body.services'),
    providers: await checkProviders(ws, input.providers, 'body.providers'),
  };
}

async function write(ws: Workspace, user: User, id: string, input: IntentionInput): Promise<void> {
  await ws.run(
    `INSERT OR REPLACE INTO commissioning_intention VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now(), $11)`,
    [
      id,
      input.title,
      input.description,
      input.owner,
      input.ownerName,
      JSON.stringify(input.services),
      JSON.stringify(input.providers),
      input.measure,
      input.financialYear,
      input.measuredBy,
      user.email,
    ],
  );
}

export async function addIntention(ws: Workspace, user: User, raw: IntentionInput): Promise<Intention> {
  const input = await checkInput(ws, user, raw);
  const id = `int-${randomBytes(4).toString('hex')}`;
  return ws.transaction(async () => {
    await write(ws, user, id, input);
    const after = await findIntention(ws, user, id);
    await recordAudit(ws, {
      actor: user.email,
      organisation: user.organisation.code,
      objectType: 'intention',
      objectId: id,
      action: 'create',
      before: null,
      after,
    });
    return after;
  });
}

/** Withdraws an intention; the audit trail keeps what it was. */
export async function withdrawIntention(ws: Workspace, user: User, id: string): Promise<void> {
  const before = await findIntention(ws, user, id);
  await ws.transaction(async () => {
    await ws.run('DELETE FROM commissioning_intention WHERE id = $1', [id]);
    await recordAudit(ws, {
      actor: user.email,
      organisation: user.organisation.code,
      objectType: 'intention',
      objectId: id,
      action: 'delete',
      before,
      after: null,
    });
  });
}

export async function updateIntention(ws: Workspace, user: User, id: string, raw: IntentionInput): Promise<Intention> {
  const before = await findIntention(ws, user, id);
  const input = await checkInput(ws, user, raw);
  return ws.transaction(async () => {
    await write(ws, user, id, input);
    const after = await findIntention(ws, user, id);
    await recordAudit(ws, {
      actor: user.email,
      organisation: user.organisation.code,
      objectType: 'intention',
      objectId: id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

interface StarterFile {
  intentions: { title: string; description: string; measure: string; measuredBy: string | null }[];
}

/** Adds the HIOW statement's intentions for the user's organisation and a year, as a register to edit. */
export async function addStarterIntentions(ws: Workspace, user: User, financialYear: string): Promise<Intention[]> {
  const file = JSON.parse(readFileSync(STARTER_INTENTIONS_FILE, 'utf8')) as StarterFile;
  const added: Intention[] = [];
  for (const i of file.intentions) {
    added.push(
      await addIntention(ws, user, {
        ...i,
        owner: user.organisation.code,
        ownerName: user.organisation.name,
        services: [],
        providers: [],
        financialYear,
      }),
    );
  }
  return added;
}
