import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { organisationName } from './organisation-name.ts';

describe('organisation names in their normal casing', () => {
  it.each([
    ['LEEDS TEACHING HOSPITALS NHS TRUST', 'Leeds Teaching Hospitals NHS Trust'],
    ["GUY'S AND ST THOMAS' NHS FOUNDATION TRUST", "Guy's and St Thomas' NHS Foundation Trust"],
    [
      'THE NEWCASTLE UPON TYNE HOSPITALS NHS FOUNDATION TRUST',
      'The Newcastle upon Tyne Hospitals NHS Foundation Trust',
    ],
    ['UNIVERSITY HOSPITALS OF NORTH MIDLANDS NHS TRUST', 'University Hospitals of North Midlands NHS Trust'],
    ["KING'S COLLEGE HOSPITAL NHS FOUNDATION TRUST", "King's College Hospital NHS Foundation Trust"],
    ['CROYDON GP SUPER NETWORK PCN', 'Croydon GP Super Network PCN'],
    [
      'UNIVERSITY HOSPITALS OF NORTH MIDLANDS NHS TRUST (RJE)',
      'University Hospitals of North Midlands NHS Trust (RJE)',
    ],
    ['STOKE-ON-TRENT PCN', 'Stoke-on-Trent PCN'],
    ['BMI HEALTHCARE LTD', 'BMI Healthcare Ltd'],
  ])('%s → %s', (raw, expected) => {
    expect(organisationName(raw)).toBe(expected);
  });

  it('leaves a name that already has lower-case letters as it is', () => {
    expect(organisationName('Moorfields Eye Hospital NHS Foundation Trust')).toBe(
      'Moorfields Eye Hospital NHS Foundation Trust',
    );
  });

  it('changes only the case and the padding, and casing twice gives the same name', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z' -]{0,40}$/), (raw) => {
        const cased = organisationName(raw);
        expect(cased.toUpperCase()).toBe(raw.trim().replace(/\s+/g, ' ').toUpperCase());
        expect(organisationName(cased)).toBe(cased);
      }),
      { seed: 17, numRuns: 500 },
    );
  });
});
