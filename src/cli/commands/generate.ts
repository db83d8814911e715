// `footprint generate`: writes synthetic national activity in the import schema, and with
// --calibration-report compares the flow model with the real RTT provider × commissioner flows.
import type { Command } from 'commander';
import { fail } from '../../core/errors.ts';
import { checkGenerationOptions } from '../../core/generate/generate-options.ts';
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import {
  calibrateFlows,
  type FlowCalibrationReport,
  type GeneratorFlowFit,
  generatorFlowFit,
} from '../../data/generate/calibrate-flows.ts';
import { generateActivity } from '../../data/generate/generate-activity.ts';
import { readIcbNames } from '../../data/reference/icbs.ts';
import { poundsText } from '../human-format.ts';
import { say, startProgress } from '../output.ts';
import { openCliWorkspace } from '../session.ts';

interface GenerateOptions {
  rows?: string;
  seed: string;
  out?: string;
  years?: string[];
  workspace?: string;
  calibrationReport?: boolean;
  flowFit?: boolean;
}

/** A whole number from an option's text; anything else is FP_GENERATE_BAD_OPTION naming the option. */
function wholeNumber(text: string, option: string): number {
  const value = /^-?\d[\d_]*$/.test(text.trim()) ? Number(text.replace(/_/g, '')) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    fail('FP_GENERATE_BAD_OPTION', `${option} must be a whole number.`, {
      where: { parameter: option },
      received: text,
      accepted: 'a whole number',
    });
  }
  return value;
}

export function register(program: Command): void {
  program
    .command('generate')
    .description('Write synthetic national activity (CSV or Parquet) in the import schema.')
    .option('--rows <n>', 'number of rows (aggregate cells) to write')
    .option('--seed <s>', 'seed: the same seed and reference data give a byte-identical file', '1')
    .option('--out <file>', 'output file ending in .csv or .parquet')
    .option('--years <years...>', 'financial years (default 2023/24 2024/25 2025/26)')
    .option('--workspace <dir>', 'workspace with the reference data (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option('--calibration-report', 'compare the flow model with real RTT provider × commissioner flows')
    .option('--flow-fit', "just the generator's in-ICB shares against the benchmark RTT flows (quick)")
    .action(async (opts: GenerateOptions) => {
      const reporting = opts.calibrationReport || opts.flowFit;
      const generating = opts.rows !== undefined || opts.out !== undefined || !reporting;
      const plan = generating
        ? {
            rows: wholeNumber(opts.rows ?? '', '--rows'),
            seed: wholeNumber(opts.seed, '--seed'),
            out: opts.out ?? '',
            ...(opts.years ? { years: opts.years } : {}),
          }
        : null;
      if (plan) checkGenerationOptions(plan, '--');
      const ws = await openCliWorkspace(opts.workspace, { readOnly: true });
      try {
        if (plan) {
          const progress = startProgress('generate', plan.rows);
          const started = performance.now();
          const result = await generateActivity(ws, { ...plan, onProgress: (done) => progress.update(done) });
          progress.stop();
          const seconds = (performance.now() - started) / 1000;
          say(
            `Wrote ${result.rows.toLocaleString('en-GB')} rows to ${result.file} (total cost ${poundsText(result.totalCost)}) in ${seconds.toFixed(1)} s`,
          );
        }
        const icbNames = new Map((await readIcbNames(ws, DEFAULT_VINTAGE)).map((r) => [r.code, r.name]));
        if (opts.calibrationReport) printCalibration(await calibrateFlows(ws), icbNames);
        else if (opts.flowFit) printGeneratorFit(await generatorFlowFit(ws), icbNames);
      } finally {
        ws.close();
      }
    });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function printCalibration(report: FlowCalibrationReport, icbNames: ReadonlyMap<string, string>): void {
  const p = report.pathways;
  say(`Flow calibration against ${report.source}`);
  say(
    `  pathways ${p.total}: compared ${p.compared}; NHS England commissioning hubs ${p.commissioningHubs}; other unmapped commissioners ${p.unmappedCommissioners}; providers without location ${p.unlocatedProviders}`,
  );
  const e = report.electiveModel;
  say(`Elective gravity model, fitted: β = ${e.exponent}, d0 = ${e.offsetKm} km`);
  say(
    `  out-of-ICB share per ICB: correlation ${e.outOfAreaCorrelation.toFixed(3)}, mean absolute difference ${pct(e.outOfAreaMeanAbsoluteDifference)}`,
  );
  say(
    `  national out-of-ICB share: real ${pct(e.nationalOutOfArea.real)}, model ${pct(e.nationalOutOfArea.synthetic)}`,
  );
  say(`  provider market share correlation ${e.providerShareCorrelation.toFixed(3)}`);
  printGeneratorFit(report.generator, icbNames, false);
  say('In-ICB shares: real (all treatment functions), elective model, generator (benchmark in --flow-fit)');
  say('ICB                                             real  elective-model  generator');
  for (const r of e.byIcb) {
    const gen = report.generator.byIcb.find((x) => x.icb === r.icb);
    say(
      `${(icbNames.get(r.icb) ?? r.icb).slice(0, 45).padEnd(45)} ${pct(1 - r.real).padStart(6)} ${pct(1 - r.synthetic).padStart(15)} ${gen ? pct(1 - gen.synthetic).padStart(10) : ''}`,
    );
  }
}

function printGeneratorFit(g: GeneratorFlowFit, icbNames: ReadonlyMap<string, string>, withTable = true): void {
  say(
    `Generator: share of residents' specialised spend treated inside their ICB (${g.services} services; real flows weight ${g.realFlowWeight}, gravity β = ${g.exponent}) vs real RTT Part_1A pathways in ${g.treatmentFunctions.join(' ')}`,
  );
  say(
    `  in-ICB share per ICB: correlation ${g.inIcbCorrelation.toFixed(3)} across ${g.byIcb.length} ICBs, mean absolute difference ${pct(g.outOfAreaMeanAbsoluteDifference)}`,
  );
  say(`  national in-ICB share: real ${pct(g.nationalInIcb.real)}, generator ${pct(g.nationalInIcb.synthetic)}`);
  say(`  provider market share correlation ${g.providerShareCorrelation.toFixed(3)}`);
  const per = g.providersPerService;
  const q = (f: number) => per[Math.min(per.length - 1, Math.floor(f * per.length))]!;
  say(
    `  providers with activity ${g.providersWithActivity}; providers per service: min ${per[0]}, quartiles ${q(0.25)} / ${q(0.5)} / ${q(0.75)}, max ${per.at(-1)}`,
  );
  if (withTable) {
    say('  ICB                                             real  generator');
    for (const r of g.byIcb) {
      say(
        `  ${(icbNames.get(r.icb) ?? r.icb).slice(0, 45).padEnd(45)} ${pct(1 - r.real).padStart(6)} ${pct(1 - r.synthetic).padStart(10)}`,
      );
    }
  }
}
