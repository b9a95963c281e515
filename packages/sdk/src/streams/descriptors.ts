/**
 * Market stream names (reference §9.4, COIN-M §13.4): what each one delivers (types), where it is
 * served (the 2026 USD-M routes `/public` and `/market`; COIN-M has no split), how often it must
 * speak (for the watchdog) and whether a slow consumer may lose its older values (queue policy).
 * COIN-M symbols carry an underscore (`btcusd_perp`); its pair streams name the pair (`btcusd`).
 */
import type {
  AggTradeEvent,
  AssetIndexEvent,
  BookTickerEvent,
  CoinmBookTickerEvent,
  CoinmContinuousKlineEvent,
  CoinmDepthUpdateEvent,
  CoinmIndexPriceKlineEvent,
  CoinmIndexPriceUpdateEvent,
  CoinmMarkPriceKlineEvent,
  CoinmMarkPriceUpdateEvent,
  CoinmMiniTickerEvent,
  CoinmTickerEvent,
  CompositeIndexEvent,
  ContinuousContractType,
  ContinuousKlineEvent,
  ContractInfoEvent,
  DepthUpdateEvent,
  ForceOrderEvent,
  KlineEvent,
  KlineInterval,
  MarketStreamMessage,
  MarkPriceUpdateEvent,
  MiniTickerEvent,
  PartialDepthEvent,
  TickerEvent,
  TradeEvent,
} from '@basis/core';
import { InvalidStreamNameError } from './errors.js';

/** Update speed suffix of depth streams. */
export type DepthSpeedSuffix = '' | '@100ms' | '@250ms' | '@500ms';
/** Levels of a partial depth stream. */
export type DepthLevels = 5 | 10 | 20;

/** Every market stream name, as template literal types (symbols lower-case). */
export type MarketStreamName =
  | `${string}@aggTrade`
  | `${string}@trade`
  | `${string}@markPrice`
  | `${string}@markPrice@1s`
  | '!markPrice@arr'
  | '!markPrice@arr@1s'
  | `${string}@kline_${KlineInterval}`
  | `${string}_${Lowercase<ContinuousContractType>}@continuousKline_${KlineInterval}`
  | `${string}@miniTicker`
  | '!miniTicker@arr'
  | `${string}@ticker`
  | '!ticker@arr'
  | `${string}@bookTicker`
  | '!bookTicker'
  | `${string}@forceOrder`
  | '!forceOrder@arr'
  | `${string}@depth${DepthLevels}${DepthSpeedSuffix}`
  | `${string}@depth${DepthSpeedSuffix}`
  | `${string}@rpiDepth@500ms`
  | `${string}@compositeIndex`
  | '!contractInfo'
  | '!assetIndex@arr'
  | `${string}@assetIndex`
  // COIN-M only (§13.4): per pair (`btcusd`) or per symbol (`btcusd_perp`).
  | `${string}@indexPrice`
  | `${string}@indexPrice@1s`
  | `${string}@markPriceKline_${KlineInterval}`
  | `${string}@indexPriceKline_${KlineInterval}`;

/**
 * The payload type of a stream name: `StreamEvent<'btcusdt@aggTrade'>` is `AggTradeEvent`,
 * `StreamEvent<'!markPrice@arr'>` is `MarkPriceUpdateEvent[]`, and so on.
 */
export type StreamEvent<Name extends string> = Name extends '!markPrice@arr' | '!markPrice@arr@1s'
  ? MarkPriceUpdateEvent[]
  : Name extends '!miniTicker@arr'
    ? MiniTickerEvent[]
    : Name extends '!ticker@arr'
      ? TickerEvent[]
      : Name extends '!assetIndex@arr'
        ? AssetIndexEvent[]
        : Name extends '!bookTicker'
          ? BookTickerEvent
          : Name extends '!forceOrder@arr'
            ? ForceOrderEvent
            : Name extends '!contractInfo'
              ? ContractInfoEvent
              : Name extends `${string}@aggTrade`
                ? AggTradeEvent
                : Name extends `${string}@trade`
                  ? TradeEvent
                  : Name extends `${string}@markPrice` | `${string}@markPrice@1s`
                    ? MarkPriceUpdateEvent
                    : Name extends `${string}@continuousKline_${string}`
                      ? ContinuousKlineEvent
                      : Name extends `${string}@kline_${string}`
                        ? KlineEvent
                        : Name extends `${string}@miniTicker`
                          ? MiniTickerEvent
                          : Name extends `${string}@ticker`
                            ? TickerEvent
                            : Name extends `${string}@bookTicker`
                              ? BookTickerEvent
                              : Name extends `${string}@forceOrder`
                                ? ForceOrderEvent
                                : Name extends `${string}@depth${DepthLevels}${DepthSpeedSuffix}`
                                  ? PartialDepthEvent
                                  : Name extends
                                        | `${string}@depth${DepthSpeedSuffix}`
                                        | `${string}@rpiDepth@500ms`
                                    ? DepthUpdateEvent
                                    : Name extends `${string}@compositeIndex`
                                      ? CompositeIndexEvent
                                      : Name extends `${string}@assetIndex`
                                        ? AssetIndexEvent
                                        : Name extends `${string}@indexPrice` | `${string}@indexPrice@1s`
                                          ? CoinmIndexPriceUpdateEvent
                                          : Name extends `${string}@markPriceKline_${string}`
                                            ? CoinmMarkPriceKlineEvent
                                            : Name extends `${string}@indexPriceKline_${string}`
                                              ? CoinmIndexPriceKlineEvent
                                              : MarketStreamMessage;

/**
 * The payload type of a stream name on COIN-M (§13.4): payloads add `ps` (the pair); a pair's mark
 * price (`btcusd@markPrice`, no underscore: COIN-M symbols always have one) is an array over the
 * pair's symbols; the rest as {@link StreamEvent}.
 */
export type CoinmStreamEvent<Name extends string> = Name extends
  | `${infer Prefix}@markPrice`
  | `${infer Prefix}@markPrice@1s`
  ? Prefix extends `${string}_${string}`
    ? CoinmMarkPriceUpdateEvent
    : CoinmMarkPriceUpdateEvent[]
  : Name extends `${string}@continuousKline_${string}`
    ? CoinmContinuousKlineEvent
    : Name extends `${string}@miniTicker`
      ? CoinmMiniTickerEvent
      : Name extends `${string}@ticker`
        ? CoinmTickerEvent
        : Name extends `${string}@bookTicker`
          ? CoinmBookTickerEvent
          : Name extends `${string}@depth${DepthSpeedSuffix}`
            ? CoinmDepthUpdateEvent
            : StreamEvent<Name>;

/** The futures markets whose streams are typed: USD-M (fstream) and COIN-M (dstream). */
export type StreamsMarket = 'usdm' | 'coinm';

/** The payload type of a stream name on `M` (USD-M when `M` is not known to be COIN-M). */
export type MarketStreamEvent<M extends StreamsMarket, Name extends string> = [M] extends ['coinm']
  ? CoinmStreamEvent<Name>
  : StreamEvent<Name>;

/** The USD-M route a stream is served on (§9.1); COIN-M (and `routing: 'legacy'`) has none. */
export type StreamRoute = 'public' | 'market';

/**
 * What a slow consumer's queue does when full: `latest` drops the oldest queued values and counts
 * them (a newer value supersedes an older one); `lossless` never drops: the consumer gets a
 * `StreamOverflowError`.
 */
export type QueuePolicy = 'latest' | 'lossless';

/** What the SDK knows about one stream name. */
export interface StreamDescriptor {
  /** The name as sent to Binance. */
  readonly name: string;
  readonly kind:
    | 'aggTrade'
    | 'trade'
    | 'markPrice'
    | 'markPriceAll'
    | 'kline'
    | 'continuousKline'
    | 'miniTicker'
    | 'miniTickerAll'
    | 'ticker'
    | 'tickerAll'
    | 'bookTicker'
    | 'bookTickerAll'
    | 'forceOrder'
    | 'forceOrderAll'
    | 'partialDepth'
    | 'diffDepth'
    | 'rpiDepth'
    | 'compositeIndex'
    | 'contractInfo'
    | 'assetIndex'
    | 'assetIndexAll'
    | 'indexPrice'
    | 'markPriceKline'
    | 'indexPriceKline';
  readonly route: StreamRoute;
  readonly policy: QueuePolicy;
  /**
   * The longest regular interval between two messages, ms, for streams that speak on a timer
   * whatever the market does (mark price); undefined for streams that only speak on change.
   */
  readonly cadenceMs: number | undefined;
}

const SYMBOL = '[a-z0-9_]{1,40}';
const INTERVAL = '(?:1m|3m|5m|15m|30m|1h|2h|4h|6h|8h|12h|1d|3d|1w|1M)';
const CONTRACT = '(?:perpetual|current_quarter|next_quarter|tradifi_perpetual)';

type Kind = StreamDescriptor['kind'];
const PATTERNS: readonly [
  RegExp,
  Kind,
  StreamRoute,
  QueuePolicy,
  ((m: RegExpExecArray) => number) | undefined,
][] = [
  [new RegExp(`^${SYMBOL}@aggTrade$`), 'aggTrade', 'market', 'lossless', undefined],
  [new RegExp(`^${SYMBOL}@trade$`), 'trade', 'market', 'lossless', undefined],
  [new RegExp(`^${SYMBOL}@markPrice(@1s)?$`), 'markPrice', 'market', 'latest', (m) => (m[1] ? 1000 : 3000)],
  [/^!markPrice@arr(@1s)?$/, 'markPriceAll', 'market', 'latest', (m) => (m[1] ? 1000 : 3000)],
  [new RegExp(`^${SYMBOL}@kline_${INTERVAL}$`), 'kline', 'market', 'lossless', undefined],
  [
    new RegExp(`^${SYMBOL}_${CONTRACT}@continuousKline_${INTERVAL}$`),
    'continuousKline',
    'market',
    'lossless',
    undefined,
  ],
  [new RegExp(`^${SYMBOL}@miniTicker$`), 'miniTicker', 'market', 'latest', undefined],
  [/^!miniTicker@arr$/, 'miniTickerAll', 'market', 'latest', undefined],
  [new RegExp(`^${SYMBOL}@ticker$`), 'ticker', 'market', 'latest', undefined],
  [/^!ticker@arr$/, 'tickerAll', 'market', 'latest', undefined],
  [new RegExp(`^${SYMBOL}@bookTicker$`), 'bookTicker', 'public', 'latest', undefined],
  [/^!bookTicker$/, 'bookTickerAll', 'public', 'latest', undefined],
  [new RegExp(`^${SYMBOL}@forceOrder$`), 'forceOrder', 'market', 'lossless', undefined],
  [/^!forceOrder@arr$/, 'forceOrderAll', 'market', 'lossless', undefined],
  [
    new RegExp(`^${SYMBOL}@depth(?:5|10|20)(?:@(?:100|250|500)ms)?$`),
    'partialDepth',
    'public',
    'latest',
    undefined,
  ],
  [new RegExp(`^${SYMBOL}@depth(?:@(?:100|250|500)ms)?$`), 'diffDepth', 'public', 'lossless', undefined],
  [new RegExp(`^${SYMBOL}@rpiDepth@500ms$`), 'rpiDepth', 'public', 'lossless', undefined],
  [new RegExp(`^${SYMBOL}@compositeIndex$`), 'compositeIndex', 'market', 'latest', () => 1000],
  [/^!contractInfo$/, 'contractInfo', 'market', 'lossless', undefined],
  [/^!assetIndex@arr$/, 'assetIndexAll', 'market', 'latest', () => 1000],
  [new RegExp(`^${SYMBOL}@assetIndex$`), 'assetIndex', 'market', 'latest', () => 1000],
  // COIN-M only: no route there (dstream has no split), 'market' for a routed USD-M connection.
  [new RegExp(`^${SYMBOL}@indexPrice(@1s)?$`), 'indexPrice', 'market', 'latest', (m) => (m[1] ? 1000 : 3000)],
  [new RegExp(`^${SYMBOL}@markPriceKline_${INTERVAL}$`), 'markPriceKline', 'market', 'lossless', undefined],
  [new RegExp(`^${SYMBOL}@indexPriceKline_${INTERVAL}$`), 'indexPriceKline', 'market', 'lossless', undefined],
];

/**
 * Reads a stream name.
 *
 * @throws InvalidStreamNameError for a name Binance does not serve (upper-case symbols included).
 *
 * @example
 * describeStream('btcusdt@depth@100ms');
 * // { name: 'btcusdt@depth@100ms', kind: 'diffDepth', route: 'public', policy: 'lossless', cadenceMs: undefined }
 */
export function describeStream(name: string): StreamDescriptor {
  for (const [pattern, kind, route, policy, cadence] of PATTERNS) {
    const match = pattern.exec(name);
    if (match !== null) return { name, kind, route, policy, cadenceMs: cadence?.(match) };
  }
  throw new InvalidStreamNameError(name);
}

const lower = <S extends string>(symbol: S): Lowercase<S> => symbol.toLowerCase() as Lowercase<S>;

/**
 * Builders of stream names from symbols in any case, typed so that `subscribe` infers the event.
 *
 * @example
 * streams.subscribe(marketStream.depth('BTCUSDT', 100), (event) => event.pu); // DepthUpdateEvent
 */
export const marketStream = {
  aggTrade: <S extends string>(symbol: S) => `${lower(symbol)}@aggTrade` as const,
  trade: <S extends string>(symbol: S) => `${lower(symbol)}@trade` as const,
  markPrice: <S extends string, F extends '1s' | '3s' = '3s'>(symbol: S, every?: F) =>
    (every === '1s' ? `${lower(symbol)}@markPrice@1s` : `${lower(symbol)}@markPrice`) as F extends '1s'
      ? `${Lowercase<S>}@markPrice@1s`
      : `${Lowercase<S>}@markPrice`,
  allMarkPrices: <F extends '1s' | '3s' = '3s'>(every?: F) =>
    (every === '1s' ? '!markPrice@arr@1s' : '!markPrice@arr') as F extends '1s'
      ? '!markPrice@arr@1s'
      : '!markPrice@arr',
  kline: <S extends string, I extends KlineInterval>(symbol: S, interval: I) =>
    `${lower(symbol)}@kline_${interval}` as const,
  continuousKline: <P extends string, C extends ContinuousContractType, I extends KlineInterval>(
    pair: P,
    contractType: C,
    interval: I,
  ) => `${lower(pair)}_${lower(contractType)}@continuousKline_${interval}` as const,
  miniTicker: <S extends string>(symbol: S) => `${lower(symbol)}@miniTicker` as const,
  allMiniTickers: () => '!miniTicker@arr' as const,
  ticker: <S extends string>(symbol: S) => `${lower(symbol)}@ticker` as const,
  allTickers: () => '!ticker@arr' as const,
  bookTicker: <S extends string>(symbol: S) => `${lower(symbol)}@bookTicker` as const,
  allBookTickers: () => '!bookTicker' as const,
  forceOrder: <S extends string>(symbol: S) => `${lower(symbol)}@forceOrder` as const,
  allForceOrders: () => '!forceOrder@arr' as const,
  /** Top `levels` snapshot every 250 ms (default), 100 ms or 500 ms. */
  partialDepth: <S extends string, L extends DepthLevels, V extends 100 | 250 | 500 | undefined = undefined>(
    symbol: S,
    levels: L,
    speedMs?: V,
  ) =>
    `${lower(symbol)}@depth${levels}${speedMs === undefined ? '' : `@${speedMs}ms`}` as `${Lowercase<S>}@depth${L}${V extends number ? `@${V}ms` : ''}`,
  /** COIN-M: a pair's index price every 3 s (default) or 1 s. */
  indexPrice: <P extends string, F extends '1s' | '3s' = '3s'>(pair: P, every?: F) =>
    (every === '1s' ? `${lower(pair)}@indexPrice@1s` : `${lower(pair)}@indexPrice`) as F extends '1s'
      ? `${Lowercase<P>}@indexPrice@1s`
      : `${Lowercase<P>}@indexPrice`,
  /** COIN-M: a symbol's mark-price candles. */
  markPriceKline: <S extends string, I extends KlineInterval>(symbol: S, interval: I) =>
    `${lower(symbol)}@markPriceKline_${interval}` as const,
  /** COIN-M: a pair's index-price candles. */
  indexPriceKline: <P extends string, I extends KlineInterval>(pair: P, interval: I) =>
    `${lower(pair)}@indexPriceKline_${interval}` as const,
  /** Diff depth (raw `U`/`u`/`pu` kept) every 250 ms (default), 100 ms or 500 ms. */
  depth: <S extends string, V extends 100 | 250 | 500 | undefined = undefined>(symbol: S, speedMs?: V) =>
    `${lower(symbol)}@depth${speedMs === undefined ? '' : `@${speedMs}ms`}` as `${Lowercase<S>}@depth${V extends number ? `@${V}ms` : ''}`,
} as const;
