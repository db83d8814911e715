// The derogation register: providers agreed to be non-compliant with a clause of a service specification
// until a date. Each derogation belongs to the organisation that recorded it; every change is audited in
// the same transaction.
import { fail } from '../../core/errors.ts';
import { checkDerogation, type DerogationInput, type DerogationStatus, isOverdue } from '../../core/quality/index.ts';
import { type AuditActor, recordAudit } from '../audit/record-audit.ts';
import type { Workspace } from '../workspace.ts';

export interface Derogation {
  id: number;
  providerCode: string;
  providerName: string;
  providerIcb: string | null;
  serviceCode: string;
  serviceName: string;
  clause: string;
  agreedDate: string;
  status: DerogationStatus;
  overdue: boolean;
  notes: string | null;
  ownerOrganisation: string;
  createdBy: string;
  createdAt: string;
}

/** The provider a derogation is for, with its host ICB (for organisation scoping), or FP_DEROGATION_BAD_INPUT. */
export async function derogationProvider(
  ws: Workspace,
  providerCode: string,
): Promise<{ code: string; hostIcb: string | null }> {
  const row = await ws.one<{ code: string; hostIcb: string | null }>(
    'SELECT provider_code AS code, host_icb AS "hostIcb" FROM provider WHERE provider_code = $1',
    [providerCode.trim().toUpperCase()],
  );
  if (!row) {
    fail('FP_DEROGATION_BAD_INPUT', 'The provider code is not in the reference data.', {
      where: { field: 'providerCode', parameter: 'providerCode' },
      received: providerCode,
    });
  }
  return row;
}

export async function addDerogation(ws: Workspace, input: DerogationInput, actor: AuditActor): Promise<Derogation> {
  const [problem] = checkDerogation(input);
  if (problem) fail(problem.code, problem.message, problem);
  const provider = await derogationProvider(ws, input.providerCode);
  const service = await ws.one('SELECT 1 AS found FROM service WHERE service_code = $1 LIMIT 1', [
    input.serviceCode.trim(),
  ]);
  if (!service) {
    fail('FP_DEROGATION_BAD_INPUT', 'The service line code is not in the services catalogue.', {
      where: { field: 'serviceCode', parameter: 'serviceCode' },
      received: input.serviceCode,
    });
  }
  return ws.transaction(async () => {
    const row = await ws.one<{ id: number }>(
      `INSERT INTO derogation (provider_code, service_code, clause, agreed_date, status, notes, owner_organisation, created_by, created_at)
       VALUES ($1, $2, $3, CAST($4 AS DATE), $5, $6, $7, $8, now()) RETURNING id`,
      [
        provider.code,
        input.serviceCode.trim(),
        input.clause.trim(),
        input.agreedDate,
        input.status ?? 'open',
        input.notes ?? null,
        actor.organisation,
        actor.actor,
      ],
    );
    const [made] = await listDerogations(ws, { id: row!.id });
    await recordAudit(ws, {
      ...actor,
      objectType: 'derogation',
      objectId: String(row!.id),
      action: 'create',
      before: null,
      after: made,
    });
    return made!;
  });
}

export async function setDerogationStatus(
  ws: Workspace,
  id: number,
  status: DerogationStatus,
  actor: AuditActor,
): Promise<Derogation> {
  const before = await findDerogation(ws, id);
  const [problem] = checkDerogation({ ...before, status });
  if (problem) fail(problem.code, problem.message, problem);
  return ws.transaction(async () => {
    await ws.run('UPDATE derogation SET status = $2 WHERE id = $1', [id, status]);
    const after = await findDerogation(ws, id);
    await recordAudit(ws, {
      ...actor,
      objectType: 'derogation',
      objectId: String(id),
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

export async function findDerogation(ws: Workspace, id: number): Promise<Derogation> {
  const [found] = await listDerogations(ws, { id });
  if (!found)
    fail('FP_DEROGATION_NOT_FOUND', `No derogation has the id ${id}.`, {
      where: { parameter: 'id' },
      received: String(id),
    });
  return found;
}

/** Every derogation (or one), with overdue judged against `asOf` (default today, YYYY-MM-DD). */
export async function listDerogations(
  ws: Workspace,
  filter: { id?: number; asOf?: string } = {},
): Promise<Derogation[]> {
  const asOf = filter.asOf ?? new Date().toISOString().slice(0, 10);
  const rows = await ws.all<Omit<Derogation, 'overdue'>>(
    `SELECT d.id, d.provider_code AS "providerCode", COALESCE(p.name, d.provider_code) AS "providerName",
            p.host_icb AS "providerIcb", d.service_code AS "serviceCode",
            COALESCE((SELECT s.name FROM service s WHERE s.service_code = d.service_code ORDER BY s.is_current DESC, s.catalogue_version DESC LIMIT 1), d.service_code) AS "serviceName",
            d.clause, strftime(d.agreed_date, '%Y-%m-%d') AS "agreedDate", d.status, d.notes,
            d.owner_organisation AS "ownerOrganisation", d.created_by AS "createdBy",
            strftime(d.created_at, '%Y-%m-%dT%H:%M:%SZ') AS "createdAt"
     FROM derogation d LEFT JOIN provider p ON p.provider_code = d.provider_code
     WHERE $1 IS NULL OR d.id = $1
     ORDER BY d.agreed_date, d.id`,
    [filter.id ?? null],
  );
  return rows.map((r) => ({ ...r, overdue: isOverdue(r.status, r.agreedDate, asOf) }));
}
