import {
  type ExchangeAsset,
  type ExchangeInfo,
  ORDER_TYPES,
  type RateLimit,
  type SymbolFilter,
  type SymbolInfo,
  type TimeInForce,
  UNDERLYING_TYPES,
  type UnderlyingType,
} from '@basis/core';
import type { Market } from '../../venue/market.js';
import type { Venue } from '../../venue/venue.js';
import { defineEndpoint } from '../endpoint.js';

/** The limiters Binance publishes for USD-M (§3.1), the 10 s ORDERS entry included. */
export const RATE_LIMITS: readonly RateLimit[] = [
  { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400 },
  { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200 },
  { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300 },
];

/**
 * Time in force listed per symbol: the four of the docs' example plus GTD, which the venue supports
 * (live lists carry it since GTD's launch [U]). RPI is accepted by the venue but left out: Binance
 * reserves it for designated market makers and the docs' lists do not show it [U].
 */
const TIME_IN_FORCE: readonly TimeInForce[] = ['GTC', 'IOC', 'FOK', 'GTX', 'GTD'];

export function underlyingType(value: string): UnderlyingType {
  return (UNDERLYING_TYPES as readonly string[]).includes(value) ? (value as UnderlyingType) : 'COIN';
}

/**
 * A symbol's trading rules (§7), from its spec verbatim. `MAX_NUM_ALGO_ORDERS` is not emitted: Binance
 * removed it from USD-M exchangeInfo on 2025-12-29, and the conditional-order cap is reported by
 * `-4045` when reached.
 */
export function symbolFilters(market: Market): SymbolFilter[] {
  const s = market.spec;
  return [
    { filterType: 'PRICE_FILTER', minPrice: s.minPrice, maxPrice: s.maxPrice, tickSize: s.tickSize },
    { filterType: 'LOT_SIZE', minQty: s.minQty, maxQty: s.maxQty, stepSize: s.stepSize },
    {
      filterType: 'MARKET_LOT_SIZE',
      minQty: s.marketMinQty,
      maxQty: s.marketMaxQty,
      stepSize: s.marketStepSize,
    },
    { filterType: 'MAX_NUM_ORDERS', limit: s.maxNumOrders },
    { filterType: 'MIN_NOTIONAL', notional: s.minNotional },
    {
      filterType: 'PERCENT_PRICE',
      multiplierUp: s.multiplierUp,
      multiplierDown: s.multiplierDown,
      multiplierDecimal: s.multiplierDecimal,
    },
  ];
}

/** One entry of exchangeInfo `symbols[]`; every listed market is TRADING. */
export function symbolInfo(market: Market): SymbolInfo {
  const s = market.spec;
  return {
    symbol: s.symbol,
    pair: s.pair,
    contractType: s.contractType,
    deliveryDate: s.deliveryDate,
    onboardDate: s.onboardDate,
    status: 'TRADING',
    maintMarginPercent: s.maintMarginPercent,
    requiredMarginPercent: s.requiredMarginPercent,
    baseAsset: s.baseAsset,
    quoteAsset: s.quoteAsset,
    marginAsset: s.marginAsset,
    pricePrecision: s.pricePrecision,
    quantityPrecision: s.quantityPrecision,
    baseAssetPrecision: s.baseAssetPrecision,
    quotePrecision: s.quotePrecision,
    underlyingType: underlyingType(s.underlyingType),
    underlyingSubType: [...s.underlyingSubType],
    settlePlan: 0,
    triggerProtect: s.triggerProtect,
    liquidationFee: s.liquidationFee,
    marketTakeBound: s.marketTakeBound,
    filters: symbolFilters(market),
    orderTypes: [...ORDER_TYPES],
    timeInForce: [...TIME_IN_FORCE],
  };
}

/**
 * The margin assets of the listed markets, in listing order. Each can margin positions in
 * multi-assets mode; `autoAssetExchange` "0" as in §5.1's example [U: live values differ per asset].
 */
function marginAssets(markets: Iterable<Market>): ExchangeAsset[] {
  const assets = new Set<string>();
  for (const market of markets) assets.add(market.spec.marginAsset);
  return [...assets].map((asset) => ({ asset, marginAvailable: true, autoAssetExchange: '0' }));
}

/**
 * The exchangeInfo body of either product, in Binance's field order: UTC, the venue's time, the
 * product's limiters, no exchange filters, the product's own fields (USD-M's `assets`), then every
 * listed market as `symbolRow` prints it.
 */
export function exchangeInfoBody<Own extends object, SymbolRow>(
  venue: Venue,
  now: number,
  rateLimits: readonly RateLimit[],
  own: Own,
  symbolRow: (market: Market) => SymbolRow,
) {
  return {
    timezone: 'UTC',
    serverTime: now,
    rateLimits: [...rateLimits],
    exchangeFilters: [],
    ...own,
    symbols: [...venue.markets.values()].map(symbolRow),
  };
}

/** `GET /fapi/v1/exchangeInfo` — limiters, margin assets and every symbol with its filters. */
export const exchangeInfo = defineEndpoint<ExchangeInfo>({
  name: 'exchangeInfo',
  security: 'NONE',
  weight: 1,
  command: false,
  handle(venue, context) {
    const assets = marginAssets(venue.markets.values());
    return exchangeInfoBody(venue, context.now, RATE_LIMITS, { assets }, symbolInfo);
  },
});
