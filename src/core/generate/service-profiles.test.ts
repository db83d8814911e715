import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type GeneratorAssumptions, parseGeneratorAssumptions } from '../definitions/generator-assumptions.ts';
import { assignServiceRules, buildServiceProfiles } from './service-profiles.ts';

const assumptions = parseGeneratorAssumptions(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'definitions', 'generator-assumptions.json'), 'utf8'),
  ),
).value as GeneratorAssumptions;

const service = (name: string, extra: { programmeOfCare?: string; highlySpecialised?: boolean } = {}) => ({
  serviceCode: name.slice(0, 4),
  name,
  programmeOfCare: extra.programmeOfCare ?? null,
  highlySpecialised: extra.highlySpecialised ?? null,
});

describe('service profiles by rule', () => {
  it("children's cancer: age from the children's rule, point-of-delivery mix from the cancer rule", () => {
    const { assign } = assignServiceRules(
      service("Children and young people's cancer services"),
      assumptions.serviceRules,
    );
    expect(assign.ageSex).toBe('children');
    expect(assign.podMix).toBe('chemotherapy');
    expect(assign.providerTier).toBe('tertiary');
  });

  it('a service flagged highly specialised gets few providers and the rare spend tier', () => {
    const { assign } = assignServiceRules(
      service('Some rare service', { highlySpecialised: true }),
      assumptions.serviceRules,
    );
    expect(assign.providerTier).toBe('highly-specialised');
    expect(assign.spendTier).toBe('rare');
  });

  it('an unknown highly specialised flag does not count as yes', () => {
    const { assign } = assignServiceRules(service('Some rare service'), assumptions.serviceRules);
    expect(assign.providerTier).toBe('specialised');
  });

  it('the Cancer programme of care gives the cancer age profile when the name does not say', () => {
    const { assign } = assignServiceRules(
      service('Something', { programmeOfCare: 'Cancer' }),
      assumptions.serviceRules,
    );
    expect(assign.ageSex).toBe('cancer');
  });

  it('spend shares sum to 1 and high-cost drugs and devices land on their national targets', () => {
    const profiles = buildServiceProfiles(
      [
        service('Adult specialist renal services'),
        service('Chemotherapy services'),
        service('HIV services'),
        service('Alkaptonuria'),
        service('Specialised services for haemoglobinopathy care (all ages)'),
      ],
      assumptions,
    );
    const total = profiles.reduce((s, p) => s + p.spendShare, 0);
    const share = (pod: string) =>
      profiles.reduce((s, p) => s + p.spendShare * (p.pods.find((x) => x.pod === pod)?.spendShare ?? 0), 0);
    expect(total).toBeCloseTo(1, 12);
    expect(share('HCD')).toBeCloseTo(assumptions.calibration.hcdShare.value, 9);
    expect(share('DEVICE')).toBeCloseTo(assumptions.calibration.deviceShare.value, 9);
    for (const p of profiles) expect(p.pods.reduce((s, x) => s + x.spendShare, 0)).toBeCloseTo(1, 9);
  });

  it('a service given a national volume carries patients × cost per patient; the others share the rest', () => {
    const rule = assumptions.serviceRules.find(
      (r) => r.assign.volume && new RegExp(r.match.name!, 'i').test('Alkaptonuria'),
    )!;
    const national = assumptions.calibration.specialisedSpend.value;
    const [alkaptonuria, other] = buildServiceProfiles(
      [service('Alkaptonuria service (adults)'), service('Specialised widget service')],
      assumptions,
    );
    expect(alkaptonuria!.patients).toBe(rule.assign.volume!.patients.value);
    expect(alkaptonuria!.spendShare * national).toBeCloseTo(
      rule.assign.volume!.patients.value * rule.assign.volume!.costPerPatient.value,
      3,
    );
    expect(other!.patients).toBeNull();
    expect(other!.spendShare).toBeCloseTo(1 - alkaptonuria!.spendShare, 12);
  });
});
