// The contracts register: contracts by provider and year, of one of three types, with the commissioners
// party to each, service values in pounds and pence, the activity plan, the quality schedule, and the
// system control total each counts against. It shows where a provider holds more than one contract for
// the same service in a year: the fragmentation "one contract per provider" (seed 004) means to remove.
import { randomBytes } from 'node:crypto';
import { listValue } from '@duckdb/node-api';
import type { ContractType } from '../../core/assurance/contract-shapes.ts';
import { parseMoney } from '../../core/assurance/money-text.ts';
import { fail } from '../../core/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { covers, findOrganisation, type Organisation, requireOrganisation } from '../users/organisations.ts';
import type { User } from '../users/user-store.ts';
import type { Workspace } from '../workspace.ts';
import { checkProviders, checkServices } from './known-codes.ts';

export interface ActivityPlanLine {
  serviceCode: string;
  pod: string;
  activity: number;
}

export interface QualityLine {
  kpi: string;
  target: string;
  /** What happens when the KPI deteriorates, e.g. 'escalate to CQRM'. */
  escalation: string;
  /** The latest position, when reported: 'met' | 'not-met' | null. */
  status: 'met' | 'not-met' | null;
}

export interface ContractInput {
  providerCode: string;
  financialYear: string;
  type: ContractType;
  partners: string[];
  leadCommissioner: string;
  commissioners: string[];
  systemName: string | null;
  services: { serviceCode: string; value: unknown }[];
  activityPlan: ActivityPlanLine[];
  qualitySchedule: QualityLine[];
}

export interface Contract extends Omit<ContractInput, 'services'> {
  id: string;
  providerName: string;
  services: { serviceCode: string; serviceName: string; value: number }[];
  totalValue: number;
  /** Services this provider also holds under another contract in the same year. */
  fragmentedServices: string[];
  updatedAt: string;
  updatedBy: string;
}

export interface ControlTotalPosition {
  systemName: string;
  financialYear: string;
  controlTotal: number | null;
  contracted: number;
  /** Control total less contracted value: negative means the contracts exceed what the system can afford. */
  headroom: number | null;
}

interface ContractRow {
  id: string;
  providerCode: string;
  providerName: string | null;
  financialYear: string;
  type: ContractType;
  partners: string;
  leadCommissioner: string;
  commissioners: string;
  systemName: string | null;
  activityPlan: string;
  qualitySchedule: string;
  updatedAt: string;
  updatedBy: string;
}

async function canSee(ws: Workspace, actor: Organisation, commissioners: readonly string[]): Promise<boolean> {
  for (const code of commissioners) {
    if (covers(actor, (await findOrganisation(ws, code)) ?? null)) return true;
  }
  return false;
}

async function readContracts(ws: Workspace, id?: string): Promise<Contract[]> {
  const rows = await ws.all<ContractRow>(
    `SELECT c.id, c.provider_code AS "providerCode", p.name AS "providerName", c.financial_year AS "financialYear",
            c.contract_type AS type, c.partners_json AS partners, c.lead_commissioner AS "leadCommissioner",
            c.commissioners_json AS commissioners, c.system_name AS "systemName",
            c.activity_plan_json AS "activityPlan", c.quality_schedule_json AS "qualitySchedule",
            strftime(c.updated_at, '%Y-%m-%dT%H:%M:%SZ') AS "updatedAt", c.updated_by AS "updatedBy"
       FROM contract c LEFT JOIN provider p ON p.provider_code = c.provider_code
      WHERE $1::VARCHAR IS NULL OR c.id = $1
      ORDER BY c.financial_year, p.name, c.id`,
    [id ?? null],
  );
  const services = await ws.all<{ contractId: string; serviceCode: string; serviceName: string; value: number }>(
    `SELECT cs.contract_id AS "contractId", cs.service_code AS "serviceCode",
            coalesce(any_value(s.name), cs.service_code) AS "serviceName", cs.value
       FROM contract_service cs LEFT JOIN service s ON s.service_code = cs.service_code AND s.is_current
      GROUP BY cs.contract_id, cs.service_code, cs.value ORDER BY cs.service_code`,
  );
  const totals = await ws.all<{ contractId: string; total: number }>(
    'SELECT contract_id AS "contractId", sum(value) AS total FROM contract_service GROUP BY contract_id',
  );
  const fragmented = await ws.all<{ contractId: string; serviceCode: string }>(
    `WITH held AS (
       SELECT c.id, c.provider_code, c.financial_year, cs.service_code
         FROM contract c JOIN contract_service cs ON cs.contract_id = c.id)
     SELECT a.id AS "contractId", a.service_code AS "serviceCode"
       FROM held a JOIN held b ON a.provider_code = b.provider_code AND a.financial_year = b.financial_year
        AND a.service_code = b.service_code AND a.id <> b.id
      GROUP BY a.id, a.service_code ORDER BY a.service_code`,
  );
  return rows.map((r) => ({
    ...r,
    providerName: r.providerName ?? r.providerCode,
    partners: JSON.parse(r.partners) as string[],
    commissioners: JSON.parse(r.commissioners) as string[],
    activityPlan: JSON.parse(r.activityPlan) as ActivityPlanLine[],
    qualitySchedule: JSON.parse(r.qualitySchedule) as QualityLine[],
    services: services.filter((s) => s.contractId === r.id).map(({ contractId: _c, ...s }) => s),
    totalValue: totals.find((t) => t.contractId === r.id)?.total ?? 0,
    fragmentedServices: fragmented.filter((f) => f.contractId === r.id).map((f) => f.serviceCode),
  }));
}

/** Contracts the user's organisation is party to or covers a party of. */
export async function listContracts(ws: Workspace, actor: Organisation): Promise<Contract[]> {
  const out: Contract[] = [];
  for (const c of await readContracts(ws)) if (await canSee(ws, actor, c.commissioners)) out.push(c);
  return out;
}

/** A contract the user's organisation is party to (or covers a party of); 404 or 403 otherwise. */
export async function findContract(ws: Workspace, user: User, id: string): Promise<Contract> {
  const found = (await readContracts(ws, id))[0];
  if (!found) {
    fail('FP_CONTRACT_NOT_FOUND', `There is no contract ${JSON.stringify(id)}.`, {
      where: { parameter: 'id' },
      received: id,
    });
  }
  if (!(await canSee(ws, user.organisation, found.commissioners))) {
    fail('FP_AUTH_FORBIDDEN', `${user.organisation.name} is not party to contract ${id}.`, {
      where: { parameter: 'id' },
      received: id,
      accepted: 'contracts your organisation, or one it covers, is party to',
    });
  }
  return found;
}

interface CheckedContract extends Omit<ContractInput, 'services'> {
  services: { serviceCode: string; value: number }[];
}

async function checkContract(ws: Workspace, input: ContractInput): Promise<CheckedContract> {
  // Whether the user may name these commissioners and this system is the route's to check (server/auth/scope).
  const lead = await requireOrganisation(ws, input.leadCommissioner, 'body.leadCommissioner');
  const commissioners = [lead.code];
  for (const [i, code] of input.commissioners.entries()) {
    const org = await requireOrganisation(ws, code, `body.commissioners.${i}`);
    if (!commissioners.includes(org.code)) commissioners.push(org.code);
  }
  const [providerCode] = await checkProviders(ws, [input.providerCode], 'body.providerCode');
  const partners = await checkProviders(ws, input.partners, 'body.partners');
  const services = input.services.map((s, i) => ({
    serviceCode: s.serviceCode.trim(),
    value: parseMoney(s.value, `body.services.${i}.value`),
  }));
  await checkServices(
    ws,
    services.map((s) => s.serviceCode),
    'body.services',
  );
  const seen = new Set<string>();
  for (const [i, s] of services.entries()) {
    if (seen.has(s.serviceCode)) {
      fail('FP_CONTRACT_DUPLICATE_SERVICE', `The contract lists ${s.serviceCode} more than once.`, {
        where: { parameter: `body.services.${i}.serviceCode` },
        received: s.serviceCode,
        hint: 'Give each service one line with its whole value.',
      });
    }
    seen.add(s.serviceCode);
  }
  if (input.systemName !== null) {
    const system = await ws.one<{ name: string }>('SELECT name FROM footprint WHERE lower(name) = lower($1)', [
      input.systemName.trim(),
    ]);
    if (!system) {
      fail('FP_FOOTPRINT_NOT_FOUND', `There is no footprint called ${JSON.stringify(input.systemName)}.`, {
        where: { parameter: 'body.systemName' },
        received: input.systemName,
      });
    }
    input = { ...input, systemName: system.name };
  }
  return { ...input, providerCode: providerCode!, partners, leadCommissioner: lead.code, commissioners, services };
}

async function write(ws: Workspace, user: User, id: string, c: CheckedContract): Promise<void> {
  await ws.run('DELETE FROM contract_service WHERE contract_id = $1', [id]);
  await ws.run('INSERT OR REPLACE INTO contract VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now(), $11)', [
    id,
    c.providerCode,
    c.financialYear,
    c.type,
    JSON.stringify(c.partners),
    c.leadCommissioner,
    JSON.stringify(c.commissioners),
    c.systemName,
    JSON.stringify(c.activityPlan),
    JSON.stringify(c.qualitySchedule),
    user.email,
  ]);
  for (const s of c.services) {
    // Passed as text so the amount reaches DECIMAL(18,2) exactly, never through a binary fraction.
    await ws.run('INSERT INTO contract_service VALUES ($1, $2, CAST($3 AS DECIMAL(18, 2)))', [
      id,
      s.serviceCode,
      s.value.toFixed(2),
    ]);
  }
}

async function saveContract(ws: Workspace, user: User, id: string | null, input: ContractInput): Promise<Contract> {
  const before = id ? await findContract(ws, user, id) : null;
  const checked = await checkContract(ws, input);
  const contractId = id ?? `con-${randomBytes(4).toString('hex')}`;
  return ws.transaction(async () => {
    await write(ws, user, contractId, checked);
    const after = await findContract(ws, user, contractId);
    await recordAudit(ws, {
      actor: user.email,
      organisation: user.organisation.code,
      objectType: 'contract',
      objectId: contractId,
      action: before ? 'update' : 'create',
      before: before && withoutDerived(before),
      after: withoutDerived(after),
    });
    return after;
  });
}

/** The contract as its author wrote it: fragmentation depends on other contracts, so is not its state. */
function withoutDerived({ fragmentedServices: _f, ...rest }: Contract) {
  return rest;
}

export const addContract = (ws: Workspace, user: User, input: ContractInput) => saveContract(ws, user, null, input);
export const updateContract = (ws: Workspace, user: User, id: string, input: ContractInput) =>
  saveContract(ws, user, id, input);

/** Withdraws a contract: it and its service lines go, and the audit trail keeps what it was. */
export async function withdrawContract(ws: Workspace, user: User, id: string): Promise<void> {
  const before = await findContract(ws, user, id);
  await ws.transaction(async () => {
    await ws.run('DELETE FROM contract_service WHERE contract_id = $1', [id]);
    await ws.run('DELETE FROM contract WHERE id = $1', [id]);
    await recordAudit(ws, {
      actor: user.email,
      organisation: user.organisation.code,
      objectType: 'contract',
      objectId: id,
      action: 'delete',
      before: withoutDerived(before),
      after: null,
    });
  });
}

/** Sets a system's control total for a year (the route checks the editor covers every ICB of the footprint). */
export async function setControlTotal(
  ws: Workspace,
  user: User,
  input: { systemName: string; financialYear: string; amount: unknown },
): Promise<ControlTotalPosition> {
  const amount = parseMoney(input.amount, 'body.amount', true);
  const members = await ws.all<{ name: string; code: string }>(
    `SELECT f.name, m.icb_code AS code FROM footprint f JOIN footprint_member m ON m.footprint_name = f.name
      WHERE lower(f.name) = lower($1)`,
    [input.systemName.trim()],
  );
  if (members.length === 0) {
    fail('FP_FOOTPRINT_NOT_FOUND', `There is no footprint called ${JSON.stringify(input.systemName)}.`, {
      where: { parameter: 'body.systemName' },
      received: input.systemName,
    });
  }
  const name = members[0]!.name;
  const key = `${name} ${input.financialYear}`;
  const before = await ws.one<{ amount: number }>(
    'SELECT amount FROM system_control_total WHERE system_name = $1 AND financial_year = $2',
    [name, input.financialYear],
  );
  await ws.transaction(async () => {
    await ws.run('INSERT OR REPLACE INTO system_control_total VALUES ($1, $2, CAST($3 AS DECIMAL(18, 2)), $4, now())', [
      name,
      input.financialYear,
      amount.toFixed(2),
      user.email,
    ]);
    await recordAudit(ws, {
      actor: user.email,
      organisation: user.organisation.code,
      objectType: 'control-total',
      objectId: key,
      action: before ? 'update' : 'create',
      before: before ? { systemName: name, financialYear: input.financialYear, amount: before.amount } : null,
      after: { systemName: name, financialYear: input.financialYear, amount },
    });
  });
  return (await controlTotalPositions(ws)).find(
    (p) => p.systemName === name && p.financialYear === input.financialYear,
  )!;
}

/** Each system and year with a control total or contracts counted against it. */
export async function controlTotalPositions(ws: Workspace, contracts?: Contract[]): Promise<ControlTotalPosition[]> {
  const rows = await ws.all<{
    systemName: string;
    financialYear: string;
    controlTotal: number | null;
    contracted: number;
  }>(
    `WITH contracted AS (
       SELECT c.system_name, c.financial_year, sum(cs.value) AS contracted
         FROM contract c JOIN contract_service cs ON cs.contract_id = c.id
        WHERE c.system_name IS NOT NULL ${contracts ? 'AND list_contains($1::VARCHAR[], c.id)' : ''}
        GROUP BY c.system_name, c.financial_year)
     SELECT coalesce(t.system_name, k.system_name) AS "systemName",
            coalesce(t.financial_year, k.financial_year) AS "financialYear",
            t.amount AS "controlTotal", coalesce(k.contracted, 0) AS contracted
       FROM system_control_total t FULL JOIN contracted k
         ON k.system_name = t.system_name AND k.financial_year = t.financial_year
      ORDER BY 1, 2`,
    contracts ? [listValue(contracts.map((c) => c.id))] : [],
  );
  return rows.map((r) => ({
    ...r,
    headroom: r.controlTotal === null ? null : Math.round((r.controlTotal - r.contracted) * 100) / 100,
  }));
}

/** The register as a user sees it: their contracts, and the positions of systems with an ICB they cover. */
export async function contractRegister(
  ws: Workspace,
  user: User,
): Promise<{ contracts: Contract[]; positions: ControlTotalPosition[] }> {
  const contracts = await listContracts(ws, user.organisation);
  const positions: ControlTotalPosition[] = [];
  for (const p of await controlTotalPositions(ws)) {
    const members = await ws.all<{ code: string }>(
      'SELECT icb_code AS code FROM footprint_member WHERE footprint_name = $1',
      [p.systemName],
    );
    let seen = false;
    for (const m of members) seen ||= covers(user.organisation, (await findOrganisation(ws, m.code)) ?? null);
    if (!seen) continue;
    // Contracted value counts only the contracts this user can see, so nothing hidden leaks as a sum.
    const contracted =
      contracts
        .filter((c) => c.systemName === p.systemName && c.financialYear === p.financialYear)
        .reduce((sum, c) => sum + Math.round(c.totalValue * 100), 0) / 100;
    positions.push({
      ...p,
      contracted,
      headroom: p.controlTotal === null ? null : Math.round((p.controlTotal - contracted) * 100) / 100,
    });
  }
  return { contracts, positions };
}
