// Shares an amount in proportion to weights without giving anyone more than their room: whoever would get
// more than their room is held at it, and what they could not take is shared again among the rest in the
// same proportions, until no one more is held. Convergence (towards target, within caps) and risk share
// (pool shares within a cap) are both this.

export interface Filled {
  /** What each got, in the order of the weights. */
  given: number[];
  /** What no one had room for. */
  left: number;
}

/** `amount` ≥ 0; weights ≥ 0 (0 = takes nothing); rooms ≥ 0 (Infinity = no limit). */
export function fillInProportion(amount: number, weights: readonly number[], rooms: readonly number[]): Filled {
  const given = weights.map(() => 0);
  let active = weights.flatMap((w, i) => (w > 0 && (rooms[i] ?? 0) > 0 ? [i] : []));
  let left = amount;
  while (left > 0 && active.length > 0) {
    const totalWeight = active.reduce((sum, i) => sum + weights[i]!, 0);
    const share = (i: number) => (left * weights[i]!) / totalWeight;
    const held = active.filter((i) => share(i) >= rooms[i]! - given[i]!);
    if (held.length === 0) {
      for (const i of active) given[i]! += share(i);
      left = 0;
      break;
    }
    for (const i of held) {
      left -= rooms[i]! - given[i]!;
      given[i] = rooms[i]!;
    }
    active = active.filter((i) => !held.includes(i));
  }
  return { given, left: Math.max(0, left) };
}
