import type {
  AggTradeEvent,
  BookTickerEvent,
  CoinmBookTickerEvent,
  CoinmDepthUpdateEvent,
  CoinmIndexPriceUpdateEvent,
  CoinmMarkPriceUpdateEvent,
  CoinmMiniTickerEvent,
  CoinmTickerEvent,
  DepthUpdateEvent,
  ForceOrderEvent,
  KlineInterval,
  KlinePayload,
  MarkPriceUpdateEvent,
  MiniTickerEvent,
  OrderStatus,
  PriceLevel,
  TickerEvent,
  TradeEvent,
} from '@basis/core';
import { coinmPremiumIndexRow } from '../api/coinm/market/premiumIndex.js';
import { bookTickerRow } from '../api/market/bookTicker.js';
import { aggTradeRow, formatRate, type KlineFormat, klineRow, priceLevels } from '../api/market/format.js';
import { premiumIndexRow } from '../api/market/premiumIndex.js';
import { ticker24hrRow } from '../api/market/ticker24hr.js';
import type { Kline } from '../marketData/klines.js';
import type { AggTradeRecord } from '../marketData/trades.js';
import type { ForceOrderEventData, TradeEventData } from '../venue/events.js';
import { toId } from '../venue/idSequence.js';
import { BUY, type Market, SELL } from '../venue/market.js';
import type { Product } from '../venue/venue.js';

// The market-stream payloads of §9.4, built from the same rows and formatting as the REST
// endpoints (api/market), so a stream and a REST answer at the same moment print the same strings.
// `product` 'coinm' gives COIN-M's forms (§13.4): `ps` (the pair) after `s`, delivery contracts
// without funding, no RPI quantity.

/** `ps` right after `s`: COIN-M payloads name the pair, USD-M ones do not. */
function pairOf(product: Product, market: Market): { ps?: string } {
  return product === 'coinm' ? { ps: market.spec.pair } : {};
}

/** `<symbol>@trade`: one trade, real time. */
export function tradeEvent(market: Market, trade: TradeEventData, E: number): TradeEvent {
  return {
    e: 'trade',
    E,
    T: trade.time,
    s: market.symbol,
    t: trade.tradeId,
    p: market.formatPrice(trade.priceTick),
    q: market.formatQty(trade.qtySteps),
    X: 'MARKET',
    m: trade.isBuyerMaker,
  };
}

/**
 * `<symbol>@aggTrade`: one aggregate trade, with the id `GET /fapi/v1/aggTrades` gives it. COIN-M's has
 * no `nq` (quantity without RPI fills, a USD-M field).
 */
export function aggTradeEvent(
  market: Market,
  agg: AggTradeRecord,
  E: number,
  product: Product,
): AggTradeEvent {
  const row = aggTradeRow(market, agg);
  return {
    e: 'aggTrade',
    E,
    a: row.a,
    s: market.symbol,
    p: row.p,
    q: row.q,
    ...(row.nq === undefined || product === 'coinm' ? {} : { nq: row.nq }),
    f: row.f,
    l: row.l,
    T: row.T,
    m: row.m,
  };
}

/**
 * `<symbol>@markPrice[@1s]` and the items of `!markPrice@arr` (COIN-M: of `<pair>@markPrice`):
 * `GET /fapi/v1/premiumIndex`'s values (`/dapi/v1/premiumIndex`'s: delivery contracts have no
 * funding, `r` "" and `T` 0).
 */
export function markPriceEvent(
  market: Market,
  E: number,
  product: Product,
): MarkPriceUpdateEvent | CoinmMarkPriceUpdateEvent {
  const row = product === 'coinm' ? coinmPremiumIndexRow(market, E) : premiumIndexRow(market, E);
  return {
    e: 'markPriceUpdate',
    E,
    s: market.symbol,
    p: row.markPrice,
    i: row.indexPrice,
    P: row.estimatedSettlePrice,
    r: row.lastFundingRate,
    T: row.nextFundingTime,
  };
}

/** COIN-M `<pair>@indexPrice[@1s]`: the pair's index price (8 decimals, as `premiumIndex`). */
export function indexPriceEvent(pair: string, market: Market, E: number): CoinmIndexPriceUpdateEvent {
  return { e: 'indexPriceUpdate', E, i: pair, p: formatRate(market.indexPrice) };
}

/**
 * The `k` object of a kline event: `GET /fapi/v1/klines`'s row as named fields (on COIN-M `v`/`V` are
 * contracts and `q`/`Q` base volumes, as the row's). Continuous klines (`symbol` undefined) carry no
 * `s`; COIN-M index-price klines carry `s` "0".
 */
export function klinePayload(
  kline: Kline,
  format: KlineFormat,
  interval: KlineInterval,
  symbol: string | undefined,
  closed: boolean,
): KlinePayload | Omit<KlinePayload, 's'> {
  const [t, o, h, l, c, v, T, q, n, V, Q, B] = klineRow(kline, format);
  return {
    t,
    T,
    ...(symbol === undefined ? {} : { s: symbol }),
    i: interval,
    f: kline.firstTradeId ?? -1,
    L: kline.lastTradeId ?? -1,
    o,
    c,
    h,
    l,
    v,
    n,
    x: closed,
    q,
    V,
    Q,
    B,
  };
}

/**
 * `<symbol>@ticker` / `!ticker@arr` and `@miniTicker` / `!miniTicker@arr`, from `GET /fapi/v1/ticker/24hr`'s
 * row. On COIN-M that row's volume is in contracts and its trade value in coin (`TradeValue`), so
 * `v` and `q` are COIN-M's contracts and base volume, and `ps` names the pair.
 */
export function tickerEvents(
  market: Market,
  E: number,
  product: Product,
): { ticker: TickerEvent | CoinmTickerEvent; mini: MiniTickerEvent | CoinmMiniTickerEvent } {
  const row = ticker24hrRow(market, E);
  const ps = pairOf(product, market);
  return {
    ticker: {
      e: '24hrTicker',
      E,
      s: row.symbol,
      ...ps,
      p: row.priceChange,
      P: row.priceChangePercent,
      w: row.weightedAvgPrice,
      c: row.lastPrice,
      Q: row.lastQty,
      o: row.openPrice,
      h: row.highPrice,
      l: row.lowPrice,
      v: row.volume,
      q: row.quoteVolume,
      O: row.openTime,
      C: row.closeTime,
      F: row.firstId,
      L: row.lastId,
      n: row.count,
    },
    mini: {
      e: '24hrMiniTicker',
      E,
      s: row.symbol,
      ...ps,
      c: row.lastPrice,
      o: row.openPrice,
      h: row.highPrice,
      l: row.lowPrice,
      v: row.volume,
      q: row.quoteVolume,
    },
  };
}

/** `<symbol>@bookTicker` / `!bookTicker`: `GET /fapi/v1/ticker/bookTicker`'s row; `T` is the book's last change. */
export function bookTickerEvent(
  market: Market,
  E: number,
  T: number,
  product: Product,
): BookTickerEvent | CoinmBookTickerEvent {
  const row = bookTickerRow(market, E);
  return {
    e: 'bookTicker',
    u: row.lastUpdateId,
    E,
    T,
    s: row.symbol,
    ...pairOf(product, market),
    b: row.bidPrice,
    B: row.bidQty,
    a: row.askPrice,
    A: row.askQty,
  };
}

/** `<symbol>@forceOrder` / `!forceOrder@arr`: one liquidation order's execution (COIN-M: `o.ps`). */
export function forceOrderEvent(
  market: Market,
  order: ForceOrderEventData,
  E: number,
  product: Product,
): ForceOrderEvent {
  return {
    e: 'forceOrder',
    E,
    o: {
      s: order.symbol,
      ...pairOf(product, market),
      S: order.side,
      o: 'LIMIT',
      f: 'IOC',
      q: market.formatQty(order.origQtySteps),
      p: market.formatPrice(order.priceTick),
      ap: order.avgPrice,
      X: order.status as OrderStatus,
      l: market.formatQty(order.lastFilledSteps),
      z: market.formatQty(order.filledSteps),
      T: order.time,
    },
  };
}

/** The ids of a depth event: first and final update id, and the final id of the previous event. */
export interface DepthIds {
  readonly U: bigint;
  readonly u: bigint;
  readonly pu: bigint;
}

/** `<symbol>@depth<N>[@speed]`: the best `levels` of each side, like `GET /fapi/v1/depth?limit=N`. */
export function partialDepthEvent(
  market: Market,
  levels: number,
  ids: DepthIds,
  E: number,
  T: number,
  product: Product,
): DepthUpdateEvent | CoinmDepthUpdateEvent {
  return depthEvent(
    market,
    product,
    ids,
    E,
    T,
    priceLevels(market, market.bookView.depth(BUY, levels)),
    priceLevels(market, market.bookView.depth(SELL, levels)),
  );
}

/** `<symbol>@depth[@speed]`: the changed levels, absolute quantities ("0" removes the level). */
export function diffDepthEvent(
  market: Market,
  ids: DepthIds,
  E: number,
  T: number,
  bids: ReadonlyMap<number, number>,
  asks: ReadonlyMap<number, number>,
  product: Product,
): DepthUpdateEvent | CoinmDepthUpdateEvent {
  return depthEvent(market, product, ids, E, T, levelsOf(market, bids, -1), levelsOf(market, asks, 1));
}

function depthEvent(
  market: Market,
  product: Product,
  ids: DepthIds,
  E: number,
  T: number,
  b: PriceLevel[],
  a: PriceLevel[],
): DepthUpdateEvent | CoinmDepthUpdateEvent {
  return {
    e: 'depthUpdate',
    E,
    T,
    s: market.symbol,
    ...pairOf(product, market),
    U: toId(ids.U),
    u: toId(ids.u),
    pu: toId(ids.pu),
    b,
    a,
  };
}

/** Changed levels sorted best first (bids descending: `direction` -1; asks ascending: 1). */
function levelsOf(market: Market, changes: ReadonlyMap<number, number>, direction: 1 | -1): PriceLevel[] {
  const ticks = [...changes.keys()].sort((x, y) => (x - y) * direction);
  return ticks.map((tick) => [market.formatPrice(tick), market.formatQty(changes.get(tick)!)]);
}
