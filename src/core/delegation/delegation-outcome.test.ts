import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CriterionAnswer,
  type DelegationRubric,
  parseDelegationRubric,
} from '../definitions/delegation-rubric.ts';
import { DELEGATION_OUTCOMES, delegationOutcome, MISSING_HIGHLY_SPECIALISED } from './delegation-outcome.ts';
import { outcomeSummary } from './outcome-summary.ts';

const rubric = parseDelegationRubric(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../definitions/rubrics/delegation-default.json'), 'utf8')),
).value as DelegationRubric;

const SUIT = ['patient-clinical-benefit', 'co-dependent-services', 'financial-risk-volatility', 'number-of-providers'];
const READY = ['future-technologies', 'provider-landscape', 'commissioning-infrastructure'];
function answers(suitability: CriterionAnswer[], readiness: CriterionAnswer[]): Record<string, CriterionAnswer> {
  return Object.fromEntries([
    ...SUIT.map((id, i) => [id, suitability[i]!]),
    ...READY.map((id, i) => [id, readiness[i]!]),
  ]);
}
const m = 'meets' as const;

describe('delegation outcome', () => {
  it('Delegation outcome: five services', () => {
    expect(delegationOutcome(rubric, answers([m, m, 'partly', m], [m, m, m]), false).outcome).toBe(
      'suitable-and-ready',
    );
    expect(delegationOutcome(rubric, answers([m, m, m, m], [m, 'partly', m]), false).outcome).toBe(
      'suitable-not-yet-ready',
    );
    const z = delegationOutcome(rubric, answers([m, 'does-not-meet', m, m], [m, m, m]), false);
    expect(z.outcome).toBe('not-suitable');
    expect(z.reason).toContain('Co-dependent services');
    expect(delegationOutcome(rubric, answers([m, m, m, m], [m, m, m]), true).outcome).toBe('not-suitable');
    // Meets on every criterion, flag unknown: needs information, and says which.
    const w = delegationOutcome(rubric, answers([m, m, m, m], [m, m, m]), null);
    expect(w.outcome).toBe('needs-information');
    expect(w.missing).toEqual([MISSING_HIGHLY_SPECIALISED]);
    expect(w.ready).toBe(true);
    expect(w.reason).toContain('highly specialised');
  });

  it('never reads an unknown highly-specialised flag as "no", but a failed criterion still decides', () => {
    expect(delegationOutcome(rubric, answers([m, m, 'does-not-meet', m], [m, m, m]), null).outcome).toBe(
      'not-suitable',
    );
  });

  it('lists every criterion with no answer, and the unknown flag with them', () => {
    const result = delegationOutcome(rubric, { 'patient-clinical-benefit': m }, null);
    expect(result.outcome).toBe('needs-information');
    expect(result.missing).toHaveLength(1 + SUIT.length - 1 + READY.length);
    expect(result.missing[0]).toBe(MISSING_HIGHLY_SPECIALISED);
    expect(result.missing).toContain('Commissioning infrastructure (governance, information sharing)');
    expect(result.missing).not.toContain('Patient / clinical benefit');
  });

  it('Outcome summary: an explicit needs-information group, its missing items counted and costed', () => {
    // A £50m suitable-and-ready; B £30m needs the flag; C £20m needs the flag and one criterion. Total £100m.
    const summary = outcomeSummary(
      [
        { serviceCode: 'A', outcome: 'suitable-and-ready', tier: 'icb', spendPence: 50e8 },
        { serviceCode: 'B', outcome: 'needs-information', tier: null, spendPence: 30e8, missing: ['flag'] },
        { serviceCode: 'C', outcome: 'needs-information', tier: null, spendPence: 20e8, missing: ['flag', 'crit'] },
      ],
      DELEGATION_OUTCOMES,
      ['icb', 'multi-icb', 'region'],
    );
    expect(summary.byOutcome.find((g) => g.group === 'needs-information')).toEqual({
      group: 'needs-information',
      services: 2,
      spend: 50e6,
      spendShare: 0.5,
    });
    expect(summary.byOutcome.reduce((s, g) => s + g.services, 0)).toBe(3);
    expect(summary.byOutcome.reduce((s, g) => s + g.spendShare!, 0)).toBeCloseTo(1, 12);
    expect(summary.missing).toEqual([
      { group: 'flag', services: 2, spend: 50e6, spendShare: 0.5 },
      { group: 'crit', services: 1, spend: 20e6, spendShare: 0.2 },
    ]);
  });

  it('Outcome summary: counts and spend shares', () => {
    // X £60m and Y £20m suitable-and-ready, Z £15m suitable-not-yet-ready, V £5m not-suitable; total £100m.
    const summary = outcomeSummary(
      [
        { serviceCode: 'X', outcome: 'suitable-and-ready', tier: 'icb', spendPence: 60e8 },
        { serviceCode: 'Y', outcome: 'suitable-and-ready', tier: 'region', spendPence: 20e8 },
        { serviceCode: 'Z', outcome: 'suitable-not-yet-ready', tier: null, spendPence: 15e8 },
        { serviceCode: 'V', outcome: 'not-suitable', tier: null, spendPence: 5e8 },
      ],
      ['suitable-and-ready', 'suitable-not-yet-ready', 'not-suitable'],
      ['icb', 'multi-icb', 'region'],
    );
    expect(summary.byOutcome).toEqual([
      { group: 'suitable-and-ready', services: 2, spend: 80e6, spendShare: 0.8 },
      { group: 'suitable-not-yet-ready', services: 1, spend: 15e6, spendShare: 0.15 },
      { group: 'not-suitable', services: 1, spend: 5e6, spendShare: 0.05 },
    ]);
    expect(summary.byTier.map((t) => t.services)).toEqual([1, 0, 1]);
  });
});
