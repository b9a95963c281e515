import { MarketDataArgumentError } from './marketDataError.js';

/**
 * A trade or aggregate-trade id: a `number` while it is a safe integer, a `bigint` above 2^53
 * (core's `stringifyJson` writes both as bare JSON integers).
 */
export type TradeId = number | bigint;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);

/** The canonical form of an id: a bigint that fits is returned as a number. Throws on a non-integer. */
export function normalizeTradeId(id: TradeId): TradeId {
  if (typeof id === 'bigint') return id <= MAX_SAFE_BIG && id >= -MAX_SAFE_BIG ? Number(id) : id;
  if (!Number.isSafeInteger(id))
    throw new MarketDataArgumentError(`A trade id must be an integer, got ${id}.`);
  return id;
}

/**
 * Ids stored as small float offsets from a bigint base, so typed arrays can hold them and the common
 * case (every id a safe integer) never allocates a bigint.
 */
export class TradeIdBase {
  /** The id at offset 0. */
  readonly base: bigint;
  readonly #baseNumber: number;

  constructor(first: TradeId) {
    this.base = BigInt(normalizeTradeId(first));
    this.#baseNumber =
      this.base <= MAX_SAFE_BIG && this.base >= -MAX_SAFE_BIG ? Number(this.base) : Number.NaN;
  }

  /** The id `offset` places after the base. */
  idAt(offset: number): TradeId {
    const n = this.#baseNumber + offset;
    if (n <= MAX_SAFE && n >= -MAX_SAFE) return n; // NaN (unsafe base) fails both tests
    return normalizeTradeId(this.base + BigInt(offset));
  }

  /** The offset of `id` from the base (may be negative); exact while it is below 2^53. */
  offsetOf(id: TradeId): number {
    if (typeof id === 'number' && !Number.isNaN(this.#baseNumber)) return id - this.#baseNumber;
    return Number(BigInt(id) - this.base);
  }
}

/** Compares two ids numerically: negative, zero or positive. */
export function compareTradeIds(a: TradeId, b: TradeId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
