// The clinical networks register: each network's type, host, footprint (ICBs, 2026), the services it
// supports and its member providers. Shipped networks (migration 006) carry their source; users add the
// rest. A definition is checked whole — type, every ICB, service and provider — before anything is stored.

import { listValue } from '@duckdb/node-api';
import { fail } from '../../core/errors.ts';
import { providerLabel } from '../../core/names/organisation-name.ts';
import type { ClinicalNetwork, NetworkFlow, NetworkMembers } from '../../core/networks/network-answers.ts';
import { NETWORK_TYPES } from '../../core/networks/network-types.ts';
import type { NetworkDefinition } from '../../core/networks/shipped-networks.ts';
import type { FinancialYear } from '../../core/units.ts';
import { type AuditActor, recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.ts';
import { icbNameSql } from '../queries/icb-name.ts';
import type { Workspace } from '../workspace.ts';

const NETWORK_NAME = /^[A-Za-z0-9&(),/'\- ]{1,100}$/;

const split = (text: string | null): string[] => (text ? text.split(' ') : []);

export async function listNetworks(ws: Workspace, name?: string): Promise<ClinicalNetwork[]> {
  const rows = await ws.all<
    Omit<ClinicalNetwork, 'icbs' | 'services' | 'providers'> & Record<'icbs' | 'services' | 'providers', string | null>
  >(
    `SELECT n.name, n.network_type AS type, t.name AS "typeName", t.category, n.host, n.description, n.shipped,
            n.source, n.owner_organisation AS owner,
            (SELECT string_agg(icb_code, ' ' ORDER BY icb_code) FROM clinical_network_icb WHERE network_name = n.name) AS icbs,
            (SELECT string_agg(service_code, ' ' ORDER BY service_code) FROM clinical_network_service WHERE network_name = n.name) AS services,
            (SELECT string_agg(provider_code, ' ' ORDER BY provider_code) FROM clinical_network_provider WHERE network_name = n.name) AS providers
     FROM clinical_network n JOIN network_type t ON t.code = n.network_type
     WHERE $1::VARCHAR IS NULL OR lower(n.name) = lower($1)
     ORDER BY CASE t.category WHEN 'nationally-mandated-specialised' THEN 1 ELSE 2 END, n.name`,
    [name?.trim() ?? null],
  );
  return rows.map((r) => ({ ...r, icbs: split(r.icbs), services: split(r.services), providers: split(r.providers) }));
}

export async function findNetwork(ws: Workspace, name: string): Promise<ClinicalNetwork> {
  const [found] = await listNetworks(ws, name);
  if (!found) {
    fail('FP_NETWORK_NOT_FOUND', `There is no clinical network called "${name}".`, {
      where: { parameter: 'name' },
      received: name,
      hint: 'See the networks register for the names there are.',
    });
  }
  return found;
}

const upperSet = (codes: readonly string[]) => [...new Set(codes.map((c) => c.trim().toUpperCase()).filter(Boolean))];

async function unknownOf(ws: Workspace, codes: string[], knownSql: string): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = new Set((await ws.all<{ code: string }>(knownSql, [listValue(codes)])).map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}

/** The definition with codes normalised, or a FootprintError naming every unknown code of the first kind
 * found wrong. */
export async function checkNetwork(ws: Workspace, definition: NetworkDefinition): Promise<NetworkDefinition> {
  const name = definition.name.trim();
  if (!NETWORK_NAME.test(name)) {
    fail('FP_NETWORK_BAD_NAME', `"${definition.name}" is not a usable network name.`, {
      where: { parameter: 'name' },
      received: definition.name,
      accepted: "1–100 letters, digits, spaces or - & ( ) , / ', e.g. 'South London Cardiac ODN'",
    });
  }
  if (!NETWORK_TYPES.some((t) => t.code === definition.type)) {
    fail('FP_NETWORK_UNKNOWN_TYPE', `"${definition.type}" is not a clinical network type.`, {
      where: { parameter: 'type' },
      received: definition.type,
      accepted: NETWORK_TYPES.map((t) => t.code).join(', '),
    });
  }
  const icbs = upperSet(definition.icbs);
  if (icbs.length === 0) {
    fail('FP_NETWORK_UNKNOWN_ICB', `The network "${name}" needs at least one ICB in its footprint.`, {
      where: { parameter: 'icbs' },
      received: '(none)',
      accepted: 'one or more 2026 ICB ODS codes, e.g. QWE QKK',
    });
  }
  const badIcbs = await unknownOf(
    ws,
    icbs,
    "SELECT icb_code AS code FROM icb WHERE vintage = '2026' AND list_contains($1::VARCHAR[], icb_code)",
  );
  if (badIcbs.length > 0) {
    fail(
      'FP_NETWORK_UNKNOWN_ICB',
      `The footprint of "${name}" names ICB code(s) not in the 2026 geography: ${badIcbs.join(', ')}.`,
      {
        where: { parameter: 'icbs' },
        received: badIcbs.join(', '),
        accepted: 'the 36 ICB ODS codes of April 2026 (see `footprint report reference`)',
      },
    );
  }
  const services = [...new Set(definition.services.map((s) => s.trim()).filter(Boolean))];
  const badServices = await unknownOf(
    ws,
    services,
    'SELECT DISTINCT service_code AS code FROM service WHERE is_current AND list_contains($1::VARCHAR[], service_code)',
  );
  if (badServices.length > 0) {
    fail(
      'FP_NETWORK_UNKNOWN_SERVICE',
      `"${name}" names service code(s) not in the current catalogue: ${badServices.join(', ')}.`,
      {
        where: { parameter: 'services' },
        received: badServices.join(', '),
        accepted: 'service codes of the current services catalogue (see `footprint services list`)',
      },
    );
  }
  const providers = upperSet(definition.providers);
  const badProviders = await unknownOf(
    ws,
    providers,
    'SELECT provider_code AS code FROM provider WHERE list_contains($1::VARCHAR[], provider_code)',
  );
  if (badProviders.length > 0) {
    fail(
      'FP_NETWORK_UNKNOWN_PROVIDER',
      `"${name}" names provider code(s) not in the reference data: ${badProviders.join(', ')}.`,
      {
        where: { parameter: 'providers' },
        received: badProviders.join(', '),
        accepted: 'ODS codes of NHS trusts or independent-sector providers in the reference data',
      },
    );
  }
  return { ...definition, name, icbs, services, providers, host: definition.host?.trim() || null };
}

export async function addNetwork(
  ws: Workspace,
  definition: NetworkDefinition,
  change: { owner: string; by?: AuditActor },
): Promise<ClinicalNetwork> {
  const checked = await checkNetwork(ws, definition);
  const by = change.by ?? SYSTEM_ACTOR;
  await ws.transaction(async () => {
    const taken = await ws.one('SELECT 1 AS taken FROM clinical_network WHERE lower(name) = lower($1)', [checked.name]);
    if (taken) {
      fail('FP_NETWORK_EXISTS', `A clinical network called "${checked.name}" already exists.`, {
        where: { parameter: 'name' },
        received: checked.name,
      });
    }
    await ws.run(`INSERT INTO clinical_network VALUES ($1, $2, $3, $4, false, $5, $6, now(), $7)`, [
      checked.name,
      checked.type,
      checked.host,
      checked.description ?? null,
      `user: ${by.actor}`,
      change.owner,
      by.actor,
    ]);
    for (const icb of checked.icbs)
      await ws.run('INSERT INTO clinical_network_icb VALUES ($1, $2)', [checked.name, icb]);
    for (const s of checked.services)
      await ws.run('INSERT INTO clinical_network_service VALUES ($1, $2)', [checked.name, s]);
    for (const p of checked.providers)
      await ws.run('INSERT INTO clinical_network_provider VALUES ($1, $2)', [checked.name, p]);
    await recordAudit(ws, {
      ...by,
      objectType: 'clinical-network',
      objectId: checked.name,
      action: 'create',
      before: null,
      after: { ...checked, owner: change.owner },
    });
  });
  return findNetwork(ws, checked.name);
}

export async function removeNetwork(ws: Workspace, name: string, by: AuditActor = SYSTEM_ACTOR): Promise<void> {
  const found = await findNetwork(ws, name);
  if (found.shipped) {
    fail('FP_NETWORK_SHIPPED', `"${found.name}" is shipped with Footprint (${found.source}); it cannot be removed.`, {
      where: { parameter: 'name' },
      received: name,
      accepted: 'the name of a network a user added',
    });
  }
  await ws.transaction(async () => {
    for (const table of ['clinical_network_icb', 'clinical_network_service', 'clinical_network_provider']) {
      await ws.run(`DELETE FROM ${table} WHERE network_name = $1`, [found.name]);
    }
    await ws.run('DELETE FROM clinical_network WHERE name = $1', [found.name]);
    await recordAudit(ws, {
      ...by,
      objectType: 'clinical-network',
      objectId: found.name,
      action: 'delete',
      before: found,
      after: null,
    });
  });
}

/** The network's services (current catalogue names) and member providers (named, with the code), in its order;
 * a code the reference data does not hold keeps the code as its name. */
export async function networkMembers(ws: Workspace, network: ClinicalNetwork): Promise<NetworkMembers> {
  // An empty list has no type DuckDB can bind, so a network with no members asks nothing.
  const names = async (sql: string, codes: string[]) =>
    new Map(
      codes.length === 0
        ? []
        : (await ws.all<{ code: string; name: string }>(sql, [listValue(codes)])).map((r) => [r.code, r.name]),
    );
  const services = await names(
    'SELECT service_code AS code, name FROM service WHERE is_current AND list_contains($1::VARCHAR[], service_code)',
    network.services,
  );
  const providers = await names(
    'SELECT provider_code AS code, name FROM provider WHERE list_contains($1::VARCHAR[], provider_code)',
    network.providers,
  );
  return {
    services: network.services.map((code) => ({ code, name: services.get(code) ?? code })),
    providers: network.providers.map((code) => ({ code, label: providerLabel(providers.get(code), code) })),
  };
}

/** The stored population-basis flows at the network's member providers (only its services when it lists
 * any), by provider and resident ICB, largest first. */
export async function networkFlows(
  ws: Workspace,
  network: ClinicalNetwork,
  run: { dataset: string; financialYear: FinancialYear },
): Promise<NetworkFlow[]> {
  if (network.providers.length === 0) return [];
  return ws.all<NetworkFlow>(
    `SELECT f.provider_code AS "providerCode", coalesce(p.name, f.provider_code) AS "providerName",
            f.provider_icb AS "providerIcb", ${icbNameSql('pi.name', 'f.provider_icb')} AS "providerIcbName",
            f.resident_icb AS "residentIcb", ${icbNameSql('ri.name', 'f.resident_icb')} AS "residentIcbName",
            CAST(sum(f.activity) AS DOUBLE) AS activity, CAST(sum(f.spend) AS DOUBLE) AS spend
     FROM flow f LEFT JOIN provider p ON p.provider_code = f.provider_code
       LEFT JOIN icb pi ON pi.vintage = f.vintage AND pi.icb_code = f.provider_icb
       LEFT JOIN icb ri ON ri.vintage = f.vintage AND ri.icb_code = f.resident_icb
     WHERE f.dataset = $1 AND f.vintage = '2026' AND f.financial_year = $2
       AND list_contains($3::VARCHAR[], f.provider_code)
       ${network.services.length > 0 ? 'AND list_contains($4::VARCHAR[], f.service_code)' : ''}
     GROUP BY ALL ORDER BY spend DESC, "providerCode", "residentIcb"`,
    [
      run.dataset,
      run.financialYear,
      listValue(network.providers),
      ...(network.services.length > 0 ? [listValue(network.services)] : []),
    ],
  );
}
