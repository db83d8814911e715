import { describe, expect, it } from 'vitest';
import { serviceMixDifference, similarProviders } from './similar-providers.ts';

const mix = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('similar providers (docs/methods.md, "Similar providers")', () => {
  // The worked example in docs/methods.md, worked by hand:
  // A: £100m, services X £60m and Y £40m. B: £50m, X £25m and Z £25m. C: £120m, X £72m and Y £48m.
  // B: ln(50/100) = −0.6931; mix ½(|0.6−0.5| + |0.4−0| + |0−0.5|) = 0.5; distance √(0.4805 + 0.25) = 0.8547.
  // C: ln(120/100) = 0.1823; mix 0; distance 0.1823. D is independent sector, E had no income: neither counts.
  const providers = [
    { providerCode: 'A', kind: 'nhs-trust', incomeByService: mix({ X: 60e6, Y: 40e6 }) },
    { providerCode: 'B', kind: 'nhs-trust', incomeByService: mix({ X: 25e6, Z: 25e6 }) },
    { providerCode: 'C', kind: 'nhs-trust', incomeByService: mix({ X: 72e6, Y: 48e6 }) },
    { providerCode: 'D', kind: 'independent-sector', incomeByService: mix({ X: 60e6, Y: 40e6 }) },
    { providerCode: 'E', kind: 'nhs-trust', incomeByService: mix({}) },
  ];

  it('worked example: C is nearest (same mix, 1.2 times the size), then B', () => {
    const peers = similarProviders('A', providers);
    expect(peers.map((p) => p.providerCode)).toEqual(['C', 'B']);
    expect(peers[0]!.distance).toBeCloseTo(0.1823, 4);
    expect(peers[0]!.mixDifference).toBeCloseTo(0, 10);
    expect(peers[1]!.mixDifference).toBeCloseTo(0.5, 10);
    expect(peers[1]!.distance).toBeCloseTo(0.8547, 4);
    expect(peers.map((p) => p.nearness)).toEqual([1, 2]);
  });

  it('takes only the nearest `count`, ties broken by code', () => {
    const twins = [
      { providerCode: 'A', kind: 'nhs-trust', incomeByService: mix({ X: 10 }) },
      { providerCode: 'Q', kind: 'nhs-trust', incomeByService: mix({ X: 20 }) },
      { providerCode: 'P', kind: 'nhs-trust', incomeByService: mix({ X: 5 }) },
    ];
    expect(similarProviders('A', twins, 1).map((p) => p.providerCode)).toEqual(['P']);
  });

  it('has no peers for a provider with no income', () => {
    expect(similarProviders('E', providers)).toEqual([]);
    expect(similarProviders('nobody', providers)).toEqual([]);
  });

  it('measures mix as the share of income that would have to move: 0 the same, 1 nothing shared', () => {
    expect(serviceMixDifference(mix({ X: 1 }), mix({ Y: 3 }))).toBe(1);
    expect(serviceMixDifference(mix({ X: 1, Y: 1 }), mix({ X: 5, Y: 5 }))).toBe(0);
    expect(serviceMixDifference(mix({ X: 3, Y: 1 }), mix({ X: 1, Y: 1 }))).toBeCloseTo(0.25, 10);
  });
});
