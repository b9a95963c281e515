import { Decimal, type ExchangeInfo, type SymbolFilter } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../../config/defaultSymbols.js';
import { exchangeInfo, exchangeInfoBody } from './exchangeInfo.js';
import { call, T0, tradingVenue } from './testing.js';

function filter<T extends SymbolFilter['filterType']>(
  filters: readonly SymbolFilter[],
  type: T,
): Extract<SymbolFilter, { filterType: T }> {
  const found = filters.find((f) => f.filterType === type);
  if (found === undefined) throw new Error(`no ${type}`);
  return found as Extract<SymbolFilter, { filterType: T }>;
}

describe('exchangeInfo', () => {
  test('default: limiters, margin assets and every listed symbol', () => {
    const { venue } = tradingVenue();
    const body = call(exchangeInfo, venue);
    expectTypeOf(body).toEqualTypeOf<ExchangeInfo>();
    expect(body.timezone).toBe('UTC');
    expect(body.serverTime).toBe(T0);
    expect(body.rateLimits).toEqual([
      { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400 },
      { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200 },
      { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300 },
    ]);
    expect(body.exchangeFilters).toEqual([]);
    expect(body.assets).toEqual([
      { asset: 'USDT', marginAvailable: true, autoAssetExchange: '0' },
      { asset: 'USDC', marginAvailable: true, autoAssetExchange: '0' },
    ]);
    expect(body.symbols.map((s) => s.symbol)).toEqual(DEFAULT_SYMBOLS.map((s) => s.symbol));
    expect(exchangeInfo).toMatchObject({ security: 'NONE', weight: 1, command: false });
  });

  test("behavior: Binance's field order, a product's own fields just before symbols", () => {
    const { venue } = tradingVenue();
    const common = ['timezone', 'serverTime', 'rateLimits', 'exchangeFilters'];
    expect(Object.keys(call(exchangeInfo, venue))).toEqual([...common, 'assets', 'symbols']);
    // COIN-M's shape: no fields of its own.
    expect(Object.keys(exchangeInfoBody(venue, T0, [], {}, (m) => m.symbol))).toEqual([...common, 'symbols']);
  });

  test('behavior: BTCUSDT as Binance lists it (§5.1)', () => {
    const { venue } = tradingVenue();
    const btc = call(exchangeInfo, venue).symbols[0]!;
    expect(btc).toEqual({
      symbol: 'BTCUSDT',
      pair: 'BTCUSDT',
      contractType: 'PERPETUAL',
      deliveryDate: 4133404800000,
      onboardDate: 1569398400000,
      status: 'TRADING',
      maintMarginPercent: '2.5000',
      requiredMarginPercent: '5.0000',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      marginAsset: 'USDT',
      pricePrecision: 2,
      quantityPrecision: 3,
      baseAssetPrecision: 8,
      quotePrecision: 8,
      underlyingType: 'COIN',
      underlyingSubType: ['PoW'],
      settlePlan: 0,
      triggerProtect: '0.0500',
      liquidationFee: '0.012500',
      marketTakeBound: '0.05',
      filters: [
        { filterType: 'PRICE_FILTER', minPrice: '261.10', maxPrice: '809484', tickSize: '0.10' },
        { filterType: 'LOT_SIZE', minQty: '0.001', maxQty: '1000', stepSize: '0.001' },
        { filterType: 'MARKET_LOT_SIZE', minQty: '0.001', maxQty: '120', stepSize: '0.001' },
        { filterType: 'MAX_NUM_ORDERS', limit: 200 },
        { filterType: 'MIN_NOTIONAL', notional: '100' },
        {
          filterType: 'PERCENT_PRICE',
          multiplierUp: '1.0500',
          multiplierDown: '0.9500',
          multiplierDecimal: '4',
        },
      ],
      orderTypes: [
        'LIMIT',
        'MARKET',
        'STOP',
        'STOP_MARKET',
        'TAKE_PROFIT',
        'TAKE_PROFIT_MARKET',
        'TRAILING_STOP_MARKET',
      ],
      timeInForce: ['GTC', 'IOC', 'FOK', 'GTX', 'GTD'],
    });
  });

  test('behavior: every symbol’s filters are the rules its market enforces', () => {
    const { venue } = tradingVenue();
    for (const info of call(exchangeInfo, venue).symbols) {
      const market = venue.market(info.symbol);
      const price = filter(info.filters, 'PRICE_FILTER');
      expect(Decimal.parse(price.tickSize).eq(market.tickSize)).toBe(true);
      expect(market.ticksOf(price.minPrice)).toBe(market.minPriceTick);
      expect(market.ticksOf(price.maxPrice)).toBe(market.maxPriceTick);
      const lot = filter(info.filters, 'LOT_SIZE');
      expect(Decimal.parse(lot.stepSize).eq(market.stepSize)).toBe(true);
      expect(market.stepsOf(lot.minQty)).toBe(market.minQtySteps);
      expect(market.stepsOf(lot.maxQty)).toBe(market.maxQtySteps);
      const marketLot = filter(info.filters, 'MARKET_LOT_SIZE');
      expect(market.stepsOf(marketLot.minQty)).toBe(market.marketMinQtySteps);
      expect(market.stepsOf(marketLot.maxQty)).toBe(market.marketMaxQtySteps);
      expect(Decimal.parse(filter(info.filters, 'MIN_NOTIONAL').notional).eq(market.minNotional)).toBe(true);
      const percent = filter(info.filters, 'PERCENT_PRICE');
      expect(Decimal.parse(percent.multiplierUp).eq(market.multiplierUp)).toBe(true);
      expect(Decimal.parse(percent.multiplierDown).eq(market.multiplierDown)).toBe(true);
      expect(typeof percent.multiplierDecimal).toBe('string');
      expect(filter(info.filters, 'MAX_NUM_ORDERS').limit).toBe(market.spec.maxNumOrders);
      // Tick and step decimals are what pricePrecision / quantityPrecision say.
      expect(market.tickSize.decimals()).toBe(info.pricePrecision);
      expect(market.stepSize.decimals()).toBe(info.quantityPrecision);
    }
  });

  test('behavior: what ccxt needs to build BASE/QUOTE:SETTLE markets (client-recipes §4.1, §6.6)', () => {
    const { venue } = tradingVenue();
    const symbols = call(exchangeInfo, venue).symbols;
    expect(symbols.map((s) => `${s.baseAsset}/${s.quoteAsset}:${s.marginAsset}`)).toContain('BTC/USDT:USDT');
    expect(symbols.map((s) => `${s.baseAsset}/${s.quoteAsset}:${s.marginAsset}`)).toContain('BTC/USDC:USDC');
    for (const s of symbols) {
      expect(s.contractType).toBe('PERPETUAL');
      expect(s.status).toBe('TRADING');
      expect(s.filters.map((f) => f.filterType)).toEqual([
        'PRICE_FILTER',
        'LOT_SIZE',
        'MARKET_LOT_SIZE',
        'MAX_NUM_ORDERS',
        'MIN_NOTIONAL',
        'PERCENT_PRICE',
      ]);
    }
  });

  test('behavior: MAX_NUM_ALGO_ORDERS is not listed (removed by Binance on 2025-12-29)', () => {
    const { venue } = tradingVenue();
    const types = call(exchangeInfo, venue).symbols.flatMap((s) => s.filters.map((f) => f.filterType));
    expect(types).not.toContain('MAX_NUM_ALGO_ORDERS');
  });
});
