import { describe, expect, it } from 'vitest';
import type { IcbCode } from '../units.ts';
import { choosePeerGroups } from './peer-groups.ts';

const need = (icbCode: string, needIndex: number) => ({ icbCode: icbCode as IcbCode, needIndex });

describe('peer groups', () => {
  it('Atlas: the peers are the ICBs nearest in log need per head', () => {
    // A 1.0: |ln 1.1| = 0.0953 (B), |ln 0.9| = 0.1054 (C), |ln 2| = 0.693 (D) → B, C.
    // D 2.0: |ln(2/1.1)| = 0.598 (B), |ln 2| = 0.693 (A), |ln(2/0.9)| = 0.799 (C) → B, A.
    const links = choosePeerGroups([need('A', 1), need('B', 1.1), need('C', 0.9), need('D', 2)], 2);
    const peersOf = (code: string) => links.filter((l) => l.icbCode === code).map((l) => l.peerIcb);
    expect(peersOf('A')).toEqual(['B', 'C']);
    expect(peersOf('D')).toEqual(['B', 'A']);
    expect(links.find((l) => l.icbCode === 'D' && l.peerIcb === 'A')).toMatchObject({ nearness: 2, needIndex: 2 });
  });

  it('leaves out ICBs with no usable need index', () => {
    const links = choosePeerGroups([need('A', 1), need('B', 0), need('C', Number.NaN), need('D', 1.2)], 5);
    expect(links.map((l) => `${l.icbCode}>${l.peerIcb}`)).toEqual(['A>D', 'D>A']);
  });
});
