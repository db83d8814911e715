import { describe, expect, it } from 'vitest';
import { parseServicesTable, splitProgrammeAndCrg } from './services-table.ts';

const OFFICIAL_HEADER = [
  'SERVICE_CODE',
  'SERVICE_CODE_DESCRIPTION',
  'SERVICE_CATEGORY_DESCRIPTION',
  'National_Programme_of_Care_(NPoC)_Category_and_Clinical_Reference_Group_(CRG)',
  'HIGHLY_SPECIALISED_SERVICE',
  '2024/25_ICB_Delegation_Status',
  '2025/26_ICB_Delegation_Status',
  'IS_CURRENT',
];

describe('parseServicesTable', () => {
  it('reads the official layout, keeping blanks unknown and skipping rows that are no longer current', () => {
    const { value, issues } = parseServicesTable('t.csv', OFFICIAL_HEADER, [
      [
        'NCBPS13X',
        'Adult cardiac surgery',
        'Specialised',
        'Internal Medicine - A05 Cardiac',
        'N',
        'Delegated',
        'Delegated',
        'Y',
      ],
      ['NCBPS99Z', 'Rare thing', 'Highly specialised', '', 'Y', 'Retained', '', 'Y'],
      ['NCBPS00A', 'Old row', '', '', '', '', '', 'N'],
    ]);
    expect(issues).toEqual([]);
    expect(value?.layout).toBe('nhs-england-official');
    expect(value?.services).toEqual([
      {
        serviceCode: 'NCBPS13X',
        name: 'Adult cardiac surgery',
        programmeOfCare: 'Internal Medicine',
        crgCode: 'A05',
        crgName: 'Cardiac',
        highlySpecialised: false,
        sourceUrl: null,
        serviceLines: [],
        delegation: [
          { financialYear: '2024/25', delegated: true },
          { financialYear: '2025/26', delegated: true },
        ],
      },
      {
        serviceCode: 'NCBPS99Z',
        name: 'Rare thing',
        programmeOfCare: null,
        crgCode: null,
        crgName: null,
        highlySpecialised: true,
        sourceUrl: null,
        serviceLines: [],
        delegation: [
          { financialYear: '2024/25', delegated: false },
          { financialYear: '2025/26', delegated: null },
        ],
      },
    ]);
  });

  it('reads the shipped layout, mapping delegated_2023 and delegated_2025 to 2023/24 and 2025/26', () => {
    const header = [
      'service_id',
      'service_name',
      'crg_code',
      'crg_name',
      'programme_of_care',
      'highly_specialised',
      'delegated_2023',
      'delegated_2025',
      'source_url',
    ];
    const { value } = parseServicesTable('s.csv', header, [
      ['2', 'ACHD', 'E05', 'Congenital heart', 'Women and Children', '', 'Y', '', 'https://x'],
    ]);
    expect(value?.services[0]).toMatchObject({
      serviceCode: '2',
      highlySpecialised: null,
      sourceUrl: 'https://x',
      delegation: [
        { financialYear: '2023/24', delegated: true },
        { financialYear: '2025/26', delegated: null },
      ],
    });
  });

  it('reads service lines and groups, and refuses a bad line, a line given twice and an invented key', () => {
    const header = ['service_id', 'service_name', 'service_lines'];
    const good = parseServicesTable('s.csv', header, [
      ['7', 'Adult specialist cardiac services', 'NCBPS13'],
      ['LOCAL-BURN-CARE', 'Specialised burn care', ''],
      ['6', 'Adult secure mental health services', 'ncbps22s, NCBPS22U'],
    ]);
    expect(good.issues).toEqual([]);
    expect(good.value?.services.map((s) => [s.serviceCode, s.serviceLines])).toEqual([
      ['7', ['NCBPS13']],
      ['LOCAL-BURN-CARE', []],
      ['6', ['NCBPS22S', 'NCBPS22U']],
    ]);
    const bad = parseServicesTable('s.csv', header, [
      ['7', 'Cardiac', 'NCBPS13 13F'],
      ['8', 'Eating disorders', 'NCBPS13'],
      ['slug:adult-critical-care', 'Adult critical care', ''],
    ]);
    expect(bad.value).toBeNull();
    expect(bad.issues.map((i) => [i.where?.row, i.where?.field, i.received])).toEqual([
      [1, 'service_lines', '13F'],
      [2, 'service_lines', 'NCBPS13'],
      [3, 'service_id', 'slug:adult-critical-care'],
    ]);
  });

  it('names the row and field of every bad value', () => {
    const { value, issues } = parseServicesTable('bad.csv', OFFICIAL_HEADER, [
      ['A1', 'Fine', '', '', 'Y', '', '', 'Y'],
      ['A1', '', '', '', 'maybe', 'perhaps', '', 'Y'],
    ]);
    expect(value).toBeNull();
    expect(issues.map((i) => [i.code, i.where?.row, i.where?.field])).toEqual([
      ['FP_SERVICES_BAD_FILE', 2, 'SERVICE_CODE_DESCRIPTION'],
      ['FP_SERVICES_BAD_FILE', 2, 'SERVICE_CODE'],
      ['FP_SERVICES_BAD_FILE', 2, 'HIGHLY_SPECIALISED_SERVICE'],
      ['FP_SERVICES_BAD_FILE', 2, '2024/25_ICB_Delegation_Status'],
    ]);
    expect(issues[1]?.message).toContain('first on row 1');
  });

  it('rejects a file in neither layout, and one with no rows', () => {
    expect(parseServicesTable('x.csv', ['a', 'b'], []).issues[0]).toMatchObject({
      code: 'FP_SERVICES_BAD_FILE',
      where: { file: 'x.csv', row: 0 },
    });
    expect(parseServicesTable('e.csv', OFFICIAL_HEADER, []).issues[0]?.message).toContain('no service rows');
  });
});

describe('splitProgrammeAndCrg', () => {
  it('keeps text without a CRG code as the programme', () => {
    expect(splitProgrammeAndCrg('Trauma')).toEqual({ programmeOfCare: 'Trauma', crgCode: null, crgName: null });
  });
  it('splits programme, code and name', () => {
    expect(splitProgrammeAndCrg('Women and Children: E08 Neonatal critical care')).toEqual({
      programmeOfCare: 'Women and Children',
      crgCode: 'E08',
      crgName: 'Neonatal critical care',
    });
  });
});
