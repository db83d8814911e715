import { describe, expect, it } from 'vitest';
import { FootprintError } from '../../core/errors.ts';
import { formatClickHouseAddress, parseClickHouseAddress } from './clickhouse-address.ts';

function problemOf(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (error instanceof FootprintError) return error.problem;
    throw error;
  }
  throw new Error('expected a FootprintError');
}

describe('parseClickHouseAddress', () => {
  it('reads one HTTP host:port per shard, with the default database and cluster', () => {
    const address = parseClickHouseAddress('clickhouse://ch1.example.nhs.uk:8123,10.0.0.2:8124');
    expect(address).toEqual({
      hosts: [
        { host: 'ch1.example.nhs.uk', port: 8123 },
        { host: '10.0.0.2', port: 8124 },
      ],
      database: 'footprint',
      cluster: 'footprint',
    });
    expect(formatClickHouseAddress(address)).toBe('clickhouse://ch1.example.nhs.uk:8123,10.0.0.2:8124');
  });

  it.each([
    ['postgres://db:5432', 'engine'],
    ['clickhouse://no-port', 'engine'],
    ['clickhouse://host:99999', 'engine'],
    ['clickhouse://host:8123,', 'engine'],
  ])('refuses %s as FP_ENGINE_BAD_ADDRESS', (text, parameter) => {
    expect(problemOf(() => parseClickHouseAddress(text))).toMatchObject({
      code: 'FP_ENGINE_BAD_ADDRESS',
      where: { parameter },
    });
  });

  it('refuses a database or cluster name that is not an identifier, naming the option', () => {
    expect(problemOf(() => parseClickHouseAddress('clickhouse://h:1', 'x; DROP DATABASE y'))).toMatchObject({
      code: 'FP_ENGINE_BAD_ADDRESS',
      where: { parameter: '--database' },
      received: 'x; DROP DATABASE y',
    });
    expect(problemOf(() => parseClickHouseAddress('clickhouse://h:1', 'ok', 'bad-name'))).toMatchObject({
      code: 'FP_ENGINE_BAD_ADDRESS',
      where: { parameter: '--cluster' },
    });
  });
});
