// The occasional practice report from the workspace: one year's patient flows from the activity engine (the
// tiering evidence's own question, in recorded patients), the minimum annual volumes of the latest exercise's
// delegation rubric (the shipped rubric before any exercise), providers and ICBs named.
import { minimumAnnualVolume } from '../../core/definitions/delegation-rubric.ts';
import {
  type OccasionalPracticeAnswer,
  occasionalPracticeReport,
} from '../../core/delegation/occasional-practice-report.ts';
import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import { providerLabel } from '../../core/names/organisation-name.ts';
import type { FinancialYear } from '../../core/units.ts';
import { withActivityEngine } from '../engines/open-engine.ts';
import { chooseYear, readRunContext } from '../queries/run-context.ts';
import { listCurrentServices } from '../queries/services-catalogue.ts';
import { StoredEvidence } from '../run/run-answers.ts';
import type { Workspace } from '../workspace.ts';
import { exerciseRubrics } from './exercises.ts';
import { loadRubrics } from './rubrics.ts';
import { chooseExercise } from './segmentation-matrix.ts';

/** Delegation is drawn on the current geography. */
const VINTAGE = DEFAULT_VINTAGE;

export interface OccasionalPracticeAsk {
  /** The dataset asked for (--dataset, ?dataset=); default the current one. */
  dataset?: string;
  year?: FinancialYear;
  service?: string;
  /** The ICBs whose residents' providers are listed; null for England. */
  icbs: readonly string[] | null;
  /** As a person reads the scope: 'England' or the organisation's name. */
  scope: string;
  /** The parameters a bad year or service is reported against ('year', '--year'). */
  yearParameter?: string;
  serviceParameter?: string;
}

export async function occasionalPractice(ws: Workspace, ask: OccasionalPracticeAsk): Promise<OccasionalPracticeAnswer> {
  const context = await readRunContext(ws, { dataset: ask.dataset, geography: VINTAGE });
  const financialYear = chooseYear(context, ask.year, ask.yearParameter ?? 'year');
  const exercise = await chooseExercise(ws, undefined);
  const rubric = (exercise ? await exerciseRubrics(ws, exercise) : await loadRubrics(ws)).delegation;
  const services = (await listCurrentServices(ws))
    .filter((s) => !ask.service || s.serviceCode === ask.service)
    .map((s) => ({ serviceCode: s.serviceCode, name: s.name }));
  if (ask.service && services.length === 0) {
    fail('FP_HTTP_NOT_FOUND', `There is no current service ${ask.service}.`, {
      where: { parameter: ask.serviceParameter ?? 'service' },
      received: ask.service,
      accepted: 'a current service code, e.g. 13',
    });
  }
  const answer = {
    dataset: context.dataset,
    financialYear,
    rubric: `${rubric.id}@${rubric.version}`,
    scope: ask.scope,
    years: context.years,
  };
  if (!context.dataset || !financialYear) return { ...answer, rows: [] };
  const flows = await withActivityEngine(ws, (engine) =>
    new StoredEvidence(ws, engine).servicePatientFlows({
      dataset: context.dataset!,
      vintage: VINTAGE,
      unknownResidenceRule: 'provider-host-icb',
      financialYear: financialYear,
    }),
  );
  const providerNames = new Map(
    (await ws.all<{ code: string; name: string }>('SELECT provider_code AS code, name FROM provider')).map((p) => [
      p.code,
      p.name,
    ]),
  );
  const icbNames = new Map(
    (
      await ws.all<{ code: string; name: string }>('SELECT icb_code AS code, name FROM icb WHERE vintage = $1', [
        VINTAGE,
      ])
    ).map((i) => [i.code, i.name]),
  );
  const rows = occasionalPracticeReport({
    flows: flows.map((f) => ({
      serviceCode: f.serviceCode,
      providerCode: f.providerCode,
      providerName: providerLabel(providerNames.get(f.providerCode), f.providerCode),
      residentIcb: f.residentIcb,
      icbName: icbNames.get(f.residentIcb) ?? f.residentIcb,
      patients: f.recordedPatients,
      activity: f.activity,
    })),
    services,
    minimumAnnualVolume: (code) => minimumAnnualVolume(rubric.tiering, code),
    icbs: ask.icbs ? new Set(ask.icbs) : null,
  });
  return { ...answer, rows };
}
