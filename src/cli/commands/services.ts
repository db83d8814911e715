// `footprint services import|list`: the prescribed specialised services catalogue.
import type { Command } from 'commander';
import { SHIPPED_CATALOGUE_WARNING } from '../../core/services/services-table.ts';
import {
  catalogueIsShippedPartial,
  importServices,
  listCurrentServices,
} from '../../data/reference/import-services.ts';
import { parseListFormat } from '../list-format.ts';
import { say } from '../output.ts';
import { openCliWorkspace } from '../session.ts';

const flag = (value: boolean | null) => (value === null ? '?' : value ? 'Y' : 'N');

export function register(program: Command): void {
  const services = program.command('services').description('Import and list the specialised services catalogue.');

  services
    .command('import')
    .description("Replace or extend the catalogue from NHS England's reference table (CSV or XLSX), keeping history.")
    .argument('<file>', 'CSV or XLSX in the NHS England layout (SERVICE_CODE, …) or the shipped layout (service_id, …)')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (file: string, opts: { workspace?: string }) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        const s = await importServices(ws, file);
        say(
          `Imported ${s.services} services (${s.layout} layout) as catalogue version ${s.catalogueVersion}: ` +
            `${s.replaced} replaced, ${s.added} added; ${s.currentServices} services now current.`,
        );
      } finally {
        ws.close();
      }
    });

  services
    .command('list')
    .description('List the current services: code, name, programme of care, highly specialised, delegation.')
    .option('--format <format>', 'text or json', 'text')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (opts: { format: string; workspace?: string }) => {
      const format = parseListFormat(opts.format);
      const ws = await openCliWorkspace(opts.workspace, { readOnly: true });
      try {
        const rows = await listCurrentServices(ws);
        const partial = await catalogueIsShippedPartial(ws);
        if (format === 'json') {
          say(JSON.stringify({ rows, ...(partial ? { warning: SHIPPED_CATALOGUE_WARNING } : {}) }, null, 2));
          return;
        }
        if (partial) say(`Warning: the shipped catalogue is partial: ${SHIPPED_CATALOGUE_WARNING}.`);
        say('code\tname\tprogramme\thighly specialised\tdelegated 2023/24\t2024/25\t2025/26');
        for (const s of rows) {
          say(
            [
              s.serviceCode,
              s.name,
              s.programmeOfCare ?? '?',
              flag(s.highlySpecialised),
              flag(s.delegated2023),
              flag(s.delegated2024),
              flag(s.delegated2025),
            ].join('\t'),
          );
        }
        say(`${rows.length} current services ('?' = not known)`);
      } finally {
        ws.close();
      }
    });
}
