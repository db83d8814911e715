import { describe, expect, it } from 'vitest';
import { derivedModel, wiringLevels } from './wiring-levels.ts';

const base = {
  footprintName: 'South London',
  icbNames: ['NHS South East London ICB', 'NHS South West London ICB'],
  highlySpecialised: false,
  delegated: true,
  recorded: null,
  networks: ['South London Cardiac ODN'],
  placeCount: 13,
};

describe('who does what at each level', () => {
  it('derives the model from the catalogue flags when none is recorded', () => {
    expect(derivedModel({ highlySpecialised: true, delegated: true })).toBe('nhse-direct');
    expect(derivedModel({ highlySpecialised: false, delegated: true })).toBe('delegated');
    expect(derivedModel({ highlySpecialised: null, delegated: false })).toBe('nhse-direct');
    expect(derivedModel({ highlySpecialised: null, delegated: null })).toBe('not-known');
  });

  it('gives the delegated multi-ICB lead to the footprint ICBs jointly, names networks and places', () => {
    const wiring = wiringLevels(base);
    expect(wiring.basis).toBe('derived');
    expect(wiring.rows.map((r) => [r.level, r.lead])).toEqual([
      ['national', 'NHS England'],
      ['multi-icb', 'The ICBs of South London, jointly'],
      ['icb', 'NHS South East London ICB, NHS South West London ICB'],
      ['place', 'Place-based partnerships (13 places)'],
    ]);
    expect(wiring.rows[1]!.role).toContain('Networks: South London Cardiac ODN.');
  });

  it('uses a recorded model, with its lead commissioner', () => {
    const wiring = wiringLevels({
      ...base,
      recorded: { model: 'lead-commissioner', lead: 'NHS South West London ICB' },
    });
    expect(wiring).toMatchObject({ model: 'lead-commissioner', basis: 'recorded' });
    expect(wiring.rows[1]!.lead).toBe('NHS South West London ICB, as lead commissioner');
  });

  it('keeps highly specialised services national, and says when nothing is known', () => {
    expect(wiringLevels({ ...base, highlySpecialised: true }).rows[1]!.lead).toBe(
      'NHS England (highly specialised commissioning)',
    );
    expect(wiringLevels({ ...base, delegated: false }).rows[1]!.lead).toBe(
      'NHS England regional specialised commissioning',
    );
    expect(wiringLevels({ ...base, delegated: null, highlySpecialised: null }).rows[1]!.lead).toMatch(/^Not known/);
  });
});
