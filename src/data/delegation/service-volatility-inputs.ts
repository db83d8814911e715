// What `footprint volatility --service CODE` needs from the workspace: the service's observed cost per
// patient (mean and CV) and England's patients per person, for one year.

import { fail } from '../../core/errors.ts';
import type { FinancialYear } from '../../core/units.ts';
import { withActivityEngine } from '../engines/open-engine.ts';
import { readRunContext } from '../queries/run-context.ts';
import type { Workspace } from '../workspace.ts';

export async function serviceVolatilityInputs(ws: Workspace, serviceCode: string, year?: FinancialYear) {
  const context = await readRunContext(ws);
  if (!context.dataset || context.years.length === 0) {
    fail('FP_RUN_NOT_RUN', 'There is no activity run to take the service’s costs from.', {
      hint: 'Run `footprint run` first.',
    });
  }
  const financialYear = year ?? context.years.at(-1)!;
  const costs = await withActivityEngine(ws, (engine) =>
    engine.serviceCostDistribution(context.dataset!, financialYear, 1),
  );
  const cost = costs.find((c) => c.serviceCode.toUpperCase() === serviceCode.toUpperCase());
  if (!cost) {
    fail(
      'FP_VOLATILITY_BAD_ARGUMENT',
      `The service ${serviceCode} has no activity with cost and patients in ${financialYear}.`,
      {
        where: { field: 'service' },
        received: serviceCode,
        accepted: 'a service code with activity in the year',
      },
    );
  }
  const people = await ws.one<{ n: number }>(
    "SELECT CAST(sum(persons) AS DOUBLE) AS n FROM population WHERE area_type = 'icb'",
  );
  return {
    meanCost: cost.meanCost,
    cvCost: Number.isFinite(cost.cvCost) ? cost.cvCost : 0,
    patientsPerPerson: people && people.n > 0 ? cost.patients / people.n : 0,
  };
}
