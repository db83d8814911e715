// Provider and service codes named in registers must be ones the reference data knows, so a register
// never points at nothing.
import { listValue } from '@duckdb/node-api';
import { fail } from '../../core/errors.ts';
import type { Workspace } from '../workspace.ts';

async function unknownOf(ws: Workspace, codes: string[], sql: string): Promise<string | undefined> {
  if (codes.length === 0) return undefined;
  const known = new Set((await ws.all<{ code: string }>(sql, [listValue(codes)])).map((r) => r.code));
  return codes.find((c) => !known.has(c));
}

export async function checkProviders(ws: Workspace, codes: readonly string[], parameter: string): Promise<string[]> {
  const wanted = [...new Set(codes.map((c) => c.trim().toUpperCase()))];
  const unknown = await unknownOf(
    ws,
    wanted,
    'SELECT provider_code AS code FROM provider WHERE list_contains($1::VARCHAR[], provider_code)',
  );
  if (unknown) {
    fail('FP_CONTRACT_UNKNOWN_PROVIDER', `${unknown} is not a provider in the reference data.`, {
      where: { parameter },
      received: unknown,
      accepted: 'a provider ODS code such as RJ1',
    });
  }
  return wanted;
}

export async function checkServices(ws: Workspace, codes: readonly string[], parameter: string): Promise<string[]> {
  const wanted = [...new Set(codes.map((c) => c.trim()))];
  const unknown = await unknownOf(
    ws,
    wanted,
    'SELECT DISTINCT service_code AS code FROM service WHERE is_current AND list_contains($1::VARCHAR[], service_code)',
  );
  if (unknown) {
    fail('FP_CONTRACT_UNKNOWN_SERVICE', `${unknown} is not a service line in the services catalogue.`, {
      where: { parameter },
      received: unknown,
      accepted: 'a current service line code such as 13X',
    });
  }
  return wanted;
}
