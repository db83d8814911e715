// ClickHouse failures as problems a user can act on: each names the engine and the host, and says whether the
// cluster could not be reached, refused the credentials, lacks a table, or failed while answering.
import { ClickHouseError } from '@clickhouse/client';
import { FootprintError } from '../../core/errors.ts';

// Error codes from ClickHouse's ErrorCodes.cpp that mean something to a user.
const AUTH_CODES = new Set(['192', '193', '194', '516']);
const MISSING_CODES = new Set(['60', '81']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN']);

/** Turns a client or server failure into a FootprintError naming the engine and the host. */
export function engineError(error: unknown, host: string): FootprintError {
  if (error instanceof FootprintError) return error;
  const where = { parameter: 'engine' };
  const received = `clickhouse at ${host}`;
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split('\n')[0]?.replace(/, e\.what\(\) = DB::Exception$/, '') ?? text;
  const networkCode = (error as { code?: unknown }).code;
  // 18.16 words its errors 'Code: 193, e.displayText() = …', which newer clients do not parse into a
  // ClickHouseError; the code is read from the text.
  const serverCode = /Code: (\d+)/.exec(text)?.[1] ?? (error instanceof ClickHouseError ? error.code : undefined);
  if (serverCode !== undefined) {
    if (AUTH_CODES.has(serverCode)) {
      return new FootprintError({
        code: 'FP_ENGINE_AUTH_FAILED',
        message: `The clickhouse engine at ${host} refused the credentials: ${firstLine}`,
        where,
        received,
        hint: 'Set CLICKHOUSE_USER and CLICKHOUSE_PASSWORD in the environment; they are never stored.',
      });
    }
    if (MISSING_CODES.has(serverCode)) {
      return new FootprintError({
        code: 'FP_ENGINE_MISSING_TABLE',
        message: `The clickhouse engine at ${host} lacks a table Footprint needs: ${firstLine}`,
        where,
        received,
        hint: 'Run `footprint engine set` again to create the tables, then import the activity.',
      });
    }
    return new FootprintError({
      code: 'FP_ENGINE_QUERY_FAILED',
      message: `The clickhouse engine at ${host} failed: ${firstLine}`,
      where,
      received,
      hint: 'Check that every shard of the cluster is running; nothing was changed in the workspace.',
    });
  }
  if ((typeof networkCode === 'string' && NETWORK_CODES.has(networkCode)) || /timeout|socket hang up/i.test(text)) {
    return new FootprintError({
      code: 'FP_ENGINE_UNREACHABLE',
      message: `The clickhouse engine at ${host} cannot be reached (${typeof networkCode === 'string' ? networkCode : firstLine}).`,
      where,
      received,
      hint: 'Check the host and HTTP port, and that clickhouse-server is running; nothing was changed.',
    });
  }
  return new FootprintError({
    code: 'FP_ENGINE_QUERY_FAILED',
    message: `The clickhouse engine at ${host} failed: ${firstLine}`,
    where,
    received,
  });
}
