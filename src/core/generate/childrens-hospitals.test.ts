import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type GeneratorAssumptions, parseGeneratorAssumptions } from '../definitions/generator-assumptions.ts';
import { childrensHospitalsProvide, providerVolume } from './activity-model.ts';

const assumptions = parseGeneratorAssumptions(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'definitions', 'generator-assumptions.json'), 'utf8'),
  ),
).value as GeneratorAssumptions;

const trust = (code: string, volumes: Record<string, number>) => ({
  code,
  name: code,
  hostIcb: 'I',
  regionCode: 'Y',
  latitude: 53,
  longitude: -3,
  volumes,
});

describe("children's hospitals", () => {
  // Worked example: a children's hospital with 300 T&O, 200 ENT and 100 paediatric pathways has 600
  // paediatric pathways (all its work is children's); a general trust with the same figures has 100.
  it('count every pathway of a children’s hospital as paediatric', () => {
    const volumes = { C_110: 300, C_120: 200, X04: 100 };
    const hospitals = new Set(['RBS']);
    expect(providerVolume(trust('RBS', volumes), ['X04'], hospitals)).toBe(600);
    expect(providerVolume(trust('RXX', volumes), ['X04'], hospitals)).toBe(100);
    expect(providerVolume(trust('RBS', volumes), ['C_110'], hospitals)).toBe(300);
    expect(providerVolume(trust('RBS', volumes), [], hospitals)).toBe(600);
  });

  it('provide children’s and all-age services, not adult-only ones nor neonatal critical care', () => {
    expect(childrensHospitalsProvide('children', assumptions)).toBe(true);
    expect(childrensHospitalsProvide('all-ages', assumptions)).toBe(true);
    expect(childrensHospitalsProvide('adult', assumptions)).toBe(false);
    expect(childrensHospitalsProvide('older-adult', assumptions)).toBe(false);
    expect(childrensHospitalsProvide('neonatal', assumptions)).toBe(false);
    expect(assumptions.childrensHospitals?.providers).toEqual(['RP4', 'RBS', 'RCU']);
  });
});
