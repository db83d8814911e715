// The data's evidence before (or without) a delegation run, for the web app: an exercise with no run yet, or
// a new workspace with no exercise at all, still shows each service's patients, providers and suggested
// scores, and one service's evidence per footprint. Only the volatility shown is simulated (the median ICB
// for every service; every footprint for the one service asked about), so a page answers in well under a
// second; each service × footprint has its own derived seed, so the numbers equal a full run's.

import { fail } from '../../core/errors.ts';
import type { FinancialYear } from '../../core/units.ts';
import { withActivityEngine } from '../engines/open-engine.ts';
import { readRunContext } from '../queries/run-context.ts';
import { StoredEvidence } from '../run/run-answers.ts';
import type { Workspace } from '../workspace.ts';
import { gatherEvidence, type ServiceEvidence } from './gather-evidence.ts';
import type { Rubrics } from './rubrics.ts';

export interface EvidencePreview {
  dataset: string;
  financialYear: FinancialYear;
  evidence: Map<string, ServiceEvidence>;
}

export async function previewEvidence(
  ws: Workspace,
  rubrics: Rubrics,
  options: { service?: string; financialYear?: FinancialYear } = {},
): Promise<EvidencePreview> {
  const context = await readRunContext(ws);
  if (!context.dataset || context.years.length === 0) {
    fail('FP_RUN_NOT_RUN', 'There are no basis-conversion results to take evidence from.', {
      hint: 'Run `footprint run` first.',
    });
  }
  const financialYear = options.financialYear ?? context.years.at(-1)!;
  const d = rubrics.delegation;
  const evidence = await withActivityEngine(ws, (engine) =>
    gatherEvidence(ws, new StoredEvidence(ws, engine), {
      dataset: context.dataset!,
      financialYear: financialYear,
      rules: d.tiering,
      masterSeed: d.volatility.seed,
      iterations: d.volatility.iterations,
      costModel: d.volatility.costModel,
      simulateFor: (serviceCode, isMedianIcb) => isMedianIcb || serviceCode === options.service,
    }),
  );
  return { dataset: context.dataset, financialYear, evidence };
}
