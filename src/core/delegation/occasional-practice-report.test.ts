// Worked example of methods.md, "Occasional practice report": providers under the minimum in recorded
// patients, national volumes, the ICBs served, and the scope of whose residents are asked about.
import { describe, expect, it } from 'vitest';
import { occasionalPracticeReport, occasionalPracticeRows, type ProviderFlow } from './occasional-practice-report.ts';

const flow = (providerCode: string, residentIcb: string, patients: number, activity: number): ProviderFlow => ({
  serviceCode: '13',
  providerCode,
  providerName: `Provider ${providerCode} (${providerCode})`,
  residentIcb,
  icbName: `NHS ${residentIcb} ICB`,
  patients,
  activity,
});

// Minimum 10 patients a year. R1 sees 40 (QOP 30, QE1 10); R2 sees 6 + 3 = 9, under it, in 25 activity
// (many rows per patient: counted by rows it would pass); R3 sees 4, all from QE1; R4 has activity but no
// patient recorded, so it has no patients to count and is not listed.
const flows = [
  flow('R1', 'QOP', 30, 31),
  flow('R1', 'QE1', 10, 12),
  flow('R2', 'QOP', 6, 15),
  flow('R2', 'QKK', 3, 10),
  flow('R3', 'QE1', 4, 4),
  flow('R4', 'QOP', 0, 8),
];
const question = {
  flows,
  services: [
    { serviceCode: '13', name: 'Orthopaedics' },
    { serviceCode: '2A', name: 'Other' },
  ],
  minimumAnnualVolume: () => 10,
  icbs: null,
};

describe('the occasional practice report', () => {
  it('Occasional practice report: recorded patients', () => {
    const [ortho, other] = occasionalPracticeReport(question);
    expect(ortho).toMatchObject({
      serviceCode: '13',
      serviceName: 'Orthopaedics',
      minimumAnnualVolume: 10,
      providers: 3,
      patients: 53,
      occasionalPatients: 13,
    });
    expect(ortho!.occasionalShare).toBeCloseTo(13 / 53, 12);
    expect(ortho!.occasional).toEqual([
      {
        providerCode: 'R3',
        providerName: 'Provider R3 (R3)',
        patients: 4,
        activity: 4,
        icbsServed: [{ icbCode: 'QE1', icbName: 'NHS QE1 ICB', patients: 4 }],
      },
      {
        providerCode: 'R2',
        providerName: 'Provider R2 (R2)',
        patients: 9,
        activity: 25,
        icbsServed: [
          { icbCode: 'QOP', icbName: 'NHS QOP ICB', patients: 6 },
          { icbCode: 'QKK', icbName: 'NHS QKK ICB', patients: 3 },
        ],
      },
    ]);
    expect(other).toMatchObject({ providers: 0, patients: 0, occasional: [], occasionalShare: null });
  });

  it('an organisation sees the providers treating its residents, each with its national volume', () => {
    const [ortho] = occasionalPracticeReport({ ...question, icbs: new Set(['QKK']) });
    expect(ortho!.occasional.map((p) => [p.providerCode, p.patients])).toEqual([['R2', 9]]);
    // The service's totals stay national.
    expect(ortho!.patients).toBe(53);
  });

  it('exports one row per service and provider, the ICBs named with their patients', () => {
    expect(occasionalPracticeRows(occasionalPracticeReport(question))[1]).toEqual({
      serviceCode: '13',
      serviceName: 'Orthopaedics',
      minimumAnnualVolume: 10,
      providerCode: 'R2',
      providerName: 'Provider R2 (R2)',
      patients: 9,
      activity: 25,
      icbsServed: 'NHS QOP ICB (6); NHS QKK ICB (3)',
    });
  });
});
