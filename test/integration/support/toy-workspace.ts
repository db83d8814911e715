// A small workspace for tests that need geography, providers and services but not the real reference
// loader. Every code is a real ODS/ONS code so that fixtures read like real extracts:
//
//   residence_map  36L (South West London sub-ICB, ODS)   → QWE in both vintages
//                  E38000245 (the same sub-ICB, ONS)      → QWE
//                  72Q (South East London sub-ICB, ODS)   → QKK
//                  QKK (South East London ICB, ODS)       → QKK
//                  E54000042 (Hampshire & IoW ICB, ONS, 2023 vintage; 2026 has E54000067) → QRL
//   provider       RJ1 Guy's and St Thomas', RJZ King's College, RJ7 St George's — host ICBs QKK, QKK, QWE
//   service        '13X' (Adult critical care) and '18A' (Neonatal critical care), current;
//                  '99Z' in an old catalogue version only (is_current false), so imports must reject it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../../../src/data/workspace.ts';

export const TOY_RESIDENCES = ['36L', 'E38000245', '72Q', 'QKK', 'E54000042'] as const;
export const TOY_PROVIDERS = ['RJ1', 'RJZ', 'RJ7'] as const;
export const TOY_SERVICES = ['13X', '18A'] as const;
/** A service code that exists only in a superseded catalogue version. */
export const TOY_RETIRED_SERVICE = '99Z';

/** Inserts the toy geography, providers and services into an open workspace. */
export async function insertToyReference(ws: Workspace): Promise<void> {
  await ws.run(`
    INSERT INTO residence_map VALUES
      ('36L', 'sub-icb', '2026', 'QWE', 'QWE', 'same-code'),
      ('E38000245', 'sub-icb', '2026', 'QWE', 'QWE', 'same-code'),
      ('72Q', 'sub-icb', '2026', 'QKK', 'QKK', 'same-code'),
      ('QKK', 'icb', '2026', 'QKK', 'QKK', 'same-code'),
      ('E54000042', 'icb', '2023', 'QRL', 'QRL', 'same-code');
    INSERT INTO provider (provider_code, name, kind, host_icb, host_icb_2023, location_method) VALUES
      ('RJ1', 'Guy''s and St Thomas'' NHS Foundation Trust', 'nhs-trust', 'QKK', 'QKK', 'toy'),
      ('RJZ', 'King''s College Hospital NHS Foundation Trust', 'nhs-trust', 'QKK', 'QKK', 'toy'),
      ('RJ7', 'St George''s University Hospitals NHS Foundation Trust', 'nhs-trust', 'QWE', 'QWE', 'toy');
    INSERT INTO service (service_code, catalogue_version, name, source, is_current) VALUES
      ('99Z', 1, 'Retired toy service', 'toy', false),
      ('13X', 2, 'Adult critical care', 'toy', true),
      ('18A', 2, 'Neonatal critical care', 'toy', true);
  `);
}

/** Creates a fresh workspace in a new temporary folder with the toy reference data. The caller closes
 * it (`ws.close()`); the folder is left for the OS to clean. */
export async function createToyWorkspace(): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), 'footprint-toy-'));
  const ws = await openWorkspace(dir, { create: true });
  await insertToyReference(ws);
  return ws;
}
