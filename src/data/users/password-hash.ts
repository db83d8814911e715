// Password hashing with scrypt (RFC 7914): a per-user random salt, N = 2^15, r = 8, p = 1 (about 32 MiB
// and a few tens of milliseconds per guess), compared in constant time. The stored text names its
// parameters so they can be raised later without breaking old hashes.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

// scrypt needs 128 · N · r bytes; node's default ceiling (32 MiB) is exactly that for N = 2^15, so allow twice.
function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, { N: n, r, p, maxmem: 256 * n * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when the password matches the stored hash. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const cost = Number(n);
  const blockSize = Number(r);
  const parallel = Number(p);
  const sane = [cost, blockSize, parallel].every((v) => Number.isSafeInteger(v) && v > 0);
  if (!sane || cost > 2 ** 20 || blockSize > 16 || parallel > 16) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), cost, blockSize, parallel);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password, verified against when an email is unknown so that a wrong email and a
 * wrong password take the same time. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

/** A password for a generated account: 20 characters from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  // 256 % 56 ≠ 0, so reject bytes ≥ 224 to keep every character equally likely.
  let out = '';
  let i = 0;
  let pool = bytes;
  while (out.length < 20) {
    if (i >= pool.length) {
      pool = randomBytes(20);
      i = 0;
    }
    const b = pool[i++]!;
    if (b < 224) out += alphabet[b % alphabet.length];
  }
  return out;
}
