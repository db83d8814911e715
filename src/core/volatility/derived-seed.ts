// One master seed gives every service × footprint its own seed, from the names alone, so a result does not
// depend on the order the work is done in or how many threads share it.
import { streamSeed } from '../generate/seeded-random.ts';

/** FNV-1a over the UTF-16 code units of a text: a stable 32-bit stream number for a name. */
export function textStream(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The seed of one service's simulation on one footprint under a master seed. */
export function volatilitySeed(masterSeed: number, serviceCode: string, footprintName: string): number {
  return streamSeed(masterSeed, textStream(`${serviceCode}\u0000${footprintName}`));
}
