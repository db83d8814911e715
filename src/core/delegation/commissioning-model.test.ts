// Worked examples of methods.md, "Commissioning models": the model each status gives, and the lead ICB rule.
import { describe, expect, it } from 'vitest';
import { type MemberStatus, modelStatusFor, proposeCommissioningModel } from './commissioning-model.ts';
import { leadCommissioner } from './lead-commissioner.ts';

const member = (
  icbCode: string,
  arrangement: MemberStatus['status']['arrangement'],
  jointCommittee: string | null = null,
): MemberStatus => ({ icbCode, icbName: `NHS ${icbCode} ICB`, status: { arrangement, jointCommittee } });

const none = { highlySpecialised: false, tier: null, spend: [] } as const;

describe('the model the delegation status proposes', () => {
  it('one delegated ICB: delegated', () => {
    expect(proposeCommissioningModel({ ...none, members: [member('QOP', 'delegated')] })).toMatchObject({
      model: 'delegated',
      label: 'Delegated',
      lead: null,
    });
  });

  it('a joint committee is named; two committees in one footprint are both named', () => {
    const london = 'London specialised services joint committee';
    const answer = proposeCommissioningModel({
      ...none,
      members: [member('QKK', 'joint-committee', london), member('QWE', 'joint-committee', london)],
    });
    expect(answer).toMatchObject({
      model: 'joint-committee',
      jointCommittee: london,
      label: `Joint committee (${london})`,
    });
    const two = proposeCommissioningModel({
      ...none,
      members: [member('QKK', 'joint-committee', 'B committee'), member('QHG', 'joint-committee', 'A committee')],
    });
    expect(two.jointCommittee).toBe('A committee; B committee');
  });

  it('retained: NHS England direct when highly specialised, else with the ICBs at the table', () => {
    const retained = [member('QKK', 'retained-nationally')];
    expect(proposeCommissioningModel({ ...none, members: retained, highlySpecialised: true }).model).toBe(
      'nhse-direct',
    );
    expect(proposeCommissioningModel({ ...none, members: retained }).model).toBe('nhse-with-icb-input');
    // Not known whether highly specialised: NHS England still commissions it, with the ICBs at the table.
    expect(proposeCommissioningModel({ ...none, members: retained, highlySpecialised: null }).model).toBe(
      'nhse-with-icb-input',
    );
  });

  it('an ICB whose status is not known, or ICBs commissioned differently, give no model and say why', () => {
    const unknown = proposeCommissioningModel({
      ...none,
      members: [member('QKK', 'delegated'), member('QWE', 'unknown')],
    });
    expect(unknown).toMatchObject({ model: null, label: 'Not known' });
    expect(unknown.reason).toContain('1 of its ICBs');
    // A footprint reaching from the North West (delegated in 2024/25) into London (joint committee).
    const mixed = proposeCommissioningModel({
      ...none,
      members: [member('QOP', 'delegated'), member('QE1', 'delegated'), member('QKK', 'joint-committee', 'London')],
    });
    expect(mixed).toMatchObject({ model: null, label: 'Mixed (2 delegated, 1 joint committee)' });
  });

  it('several delegated ICBs: a lead commissioner unless the service is tiered at ICB level', () => {
    const members = [member('QOP', 'delegated'), member('QE1', 'delegated')];
    const spend = [
      { residentIcb: 'QOP', providerCode: 'R0A', providerIcb: 'QOP', spend: 600 },
      { residentIcb: 'QE1', providerCode: 'R0A', providerIcb: 'QOP', spend: 300 },
      { residentIcb: 'QE1', providerCode: 'RXN', providerIcb: 'QE1', spend: 500 },
    ];
    expect(proposeCommissioningModel({ ...none, members, spend, tier: 'icb' }).model).toBe('delegated');
    expect(proposeCommissioningModel({ ...none, members, spend, tier: 'region' })).toMatchObject({
      model: 'lead-commissioner',
      label: 'Lead commissioner: NHS QOP ICB',
      lead: { icbCode: 'QOP', icbName: 'NHS QOP ICB', rule: 'host-of-main-provider' },
    });
    expect(proposeCommissioningModel({ ...none, members, spend: [], tier: null })).toMatchObject({
      model: 'lead-commissioner',
      label: 'Lead commissioner: lead to be named',
      lead: null,
    });
  });
});

describe('the lead ICB', () => {
  const members = [
    { icbCode: 'QOP', icbName: 'Greater Manchester' },
    { icbCode: 'QE1', icbName: 'Lancashire and South Cumbria' },
    { icbCode: 'QYG', icbName: 'Cheshire and Merseyside' },
  ];

  it('Lead ICB: the host of the main provider', () => {
    // R0A (host QOP) takes 600 + 300 = 900 of the footprint's spend; RXN (host QE1) 500; REM (QYG) 700.
    const spend = [
      { residentIcb: 'QOP', providerCode: 'R0A', providerIcb: 'QOP', spend: 600 },
      { residentIcb: 'QE1', providerCode: 'R0A', providerIcb: 'QOP', spend: 300 },
      { residentIcb: 'QE1', providerCode: 'RXN', providerIcb: 'QE1', spend: 500 },
      { residentIcb: 'QYG', providerCode: 'REM', providerIcb: 'QYG', spend: 700 },
      // Another footprint's residents do not count.
      { residentIcb: 'QKK', providerCode: 'REM', providerIcb: 'QYG', spend: 5000 },
    ];
    expect(leadCommissioner(members, spend)).toEqual({
      icbCode: 'QOP',
      icbName: 'Greater Manchester',
      rule: 'host-of-main-provider',
    });
  });

  it('Lead ICB: the largest resident spend', () => {
    // The main provider RJ1 is in London (QKK): QE1's residents spend 400 + 100 = 500, QOP's 450.
    const spend = [
      { residentIcb: 'QOP', providerCode: 'RJ1', providerIcb: 'QKK', spend: 450 },
      { residentIcb: 'QE1', providerCode: 'RJ1', providerIcb: 'QKK', spend: 400 },
      { residentIcb: 'QE1', providerCode: 'RXN', providerIcb: 'QE1', spend: 100 },
    ];
    expect(leadCommissioner(members, spend)).toEqual({
      icbCode: 'QE1',
      icbName: 'Lancashire and South Cumbria',
      rule: 'largest-resident-spend',
    });
    const tie = [
      { residentIcb: 'QYG', providerCode: 'RJ1', providerIcb: null, spend: 100 },
      { residentIcb: 'QE1', providerCode: 'RJ1', providerIcb: null, spend: 100 },
    ];
    expect(leadCommissioner(members, tie)?.icbCode).toBe('QE1');
    expect(leadCommissioner(members, [])).toBeNull();
  });
});

describe('who agrees a model', () => {
  it('an ICB proposes; the region or national agrees', () => {
    expect(modelStatusFor('icb')).toBe('proposed');
    expect(modelStatusFor('region')).toBe('agreed');
    expect(modelStatusFor('national')).toBe('agreed');
  });
});
