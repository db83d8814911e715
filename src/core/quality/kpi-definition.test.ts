import { describe, expect, it } from 'vitest';
import { readKpiDefinitions, readKpiValues, readPeriod } from './kpi-definition.ts';

const RULES = ['standard', 'strict'];

describe('KPI definitions and values from a file', () => {
  it('reads a definition, upper-casing codes and defaulting the rule set to standard', () => {
    const { value, issues } = readKpiDefinitions(
      [
        {
          kpi_id: 'RTT-RJ7',
          name: 'RTT',
          service_code: '13X',
          provider_code: 'rj7',
          unit: '%',
          direction: 'Increase',
          target: '92',
        },
      ],
      'k.csv',
      RULES,
    );
    expect(issues).toEqual([]);
    expect(value[0]).toMatchObject({
      providerCode: 'RJ7',
      icbCode: null,
      direction: 'increase',
      target: 92,
      escalationRule: 'standard',
    });
  });

  it('names the row and field of every problem in a definitions file', () => {
    const { value, issues } = readKpiDefinitions(
      [
        {
          kpi_id: 'A',
          name: '',
          service_code: '13X',
          provider_code: 'RJ7',
          icb_code: 'QWE',
          unit: '%',
          direction: 'up',
          target: 'lots',
          escalation_rule: 'lenient',
        },
        { kpi_id: 'A', name: 'x', service_code: '13X', provider_code: 'RJ7', unit: '%', direction: 'decrease' },
        { kpi_id: 'A', name: 'x', service_code: '13X', provider_code: 'RJ7', unit: '%', direction: 'decrease' },
      ],
      'k.csv',
      RULES,
    );
    // Row 1's id counts as taken even though the row is rejected, so rows 2 and 3 repeat it.
    expect(value).toHaveLength(0);
    expect(issues.map((i) => `${i.where?.row}:${i.where?.field}`)).toEqual([
      '1:name',
      '1:icb_code',
      '1:direction',
      '1:target',
      '1:escalation_rule',
      '2:kpi_id',
      '3:kpi_id',
    ]);
    expect(issues[0]).toMatchObject({ code: 'FP_KPI_REJECTED', where: { file: 'k.csv' } });
  });

  it('names bad values: a month that is not one, a non-number, a month given twice', () => {
    const { value, issues } = readKpiValues(
      [
        { kpi_id: 'A', period: '2025-04', value: '91.5' },
        { kpi_id: 'A', period: '2025-13', value: '90' },
        { kpi_id: 'A', period: '2025-05-01', value: 'n/a' },
        { kpi_id: 'A', period: '2025-04-01', value: '93' },
      ],
      'v.csv',
    );
    expect(value).toEqual([{ kpiId: 'A', period: '2025-04-01', value: 91.5 }]);
    expect(issues.map((i) => `${i.where?.row}:${i.where?.field}:${i.received}`)).toEqual([
      '2:period:2025-13',
      '3:value:n/a',
      '4:period:2025-04',
    ]);
  });

  it('reads a period as the first of its month', () => {
    expect(readPeriod('2025-04')).toBe('2025-04-01');
    expect(readPeriod('2025-04-15')).toBeNull();
    expect(readPeriod('April 2025')).toBeNull();
  });
});
