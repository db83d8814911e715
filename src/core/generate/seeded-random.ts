// A small, fast, seeded pseudo-random generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting
// generator, 32-bit), its 128-bit state filled by splitmix32 from one master seed. Every stream of the
// synthetic generator derives its own seed from the master seed and a stream number, so a part of the
// output can be replayed without replaying everything before it.

/** One step of splitmix32: returns the next state and a well-mixed 32-bit output. */
export function splitmix32(state: number): { state: number; value: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z ^= z >>> 15;
  return { state: next, value: z >>> 0 };
}

/** The seed of stream `stream` under master seed `seed`: two splitmix32 rounds over both numbers. */
export function streamSeed(seed: number, stream: number): number {
  const first = splitmix32(seed | 0);
  const second = splitmix32((first.value ^ Math.imul(stream | 0, 0x85ebca6b)) | 0);
  return second.value;
}

/** sfc32: four 32-bit words of state; `next()` gives a float in [0, 1) with 32 bits of randomness. */
export class SeededRandom {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    let state = seed | 0;
    const words: number[] = [];
    for (let i = 0; i < 3; i++) {
      const step = splitmix32(state);
      state = step.state;
      words.push(step.value | 0);
    }
    this.#a = words[0]!;
    this.#b = words[1]!;
    this.#c = words[2]!;
    this.#d = 1;
    // The published recommendation: discard the first outputs so similar seeds diverge.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The next unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }
}
