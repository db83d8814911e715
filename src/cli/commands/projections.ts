// `footprint projections import FILE`: ONS subnational population projections, for scenarios whose
// demographic growth is "projections". All or nothing; an import replaces the projections held.
import type { Command } from 'commander';
import { importProjections } from '../../data/projections/import-projections.ts';
import { say } from '../output.ts';
import { openCliWorkspace } from '../session.ts';

export function register(program: Command): void {
  const projections = program
    .command('projections')
    .description('Population projections for demographic growth in plans.');
  projections
    .command('import')
    .description(
      'Import ONS subnational population projections (CSV: AREA_CODE, AREA_NAME, COMPONENT, SEX, AGE_GROUP, then one column per mid-year) for local authorities, ICBs or sub-ICBs; local authorities are shared among ICBs by their GP practices’ registered patients. All or nothing; replaces earlier projections.',
    )
    .argument('<file>', 'a .csv file in the ONS SNPP layout')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (file: string, opts: { workspace?: string }) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        const result = await importProjections(ws, file);
        say(
          `Imported population projections from ${result.file}: ${result.rowsRead} rows (${result.rowsLeftOut} left out: other components, persons, all ages, counties, regions, England) at ${result.areaLevel} level, for ${result.icbs} ICBs, mid-${result.firstYear} to mid-${result.lastYear}.`,
        );
      } finally {
        ws.close();
      }
    });
}
