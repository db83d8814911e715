// Peer groups: for each ICB, the ICBs most like it in need, so its rates can be compared with places
// that should use services alike. Need per head is the ICB's weighted population (the general and acute
// needs index NHS England publishes) divided by its registered population; the peers are the PEER_GROUP_SIZE
// ICBs nearest in the logarithm of that ratio (so 10% above and 10% below are equally near), ties broken
// by ICB code.
import type { IcbCode } from '../units.ts';

export const PEER_GROUP_SIZE = 5;

export const PEER_RULE =
  'The 5 ICBs nearest in need per head (general and acute weighted population ÷ registered population), by |log ratio|';

export interface IcbNeed {
  icbCode: IcbCode;
  /** Weighted population ÷ registered population; must be > 0. */
  needIndex: number;
}

export interface PeerLink {
  icbCode: IcbCode;
  peerIcb: IcbCode;
  /** 1 = nearest. */
  nearness: number;
  needIndex: number;
  peerNeedIndex: number;
}

export function choosePeerGroups(needs: readonly IcbNeed[], size = PEER_GROUP_SIZE): PeerLink[] {
  const usable = needs.filter((n) => Number.isFinite(n.needIndex) && n.needIndex > 0);
  return usable.flatMap((icb) =>
    usable
      .filter((other) => other.icbCode !== icb.icbCode)
      .map((other) => ({ other, distance: Math.abs(Math.log(other.needIndex / icb.needIndex)) }))
      .sort((a, b) => a.distance - b.distance || a.other.icbCode.localeCompare(b.other.icbCode))
      .slice(0, size)
      .map(({ other }, i) => ({
        icbCode: icb.icbCode,
        peerIcb: other.icbCode,
        nearness: i + 1,
        needIndex: icb.needIndex,
        peerNeedIndex: other.needIndex,
      })),
  );
}
