// `footprint atlas`: the atlas of variation for the current dataset (computed and stored first if the
// stored one is missing or older than the latest run): each ICB's crude and standardised rates against
// England, or with --spread the variation across ICBs year by year.
import type { Command } from 'commander';
import { fail } from '../../core/errors.ts';
import { DEFAULT_VINTAGE } from '../../core/geography/vintage.ts';
import type { FinancialYear } from '../../core/units.ts';
import { ATLAS_MEASURES } from '../../core/variation/index.ts';
import { atlasRatesTable, atlasVariationTable } from '../../data/variation/atlas-tables.ts';
import { computeAtlas, ensureAtlas } from '../../data/variation/compute-atlas.ts';
import { readAtlasRates, readAtlasRun, readAtlasVariation } from '../../data/variation/read-atlas.ts';
import { DATASET_OPTION, geographyOption, yearOption } from '../options.ts';
import { say } from '../output.ts';
import { REPORT_FORMATS, type ReportFormat, reportFormat, writeReport } from '../report-output.ts';
import { openCliWorkspace } from '../session.ts';

interface AtlasCliOptions {
  workspace?: string;
  dataset?: string;
  service?: string;
  year?: FinancialYear;
  measure?: string;
  icb?: string;
  outliers?: boolean;
  spread?: boolean;
  recompute?: boolean;
  format: string;
  out?: string;
}

function checkOptions(opts: AtlasCliOptions): ReportFormat {
  const format = reportFormat(opts.format, opts.out, 'atlas.xlsx');
  if (opts.measure !== undefined && !ATLAS_MEASURES.some((m) => m === opts.measure)) {
    fail('FP_CLI_BAD_OPTION', `"${opts.measure}" is not an atlas measure.`, {
      where: { parameter: '--measure' },
      received: opts.measure,
      accepted: ATLAS_MEASURES.join(', '),
    });
  }
  return format;
}

export function register(program: Command): void {
  program
    .command('atlas')
    .description(
      'The atlas of variation: crude and age/sex-standardised rates by ICB against England, or their spread.',
    )
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option(...DATASET_OPTION)
    .addOption(geographyOption([DEFAULT_VINTAGE]))
    .option('--service <code>', 'only this service line code')
    .option(...yearOption('only this financial year, e.g. 2024/25'))
    .option('--measure <measure>', ATLAS_MEASURES.join(' | '))
    .option('--icb <code>', 'only this ICB (2026 ODS code)')
    .option('--outliers', 'only ICBs above or below the 95% or 99.8% funnel limits')
    .option('--spread', 'the variation across ICBs by year (coefficient of variation, quartiles) instead of rates')
    .option('--recompute', 'compute the atlas again even if the stored one is current')
    .option('--format <format>', REPORT_FORMATS.join(' | '), 'csv')
    .option('--out <file>', 'write to this file (needed for xlsx)')
    .action(async (opts: AtlasCliOptions) => {
      const format = checkOptions(opts);
      const ws = await openCliWorkspace(opts.workspace, { dataset: opts.dataset });
      try {
        if (opts.recompute) await computeAtlas(ws);
        const dataset = await ensureAtlas(ws);
        const filter = {
          service: opts.service,
          year: opts.year,
          measure: opts.measure,
          icb: opts.icb?.toUpperCase(),
          outliersOnly: opts.outliers,
        };
        const table = opts.spread
          ? atlasVariationTable(await readAtlasVariation(ws, dataset, filter))
          : atlasRatesTable(await readAtlasRates(ws, dataset, filter));
        const run = await readAtlasRun(ws, dataset);
        await writeReport(format, opts.out, { tables: [table], meta: { atlas: run } });
        if (format === 'xlsx') say(`Wrote ${[...table.rows].length} rows to ${opts.out}`);
      } finally {
        ws.close();
      }
    });
}
