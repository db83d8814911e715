import { describe, expect, it } from 'vitest';
import { ACTIVITY_COLUMNS } from './activity-record.ts';
import { mapHeader } from './map-header.ts';

describe('mapHeader', () => {
  it('maps the schema column names to their own positions', () => {
    const { value, issues } = mapHeader(ACTIVITY_COLUMNS, 'a.csv');
    expect(issues).toEqual([]);
    expect(value.columns).toEqual({
      financial_year: 0,
      month: 1,
      provider_code: 2,
      residence_code: 3,
      service_code: 4,
      pod: 5,
      age_band: 6,
      sex: 7,
      activity: 8,
      cost: 9,
      patients: 10,
      gp_practice_code: 11,
    });
  });

  it('maps a contract-monitoring header, ignoring case and punctuation, and lists unknown headers', () => {
    const headers = [
      'Der_Financial_Year',
      'Organisation_Code (Code of Provider)',
      'Der_Sub_ICB_Code',
      'NCBPS',
      'POD',
      'Activity_Actual',
      'PRICE ACTUAL',
      'HRG_Code',
    ];
    const { value, issues } = mapHeader(headers, 'slam.csv');
    expect(issues).toEqual([]);
    expect(value.columns).toEqual({
      financial_year: 0,
      provider_code: 1,
      residence_code: 2,
      service_code: 3,
      pod: 4,
      activity: 5,
      cost: 6,
    });
    expect(value.ignored).toEqual(['HRG_Code']);
  });

  it('uses Commissioner_Code for residence only when no residence column is present', () => {
    const base = ['Fin_Year', 'Provider_Code', 'Service_Line', 'POD', 'Activity_Actual', 'Price_Actual'];
    const alone = mapHeader([...base, 'Commissioner_Code'], 'f.csv');
    expect(alone.issues).toEqual([]);
    expect(alone.value.columns.residence_code).toBe(6);
    const both = mapHeader([...base, 'Commissioner_Code', 'Der_Sub_ICB_Code'], 'f.csv');
    expect(both.issues).toEqual([]);
    expect(both.value.columns.residence_code).toBe(7);
    expect(both.value.ignored).toEqual(['Commissioner_Code']);
  });

  it('reports each missing required column by field name, and not the optional ones', () => {
    const { issues } = mapHeader(['financial_year', 'provider_code', 'pod', 'activity'], 'short.csv');
    expect(issues.map((i) => [i.code, i.where])).toEqual([
      ['FP_IMPORT_MISSING_COLUMN', { file: 'short.csv', field: 'service_code' }],
      ['FP_IMPORT_MISSING_COLUMN', { file: 'short.csv', field: 'cost' }],
    ]);
  });

  it('reports two headers that map to one field as a duplicate, naming both', () => {
    const headers = ['financial_year', 'provider_code', 'service_code', 'pod', 'activity', 'cost', 'Price_Actual'];
    const { issues } = mapHeader(headers, 'dup.csv');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'FP_IMPORT_DUPLICATE_COLUMN',
      where: { file: 'dup.csv', field: 'cost' },
      received: 'cost, Price_Actual',
    });
  });

  it('reports the same header written twice as a duplicate', () => {
    const headers = ['financial_year', 'provider_code', 'service_code', 'pod', 'activity', 'cost', 'COST'];
    expect(mapHeader(headers, 'dup.csv').issues.map((i) => i.code)).toEqual(['FP_IMPORT_DUPLICATE_COLUMN']);
  });
});
