// Commissioning models per service × footprint × financial year: the agreed position, or a proposal from a
// delegation run (which never overwrites an agreed entry).
import {
  COMMISSIONING_MODELS,
  type CommissioningModel,
  nextFinancialYear,
  proposedTimeline,
} from '../../core/delegation/index.ts';
import { fail } from '../../core/errors.ts';
import { parseFinancialYear } from '../../core/units.ts';
import type { Workspace } from '../workspace.ts';
import type { DelegationResult } from './run-delegation.ts';

export interface ModelEntry {
  serviceCode: string;
  footprint: string;
  financialYear: string;
  model: CommissioningModel;
  lead: string | null;
  status: 'agreed' | 'proposed';
  source: string;
}

export async function listModels(
  ws: Workspace,
  filter: { service?: string; footprint?: string } = {},
): Promise<ModelEntry[]> {
  return ws.all<ModelEntry>(
    `SELECT service_code AS "serviceCode", footprint_name AS footprint, financial_year AS "financialYear", model, lead,
            status, source
       FROM commissioning_model
      WHERE ($1::VARCHAR IS NULL OR service_code = $1::VARCHAR) AND ($2::VARCHAR IS NULL OR footprint_name = $2::VARCHAR)
      ORDER BY service_code, footprint_name, financial_year`,
    [filter.service ?? null, filter.footprint ?? null],
  );
}

/** Checks an entry against the catalogue, the footprints and the model list; returns the footprint's ICBs. */
export async function checkModelEntry(ws: Workspace, entry: Omit<ModelEntry, 'status' | 'source'>): Promise<string[]> {
  const bad = (field: string, message: string, received: string, accepted: string): never =>
    fail('FP_MODEL_BAD_ENTRY', message, { where: { field }, received, accepted });
  if (!(COMMISSIONING_MODELS as readonly string[]).includes(entry.model)) {
    bad(
      'model',
      'The commissioning model is not one of the accepted models.',
      entry.model,
      COMMISSIONING_MODELS.join(', '),
    );
  }
  if (entry.model === 'lead-commissioner' && !entry.lead?.trim()) {
    bad(
      'lead',
      'A lead-commissioner model needs the lead ICB or provider collaborative named.',
      '',
      'e.g. QKK or "South London APC"',
    );
  }
  if (!parseFinancialYear(entry.financialYear)) {
    bad('financialYear', 'The financial year is not in the form 2026/27.', entry.financialYear, 'e.g. 2026/27');
  }
  const service = await ws.one('SELECT 1 AS x FROM service WHERE is_current AND service_code = $1', [
    entry.serviceCode,
  ]);
  if (!service)
    bad(
      'serviceCode',
      'The service code is not in the services catalogue.',
      entry.serviceCode,
      'a current service code',
    );
  const members = await ws.all<{ icb: string }>(
    'SELECT m.icb_code AS icb FROM footprint f JOIN footprint_member m ON m.footprint_name = f.name WHERE f.name = $1',
    [entry.footprint],
  );
  if (members.length === 0)
    bad('footprint', 'There is no footprint with that name.', entry.footprint, 'a footprint name');
  return members.map((m) => m.icb);
}

export async function saveModel(ws: Workspace, entry: ModelEntry): Promise<void> {
  await ws.run(
    `INSERT INTO commissioning_model VALUES ($1, $2, $3, $4, $5, $6, $7, now())
     ON CONFLICT (service_code, footprint_name, financial_year) DO UPDATE SET model = excluded.model, lead = excluded.lead,
       status = excluded.status, source = excluded.source, updated_at = excluded.updated_at`,
    [entry.serviceCode, entry.footprint, entry.financialYear, entry.model, entry.lead, entry.status, entry.source],
  );
}

/** For each service with a decided outcome: a proposed timeline at its tier's footprints (region when not
 * tiered), from the year after the evidence year. Agreed entries stay. Call inside a transaction. */
export async function proposeModels(ws: Workspace, result: DelegationResult, exercise: string): Promise<void> {
  const firstYear = nextFinancialYear(result.provenance.financialYear);
  await ws.run("DELETE FROM commissioning_model WHERE status = 'proposed' AND source = $1", [`exercise ${exercise}`]);
  for (const row of result.rows) {
    const timeline = proposedTimeline(row.outcome, firstYear);
    if (timeline.length === 0) continue;
    const tier = row.tier ?? 'region';
    for (const f of row.evidence.footprints.filter((fp) => fp.kind === tier)) {
      for (const step of timeline) {
        await ws.run(
          `INSERT INTO commissioning_model VALUES ($1, $2, $3, $4, NULL, 'proposed', $5, now())
           ON CONFLICT (service_code, footprint_name, financial_year) DO NOTHING`,
          [row.service, f.footprint, step.financialYear, step.model, `exercise ${exercise}`],
        );
      }
    }
  }
}
