// A growable byte buffer that CSV lines are written into field by field: codes as bytes encoded once,
// whole numbers and pence as digits. Writing bytes instead of joining strings keeps the generator's
// per-row work free of garbage, which at tens of millions of rows is most of its time.

const encoder = new TextEncoder();
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const DOT = 0x2e;
const MINUS = 0x2d;
const ZERO = 0x30;

/** A text's UTF-8 bytes, encoded once and copied into every line that carries it. */
export function encodeField(text: string): Uint8Array {
  return encoder.encode(text);
}

export class CsvBytes {
  #bytes: Uint8Array;
  #length = 0;
  /** Scratch for the digits of one number, least significant first. */
  readonly #digits = new Uint8Array(24);

  constructor(capacity = 1 << 16) {
    this.#bytes = new Uint8Array(Math.max(64, capacity));
  }

  get length(): number {
    return this.#length;
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.#length + n <= this.#bytes.length) return;
    let size = this.#bytes.length * 2;
    while (size < this.#length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }

  /** Appends pre-encoded bytes (a loop: for a field of a few bytes it is much quicker than `set`). */
  bytes(field: Uint8Array): void {
    const n = field.length;
    if (this.#length + n > this.#bytes.length) this.reserve(n);
    const bytes = this.#bytes;
    let at = this.#length;
    for (let i = 0; i < n; i++) bytes[at++] = field[i]!;
    this.#length = at;
  }

  comma(): void {
    this.reserve(1);
    this.#bytes[this.#length++] = COMMA;
  }

  newline(): void {
    this.reserve(1);
    this.#bytes[this.#length++] = NEWLINE;
  }

  /** Appends a whole number (a safe integer) in decimal digits, as `String(n)` would. */
  integer(n: number): void {
    this.reserve(17);
    if (n < 0) {
      this.#bytes[this.#length++] = MINUS;
      n = -n;
    }
    let count = 0;
    do {
      const next = Math.floor(n / 10);
      this.#digits[count++] = ZERO + (n - next * 10);
      n = next;
    } while (n > 0);
    while (count > 0) this.#bytes[this.#length++] = this.#digits[--count]!;
  }

  /** Appends a whole number of pence as pounds with two decimals (`-12.05`), exact below 2^53. */
  pence(pence: number): void {
    this.reserve(20);
    if (pence < 0) {
      this.#bytes[this.#length++] = MINUS;
      pence = -pence;
    }
    const pennies = pence % 100;
    this.integer((pence - pennies) / 100);
    this.#bytes[this.#length++] = DOT;
    this.#bytes[this.#length++] = ZERO + Math.floor(pennies / 10);
    this.#bytes[this.#length++] = ZERO + (pennies % 10);
  }

  /** The bytes written so far, handed over: the buffer starts again empty, so the caller may keep them. */
  take(): Uint8Array {
    const written = this.#bytes.subarray(0, this.#length);
    this.#bytes = new Uint8Array(this.#bytes.length);
    this.#length = 0;
    return written;
  }
}
