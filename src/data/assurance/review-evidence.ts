// What the workspace already knows that bears on a key line of enquiry, shown beside the question as
// evidence: pooled footprints the ICB is in, saved plans with a risk share or for the ICB, and delegation
// outcomes. Capabilities not yet in a workspace are reported as "not available yet", never left out.
import { listValue } from '@duckdb/node-api';
import type { WorkspaceEvidence } from '../../core/assurance/kloe-template.ts';
import { delegatedServicesCount } from '../delegation/delegation-status.ts';
import type { Workspace } from '../workspace.ts';
import type { ReviewSubject } from './review-rounds.ts';

export interface EvidenceItem {
  kind: WorkspaceEvidence;
  title: string;
  available: boolean;
  lines: string[];
}

const NOT_YET = 'not available yet (this workspace has no such records).';

async function tableExists(ws: Workspace, name: string): Promise<boolean> {
  const row = await ws.one<{ n: number }>(
    'SELECT CAST(count(*) AS INTEGER) AS n FROM information_schema.tables WHERE table_name = $1',
    [name],
  );
  return (row?.n ?? 0) > 0;
}

/** The ICBs a review is about: the ICB itself, or a footprint's members. */
export async function subjectIcbs(ws: Workspace, subject: Pick<ReviewSubject, 'subjectKind' | 'subjectCode'>) {
  if (subject.subjectKind === 'icb') return [subject.subjectCode];
  const rows = await ws.all<{ code: string }>(
    'SELECT icb_code AS code FROM footprint_member WHERE footprint_name = $1 ORDER BY icb_code',
    [subject.subjectCode],
  );
  return rows.map((r) => r.code);
}

async function pooledFootprints(ws: Workspace, icbs: string[]): Promise<EvidenceItem> {
  const rows = await ws.all<{ name: string; kind: string; members: string }>(
    `SELECT f.name, f.kind, string_agg(m.icb_code, ' ' ORDER BY m.icb_code) AS members
       FROM footprint f JOIN footprint_member m ON m.footprint_name = f.name
      WHERE f.kind IN ('user', 'group')
      GROUP BY f.name, f.kind
     HAVING count(*) > 1 AND bool_or(list_contains($1::VARCHAR[], m.icb_code))
      ORDER BY f.name`,
    [listValue(icbs)],
  );
  return {
    kind: 'pooled-footprints',
    title: 'Pooled footprints including this ICB',
    available: rows.length > 0,
    lines: rows.length
      ? rows.map((r) => `${r.name} (${r.kind === 'user' ? 'defined by users' : 'reference group'}): ${r.members}`)
      : ['No footprint of more than one ICB includes it yet.'],
  };
}

interface StoredScenario {
  name: string;
  owner: string;
  json: string;
  result: string | null;
}

async function scenariosFor(ws: Workspace, icbs: string[]): Promise<StoredScenario[] | null> {
  if (!(await tableExists(ws, 'scenario'))) return null;
  const rows = await ws.all<StoredScenario>(
    `SELECT s.name, s.owner_organisation AS owner, s.json, p.result_json AS result
       FROM scenario s LEFT JOIN plan_result p ON p.scenario_name = s.name AND p.scenario_revision = s.revision
      ORDER BY s.name`,
  );
  const footprints = await ws.all<{ name: string }>(
    'SELECT DISTINCT footprint_name AS name FROM footprint_member WHERE list_contains($1::VARCHAR[], icb_code)',
    [listValue(icbs)],
  );
  const names = new Set(footprints.map((f) => `footprint:${f.name}`));
  return rows.filter((s) => {
    const units = (JSON.parse(s.json) as { units?: string[] }).units ?? [];
    return icbs.includes(s.owner) || units.some((u) => icbs.includes(u) || names.has(u));
  });
}

async function riskSharePlans(ws: Workspace, icbs: string[]): Promise<EvidenceItem> {
  const scenarios = await scenariosFor(ws, icbs);
  const title = 'Saved plans with a risk/gain share';
  if (!scenarios) return { kind: 'risk-share-plans', title, available: false, lines: [`Saved plans: ${NOT_YET}`] };
  const withShare = scenarios.flatMap((s) => {
    const share = (JSON.parse(s.json) as { riskShare?: { footprint: string; type: string; basis: string } }).riskShare;
    return share ? [`${s.name}: ${share.type} risk share on ${share.basis} over ${share.footprint}`] : [];
  });
  return {
    kind: 'risk-share-plans',
    title,
    available: withShare.length > 0,
    lines: withShare.length ? withShare : ['No saved plan for this ICB has a risk-share section.'],
  };
}

async function financialPlans(ws: Workspace, icbs: string[]): Promise<EvidenceItem> {
  const scenarios = await scenariosFor(ws, icbs);
  const title = 'Saved financial plans';
  if (!scenarios) return { kind: 'financial-plans', title, available: false, lines: [`Saved plans: ${NOT_YET}`] };
  return {
    kind: 'financial-plans',
    title,
    available: scenarios.length > 0,
    lines: scenarios.length
      ? scenarios.map((s) => {
          const plan = JSON.parse(s.json) as { baseYear: string; years: number; qipp?: unknown[] };
          return `${s.name}: base year ${plan.baseYear}, ${plan.years} years, ${plan.qipp?.length ?? 0} QIPP schemes${s.result ? ', results stored' : ', not yet run'}`;
        })
      : ['No saved plan covers this ICB.'],
  };
}

async function delegationOutcomes(ws: Workspace, icbs: string[]): Promise<EvidenceItem> {
  const title = 'Delegation outcomes';
  const lines: string[] = [];
  // The same count the services pages show (one answer), from the board's waves and the catalogue.
  if (await tableExists(ws, 'delegation_wave')) {
    lines.push(`Reference data: ${(await delegatedServicesCount(ws)).label}.`);
  }
  // The delegation capability records each service's commissioning model per footprint: those of the
  // footprints this ICB belongs to are its delegation outcomes.
  if (await tableExists(ws, 'commissioning_model')) {
    const rows = await ws.all<{ model: string; status: string; year: string; n: number }>(
      `SELECT c.model, c.status, c.financial_year AS year, CAST(count(DISTINCT c.service_code) AS INTEGER) AS n
         FROM commissioning_model c
        WHERE c.footprint_name IN (SELECT footprint_name FROM footprint_member WHERE list_contains($1::VARCHAR[], icb_code))
        GROUP BY c.model, c.status, c.financial_year ORDER BY c.financial_year DESC, n DESC, c.model`,
      [listValue(icbs)],
    );
    lines.push(
      ...(rows.length
        ? rows.map((r) => `${r.year}: ${r.n} services ${r.status} as ${r.model.replaceAll('-', ' ')}`)
        : [`Commissioning models for footprints including this ICB: ${NOT_YET}`]),
    );
    return { kind: 'delegation-outcomes', title, available: rows.length > 0, lines };
  }
  lines.push(`Commissioning models for footprints including this ICB: ${NOT_YET}`);
  return { kind: 'delegation-outcomes', title, available: false, lines };
}

const READERS: Record<WorkspaceEvidence, (ws: Workspace, icbs: string[]) => Promise<EvidenceItem>> = {
  'pooled-footprints': pooledFootprints,
  'risk-share-plans': riskSharePlans,
  'financial-plans': financialPlans,
  'delegation-outcomes': delegationOutcomes,
};

/** The evidence each kind named by the template, for a review's ICBs. */
export async function workspaceEvidence(
  ws: Workspace,
  subject: Pick<ReviewSubject, 'subjectKind' | 'subjectCode'>,
  kinds: readonly WorkspaceEvidence[],
): Promise<EvidenceItem[]> {
  const icbs = await subjectIcbs(ws, subject);
  const out: EvidenceItem[] = [];
  for (const kind of [...new Set(kinds)]) out.push(await READERS[kind](ws, icbs));
  return out;
}
