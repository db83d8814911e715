import { describe, expect, it } from 'vitest';
import { beforeGlidePath } from './before-glide-path.ts';
import { paceOfChange } from './pace-of-change.ts';

describe('glide path', () => {
  it('Glide path from 2025/26', () => {
    const units = [
      { unit: 'A', previousAllocationPence: 60_000_000, targetShare: 0.5 },
      { unit: 'B', previousAllocationPence: 40_000_000, targetShare: 0.5 },
    ];
    // 2024/25: before the glide path, growth only.
    const first = beforeGlidePath(units, 0.02).allocations;
    expect(first.map((a) => a.allocationPence)).toEqual([61_200_000, 40_800_000]);
    expect(first.map((a) => a.targetAllocationPence)).toEqual([51_000_000, 51_000_000]);
    expect(first[0]!.distanceFromTargetAfter).toBeCloseTo(0.2, 12);
    expect(first[1]!.distanceFromTargetAfter).toBeCloseTo(-0.2, 12);
    expect(first.every((a) => a.floorPence === a.allocationPence && a.capPence === a.allocationPence)).toBe(true);
    // 2025/26: the pace-of-change rule from the grown allocations.
    const next = paceOfChange(
      first.map((a, i) => ({
        unit: a.unit,
        previousAllocationPence: a.allocationPence,
        targetShare: units[i]!.targetShare,
      })),
      { envelopePence: 104_040_000, floorGrowth: 0.01, capGrowth: 0.05 },
    ).allocations;
    expect(next.map((a) => a.allocationPence)).toEqual([61_812_000, 42_228_000]);
    expect(next[0]!.distanceFromTargetAfter).toBeCloseTo(97_920 / 520_200, 12);
    expect(next[1]!.distanceFromTargetAfter).toBeCloseTo(-97_920 / 520_200, 12);
  });
});
