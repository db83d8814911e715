// `footprint volatility`: the Monte Carlo financial volatility of one service (or one cost distribution) on
// one population, printed with the exact keys of issue 5.

import type { Command } from 'commander';
import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import type { FinancialYear } from '../../core/units.ts';
import { annualSpendVolatility, type CostModel } from '../../core/volatility/index.ts';
import { badVolatilityArgument } from '../../core/volatility/volatility-arguments.ts';
import { serviceVolatilityInputs } from '../../data/delegation/service-volatility-inputs.ts';
import { countText, percentText, poundsText, ratioText } from '../human-format.ts';
import { DATASET_OPTION, geographyOption, yearOption } from '../options.ts';
import { say } from '../output.ts';
import { openCliWorkspace } from '../session.ts';

interface Options {
  service?: string;
  meanCost?: string;
  cvCost?: string;
  patients?: string;
  population?: string;
  year?: FinancialYear;
  miss: string;
  iterations: string;
  seed: string;
  format: string;
  workspace?: string;
  dataset?: string;
}

function number(field: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    badVolatilityArgument(field, `--${field} must be a number.`, text, 'a number');
  }
  return value;
}

export function register(program: Command): void {
  program
    .command('volatility')
    .description('Simulate a year of spend many times: expected spend, its CV and the chance of missing it.')
    .option('--service <code>', 'use the service’s observed cost per patient (and its England rate with --population)')
    .option('--mean-cost <pounds>', 'mean cost per patient (with --cv-cost, instead of --service)')
    .option('--cv-cost <cv>', 'coefficient of variation of the cost per patient')
    .option('--patients <lambda>', 'expected patients a year')
    .option('--population <people>', 'population (with --service: expected patients = England rate × population)')
    .option(...yearOption('financial year of the observed costs (default the latest)'))
    .option('--miss <margin>', 'miss margin m: a year misses when |S − E[S]| > m·E[S]', '0.1')
    .option('--iterations <n>', 'simulated years', '10000')
    .option('--seed <n>', 'seed', '20240401')
    .option('--format <format>', 'json or text', 'json')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option(...DATASET_OPTION)
    .addOption(geographyOption([DEFAULT_VINTAGE]))
    .action(async (opts: Options) => {
      if ((opts.service === undefined) === (opts.meanCost === undefined)) {
        fail('FP_CLI_BAD_OPTION', 'Give either --service or --mean-cost with --cv-cost.', {
          where: { parameter: '--service' },
          accepted: '--service CODE, or --mean-cost X --cv-cost Y',
        });
      }
      if ((opts.patients === undefined) === (opts.population === undefined)) {
        fail('FP_CLI_BAD_OPTION', 'Give either --patients or --population.', {
          where: { parameter: '--patients' },
          accepted: '--patients λ, or --population P (with --service)',
        });
      }
      let cost: CostModel;
      let patients = number('patients', opts.patients);
      const population = number('population', opts.population);
      if (opts.service !== undefined) {
        const ws = await openCliWorkspace(opts.workspace, { readOnly: true, dataset: opts.dataset });
        try {
          const inputs = await serviceVolatilityInputs(ws, opts.service, opts.year);
          cost = { kind: 'lognormal', mean: inputs.meanCost, cv: inputs.cvCost };
          if (population !== undefined) {
            if (!(population > 0))
              badVolatilityArgument('population', 'The population must be above 0.', population, 'above 0');
            patients = inputs.patientsPerPerson * population;
          }
        } finally {
          ws.close();
        }
      } else {
        if (population !== undefined) {
          fail('FP_CLI_BAD_OPTION', '--population needs --service, to know the England rate.', {
            where: { parameter: '--population' },
            accepted: '--patients λ with --mean-cost',
          });
        }
        cost = {
          kind: 'lognormal',
          mean: number('mean-cost', opts.meanCost)!,
          cv: number('cv-cost', opts.cvCost ?? '0')!,
        };
      }
      const result = annualSpendVolatility({
        expectedPatients: patients!,
        cost,
        iterations: number('iterations', opts.iterations)!,
        seed: number('seed', opts.seed)!,
        missMargin: number('miss', opts.miss)!,
      });
      const answer = {
        expectedSpend: result.expectedSpend,
        cvSpend: result.cvSpend,
        analyticCv: result.analyticCv,
        missProbability: result.missProbability,
        iterations: result.iterations,
        seed: result.seed,
      };
      if (opts.format === 'json') say(JSON.stringify(answer));
      else {
        say(`expected spend\t${poundsText(answer.expectedSpend)}`);
        say(`CV of spend (simulated)\t${ratioText(answer.cvSpend)}`);
        say(`CV of spend (analytic)\t${ratioText(answer.analyticCv)}`);
        say(
          `chance of missing by more than ${percentText(number('miss', opts.miss)!, 0)}\t${percentText(answer.missProbability)}`,
        );
        say(`simulated years\t${countText(answer.iterations)}`);
        say(`seed\t${answer.seed}`);
      }
    });
}
