// `footprint services import|list`: the prescribed specialised services catalogue.

import type { Command } from 'commander';
import { DELEGATION_STATUS_YEARS, describeDelegationStatus } from '../../core/delegation/delegation-status.ts';
import { fail } from '../../core/errors.ts';
import type { GeographyVintage } from '../../core/geography/vintage.ts';
import { SHIPPED_CATALOGUE_WARNING } from '../../core/services/services-table.ts';
import { parseFinancialYear } from '../../core/units.ts';
import { delegationStatuses, icbRegion } from '../../data/delegation/delegation-status.ts';
import { listCurrentServices } from '../../data/queries/services-catalogue.ts';
import { catalogueIsShippedPartial, importServices } from '../../data/reference/import-services.ts';
import { parseListFormat } from '../list-format.ts';
import { geographyOption } from '../options.ts';
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
            `${s.replaced} replaced, ${s.added} added; ${s.currentServices} services now current` +
            (s.areaStatuses ? `; ${s.areaStatuses} delegation statuses by ICB or region kept.` : '.'),
        );
      } finally {
        ws.close();
      }
    });

  services
    .command('list')
    .description(
      'List the current services: code, name, programme of care, highly specialised, delegation; with --icb, who commissions each for that ICB year by year.',
    )
    .option('--icb <code>', "an ICB's ODS code: show each service's arrangement for that ICB")
    .option('--year <year>', 'with --icb, one financial year (e.g. 2024/25); default 2023/24 to 2025/26')
    .addOption(geographyOption())
    .option('--format <format>', 'text or json', 'text')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(
      async (opts: {
        icb?: string;
        year?: string;
        geography: GeographyVintage;
        format: string;
        workspace?: string;
      }) => {
        const format = parseListFormat(opts.format);
        if (opts.year !== undefined && !parseFinancialYear(opts.year)) {
          fail('FP_IMPORT_BAD_YEAR', `The year ${opts.year} is not a financial year.`, {
            where: { field: '--year' },
            received: opts.year,
            accepted: 'e.g. 2024/25',
          });
        }
        if (opts.year !== undefined && opts.icb === undefined) {
          fail('FP_SERVICES_UNKNOWN_ICB', '--year needs --icb: delegation status differs by ICB.', {
            where: { field: '--icb' },
            accepted: 'an ICB ODS code, e.g. QE1',
          });
        }
        const ws = await openCliWorkspace(opts.workspace, { readOnly: true });
        try {
          const rows = await listCurrentServices(ws);
          const partial = await catalogueIsShippedPartial(ws);
          const years = opts.year ? [opts.year] : [...DELEGATION_STATUS_YEARS];
          const statuses = opts.icb
            ? await delegationStatuses(ws, { icbCode: opts.icb, years, vintage: opts.geography, parameter: '--icb' })
            : null;
          if (format === 'json') {
            const withStatus = rows.map((r) => ({
              ...r,
              ...(statuses ? { delegationStatus: statuses.get(r.serviceCode) ?? [] } : {}),
            }));
            say(
              JSON.stringify({ rows: withStatus, ...(partial ? { warning: SHIPPED_CATALOGUE_WARNING } : {}) }, null, 2),
            );
            return;
          }
          if (partial) say(`Warning: the shipped catalogue is partial: ${SHIPPED_CATALOGUE_WARNING}.`);
          if (statuses) {
            const icb = await icbRegion(ws, opts.icb!, opts.geography, '--icb');
            say(`Who commissions each service for ${icb.icbName} (${icb.icbCode}, ${icb.regionName}):`);
            say(['code', 'name', ...years].join('\t'));
            for (const s of rows) {
              const cells = (statuses.get(s.serviceCode) ?? []).map(describeDelegationStatus);
              say([s.serviceCode, s.name, ...cells].join('\t'));
            }
            say(
              `${rows.length} current services ('Not known': the catalogue does not say whether the service is among those delegated)`,
            );
            return;
          }
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
          say(`${rows.length} current services ('?' = not known; --icb CODE shows who commissions each for that ICB)`);
        } finally {
          ws.close();
        }
      },
    );
}
