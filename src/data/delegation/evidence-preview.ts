// The data's evidence before (or without) a delegation run, for the web app: an exercise with no run yet, or
// a new workspace with no exercise at all, still shows each service's patients, providers and suggested
// scores, and one service's evidence per footprint. Only the volatility shown is simulated (the median ICB
// for every service; every footprint for the one service asked about), so a page answers in well under a
// second; each service × footprint has its own derived seed, so the numbers equal a full run's.

import { fail } from '../../core/errors.ts';
import type { FinancialYear } from '../../core/units.ts';
import { withActivityEngine } from '../engines/open-engine.ts';
import { readRunContext } from '../queries/run-context.ts';
import type { Workspace } from '../workspace.ts';
import { gatherEvidence, type ServiceEvidence } from './gather-evidence.ts';
import type { Rubrics } from './rubrics.ts';

export interface EvidencePreview {
  dataset: string;
  financialYear: string;
  evidence: Map<string, ServiceEvidence>;
}

/** Previews already made, per workspace. A preview rests only on the dataset as imported, its stored run,
 * the year, the service simulated and the delegation rubrics, so it is remembered under those: the server
 * forgets its answers after every change, and the matrix and service pages would otherwise simulate again
 * (seconds) after a change that cannot alter them. */
const remembered = new WeakMap<Workspace, Map<string, Promise<EvidencePreview>>>();
const REMEMBERED_PREVIEWS = 64;

export async function previewEvidence(
  ws: Workspace,
  rubrics: Rubrics,
  options: { service?: string; financialYear?: string } = {},
): Promise<EvidencePreview> {
  const context = await readRunContext(ws);
  if (!context.dataset || context.years.length === 0) {
    fail('FP_RUN_NOT_RUN', 'There are no basis-conversion results to take evidence from.', {
      hint: 'Run `footprint run` first.',
    });
  }
  const dataset = context.dataset;
  const financialYear = options.financialYear ?? context.years.at(-1)!;
  const stamps = await ws.one<{ imported: string | null; ran: string | null }>(
    `SELECT (SELECT CAST(max(imported_at) AS VARCHAR) FROM dataset WHERE name = $1) AS imported,
            (SELECT CAST(max(ran_at) AS VARCHAR) FROM run WHERE dataset = $1) AS ran`,
    [dataset],
  );
  const key = JSON.stringify([
    dataset,
    stamps?.imported,
    stamps?.ran,
    financialYear,
    options.service ?? null,
    rubrics.delegation,
  ]);
  const previews = remembered.get(ws) ?? new Map<string, Promise<EvidencePreview>>();
  remembered.set(ws, previews);
  const hit = previews.get(key);
  if (hit) return hit;
  const d = rubrics.delegation;
  const made = withActivityEngine(ws, (engine) =>
    gatherEvidence(ws, engine, {
      dataset,
      financialYear: financialYear as FinancialYear,
      rules: d.tiering,
      masterSeed: d.volatility.seed,
      iterations: d.volatility.iterations,
      costModel: d.volatility.costModel,
      simulateFor: (serviceCode, isMedianIcb) => isMedianIcb || serviceCode === options.service,
    }),
  ).then((evidence) => ({ dataset, financialYear, evidence }));
  if (previews.size >= REMEMBERED_PREVIEWS) previews.delete(previews.keys().next().value!);
  previews.set(key, made);
  // A failure is not remembered: the next request tries again.
  made.catch(() => previews.delete(key));
  return made;
}
