import { describe, expect, it } from 'vitest';
import { parseAreaDelegationColumns } from '../services/delegation-area-columns.ts';
import { parseFinancialYear } from '../units.ts';
import {
  type DelegationWave,
  describeDelegationStatus,
  membershipFromFlags,
  parseArrangement,
  resolveDelegationStatus,
} from './delegation-status.ts';

const wave = (
  fromYear: string,
  regionCode: string,
  serviceSet: '59' | '70',
  arrangement: DelegationWave['arrangement'],
) => ({
  fromYear: parseFinancialYear(fromYear)!,
  regionCode,
  serviceSet,
  arrangement,
  boardDecision: 'board',
  sourceUrl: `https://example.org/${fromYear}`,
});
// Two regions are enough to show the 2024/25 split: Y62 delegated, Y56 one more year of joint committee.
const WAVES = [
  wave('2023/24', 'Y62', '59', 'joint-committee'),
  wave('2023/24', 'Y56', '59', 'joint-committee'),
  wave('2024/25', 'Y62', '59', 'delegated'),
  wave('2024/25', 'Y56', '59', 'joint-committee'),
  wave('2025/26', 'Y62', '70', 'delegated'),
  wave('2025/26', 'Y56', '70', 'delegated'),
];
const COMMITTEES = [
  { regionCode: 'Y56', icbCode: null, name: 'London JC', sourceUrl: 'u' },
  { regionCode: 'Y62', icbCode: 'QE1', name: 'Lancashire JC', sourceUrl: 'u' },
  { regionCode: 'Y62', icbCode: null, name: 'North West JC', sourceUrl: 'u' },
];
const status = (financialYear: string, regionCode: string, icbCode: string, flags: [boolean | null, boolean | null]) =>
  resolveDelegationStatus({
    financialYear,
    icbCode,
    regionCode,
    membership: membershipFromFlags(...flags),
    waves: WAVES,
    committees: COMMITTEES,
  });

describe('delegation status by service × ICB × year', () => {
  it('one of the 59: joint committee, then delegated in the North West a year before London', () => {
    expect(status('2024/25', 'Y62', 'QYG', [true, true]).arrangement).toBe('delegated');
    expect(status('2024/25', 'Y56', 'QMJ', [true, true])).toMatchObject({
      arrangement: 'joint-committee',
      jointCommittee: 'London JC',
      basis: 'waves',
      source: 'https://example.org/2024/25',
    });
    expect(status('2029/30', 'Y56', 'QMJ', [true, true]).arrangement).toBe('delegated');
    expect(status('2022/23', 'Y56', 'QMJ', [true, true]).arrangement).toBe('retained-nationally');
  });

  it('names the ICB’s own committee before its region’s', () => {
    expect(status('2023/24', 'Y62', 'QE1', [true, null]).jointCommittee).toBe('Lancashire JC');
    expect(status('2023/24', 'Y62', 'QYG', [true, null]).jointCommittee).toBe('North West JC');
  });

  it('one of the 11 added in 2025: retained nationally, then delegated', () => {
    expect(status('2024/25', 'Y62', 'QYG', [false, true]).arrangement).toBe('retained-nationally');
    expect(status('2025/26', 'Y62', 'QYG', [false, true]).arrangement).toBe('delegated');
  });

  it('says "not known" where the catalogue does not say, never "retained"', () => {
    expect(status('2025/26', 'Y56', 'QMJ', [false, null])).toMatchObject({
      arrangement: 'unknown',
      basis: 'not-known',
    });
    expect(status('2023/24', 'Y56', 'QMJ', [null, null]).arrangement).toBe('unknown');
    // Not in the 70 means not in the 59 either.
    expect(status('2023/24', 'Y56', 'QMJ', [null, false]).arrangement).toBe('retained-nationally');
  });

  it('with no waves loaded (reference data older than migration 12) every status is not known', () => {
    const s = resolveDelegationStatus({
      financialYear: '2024/25',
      icbCode: 'QMJ',
      regionCode: 'Y56',
      membership: membershipFromFlags(true, true),
      waves: [],
      committees: [],
    });
    expect(s).toMatchObject({ arrangement: 'unknown', basis: 'not-known', label: 'Not known' });
  });

  it('an imported status wins over the waves', () => {
    const s = resolveDelegationStatus({
      financialYear: '2024/25',
      icbCode: 'QMJ',
      regionCode: 'Y56',
      membership: membershipFromFlags(true, true),
      waves: WAVES,
      committees: COMMITTEES,
      imported: { arrangement: 'delegated', jointCommittee: null, source: 'table.xlsx' },
    });
    expect(s).toMatchObject({ arrangement: 'delegated', basis: 'imported', source: 'table.xlsx' });
  });

  it('reads the words NHS England tables use', () => {
    expect(parseArrangement('Delegated to ICB')).toBe('delegated');
    expect(parseArrangement('Jointly commissioned')).toBe('joint-committee');
    expect(parseArrangement('Retained by NHS England')).toBe('retained-nationally');
    expect(parseArrangement('N')).toBe('retained-nationally');
    expect(parseArrangement('')).toBe('unknown');
    expect(parseArrangement('perhaps')).toBeUndefined();
    expect(describeDelegationStatus({ arrangement: 'joint-committee', jointCommittee: 'London JC' })).toBe(
      'Joint committee (London JC)',
    );
  });
});

describe('per-ICB and per-region delegation columns', () => {
  const areas = [
    { code: 'Y62', name: 'North West', kind: 'region' as const },
    { code: 'QMJ', name: 'NHS North Central London Integrated Care Board', kind: 'icb' as const },
  ];

  it('matches headers by code or by name, year from the header or the table', () => {
    const header = [
      'SERVICE_CODE',
      'SERVICE_CODE_DESCRIPTION',
      '2024/25_ICB_DELEGATION_STATUS',
      'North West',
      '2025/26 QMJ',
    ];
    const { value, issues } = parseAreaDelegationColumns(
      't.csv',
      header,
      [['7', 'x', 'Y', 'Delegated', 'Jointly']],
      areas,
    );
    expect(issues).toEqual([]);
    expect(value).toEqual([
      { serviceCode: '7', financialYear: '2024/25', areaCode: 'Y62', areaKind: 'region', arrangement: 'delegated' },
      { serviceCode: '7', financialYear: '2025/26', areaCode: 'QMJ', areaKind: 'icb', arrangement: 'joint-committee' },
    ]);
    const byName = parseAreaDelegationColumns(
      't.csv',
      ['service_id', '2024/25 North Central London ICB'],
      [['7', 'N']],
      areas,
    );
    expect(byName.value[0]).toMatchObject({ areaCode: 'QMJ', arrangement: 'retained-nationally' });
  });

  it('names the row and column of a value it cannot read, and a column with no year', () => {
    const bad = parseAreaDelegationColumns('t.csv', ['service_id', '2024/25 North West'], [['7', 'soon']], areas);
    expect(bad.value).toEqual([]);
    expect(bad.issues[0]).toMatchObject({
      code: 'FP_SERVICES_BAD_FILE',
      where: { file: 't.csv', row: 1, field: '2024/25 North West' },
    });
    const noYear = parseAreaDelegationColumns('t.csv', ['service_id', 'North West'], [['7', 'Y']], areas);
    expect(noYear.issues[0]).toMatchObject({ code: 'FP_SERVICES_BAD_FILE', where: { row: 0, field: 'North West' } });
  });
});
