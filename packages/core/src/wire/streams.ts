/**
 * USD-M market-stream payloads (§9.4). Every event carries `e` (event type) and `E` (event time,
 * ms). Symbols are upper-case in payloads (stream names are lower-case). The 2026 additions
 * `st` and `ps` (ahead of the "CM migration") are optional; clients must ignore unknown fields.
 */
import type { Id } from './common.js';
import type {
  ContractStatus,
  ContractType,
  KlineInterval,
  OrderSide,
  OrderStatus,
  ResponseOrderType,
  ResponseTimeInForce,
  StreamSymbolType,
} from './enums.js';
import type { PriceLevel } from './market.js';

/** Fields most UM market payloads gained in 2026; which streams carry `ps` is not documented [U]. */
export interface StreamMigrationFields {
  /** Symbol type: 1 = USD-M, 2 = COIN-M (2026 addition). */
  st?: StreamSymbolType;
  /** Pair (2026 addition on several streams). */
  ps?: string;
}

/** `<symbol>@aggTrade` (100 ms): aggregated trades; no insurance-fund or ADL fills. */
export interface AggTradeEvent extends StreamMigrationFields {
  e: 'aggTrade';
  /** Event time, ms. */
  E: number;
  /** Symbol. */
  s: string;
  /** Aggregate trade id. */
  a: Id;
  /** Price. */
  p: string;
  /** Quantity (all market trades). */
  q: string;
  /** Quantity excluding RPI-involved fills (since 2025-12-31). */
  nq?: string;
  /** First trade id. */
  f: Id;
  /** Last trade id. */
  l: Id;
  /** Trade time, ms. */
  T: number;
  /** True when the buyer was the maker. */
  m: boolean;
}

/**
 * `<symbol>@trade`: single trades. Undocumented on futures; fields inferred from what ccxt reads
 * (client-recipes §6.3) [U].
 */
export interface TradeEvent extends StreamMigrationFields {
  e: 'trade';
  /** Event time, ms. */
  E: number;
  /** Trade time, ms. */
  T: number;
  /** Symbol. */
  s: string;
  /** Trade id. */
  t: Id;
  /** Price. */
  p: string;
  /** Quantity. */
  q: string;
  /** Trade origin, e.g. "MARKET" [U: values undocumented]. */
  X: string;
  /** True when the buyer was the maker. */
  m: boolean;
}

/** `<symbol>@markPrice[@1s]` (3 s or 1 s); `!markPrice@arr[@1s]` sends an array of these. */
export interface MarkPriceUpdateEvent extends StreamMigrationFields {
  e: 'markPriceUpdate';
  /** Event time, ms. */
  E: number;
  /** Symbol. */
  s: string;
  /** Mark price. */
  p: string;
  /** Mark-price moving average (2026-03). */
  ap?: string;
  /** Index price. */
  i: string;
  /** Estimated settle price; only meaningful in the hour before settlement. */
  P: string;
  /** Funding rate ("" for delivery contracts). */
  r: string;
  /** Next funding time, ms (0 for delivery contracts). */
  T: number;
}

/** The `k` object of kline events. */
export interface KlinePayload {
  /** Kline start time, ms. */
  t: number;
  /** Kline close time, ms. */
  T: number;
  /** Symbol (index klines send "0"). */
  s: string;
  /** Interval. */
  i: KlineInterval;
  /** First trade id (continuous klines: first update id). */
  f: Id;
  /** Last trade id (continuous klines: last update id). */
  L: Id;
  /** Open price. */
  o: string;
  /** Close price. */
  c: string;
  /** High price. */
  h: string;
  /** Low price. */
  l: string;
  /** Base-asset volume (COIN-M: contracts). */
  v: string;
  /** Number of trades. */
  n: number;
  /** Whether this kline is closed. */
  x: boolean;
  /** Quote-asset volume (COIN-M: base-asset volume). */
  q: string;
  /** Taker buy base-asset volume (COIN-M: contracts). */
  V: string;
  /** Taker buy quote-asset volume (COIN-M: base-asset volume). */
  Q: string;
  /** Ignore. */
  B: string;
}

/** `<symbol>@kline_<interval>` (250 ms). */
export interface KlineEvent extends StreamMigrationFields {
  e: 'kline';
  /** Event time, ms. */
  E: number;
  /** Symbol. */
  s: string;
  /** The kline. */
  k: KlinePayload;
}

/** `<pair>_<contractType>@continuousKline_<interval>` (250 ms); `k` has no symbol. */
export interface ContinuousKlineEvent {
  e: 'continuous_kline';
  /** Event time, ms. */
  E: number;
  /** Pair. */
  ps: string;
  /** Contract type (upper-case). */
  ct: ContractType;
  /** Symbol type (2026 addition). */
  st?: StreamSymbolType;
  /** The kline; `f`/`L` are update ids. */
  k: Omit<KlinePayload, 's'>;
}

/** `<symbol>@miniTicker` (2 s) and `!miniTicker@arr` (1 s, changed symbols only). */
export interface MiniTickerEvent extends StreamMigrationFields {
  e: '24hrMiniTicker';
  /** Event time, ms. */
  E: number;
  /** Symbol. */
  s: string;
  /** Close (last) price. */
  c: string;
  /** Open price. */
  o: string;
  /** High price. */
  h: string;
  /** Low price. */
  l: string;
  /** Base-asset volume. */
  v: string;
  /** Quote-asset volume. */
  q: string;
}

/** `<symbol>@ticker` (2 s) and `!ticker@arr` (1 s, changed symbols only): rolling 24 h. */
export interface TickerEvent extends StreamMigrationFields {
  e: '24hrTicker';
  /** Event time, ms. */
  E: number;
  /** Symbol. */
  s: string;
  /** Price change. */
  p: string;
  /** Price change percent. */
  P: string;
  /** Weighted average price. */
  w: string;
  /** Last price. */
  c: string;
  /** Last quantity. */
  Q: string;
  /** Open price. */
  o: string;
  /** High price. */
  h: string;
  /** Low price. */
  l: string;
  /** Base-asset volume. */
  v: string;
  /** Quote-asset volume. */
  q: string;
  /** Statistics open time, ms. */
  O: number;
  /** Statistics close time, ms. */
  C: number;
  /** First trade id. */
  F: Id;
  /** Last trade id. */
  L: Id;
  /** Number of trades. */
  n: number;
}

/** `<symbol>@bookTicker` (real time) and `!bookTicker` (every 5 s): best bid/ask, RPI excluded. */
export interface BookTickerEvent extends StreamMigrationFields {
  e: 'bookTicker';
  /** Order-book update id (same sequence as depth). */
  u: Id;
  /** Event time, ms. */
  E: number;
  /** Transaction time, ms. */
  T: number;
  /** Symbol. */
  s: string;
  /** Best bid price. */
  b: string;
  /** Best bid quantity. */
  B: string;
  /** Best ask price. */
  a: string;
  /** Best ask quantity. */
  A: string;
}

/** The `o` object of a forceOrder event. */
export interface ForceOrderPayload {
  /** Symbol. */
  s: string;
  /** Pair (COIN-M only). */
  ps?: string;
  /** Side. */
  S: OrderSide;
  /** Order type (LIMIT). */
  o: ResponseOrderType;
  /** Time in force (IOC). */
  f: ResponseTimeInForce;
  /** Original quantity. */
  q: string;
  /** Price. */
  p: string;
  /** Average price. */
  ap: string;
  /** Order status. */
  X: OrderStatus;
  /** Last filled quantity. */
  l: string;
  /** Cumulative filled quantity. */
  z: string;
  /** Trade time, ms. */
  T: number;
}

/** `<symbol>@forceOrder` / `!forceOrder@arr`: the largest liquidation per symbol per 1000 ms. */
export interface ForceOrderEvent extends StreamMigrationFields {
  e: 'forceOrder';
  /** Event time, ms. */
  E: number;
  /** The liquidation order. */
  o: ForceOrderPayload;
}

/**
 * `<symbol>@depth[@500ms|@100ms]` diff events (absolute quantities, "0" removes the level) and
 * `<symbol>@rpiDepth@500ms`. Apply only when `pu` equals the previous event's `u`.
 */
export interface DepthUpdateEvent extends StreamMigrationFields {
  e: 'depthUpdate';
  /** Event time, ms. */
  E: number;
  /** Transaction time, ms. */
  T: number;
  /** Symbol. */
  s: string;
  /** First update id in this event. */
  U: Id;
  /** Final update id in this event. */
  u: Id;
  /** Final update id of the previous event on this stream. */
  pu: Id;
  /** Changed bid levels. */
  b: PriceLevel[];
  /** Changed ask levels. */
  a: PriceLevel[];
}

/** `<symbol>@depth<5|10|20>[@500ms|@100ms]`: a top-N snapshot with the same fields as a diff event. */
export type PartialDepthEvent = DepthUpdateEvent;

/** One constituent of a composite index. */
export interface CompositeIndexComponent {
  /** Base asset. */
  b: string;
  /** Quote asset. */
  q: string;
  /** Weight in quantity. */
  w: string;
  /** Weight in percentage. */
  W: string;
  /** Index price of the constituent. */
  i: string;
}

/** `<symbol>@compositeIndex` (1 s). */
export interface CompositeIndexEvent {
  e: 'compositeIndex';
  /** Event time, ms. */
  E: number;
  /** Index symbol, e.g. DEFIUSDT. */
  s: string;
  /** Index price. */
  p: string;
  /** Composition type, e.g. "baseAsset". */
  C: string;
  /** Constituents. */
  c: CompositeIndexComponent[];
}

/** One leverage bracket inside a contractInfo event. */
export interface ContractInfoBracket {
  /** Bracket number. */
  bs: number;
  /** Notional floor. */
  bnf: number;
  /** Notional cap. */
  bnc: number;
  /** Maintenance margin ratio. */
  mmr: number;
  /** Auxiliary number for quick calculation (cum). */
  cf: number;
  /** Minimum leverage. */
  mi: number;
  /** Maximum leverage. */
  ma: number;
}

/** `!contractInfo` (real time): listing, settlement or bracket changes. */
export interface ContractInfoEvent {
  e: 'contractInfo';
  /** Event time, ms. */
  E: number;
  /** Symbol. */
  s: string;
  /** Pair. */
  ps: string;
  /** Contract type. */
  ct: ContractType;
  /** Delivery time, ms. */
  dt: number;
  /** Onboard time, ms. */
  ot: number;
  /** Contract status. */
  cs: ContractStatus;
  /** Leverage brackets; only when they changed. */
  bks?: ContractInfoBracket[];
}

/** `!assetIndex@arr` (array) / `<assetSymbol>@assetIndex` (1 s): multi-assets mode asset index. */
export interface AssetIndexEvent {
  e: 'assetIndexUpdate';
  /** Event time, ms. */
  E: number;
  /** Asset index symbol, e.g. ADAUSD. */
  s: string;
  /** Index price. */
  i: string;
  /** Bid buffer. */
  b: string;
  /** Ask buffer. */
  a: string;
  /** Bid rate. */
  B: string;
  /** Ask rate. */
  A: string;
  /** Auto-exchange bid buffer. */
  q: string;
  /** Auto-exchange ask buffer. */
  g: string;
  /** Auto-exchange bid rate. */
  Q: string;
  /** Auto-exchange ask rate. */
  G: string;
}

/** Any single USD-M market-stream payload, discriminated on `e`. */
export type MarketStreamEvent =
  | AggTradeEvent
  | TradeEvent
  | MarkPriceUpdateEvent
  | KlineEvent
  | ContinuousKlineEvent
  | MiniTickerEvent
  | TickerEvent
  | BookTickerEvent
  | ForceOrderEvent
  | DepthUpdateEvent
  | CompositeIndexEvent
  | ContractInfoEvent
  | AssetIndexEvent;

/** What one market-stream frame's data can be: a payload, or an array for the `!…@arr` streams. */
export type MarketStreamMessage =
  | MarketStreamEvent
  | MarkPriceUpdateEvent[]
  | MiniTickerEvent[]
  | TickerEvent[]
  | AssetIndexEvent[];
