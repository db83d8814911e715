// The risk register in the workspace: risks read for the organisations an actor covers, added and changed
// by one covering the risk's organisation (before and after a change), every link checked against the
// workspace, every change audited in the same transaction. A risk's history is its audit trail.
import { randomBytes } from 'node:crypto';
import { FootprintError, fail } from '../../core/errors.ts';
import {
  type Risk,
  type RiskHistoryEntry,
  type RiskInput,
  type RiskWithHistory,
  riskInputSchema,
  riskRating,
  riskRuleProblems,
  riskScore,
} from '../../core/risks/index.ts';
import { type AuditActor, listAudit, recordAudit } from '../audit/record-audit.ts';
import {
  coveredCodes,
  covers,
  findOrganisation,
  type Organisation,
  requireOrganisation,
} from '../users/organisations.ts';
import type { Workspace } from '../workspace.ts';

interface RiskRow {
  id: string;
  organisation: string;
  title: string;
  description: string;
  category: Risk['category'];
  owner: string;
  likelihood: number;
  impact: number;
  mitigation: string;
  residualLikelihood: number;
  residualImpact: number;
  links: string;
  status: Risk['status'];
  reviewed: string | null;
  nextReview: string | null;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

const SELECT = `SELECT id, organisation, title, description, category, owner, likelihood, impact, mitigation,
  residual_likelihood AS "residualLikelihood", residual_impact AS "residualImpact", links_json AS links, status,
  CAST(reviewed AS VARCHAR) AS reviewed, CAST(next_review AS VARCHAR) AS "nextReview", revision,
  strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') AS "updatedAt", updated_by AS "updatedBy" FROM risk`;

/** Names for the links a risk may carry, read once per answer. */
async function linkNames(ws: Workspace): Promise<(kind: string, code: string) => string | undefined> {
  const map = async (sql: string) =>
    new Map((await ws.all<{ code: string; name: string }>(sql)).map((r) => [r.code, r.name]));
  const names = {
    service: await map(
      'SELECT service_code AS code, any_value(name) AS name FROM service WHERE is_current GROUP BY ALL',
    ),
    provider: await map('SELECT provider_code AS code, name FROM provider'),
    footprint: await map('SELECT name AS code, name FROM footprint'),
    scheme: new Map(
      (await ws.all<{ json: string }>('SELECT json FROM scenario')).flatMap((s) =>
        ((JSON.parse(s.json) as { qipp?: { name: string }[] }).qipp ?? []).map((q) => [q.name, q.name] as const),
      ),
    ),
  };
  return (kind, code) => names[kind as keyof typeof names]?.get(code);
}

async function shape(ws: Workspace, rows: RiskRow[], today: string): Promise<Risk[]> {
  if (rows.length === 0) return [];
  const nameOf = await linkNames(ws);
  const organisations = new Map<string, string>();
  for (const code of new Set(rows.map((r) => r.organisation))) {
    organisations.set(code, (await findOrganisation(ws, code))?.name ?? code);
  }
  return rows.map(({ links, ...r }) => {
    const score = riskScore(r.likelihood, r.impact);
    const residualScore = riskScore(r.residualLikelihood, r.residualImpact);
    return {
      ...r,
      organisationName: organisations.get(r.organisation) ?? r.organisation,
      score,
      rating: riskRating(score),
      residualScore,
      residualRating: riskRating(residualScore),
      links: (JSON.parse(links) as { kind: Risk['links'][number]['kind']; code: string }[]).map((l) => ({
        ...l,
        name: nameOf(l.kind, l.code) ?? l.code,
      })),
      reviewDue: r.status === 'open' && r.nextReview !== null && r.nextReview < today,
    };
  });
}

export interface RiskFilter {
  /** Only this organisation's risks (it must be one the actor covers). */
  organisation?: string;
  /** Only risks linked to this service, footprint, provider or scheme. */
  link?: { kind: string; code: string };
  /** Today as YYYY-MM-DD, for review-due; the caller's clock. */
  today: string;
}

/** Risks of the organisations the actor covers, highest score after mitigation first. */
export async function listRisks(ws: Workspace, actor: Organisation, filter: RiskFilter): Promise<Risk[]> {
  let codes = await coveredCodes(ws, actor);
  if (filter.organisation !== undefined) {
    const wanted = await requireOrganisation(ws, filter.organisation, 'organisation');
    if (!covers(actor, wanted)) {
      fail('FP_AUTH_FORBIDDEN', `${actor.name} cannot see the risks of ${wanted.name}.`, {
        where: { parameter: 'organisation' },
        received: wanted.code,
        accepted: 'your organisation or one it covers',
      });
    }
    codes = [wanted.code];
  }
  const rows = (await ws.all<RiskRow>(`${SELECT} ORDER BY id`)).filter(
    (r) => codes === null || codes.includes(r.organisation),
  );
  const risks = await shape(ws, rows, filter.today);
  const linked = filter.link
    ? risks.filter((r) => r.links.some((l) => l.kind === filter.link!.kind && l.code === filter.link!.code))
    : risks;
  return linked.sort(
    (a, b) =>
      Number(a.status === 'closed') - Number(b.status === 'closed') ||
      b.residualScore - a.residualScore ||
      b.score - a.score ||
      a.id.localeCompare(b.id),
  );
}

async function findRisk(ws: Workspace, actor: Organisation, id: string, today: string): Promise<Risk> {
  const row = await ws.one<RiskRow>(`${SELECT} WHERE id = $1`, [id]);
  const found = row ? (await shape(ws, [row], today))[0] : undefined;
  if (!found) {
    fail('FP_RISK_NOT_FOUND', `There is no risk ${JSON.stringify(id)}.`, { where: { parameter: 'id' }, received: id });
  }
  if (!covers(actor, (await findOrganisation(ws, found.organisation)) ?? null)) {
    fail('FP_AUTH_FORBIDDEN', `${actor.name} cannot see risk ${id}.`, {
      where: { parameter: 'id' },
      received: id,
      accepted: 'risks of your organisation or one it covers',
    });
  }
  return found;
}

/** One risk and its history, newest first, from the audit trail. */
export async function getRisk(ws: Workspace, actor: Organisation, id: string, today: string): Promise<RiskWithHistory> {
  const risk = await findRisk(ws, actor, id, today);
  const events = await listAudit(ws, { objectType: 'risk', objectId: id });
  const history: RiskHistoryEntry[] = events.map((e) => {
    const after = e.after as (RiskInput & { revision?: number }) | null;
    return {
      at: e.at,
      actor: e.actor,
      action: e.action,
      revision: after?.revision ?? null,
      score: after ? riskScore(after.likelihood, after.impact) : null,
      residualScore: after ? riskScore(after.residualLikelihood, after.residualImpact) : null,
      status: after?.status ?? null,
    };
  });
  return { ...risk, history };
}

/** The input checked: its shape, its rules, its organisation against the actor, its links against the
 * workspace. Problems name the parameter under `prefix` (body.links.0.code). */
export async function checkRisk(
  ws: Workspace,
  actor: Organisation,
  json: unknown,
  prefix = 'body',
): Promise<RiskInput> {
  const parsed = riskInputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = [prefix, ...issue.path.map(String)].join('.');
    fail('FP_RISK_BAD_INPUT', `${path}: ${issue.message}.`, {
      where: { parameter: path },
      accepted: 'the fields in docs/risks.md',
      hint: parsed.error.issues.length > 1 ? `…and ${parsed.error.issues.length - 1} more problem(s).` : undefined,
    });
  }
  const input = parsed.data;
  const [problem] = riskRuleProblems(input, prefix);
  if (problem) throw new FootprintError(problem);
  const owner = await requireOrganisation(ws, input.organisation, `${prefix}.organisation`);
  if (!covers(actor, owner)) {
    fail('FP_AUTH_FORBIDDEN', `${actor.name} cannot hold risks for ${owner.name}.`, {
      where: { parameter: `${prefix}.organisation` },
      received: owner.code,
      accepted: 'your organisation or one it covers',
    });
  }
  const nameOf = await linkNames(ws);
  input.links.forEach((link, i) => {
    if (nameOf(link.kind, link.code) !== undefined) return;
    fail('FP_RISK_UNKNOWN_LINK', `${link.code} is not a ${link.kind} in this workspace.`, {
      where: { parameter: `${prefix}.links.${i}.code` },
      received: link.code,
      accepted:
        link.kind === 'scheme'
          ? 'the name of a QIPP scheme in a stored scenario'
          : link.kind === 'footprint'
            ? 'a footprint name from `footprint footprint list`'
            : `a ${link.kind} code from the reference data`,
    });
  });
  return { ...input, organisation: owner.code };
}

const stored = (risk: Risk) => {
  const {
    organisationName: _o,
    score: _s,
    rating: _r,
    residualScore: _rs,
    residualRating: _rr,
    reviewDue: _d,
    ...rest
  } = risk;
  return { ...rest, links: rest.links.map(({ kind, code }) => ({ kind, code })) };
};

export interface RiskChange {
  actor: Organisation;
  by: AuditActor;
  today: string;
}

/** Adds a risk, or replaces risk `id` (whose organisation the actor must cover, as it must the new one). */
export async function saveRisk(ws: Workspace, id: string | null, json: unknown, change: RiskChange): Promise<Risk> {
  const before = id ? await findRisk(ws, change.actor, id, change.today) : null;
  const input = await checkRisk(ws, change.actor, json);
  const riskId = before?.id ?? `risk-${randomBytes(4).toString('hex')}`;
  return ws.transaction(async () => {
    const values = [
      riskId,
      input.organisation,
      input.title,
      input.description,
      input.category,
      input.owner,
      input.likelihood,
      input.impact,
      input.mitigation,
      input.residualLikelihood,
      input.residualImpact,
      JSON.stringify(input.links),
      input.status,
      input.reviewed,
      input.nextReview,
      change.by.actor,
    ];
    if (before) {
      await ws.run(
        `UPDATE risk SET organisation = $2, title = $3, description = $4, category = $5, owner = $6, likelihood = $7,
           impact = $8, mitigation = $9, residual_likelihood = $10, residual_impact = $11, links_json = $12, status = $13,
           reviewed = CAST($14 AS DATE), next_review = CAST($15 AS DATE), revision = revision + 1, updated_at = now(),
           updated_by = $16 WHERE id = $1`,
        values,
      );
    } else {
      await ws.run(
        `INSERT INTO risk VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CAST($14 AS DATE),
           CAST($15 AS DATE), 1, now(), $16, now(), $16)`,
        values,
      );
    }
    const after = await findRisk(ws, change.actor, riskId, change.today);
    await recordAudit(ws, {
      ...change.by,
      objectType: 'risk',
      objectId: riskId,
      action: before ? 'update' : 'create',
      before: before && stored(before),
      after: stored(after),
    });
    return after;
  });
}
