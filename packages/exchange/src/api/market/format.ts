import type { AggTrade, Decimal, Depth, PriceLevel, Trade, Kline as WireKline } from '@basis/core';
import type { Kline, KlineStore } from '../../marketData/klines.js';
import type { AggTradeRecord, TradeRecord } from '../../marketData/trades.js';
import { toId } from '../../venue/idSequence.js';
import { BUY, type Market, SELL } from '../../venue/market.js';
import { type KlineRequest, runQuery } from './query.js';

// Wire formatting shared by the market-data endpoints: decimals become Binance's strings with the
// symbol's precision, ids stay numbers or bigints.

/** Fraction digits of mark, index and premium prices, funding rates and sample klines. */
export const RATE_DECIMALS = 8;

/** A rate or sample price (mark, index, funding rate) with Binance's 8 fraction digits. */
export function formatRate(value: Decimal): string {
  return value.toFixed(RATE_DECIMALS, 'half-up');
}

/**
 * A trade value (`TradeValue`) as Binance prints it, rounded toward zero: a USD-M quote amount
 * (`quoteQty`, 24 h `quoteVolume`) with the symbol's price precision [U: Binance's precision and
 * rounding for these are not documented], a COIN-M base amount (`baseQty`, `baseVolume`) with the
 * value's 8 decimals (as the docs' examples print them).
 */
export function formatTradeValue(market: Market, value: Decimal): string {
  const rule = market.klines.tradeValue!;
  return value.toFixed(rule.inverse ? rule.unit.scale : market.priceDecimals);
}

/** What a public trade was worth (see `TradeValue`): quote asset on USD-M, base asset on COIN-M. */
export function tradeValueOf(market: Market, trade: TradeRecord): Decimal {
  return market.klines.tradeValue!.decimal(trade.priceTick, trade.qtySteps);
}

/** Book levels from `OrderBook.depth`'s flat `[tick, qty, tick, qty, ...]` array, best first. */
export function priceLevels(market: Market, flat: readonly number[]): PriceLevel[] {
  const levels: PriceLevel[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    levels.push([market.formatPrice(flat[i]!), market.formatQty(flat[i + 1]!)]);
  }
  return levels;
}

/** A depth snapshot: the best `limit` levels of each side, stamped with the book's update sequence. */
export function depthSnapshot(market: Market, limit: number, now: number): Depth {
  return {
    lastUpdateId: toId(market.updateId),
    E: now,
    T: now,
    bids: priceLevels(market, market.bookView.depth(BUY, limit)),
    asks: priceLevels(market, market.bookView.depth(SELL, limit)),
  };
}

/** One row of `trades` / `historicalTrades`. RPI orders are not modelled, so `isRPITrade` is false. */
export function tradeRow(market: Market, trade: TradeRecord): Trade {
  return {
    id: trade.id,
    price: market.formatPrice(trade.priceTick),
    qty: market.formatQty(trade.qtySteps),
    quoteQty: formatTradeValue(market, tradeValueOf(market, trade)),
    time: trade.time,
    isBuyerMaker: trade.isBuyerMaker,
    isRPITrade: false,
  };
}

/** One row of `aggTrades`; `nq` (quantity without RPI fills) equals `q` since RPI is not modelled. */
export function aggTradeRow(market: Market, agg: AggTradeRecord): AggTrade {
  const qty = market.formatQty(agg.qtySteps);
  return {
    a: agg.aggId,
    p: market.formatPrice(agg.priceTick),
    q: qty,
    nq: qty,
    f: agg.firstTradeId,
    l: agg.lastTradeId,
    T: agg.time,
    m: agg.isBuyerMaker,
  };
}

/**
 * How a kline store prints: fraction digits of prices and, for trade klines, of volumes (index 5, 9)
 * and trade values (index 7, 10). Sample klines (mark, index, premium index) have no volumes; their
 * volume fields are "0".
 */
export interface KlineFormat {
  readonly priceDecimals: number;
  readonly volume?: { readonly qtyDecimals: number; readonly valueDecimals: number };
}

/**
 * Trade klines print with the symbol's price and quantity precision. Values are exact: a USD-M quote
 * volume has the price's plus the quantity's fraction digits (BTCUSDT: 2 + 3 = 5, as Binance prints
 * them), a COIN-M base volume the 8 of its trade values (docs: "2.13660389").
 */
export function tradeKlineFormat(market: Market): KlineFormat {
  const rule = market.klines.tradeValue!;
  const valueDecimals = rule.inverse ? rule.unit.scale : market.qtyDecimals + market.priceDecimals;
  return { priceDecimals: market.priceDecimals, volume: { qtyDecimals: market.qtyDecimals, valueDecimals } };
}

/** Mark, index and premium-index klines print 8 fraction digits and zero volumes. */
export const SAMPLE_KLINE_FORMAT: KlineFormat = { priceDecimals: RATE_DECIMALS };

/**
 * One candle as Binance's 12-element array: on COIN-M index 5 and 9 are contracts and 7 and 10 base
 * volumes, in the same places as USD-M's base and quote volumes.
 */
export function klineRow(kline: Kline, format: KlineFormat): WireKline {
  const price = (value: Decimal): string => value.toFixed(format.priceDecimals, 'half-even');
  const v = format.volume;
  const base = (value: Decimal): string => (v === undefined ? '0' : value.toFixed(v.qtyDecimals));
  const quote = (value: Decimal): string => (v === undefined ? '0' : value.toFixed(v.valueDecimals));
  return [
    kline.openTime,
    price(kline.open),
    price(kline.high),
    price(kline.low),
    price(kline.close),
    base(kline.volume),
    kline.closeTime,
    quote(kline.quoteVolume),
    kline.count,
    base(kline.takerBuyVolume),
    quote(kline.takerBuyQuoteVolume),
    '0',
  ];
}

/** Runs a kline request on `store` at the venue's time and prints the candles. */
export function klineRows(
  store: KlineStore,
  request: KlineRequest,
  now: number,
  format: KlineFormat,
): WireKline[] {
  return runQuery(() => store.klines({ ...request, now })).map((kline) => klineRow(kline, format));
}
