import {
  COINM_CONTINUOUS_CONTRACT_TYPES,
  CONTINUOUS_CONTRACT_TYPES,
  type ContinuousContractType,
  KLINE_INTERVALS,
  type KlineInterval,
} from '@basis/core';
import type { Product } from '../venue/venue.js';

/** How often a throttled stream is flushed, ms. */
export const CADENCES = [100, 250, 500, 1000, 2000, 3000, 5000] as const;
export type Cadence = (typeof CADENCES)[number];

/** Update speeds of the depth streams, ms (`@100ms`, `@250ms` — the default — and `@500ms`). */
export type DepthSpeed = 100 | 250 | 500;

/** Levels of a partial depth stream (`depth5`, `depth10`, `depth20`). */
export type DepthLevels = 5 | 10 | 20;

/** What a stream name asks for. Symbols and pairs are upper-case here (stream names are lower-case). */
export type StreamSpec =
  | { readonly kind: 'trade'; readonly symbol: string }
  | { readonly kind: 'aggTrade'; readonly symbol: string }
  | { readonly kind: 'markPrice'; readonly symbol: string; readonly cadence: 1000 | 3000 }
  | { readonly kind: 'markPriceAll'; readonly cadence: 1000 | 3000 }
  | { readonly kind: 'kline'; readonly symbol: string; readonly interval: KlineInterval }
  | {
      readonly kind: 'continuousKline';
      readonly pair: string;
      readonly contractType: ContinuousContractType;
      readonly interval: KlineInterval;
    }
  | { readonly kind: 'miniTicker'; readonly symbol: string }
  | { readonly kind: 'miniTickerAll' }
  | { readonly kind: 'ticker'; readonly symbol: string }
  | { readonly kind: 'tickerAll' }
  | { readonly kind: 'bookTicker'; readonly symbol: string }
  | { readonly kind: 'bookTickerAll' }
  | { readonly kind: 'forceOrder'; readonly symbol: string }
  | { readonly kind: 'forceOrderAll' }
  | {
      readonly kind: 'partialDepth';
      readonly symbol: string;
      readonly levels: DepthLevels;
      readonly speed: DepthSpeed;
    }
  | { readonly kind: 'diffDepth'; readonly symbol: string; readonly speed: DepthSpeed }
  /** COIN-M `<pair>@markPrice[@1s]`: the mark price of every symbol of the pair, as an array. */
  | { readonly kind: 'markPricePair'; readonly pair: string; readonly cadence: 1000 | 3000 }
  /** COIN-M `<pair>@indexPrice[@1s]`. */
  | { readonly kind: 'indexPrice'; readonly pair: string; readonly cadence: 1000 | 3000 }
  /** COIN-M `<symbol>@markPriceKline_<i>`. */
  | { readonly kind: 'markPriceKline'; readonly symbol: string; readonly interval: KlineInterval }
  /** COIN-M `<pair>@indexPriceKline_<i>`. */
  | { readonly kind: 'indexPriceKline'; readonly pair: string; readonly interval: KlineInterval }
  /** A valid Binance stream this exchange has no data for (composite index, contract info, asset index). */
  | { readonly kind: 'silent' }
  /** A listen key used as a stream name: the user-data stream of its account. */
  | { readonly kind: 'listenKey'; readonly listenKey: string };

/** A market stream (anything but a listen key). */
export type MarketStreamSpec = Exclude<StreamSpec, { readonly kind: 'listenKey' }>;

const ALL_MARKET: Readonly<Record<string, MarketStreamSpec>> = {
  '!markPrice@arr': { kind: 'markPriceAll', cadence: 3000 },
  '!markPrice@arr@1s': { kind: 'markPriceAll', cadence: 1000 },
  '!miniTicker@arr': { kind: 'miniTickerAll' },
  '!ticker@arr': { kind: 'tickerAll' },
  '!bookTicker': { kind: 'bookTickerAll' },
  '!forceOrder@arr': { kind: 'forceOrderAll' },
  '!contractInfo': { kind: 'silent' },
  '!assetIndex@arr': { kind: 'silent' },
};

/**
 * COIN-M's all-market streams: USD-M's but `!markPrice@arr` (COIN-M has `<pair>@markPrice` instead)
 * and `!assetIndex@arr` (multi-assets mode is USD-M's), which are accepted and stay silent.
 */
const COINM_ALL_MARKET: Readonly<Record<string, MarketStreamSpec>> = {
  ...ALL_MARKET,
  '!markPrice@arr': { kind: 'silent' },
  '!markPrice@arr@1s': { kind: 'silent' },
  '!assetIndex@arr': { kind: 'silent' },
};

const SYMBOL = /^[a-z0-9]{1,32}$/;
/** COIN-M symbols carry their contract after an underscore (`btcusd_perp`, `btcusd_250926`); pairs do not. */
const COINM_SYMBOL = /^[a-z0-9]{1,32}(?:_[a-z0-9]{1,16})?$/;
const LISTEN_KEY = /^[A-Za-z0-9]{64}$/;
const DEPTH = /^depth(5|10|20)?(?:@(100|250|500)ms)?$/;

/**
 * Reads a stream name as Binance spells it (§9.4): lower-case symbols, case-sensitive event names,
 * `!`-prefixed all-market streams, or a listen key (64 alphanumerics, no `@`). Returns undefined for
 * anything else, such as the connection index ccxt puts in `/public/ws/<n>`.
 *
 * COIN-M (`product` 'coinm', §13.4) adds `<pair>@markPrice[@1s]`, `<pair>@indexPrice[@1s]`,
 * `<symbol>@markPriceKline_<i>` and `<pair>@indexPriceKline_<i>`; its symbols have an underscore, so
 * `btcusd@markPrice` names a pair and `btcusd_perp@markPrice` a symbol. USD-M-only streams
 * (`!markPrice@arr`, asset and composite indexes, RPI depth) are accepted there and stay silent.
 *
 * A syntactically valid name for an unknown symbol is accepted: it simply yields no data.
 *
 * @example
 * parseStreamName('btcusdt@depth@100ms') // { kind: 'diffDepth', symbol: 'BTCUSDT', speed: 100 }
 * parseStreamName('btcusd@indexPrice', 'coinm') // { kind: 'indexPrice', pair: 'BTCUSD', cadence: 3000 }
 */
export function parseStreamName(name: string, product: Product = 'usdm'): StreamSpec | undefined {
  const coinm = product === 'coinm';
  if (name.startsWith('!')) return (coinm ? COINM_ALL_MARKET : ALL_MARKET)[name];
  const at = name.indexOf('@');
  if (at === -1) return LISTEN_KEY.test(name) ? { kind: 'listenKey', listenKey: name } : undefined;
  const head = name.slice(0, at);
  const rest = name.slice(at + 1);
  if (rest.startsWith('continuousKline_'))
    return continuousKline(head, rest.slice('continuousKline_'.length), coinm);
  if (!(coinm ? COINM_SYMBOL : SYMBOL).test(head)) return undefined;
  if (coinm) {
    const spec = coinmStream(head, rest);
    if (spec !== null) return spec;
  }
  const symbol = head.toUpperCase();
  switch (rest) {
    case 'trade':
      return { kind: 'trade', symbol };
    case 'aggTrade':
      return { kind: 'aggTrade', symbol };
    case 'markPrice':
      return { kind: 'markPrice', symbol, cadence: 3000 };
    case 'markPrice@1s':
      return { kind: 'markPrice', symbol, cadence: 1000 };
    case 'miniTicker':
      return { kind: 'miniTicker', symbol };
    case 'ticker':
      return { kind: 'ticker', symbol };
    case 'bookTicker':
      return { kind: 'bookTicker', symbol };
    case 'forceOrder':
      return { kind: 'forceOrder', symbol };
    // RPI orders are not modelled, so the RPI book is the book.
    case 'rpiDepth@500ms':
      return { kind: 'diffDepth', symbol, speed: 500 };
    case 'compositeIndex':
    case 'assetIndex':
      return { kind: 'silent' };
  }
  if (rest.startsWith('kline_')) {
    const interval = klineInterval(rest.slice('kline_'.length));
    return interval === undefined ? undefined : { kind: 'kline', symbol, interval };
  }
  const depth = DEPTH.exec(rest);
  if (depth === null) return undefined;
  const speed = Number(depth[2] ?? 250) as DepthSpeed;
  if (depth[1] === undefined) return { kind: 'diffDepth', symbol, speed };
  return { kind: 'partialDepth', symbol, levels: Number(depth[1]) as DepthLevels, speed };
}

/**
 * The COIN-M reading of `<head>@<rest>` where it differs from USD-M's; null where it does not (the
 * caller goes on with USD-M's grammar).
 */
function coinmStream(head: string, rest: string): StreamSpec | undefined | null {
  const pair = head.includes('_') ? undefined : head.toUpperCase();
  switch (rest) {
    case 'markPrice':
    case 'markPrice@1s':
      if (pair === undefined) return null;
      return { kind: 'markPricePair', pair, cadence: rest === 'markPrice' ? 3000 : 1000 };
    case 'indexPrice':
    case 'indexPrice@1s':
      if (pair === undefined) return undefined;
      return { kind: 'indexPrice', pair, cadence: rest === 'indexPrice' ? 3000 : 1000 };
    case 'rpiDepth@500ms':
    case 'compositeIndex':
    case 'assetIndex':
      return { kind: 'silent' };
  }
  if (rest.startsWith('markPriceKline_')) {
    const interval = klineInterval(rest.slice('markPriceKline_'.length));
    if (interval === undefined || pair !== undefined) return undefined;
    return { kind: 'markPriceKline', symbol: head.toUpperCase(), interval };
  }
  if (rest.startsWith('indexPriceKline_')) {
    const interval = klineInterval(rest.slice('indexPriceKline_'.length));
    if (interval === undefined || pair === undefined) return undefined;
    return { kind: 'indexPriceKline', pair, interval };
  }
  return null;
}

function klineInterval(text: string): KlineInterval | undefined {
  return (KLINE_INTERVALS as readonly string[]).includes(text) ? (text as KlineInterval) : undefined;
}

/** `<pair>_<contractType>@continuousKline_<interval>`, contract type lower-case (COIN-M: no TradFi). */
function continuousKline(head: string, intervalText: string, coinm: boolean): StreamSpec | undefined {
  const underscore = head.indexOf('_');
  if (underscore === -1) return undefined;
  const pair = head.slice(0, underscore);
  const type = head.slice(underscore + 1).toUpperCase();
  const interval = klineInterval(intervalText);
  if (!SYMBOL.test(pair) || interval === undefined) return undefined;
  const types: readonly string[] = coinm ? COINM_CONTINUOUS_CONTRACT_TYPES : CONTINUOUS_CONTRACT_TYPES;
  if (!types.includes(type)) return undefined;
  return {
    kind: 'continuousKline',
    pair: pair.toUpperCase(),
    contractType: type as ContinuousContractType,
    interval,
  };
}

/**
 * The identity of a stream's data: two names with the same key (`btcusdt@depth` and
 * `btcusdt@depth@250ms`) carry the same events, built once.
 */
export function feedKey(spec: MarketStreamSpec): string {
  switch (spec.kind) {
    case 'trade':
    case 'aggTrade':
    case 'miniTicker':
    case 'ticker':
    case 'bookTicker':
    case 'forceOrder':
      return `${spec.kind}:${spec.symbol}`;
    case 'markPrice':
      return `markPrice:${spec.symbol}:${spec.cadence}`;
    case 'markPriceAll':
      return `markPriceAll:${spec.cadence}`;
    case 'kline':
      return `kline:${spec.symbol}:${spec.interval}`;
    case 'continuousKline':
      return `continuousKline:${spec.pair}:${spec.contractType}:${spec.interval}`;
    case 'partialDepth':
      return `partialDepth:${spec.symbol}:${spec.levels}:${spec.speed}`;
    case 'diffDepth':
      return `diffDepth:${spec.symbol}:${spec.speed}`;
    case 'markPricePair':
    case 'indexPrice':
      return `${spec.kind}:${spec.pair}:${spec.cadence}`;
    case 'markPriceKline':
      return `markPriceKline:${spec.symbol}:${spec.interval}`;
    case 'indexPriceKline':
      return `indexPriceKline:${spec.pair}:${spec.interval}`;
    case 'miniTickerAll':
    case 'tickerAll':
    case 'bookTickerAll':
    case 'forceOrderAll':
    case 'silent':
      return spec.kind;
  }
}
