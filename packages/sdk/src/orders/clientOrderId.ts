import type { Rng } from '@basis/core';

/** Binance's rule for `newClientOrderId` and `clientAlgoId` (reference §5.3). */
export const CLIENT_ORDER_ID_PATTERN: RegExp = /^[.A-Z:/a-z0-9_-]{1,36}$/;

/** Whether `id` is a client order id Binance accepts (1–36 of `A–Z a–z 0–9 . : / _ -`). */
export function isValidClientOrderId(id: string): boolean {
  return CLIENT_ORDER_ID_PATTERN.test(id);
}

/** Where random characters come from: a seeded `Rng` (tests, backtests) or a uniform `() => number` in [0, 1). */
export type RandomSource = Rng | (() => number);

/** Options of {@link createClientOrderIdGenerator}. */
export interface ClientOrderIdOptions {
  /** Prepended to every id (default `'basis-'`); at most 20 characters of the allowed set. */
  readonly prefix?: string;
  /** Randomness (default: the operating system's, through `crypto.randomFillSync`, fetched 4 kB at a time). */
  readonly random?: RandomSource;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const MAX_PREFIX = 20;
const MAX_RANDOM = 22; // 22 base-62 characters: 131 bits, collisions are not a concern.

function uniform(random: RandomSource): () => number {
  return typeof random === 'function' ? random : () => random.next();
}

/** Random bytes fetched from the operating system at once, consumed across ids (one system call per ~180 ids). */
const POOL_SIZE = 4096;
const pool = new Uint8Array(POOL_SIZE);
let poolOffset = POOL_SIZE;

/** The next byte of the operating system's randomness (each byte is used once). */
function randomByte(): number {
  if (poolOffset === POOL_SIZE) {
    // `node:crypto` is loaded on first use rather than imported, which made `import('@basis/sdk')` slower.
    process.getBuiltinModule('node:crypto').randomFillSync(pool);
    poolOffset = 0;
  }
  return pool[poolOffset++]!;
}

/** `count` base-62 characters from the operating system's randomness, without modulo bias. */
function cryptoChars(count: number): string {
  let out = '';
  // Bytes ≥ 248 are rejected (248 = 4 × 62): each byte is kept with probability 248/256, about 97%.
  while (out.length < count) {
    const byte = randomByte();
    if (byte < 248) out += ALPHABET[byte % 62];
  }
  return out;
}

/**
 * Returns a generator of client order ids: `prefix` + random base-62 characters, 36 characters at
 * most, always matching {@link CLIENT_ORDER_ID_PATTERN}. An id names one intent: the order layer
 * sends it with the order and queries by it after an unknown outcome.
 *
 * @throws RangeError for a prefix longer than 20 characters or outside Binance's character set.
 *
 * @example
 * const next = createClientOrderIdGenerator({ prefix: 'grid-', random: createRng(7) });
 * next(); // 'grid-…' (deterministic for a seeded Rng)
 */
export function createClientOrderIdGenerator(options: ClientOrderIdOptions = {}): () => string {
  const prefix = options.prefix ?? 'basis-';
  if (prefix.length > MAX_PREFIX || (prefix !== '' && !isValidClientOrderId(prefix))) {
    throw new RangeError(
      `A client order id prefix is at most ${MAX_PREFIX} characters of A-Z a-z 0-9 . : / _ - (got '${prefix}').`,
    );
  }
  const length = Math.min(MAX_RANDOM, 36 - prefix.length);
  if (options.random === undefined) return () => prefix + cryptoChars(length);
  const next = uniform(options.random);
  return () => {
    let out = prefix;
    for (let i = 0; i < length; i++) out += ALPHABET[Math.min(61, Math.floor(next() * 62))];
    return out;
  };
}
