const CACHED = 128;

/** 10^0 … 10^128 as bigint, computed once; frozen, so it is shared but never mutated. */
const POW10: readonly bigint[] = Object.freeze(
  Array.from({ length: CACHED + 1 }, (_, i) => 10n ** BigInt(i)),
);

/** 10^n as a bigint (`n` a non-negative integer); cached up to 10^128. @internal */
export function pow10(n: number): bigint {
  return n <= CACHED ? POW10[n]! : 10n ** BigInt(n);
}
