// Request weights that depend on parameters (reference §3.4). USD-M and COIN-M use the same tables.

/** Kline weight by `limit` (default 500): [1, 100) → 1, [100, 500) → 2, [500, 1000] → 5, above → 10. */
export function klineWeight(limit: number | undefined): number {
  const n = limit ?? 500;
  if (n < 100) return 1;
  if (n < 500) return 2;
  if (n <= 1000) return 5;
  return 10;
}

/** Depth weight by `limit` (default 500): 5–50 → 2, 100 → 5, 500 → 10, 1000 → 20. */
export function depthWeight(limit: number | undefined): number {
  const n = limit ?? 500;
  if (n <= 50) return 2;
  if (n <= 100) return 5;
  if (n <= 500) return 10;
  return 20;
}

/** The weight of an endpoint that costs `single` for one symbol and `all` without `symbol`. */
export function bySymbol(symbol: string | undefined, single: number, all: number): number {
  return symbol === undefined ? all : single;
}
