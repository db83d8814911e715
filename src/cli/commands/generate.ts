// `footprint generate`: writes synthetic national activity in the import schema, and with
// --calibration-report compares the flow model with the real RTT provider × commissioner flows.
import type { Command } from 'commander';
import { fail } from '../../core/errors.ts';
import { checkGenerationOptions } from '../../core/generate/generate-options.ts';
import { calibrateFlows, type FlowCalibrationReport } from '../../data/generate/calibrate-flows.ts';
import { generateActivity } from '../../data/generate/generate-activity.ts';
import { say, startProgress } from '../output.ts';
import { openCliWorkspace } from '../session.ts';

interface GenerateOptions {
  rows?: string;
  seed: string;
  out?: string;
  years?: string[];
  workspace?: string;
  calibrationReport?: boolean;
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
    .action(async (opts: GenerateOptions) => {
      const generating = opts.rows !== undefined || opts.out !== undefined || !opts.calibrationReport;
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
            `Wrote ${result.rows.toLocaleString('en-GB')} rows to ${result.file} (total cost £${result.totalCost}) in ${seconds.toFixed(1)} s`,
          );
        }
        if (opts.calibrationReport) printCalibration(await calibrateFlows(ws));
      } finally {
        ws.close();
      }
    });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function printCalibration(report: FlowCalibrationReport): void {
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
  const g = report.generator;
  say(
    `Generator flows (β = ${g.exponent}; ${g.services} services with treatment functions ${g.treatmentFunctions.join(' ')}) vs real Part_1A in those functions`,
  );
  say(
    `  out-of-ICB share per ICB: correlation ${g.outOfAreaCorrelation.toFixed(3)}, mean absolute difference ${pct(g.outOfAreaMeanAbsoluteDifference)}`,
  );
  say(
    `  national out-of-ICB share: real ${pct(g.nationalOutOfArea.real)}, generator ${pct(g.nationalOutOfArea.synthetic)}`,
  );
  say(`  provider market share correlation ${g.providerShareCorrelation.toFixed(3)}`);
  say('ICB     real  elective-model  generator');
  for (const r of e.byIcb) {
    const gen = g.byIcb.find((x) => x.icb === r.icb);
    say(
      `${r.icb.padEnd(6)} ${pct(r.real).padStart(6)} ${pct(r.synthetic).padStart(15)} ${gen ? pct(gen.synthetic).padStart(10) : ''}`,
    );
  }
}
