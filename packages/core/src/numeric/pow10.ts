const CACHED = 128;

/**
 * 10^0 … 10^128 as bigint, computed on the first call rather than at import (129 bigint powers were a
 * measurable part of loading core); frozen, so it is shared but never mutated.
 */
let table: readonly bigint[] | undefined;

/** 10^n as a bigint (`n` a non-negative integer); cached up to 10^128. @internal */
export function pow10(n: number): bigint {
  if (n > CACHED) return 10n ** BigInt(n);
  table ??= Object.freeze(Array.from({ length: CACHED + 1 }, (_, i) => 10n ** BigInt(i)));
  return table[n]!;
}
