// Commissioning models per service × footprint × financial year: what the delegation status proposes for
// every current service and footprint over the plan horizon (the first delegation wave to the last plan year
// of the current planning round), beside what a person has recorded (agreed by a region or national, or
// proposed by an ICB). Proposals are derived on reading, never stored, so they follow the status.
import {
  COMMISSIONING_MODELS,
  type CommissioningModel,
  type CommissioningModelsAnswer,
  type LeadSpend,
  MODEL_LABELS,
  proposeCommissioningModel,
  type RecordedModel,
} from '../../core/delegation/index.ts';
import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import { planFinancialYear } from '../../core/planning/plan-years.ts';
import { financialYearStart, financialYearStarting, parseFinancialYear } from '../../core/units.ts';
import { listFootprints } from '../footprints.ts';
import { CURRENT_TEMPLATE } from '../planning/baseline-scenarios.ts';
import { listScenarioTemplates } from '../planning/scenario-templates.ts';
import { readRunContext } from '../queries/run-context.ts';
import { isCurrentService, listCurrentServices } from '../queries/services-catalogue.ts';
import type { Workspace } from '../workspace.ts';
import { delegationStatusesByIcb, icbRegion, readDelegationWaves } from './delegation-status.ts';
import { chooseExercise, storedResult } from './segmentation-matrix.ts';

const VINTAGE = DEFAULT_VINTAGE;

export async function listModels(
  ws: Workspace,
  filter: { service?: string; footprint?: string } = {},
): Promise<RecordedModel[]> {
  return ws.all<RecordedModel>(
    `SELECT service_code AS "serviceCode", footprint_name AS footprint, financial_year AS "financialYear", model, lead,
            status, source
       FROM commissioning_model
      WHERE ($1::VARCHAR IS NULL OR service_code = $1::VARCHAR) AND ($2::VARCHAR IS NULL OR footprint_name = $2::VARCHAR)
      ORDER BY service_code, footprint_name, financial_year`,
    [filter.service ?? null, filter.footprint ?? null],
  );
}

/** Checks an entry against the catalogue, the footprints and the model list; returns the footprint's ICBs. */
export async function checkModelEntry(
  ws: Workspace,
  entry: Omit<RecordedModel, 'status' | 'source' | 'model'> & { model: string },
): Promise<string[]> {
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
  if (!(await isCurrentService(ws, entry.serviceCode)))
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

export async function saveModel(ws: Workspace, entry: RecordedModel): Promise<void> {
  await ws.run(
    `INSERT INTO commissioning_model VALUES ($1, $2, $3, $4, $5, $6, $7, now())
     ON CONFLICT (service_code, footprint_name, financial_year) DO UPDATE SET model = excluded.model, lead = excluded.lead,
       status = excluded.status, source = excluded.source, updated_at = excluded.updated_at`,
    [entry.serviceCode, entry.footprint, entry.financialYear, entry.model, entry.lead, entry.status, entry.source],
  );
}

/** The first delegation wave (2023/24) to the last plan year of the current planning round (2028/29). */
export async function modelHorizon(ws: Workspace): Promise<string[]> {
  const { waves } = await readDelegationWaves(ws);
  const first = waves.map((w) => w.fromYear).sort()[0] ?? financialYearStarting(2023);
  const round = listScenarioTemplates().find((t) => t.id === CURRENT_TEMPLATE)?.scenario;
  const last = round ? planFinancialYear(round.baseYear, round.years) : first;
  const years: string[] = [];
  for (let y = financialYearStart(first); y <= financialYearStart(last); y++) {
    years.push(financialYearStarting(y));
  }
  return years;
}

export interface ModelsQuestion {
  /** The dataset whose flows name a lead ICB (--dataset, ?dataset=); default the current one. */
  dataset?: string;
  service?: string;
  footprint?: string;
  /** The footprints the asker may set a model for. */
  editable: ReadonlySet<string>;
}

export async function commissioningModels(ws: Workspace, q: ModelsQuestion): Promise<CommissioningModelsAnswer> {
  const services = (await listCurrentServices(ws)).filter((s) => !q.service || s.serviceCode === q.service);
  if (q.service && services.length === 0) {
    fail('FP_HTTP_NOT_FOUND', `There is no current service ${q.service}.`, {
      where: { parameter: 'service' },
      received: q.service,
      accepted: 'a current service code, e.g. 13',
    });
  }
  const allFootprints = await listFootprints(ws);
  const footprints = allFootprints.filter((f) => f.icbs.length > 0 && (!q.footprint || f.name === q.footprint));
  if (q.footprint && footprints.length === 0) {
    fail('FP_FOOTPRINT_NOT_FOUND', `There is no footprint called ${q.footprint}.`, {
      where: { parameter: 'footprint' },
      received: q.footprint,
      accepted: 'a footprint name, e.g. London',
    });
  }
  const years = await modelHorizon(ws);
  const icbRows = await ws.all<{ code: string; name: string; region: string }>(
    'SELECT icb_code AS code, name, region_code AS region FROM icb WHERE vintage = $1',
    [VINTAGE],
  );
  const icbNames = new Map(icbRows.map((r) => [r.code, r.name]));
  const regionOf = new Map(icbRows.map((r) => [r.code, r.region]));
  const icbs = [];
  for (const icbCode of [...new Set(footprints.flatMap((f) => f.icbs))].sort()) {
    const regionCode = regionOf.get(icbCode) ?? (await icbRegion(ws, icbCode, VINTAGE, 'icb')).regionCode;
    icbs.push({ icbCode, regionCode });
  }
  const statusByIcb = await delegationStatusesByIcb(ws, {
    icbs,
    years,
    serviceCodes: q.service ? new Set(services.map((s) => s.serviceCode)) : undefined,
  });

  const exercise = await chooseExercise(ws, undefined);
  const run = await storedResult(ws, exercise);
  const tiers = new Map((run?.rows ?? []).map((r) => [r.service, r.tier]));

  const context = await readRunContext(ws, { dataset: q.dataset, geography: VINTAGE });
  const spendYear = context.years.at(-1) ?? null;
  const spend = new Map<string, LeadSpend[]>();
  if (context.dataset && spendYear) {
    const rows = await ws.all<LeadSpend & { serviceCode: string }>(
      `SELECT service_code AS "serviceCode", resident_icb AS "residentIcb", provider_code AS "providerCode",
              provider_icb AS "providerIcb", CAST(sum(spend) AS DOUBLE) AS spend
         FROM flow WHERE dataset = $1 AND vintage = $2 AND financial_year = $3
          AND ($4::VARCHAR IS NULL OR service_code = $4)
        GROUP BY ALL`,
      [context.dataset, VINTAGE, spendYear, q.service ?? null],
    );
    for (const r of rows) {
      const list = spend.get(r.serviceCode) ?? [];
      list.push(r);
      spend.set(r.serviceCode, list);
    }
  }

  const recorded = new Map(
    (await listModels(ws, q)).map((m) => [`${m.serviceCode}\u0000${m.footprint}\u0000${m.financialYear}`, m]),
  );
  const rows = services.flatMap((s) =>
    footprints.map((f) => {
      const tier = tiers.get(s.serviceCode) ?? null;
      return {
        serviceCode: s.serviceCode,
        serviceName: s.name,
        footprint: f.name,
        footprintKind: f.kind,
        icbNames: f.icbs.map((c) => icbNames.get(c) ?? c),
        tier,
        years: years.map((financialYear, i) => ({
          financialYear,
          proposal: proposeCommissioningModel({
            members: f.icbs.map((icbCode) => ({
              icbCode,
              icbName: icbNames.get(icbCode) ?? icbCode,
              status: statusByIcb.get(icbCode)!.get(s.serviceCode)![i]!,
            })),
            highlySpecialised: s.highlySpecialised,
            tier,
            spend: spend.get(s.serviceCode) ?? [],
          }),
          recorded: recorded.get(`${s.serviceCode}\u0000${f.name}\u0000${financialYear}`) ?? null,
        })),
      };
    }),
  );
  return {
    years,
    tierFrom: run ? exercise : null,
    spendYear,
    rows,
    footprints: allFootprints.map((f) => ({ name: f.name, kind: f.kind, canEdit: q.editable.has(f.name) })),
    models: COMMISSIONING_MODELS.map((model: CommissioningModel) => ({ model, label: MODEL_LABELS[model] })),
  };
}

/** One row per service, footprint and year, for COMMISSIONING_MODEL_COLUMNS. */
export function commissioningModelRows(answer: CommissioningModelsAnswer) {
  return answer.rows.flatMap((line) =>
    line.years.map((y) => ({
      serviceCode: line.serviceCode,
      serviceName: line.serviceName,
      footprint: line.footprint,
      financialYear: y.financialYear,
      proposedModel: y.proposal.label,
      leadIcb: y.proposal.lead?.icbName ?? null,
      reason: y.proposal.reason,
      recordedModel: y.recorded ? MODEL_LABELS[y.recorded.model] : null,
      recordedLead: y.recorded?.lead ?? null,
      status: y.recorded?.status ?? null,
      setBy: y.recorded?.source ?? null,
    })),
  );
}
