import { describe, expect, it } from 'vitest';
import { organisationName, providerLabel } from './organisation-name.ts';

describe('organisationName', () => {
  it('writes ODS capitals in normal casing, keeping NHS and lower-casing joining words', () => {
    expect(organisationName('SHEFFIELD TEACHING HOSPITALS NHS FOUNDATION TRUST')).toBe(
      'Sheffield Teaching Hospitals NHS Foundation Trust',
    );
    expect(organisationName('GREAT ORMOND STREET HOSPITAL FOR CHILDREN NHS FOUNDATION TRUST')).toBe(
      'Great Ormond Street Hospital for Children NHS Foundation Trust',
    );
    expect(organisationName('THE CHRISTIE NHS FOUNDATION TRUST')).toBe('The Christie NHS Foundation Trust');
    expect(organisationName("GUY'S AND ST THOMAS' NHS FOUNDATION TRUST")).toBe(
      "Guy's and St Thomas' NHS Foundation Trust",
    );
    expect(organisationName('NORTH-WEST ANGLIA  NHS FOUNDATION TRUST')).toBe('North-West Anglia NHS Foundation Trust');
  });

  it('leaves a name already in mixed case as it is', () => {
    expect(organisationName('Alder Hey Children’s NHS Foundation Trust')).toBe(
      'Alder Hey Children’s NHS Foundation Trust',
    );
  });
});

describe('providerLabel', () => {
  it('puts the ODS code beside the name', () => {
    expect(providerLabel('SHEFFIELD TEACHING HOSPITALS NHS FOUNDATION TRUST', 'RHQ')).toBe(
      'Sheffield Teaching Hospitals NHS Foundation Trust (RHQ)',
    );
  });

  it('falls back to the code when there is no name', () => {
    expect(providerLabel(null, 'RHQ')).toBe('RHQ');
    expect(providerLabel('  ', 'RHQ')).toBe('RHQ');
  });
});
