/** An id as Binance sends it: a JSON integer, a `bigint` once it no longer fits a double exactly. */
export type Id = number | bigint;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** `bigint` above 2^53 − 1, `number` otherwise: the representation core's lossless JSON parser yields. */
export function toId(value: bigint): Id {
  return value > MAX_SAFE ? value : Number(value);
}

/** A key usable in a `Map` for ids of either representation. */
export function idKey(id: Id): bigint {
  return typeof id === 'bigint' ? id : BigInt(id);
}

/**
 * Allocates increasing ids from a configurable start, so clients can be tested with ids above 2^53
 * (where `JSON.parse` silently loses digits).
 */
export class IdSequence {
  #next: bigint;

  constructor(start: bigint | number = 1) {
    this.#next = BigInt(start);
  }

  /** Returns the next id and advances. */
  next(): Id {
    const id = this.#next;
    this.#next += 1n;
    return toId(id);
  }

  /** The id the next call to `next()` will return, without advancing. */
  peek(): Id {
    return toId(this.#next);
  }

  /** For snapshots. */
  get state(): bigint {
    return this.#next;
  }

  set state(value: bigint) {
    this.#next = value;
  }
}
