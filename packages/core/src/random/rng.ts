import { RandomArgumentError } from './errors.js';

/**
 * A seeded, deterministic source of randomness. Engines take an `Rng` instead of calling
 * `Math.random`, so a seed reproduces a run exactly.
 */
export interface Rng {
  /** A uniform float in [0, 1) with 32 bits of resolution (multiples of 2^-32). */
  next(): number;
  /** A uniform integer in [0, 2^32). */
  nextUint32(): number;
  /**
   * A uniform integer in [0, maxExclusive), without modulo bias.
   *
   * @throws RandomArgumentError unless `maxExclusive` is an integer in [1, 2^32].
   */
  nextInt(maxExclusive: number): number;
  /**
   * A uniform float in [min, max); `min` when they are equal.
   *
   * @throws RandomArgumentError unless both are finite and `min <= max`.
   */
  nextBetween(min: number, max: number): number;
  /**
   * An independent generator derived from this one's seed, without drawing from this one (its
   * sequence is unchanged). With a label, the child depends only on the parent's seed and the label,
   * so adding a new consumer elsewhere never shifts an existing stream; the same label gives the same
   * stream, so name children uniquely (`fork('walk:BTCUSDT')`). Without a label, the n-th unlabelled
   * fork of a generator is always the same.
   */
  fork(label?: string): Rng;
  /** The generator's full state, as plain JSON, so a snapshot can resume the exact same sequence. */
  snapshot(): RngState;
  /** Continues from a state taken with {@link Rng.snapshot} (of a generator with the same seed or not). */
  restore(state: RngState): void;
}

/** The state of a {@link Rng}: its seed key, its four sfc32 words and its unlabelled-fork counter. */
export interface RngState {
  readonly key: readonly [number, number, number, number];
  readonly words: readonly [number, number, number, number];
  readonly forks: number;
}

/** A seed: a safe integer or any string. */
export type RngSeed = number | string;

type Key = readonly [number, number, number, number];

// Domain tags keep seeds of different kinds (and forks) from colliding: 42, '42' and fork('42')
// all hash differently.
const TAG_NUMBER = 0x6e756d62;
const TAG_STRING = 0x73747267;
const TAG_FORK_LABEL = 0x666f726b;
const TAG_FORK_INDEX = 0x666f7269;

const TWO_POW_32 = 4_294_967_296;

/** MurmurHash3's 32-bit finaliser: a bijective avalanche mix. */
function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hashes 32-bit words to a 128-bit key: four lanes, each an independent chain of `fmix32` over a
 * differently scaled copy of every word, so two inputs collide only if all four lanes do.
 */
function hashWords(words: readonly number[]): Key {
  let h0 = 0x6a09e667;
  let h1 = 0xbb67ae85;
  let h2 = 0x3c6ef372;
  let h3 = 0xa54ff53a;
  for (const word of [...words, words.length]) {
    h0 = fmix32(h0 ^ word);
    h1 = fmix32(h1 ^ Math.imul(word, 0x9e3779b1));
    h2 = fmix32(h2 ^ Math.imul(word, 0x85ebca77));
    h3 = fmix32(h3 ^ Math.imul(word, 0xc2b2ae3d));
  }
  return [h0, h1, h2, h3];
}

function stringWords(text: string): number[] {
  const words: number[] = [];
  for (let i = 0; i < text.length; i++) words.push(text.charCodeAt(i));
  return words;
}

function seedKey(seed: RngSeed): Key {
  if (typeof seed === 'string') return hashWords([TAG_STRING, ...stringWords(seed)]);
  if (!Number.isSafeInteger(seed)) {
    throw new RandomArgumentError(
      `A numeric seed must be a safe integer, got ${seed}; use a string otherwise.`,
    );
  }
  // Low and high halves, so every safe integer (Date.now() included) is a distinct seed.
  return hashWords([TAG_NUMBER, seed >>> 0, Math.floor(seed / TWO_POW_32) >>> 0]);
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator from PractRand, 128-bit state including a
 * counter): small, fast in JavaScript's 32-bit integer arithmetic, and its counter
 * rules out short cycles.
 */
class Sfc32 implements Rng {
  #key: Key;
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  #forks = 0;

  constructor(key: Key) {
    this.#key = key;
    [this.#a, this.#b, this.#c, this.#d] = key;
    // Mix the seeded state before the first output (12 rounds, as is customary for sfc32).
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const a = this.#a;
    const b = this.#b;
    const c = this.#c;
    const t = (((a + b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = b ^ (b >>> 9);
    this.#b = (c + (c << 3)) | 0;
    this.#c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  nextInt(maxExclusive: number): number {
    if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > TWO_POW_32) {
      throw new RandomArgumentError(`nextInt needs an integer bound in [1, 2^32], got ${maxExclusive}.`);
    }
    // Reject the top partial block of 2^32 so every residue is equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % maxExclusive);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % maxExclusive;
  }

  nextBetween(min: number, max: number): number {
    if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
      throw new RandomArgumentError(`nextBetween needs finite min <= max, got [${min}, ${max}).`);
    }
    const x = min + (max - min) * this.next();
    // Rounding can land exactly on max for very narrow ranges; keep the interval half-open.
    return x < max ? x : min;
  }

  snapshot(): RngState {
    return { key: [...this.#key], words: [this.#a, this.#b, this.#c, this.#d], forks: this.#forks };
  }

  restore(state: RngState): void {
    const ok = (w: readonly number[]) => w.length === 4 && w.every((x) => Number.isInteger(x));
    if (!ok(state.key) || !ok(state.words) || !Number.isSafeInteger(state.forks) || state.forks < 0) {
      throw new RandomArgumentError('Not an Rng state: expected { key: 4 ints, words: 4 ints, forks }.');
    }
    this.#key = [state.key[0] >>> 0, state.key[1] >>> 0, state.key[2] >>> 0, state.key[3] >>> 0];
    [this.#a, this.#b, this.#c, this.#d] = state.words.map((w) => w | 0) as [number, number, number, number];
    this.#forks = state.forks;
  }

  fork(label?: string): Rng {
    const derivation =
      label === undefined ? [TAG_FORK_INDEX, this.#forks++] : [TAG_FORK_LABEL, ...stringWords(label)];
    return new Sfc32(hashWords([...this.#key, ...derivation]));
  }
}

/**
 * Creates a seeded generator (sfc32). The seed is hashed to the full 128-bit state, so nearby
 * seeds (1, 2, 3) give unrelated streams. Same seed, same sequence, on every platform.
 *
 * @throws RandomArgumentError when a numeric seed is not a safe integer.
 *
 * @example
 * const rng = createRng(42);
 * const prices = rng.fork('prices');
 * const side = rng.nextInt(2) === 0 ? 'BUY' : 'SELL';
 */
export function createRng(seed: RngSeed): Rng {
  return new Sfc32(seedKey(seed));
}
