/**
 * COIN-M market-stream payloads (§13.4) where they differ from USD-M. Payloads add `ps` (pair);
 * ticker `v` is contracts and `q` base-asset volume; kline `v` contracts, `q` base volume, `Q`
 * taker-buy base volume. aggTrade, forceOrder, contractInfo and kline reuse the USD-M types.
 */
import type { CoinmContinuousContractType } from '../enums.js';
import type {
  BookTickerEvent,
  DepthUpdateEvent,
  KlinePayload,
  MarkPriceUpdateEvent,
  MiniTickerEvent,
  TickerEvent,
} from '../streams.js';

/** `<pair>@indexPrice[@1s]` (3 s or 1 s). */
export interface CoinmIndexPriceUpdateEvent {
  e: 'indexPriceUpdate';
  /** Event time, ms. */
  E: number;
  /** Pair. */
  i: string;
  /** Index price. */
  p: string;
}

/**
 * `<symbol>@markPrice[@1s]` and `<pair>@markPrice[@1s]` (an array for every symbol of the pair).
 * No `ap`; delivery contracts send `r: ""` and `T: 0`.
 */
export type CoinmMarkPriceUpdateEvent = Omit<MarkPriceUpdateEvent, 'ap'>;

/** `<symbol>@markPriceKline_<interval>` (250 ms): volumes are "0". */
export interface CoinmMarkPriceKlineEvent {
  e: 'markPrice_kline';
  /** Event time, ms. */
  E: number;
  /** Pair. */
  ps: string;
  /** The kline (`s` is the symbol). */
  k: KlinePayload;
}

/** `<pair>@indexPriceKline_<interval>` (250 ms): `k.s` is "0" (ignore). */
export interface CoinmIndexPriceKlineEvent {
  e: 'indexPrice_kline';
  /** Event time, ms. */
  E: number;
  /** Pair. */
  ps: string;
  /** The kline. */
  k: KlinePayload;
}

/** `<pair>_<contractType>@continuousKline_<interval>` on dstream. */
export interface CoinmContinuousKlineEvent {
  e: 'continuous_kline';
  /** Event time, ms. */
  E: number;
  /** Pair. */
  ps: string;
  /** Contract type (upper-case). */
  ct: CoinmContinuousContractType;
  /** The kline; `f`/`L` are update ids. */
  k: Omit<KlinePayload, 's'>;
}

/** `<symbol>@ticker` (500 ms): `v` contracts, `q` base-asset volume, plus `ps`. */
export interface CoinmTickerEvent extends TickerEvent {
  /** Pair. */
  ps: string;
}

/** `<symbol>@miniTicker`: `v` contracts, `q` base-asset volume, plus `ps`. */
export interface CoinmMiniTickerEvent extends MiniTickerEvent {
  /** Pair. */
  ps: string;
}

/** `<symbol>@bookTicker`: plus `ps`. */
export interface CoinmBookTickerEvent extends BookTickerEvent {
  /** Pair. */
  ps: string;
}

/** `<symbol>@depth…` diff or partial event: plus `ps`; same `U`/`u`/`pu` algorithm. */
export interface CoinmDepthUpdateEvent extends DepthUpdateEvent {
  /** Pair. */
  ps: string;
}
