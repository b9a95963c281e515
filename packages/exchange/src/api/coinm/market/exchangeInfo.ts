import {
  COINM_TIME_IN_FORCES,
  type CoinmExchangeInfo,
  type CoinmSymbolInfo,
  ORDER_TYPES,
  type RateLimit,
} from '@basis/core';
import { COINM_RATE_LIMITS } from '../../../rest/rateLimit.js';
import { coinmContractType } from '../../../venue/delivery.js';
import type { Market } from '../../../venue/market.js';
import { defineEndpoint } from '../../endpoint.js';
import { exchangeInfoBody, symbolFilters, underlyingType } from '../../market/exchangeInfo.js';

/**
 * The limiters the COIN-M handler enforces ({@link COINM_RATE_LIMITS}): weight and orders per
 * minute. There is no 10-second ORDERS entry: COIN-M counts orders per minute only (§13.3).
 */
export const COINM_EXCHANGE_RATE_LIMITS: readonly RateLimit[] = [
  {
    rateLimitType: 'REQUEST_WEIGHT',
    interval: 'MINUTE',
    intervalNum: 1,
    limit: COINM_RATE_LIMITS.requestWeightPerMinute,
  },
  { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: COINM_RATE_LIMITS.ordersPerMinute },
];

/** `equalQtyPrecision` ("ignore" in the docs), 4 in Binance's example for BTCUSD [U: its meaning]. */
const EQUAL_QTY_PRECISION = 4;

/** USD per contract of a COIN-M market, as exchangeInfo's JSON number. */
function contractSize(market: Market): number {
  if (market.contract.kind !== 'inverse') throw new Error(`${market.symbol} is not an inverse contract`);
  return market.contract.contractSize.toNumber();
}

/**
 * One entry of COIN-M exchangeInfo `symbols[]`, in the docs' field order: `contractStatus` (the
 * market's status) instead of `status`, `contractType` with `_DELIVERING` while it delivers, `contractSize` and `equalQtyPrecision`, no `settlePlan`, and
 * USD-M's filters without MIN_NOTIONAL (COIN-M has none). Conditional order types are listed: COIN-M
 * places them through `POST /dapi/v1/order`; time in force without GTD.
 */
export function coinmSymbolInfo(market: Market): CoinmSymbolInfo {
  const s = market.spec;
  return {
    filters: symbolFilters(market).filter((f) => f.filterType !== 'MIN_NOTIONAL'),
    orderTypes: [...ORDER_TYPES],
    timeInForce: [...COINM_TIME_IN_FORCES],
    liquidationFee: s.liquidationFee,
    marketTakeBound: s.marketTakeBound,
    symbol: s.symbol,
    pair: s.pair,
    contractType: coinmContractType(market),
    deliveryDate: s.deliveryDate,
    onboardDate: s.onboardDate,
    contractStatus: market.status,
    contractSize: contractSize(market),
    quoteAsset: s.quoteAsset,
    baseAsset: s.baseAsset,
    marginAsset: s.marginAsset,
    pricePrecision: s.pricePrecision,
    quantityPrecision: s.quantityPrecision,
    baseAssetPrecision: s.baseAssetPrecision,
    quotePrecision: s.quotePrecision,
    equalQtyPrecision: EQUAL_QTY_PRECISION,
    triggerProtect: s.triggerProtect,
    maintMarginPercent: s.maintMarginPercent,
    requiredMarginPercent: s.requiredMarginPercent,
    underlyingType: underlyingType(s.underlyingType),
    underlyingSubType: [...s.underlyingSubType],
  };
}

/** `GET /dapi/v1/exchangeInfo` — COIN-M limiters and every contract; no `assets` (no multi-assets mode). */
export const coinmExchangeInfo = defineEndpoint<CoinmExchangeInfo>({
  name: 'exchangeInfo',
  security: 'NONE',
  weight: 1,
  command: false,
  handle(venue, context) {
    return exchangeInfoBody(venue, context.now, COINM_EXCHANGE_RATE_LIMITS, {}, coinmSymbolInfo);
  },
});
