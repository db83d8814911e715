import { describe, expect, it } from 'vitest';
import type { GeneratorInputs } from './activity-model.ts';
import { applyRttSuccessors, fillRttGaps, placeUnplacedPathways } from './rtt-gaps.ts';

const provider = (code: string, hostIcb: string, volumes: Record<string, number>) => ({
  code,
  name: code,
  hostIcb,
  regionCode: 'Y63',
  latitude: 53,
  longitude: -1.5,
  volumes,
});

// Worked example: comparator LEEDS in ICB W (two areas, 300 + 100 persons) has 40 home pathways in C_150
// (30 from w1, 10 from w2) and 8 from an area of another ICB; volume C_150 = 60. Gap trust SHEF in ICB S
// (one area, 200 persons): rate 40 / 400 = 0.1 per person → 20 pathways from s1; volume 60 × 200/400 = 30.
const inputs: GeneratorInputs = {
  areas: [
    { code: 'w1', icbCode: 'W', latitude: 53.8, longitude: -1.5, olderCodes: [] },
    { code: 'w2', icbCode: 'W', latitude: 53.9, longitude: -1.6, olderCodes: [] },
    { code: 's1', icbCode: 'S', latitude: 53.4, longitude: -1.5, olderCodes: [] },
  ],
  population: [
    { areaCode: 'w1', sex: 'M', ageBand: '30-34', persons: 300 },
    { areaCode: 'w2', sex: 'F', ageBand: '30-34', persons: 100 },
    { areaCode: 's1', sex: 'M', ageBand: '30-34', persons: 200 },
  ],
  providers: [provider('LEEDS', 'W', { C_150: 60 }), provider('SHEF', 'S', {})],
  services: [],
  flows: [
    { area: 'w1', provider: 'LEEDS', tfc: 'C_150', pathways: 30 },
    { area: 'w2', provider: 'LEEDS', tfc: 'C_150', pathways: 10 },
    { area: 's1', provider: 'LEEDS', tfc: 'C_150', pathways: 8 },
  ],
  practices: [],
};

describe('fillRttGaps', () => {
  it("gives a trust missing from RTT its comparator's per-resident home rate and scaled volumes", () => {
    const filled = fillRttGaps(inputs, [{ provider: 'SHEF', comparator: 'LEEDS' }]);
    expect(filled.providers.find((p) => p.code === 'SHEF')!.volumes).toEqual({ C_150: 30 });
    expect(filled.flows.filter((f) => f.provider === 'SHEF')).toEqual([
      { area: 's1', provider: 'SHEF', tfc: 'C_150', pathways: 20 },
    ]);
    expect(filled.flows).toHaveLength(4);
  });

  it('leaves a trust that has RTT data, and an unknown trust, alone', () => {
    expect(fillRttGaps(inputs, [{ provider: 'LEEDS', comparator: 'SHEF' }])).toEqual(inputs);
    expect(fillRttGaps(inputs, [{ provider: 'NONE', comparator: 'LEEDS' }])).toEqual(inputs);
  });
});

describe('applyRttSuccessors', () => {
  it("moves a merged trust's volumes and flows to its successor", () => {
    const merged = { ...inputs, mergedVolumes: { OLD: { C_150: 5, X02: 2 } } };
    merged.flows = [...inputs.flows, { area: 'w1', provider: 'OLD', tfc: 'C_150', pathways: 5 }];
    const moved = applyRttSuccessors(merged, [{ from: 'OLD', to: 'LEEDS' }]);
    expect(moved.providers.find((p) => p.code === 'LEEDS')!.volumes).toEqual({ C_150: 65, X02: 2 });
    expect(moved.flows.at(-1)).toEqual({ area: 'w1', provider: 'LEEDS', tfc: 'C_150', pathways: 5 });
    expect(moved.flows.filter((f) => f.provider === 'OLD')).toEqual([]);
  });
});

describe('placeUnplacedPathways', () => {
  // Worked example: LEEDS has 48 placed pathways (30 w1, 10 w2, 8 s1) and 144 commissioned by a hub, so
  // its flows are scaled by (48 + 144) / 48 = 4: 120, 40 and 32. A trust not named keeps its flows.
  it("spreads a named trust's hub-commissioned pathways over areas as its placed ones are", () => {
    const placed = placeUnplacedPathways({ ...inputs, unplacedPathways: { LEEDS: 144, SHEF: 50 } }, ['LEEDS']);
    expect(placed.flows.map((f) => f.pathways)).toEqual([120, 40, 32]);
    expect(placeUnplacedPathways({ ...inputs, unplacedPathways: { LEEDS: 144 } }, ['SHEF']).flows).toEqual(
      inputs.flows,
    );
  });

  it('leaves a trust alone when it has no placed or no unplaced pathways', () => {
    expect(placeUnplacedPathways(inputs, ['LEEDS']).flows).toEqual(inputs.flows);
  });
});
