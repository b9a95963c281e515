import { Decimal, type PriceLevel, VirtualClock } from '@basis/core';
import { createExchange } from '@basis/exchange';
import { describe, expect, test } from 'vitest';
import { createClient } from '../../clients/createClient.js';
import { InvalidRequestError } from '../../errors/api.js';
import { ClientConfigError } from '../../errors/config.js';
import { publicCallSummary, useRecordingExchange } from '../recordingExchange.testing.js';
import {
  getAggTrades,
  getBookTicker,
  getContinuousKlines,
  getDepth,
  getExchangeInfo,
  getFundingInfo,
  getFundingRate,
  getHistoricalTrades,
  getIndexInfo,
  getIndexPriceKlines,
  getKlines,
  getMarkPriceKlines,
  getOpenInterest,
  getPremiumIndex,
  getPremiumIndexKlines,
  getRpiDepth,
  getServerTime,
  getSymbolAdlRisk,
  getTakerLongShortRatio,
  getTicker24hr,
  getTickerPrice,
  getTickerPriceV1,
  getTrades,
  parseKline,
  ping,
} from './index.js';

// Every USD-M market-data action the local exchange serves, end to end over a loopback socket.

const local = useRecordingExchange({ seed: 7, backfillMinutes: 120 });

/** The last call's endpoint, weight and security. */
const lastCall = () => publicCallSummary(local.lastCall());

function isDecimal(text: string): boolean {
  return Decimal.tryParse(text) !== undefined;
}

function levels(side: readonly PriceLevel[]): { price: Decimal; qty: Decimal }[] {
  return side.map(([price, qty]) => ({ price: Decimal.parse(price), qty: Decimal.parse(qty) }));
}

const MINUTE = 60_000;

describe('USD-M market data against the local exchange', () => {
  test('ping and getServerTime', async () => {
    expect(await ping(local.client)).toEqual({});
    expect(lastCall()).toEqual({ method: 'GET', path: '/fapi/v1/ping', weight: 1, security: 'NONE' });
    const before = Date.now();
    const { serverTime } = await getServerTime(local.client);
    expect(Math.abs(serverTime - before)).toBeLessThan(5_000);
  });

  test('getExchangeInfo: BTCUSDT with its filters as decimal strings', async () => {
    const info = await getExchangeInfo(local.client);
    const btc = info.symbols.find((s) => s.symbol === 'BTCUSDT')!;
    expect(btc).toMatchObject({ pair: 'BTCUSDT', contractType: 'PERPETUAL', marginAsset: 'USDT' });
    const priceFilter = btc.filters.find((f) => f.filterType === 'PRICE_FILTER');
    expect(priceFilter).toBeDefined();
    expect(isDecimal((priceFilter as { tickSize: string }).tickSize)).toBe(true);
  });

  test('getDepth: lastUpdateId, levels as Decimals, sorted, weight by limit', async () => {
    const depth = await getDepth(local.client, { symbol: 'BTCUSDT', limit: 5 });
    expect(lastCall()).toEqual({ method: 'GET', path: '/fapi/v1/depth', weight: 2, security: 'NONE' });
    expect(typeof depth.lastUpdateId === 'number' || typeof depth.lastUpdateId === 'bigint').toBe(true);
    expect(Number(depth.lastUpdateId)).toBeGreaterThan(0);
    const bids = levels(depth.bids);
    const asks = levels(depth.asks);
    expect(bids).toHaveLength(5);
    expect(asks).toHaveLength(5);
    for (let i = 1; i < 5; i += 1) {
      expect(bids[i]!.price.lt(bids[i - 1]!.price)).toBe(true);
      expect(asks[i]!.price.gt(asks[i - 1]!.price)).toBe(true);
    }
    expect(bids[0]!.price.lt(asks[0]!.price)).toBe(true);
    expect(bids.every((level) => level.qty.isPositive())).toBe(true);
    await getDepth(local.client, { symbol: 'BTCUSDT', limit: 100 });
    expect(lastCall().weight).toBe(5);
    await getDepth(local.client, { symbol: 'BTCUSDT' });
    expect(lastCall().weight).toBe(10);
  });

  test('getRpiDepth: the 1000-level book, weight 20', async () => {
    const depth = await getRpiDepth(local.client, { symbol: 'BTCUSDT' });
    expect(lastCall()).toEqual({ method: 'GET', path: '/fapi/v1/rpiDepth', weight: 20, security: 'NONE' });
    expect(depth.bids.length).toBeGreaterThan(5);
    expect(levels(depth.bids)[0]!.price.lt(levels(depth.asks)[0]!.price)).toBe(true);
  });

  test('getTrades and getHistoricalTrades (API key): the same trade by id', async () => {
    const trades = await getTrades(local.client, { symbol: 'BTCUSDT', limit: 10 });
    expect(lastCall()).toEqual({ method: 'GET', path: '/fapi/v1/trades', weight: 5, security: 'NONE' });
    expect(trades).toHaveLength(10);
    const first = trades[0]!;
    expect(isDecimal(first.price) && isDecimal(first.qty) && isDecimal(first.quoteQty)).toBe(true);
    // quoteQty is price × qty rounded to the quote precision.
    expect(Decimal.parse(first.price).mul(first.qty).sub(first.quoteQty).abs().lt('0.01')).toBe(true);
    const history = await getHistoricalTrades(local.client, {
      symbol: 'BTCUSDT',
      fromId: first.id,
      limit: 3,
    });
    expect(lastCall()).toEqual({
      method: 'GET',
      path: '/fapi/v1/historicalTrades',
      weight: 20,
      security: 'MARKET_DATA',
    });
    expect(history).toHaveLength(3);
    expect(history[0]).toEqual(first);
  });

  test('getAggTrades: aggregate rows with first/last trade ids', async () => {
    const rows = await getAggTrades(local.client, { symbol: 'BTCUSDT', limit: 5 });
    expect(lastCall()).toEqual({ method: 'GET', path: '/fapi/v1/aggTrades', weight: 20, security: 'NONE' });
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(isDecimal(row.p) && isDecimal(row.q)).toBe(true);
      expect(Number(row.l)).toBeGreaterThanOrEqual(Number(row.f));
      expect(typeof row.m).toBe('boolean');
    }
    expect(Number(rows[4]!.a)).toBeGreaterThan(Number(rows[0]!.a));
  });

  test('getKlines: parsed 1m candles, OHLC consistent, weight by limit', async () => {
    const rows = await getKlines(local.client, { symbol: 'BTCUSDT', interval: '1m', limit: 10 });
    expect(lastCall()).toEqual({ method: 'GET', path: '/fapi/v1/klines', weight: 1, security: 'NONE' });
    expect(rows).toHaveLength(10);
    const candles = rows.map(parseKline);
    for (const candle of candles) {
      expect(candle.closeTime - candle.openTime).toBe(MINUTE - 1);
      expect(candle.high.gte(candle.open) && candle.high.gte(candle.close)).toBe(true);
      expect(candle.low.lte(candle.open) && candle.low.lte(candle.close)).toBe(true);
      expect(candle.high.gte(candle.low)).toBe(true);
    }
    expect(candles[1]!.openTime - candles[0]!.openTime).toBe(MINUTE);
    expect(candles.some((candle) => candle.numberOfTrades > 0 && candle.volume.isPositive())).toBe(true);
    await getKlines(local.client, { symbol: 'BTCUSDT', interval: '5m', limit: 100 });
    expect(lastCall().weight).toBe(2);
  });

  test('getContinuousKlines: the perpetual of the pair equals the symbol klines', async () => {
    const rows = await getContinuousKlines(local.client, {
      pair: 'BTCUSDT',
      contractType: 'PERPETUAL',
      interval: '1m',
      limit: 3,
    });
    expect(lastCall().path).toBe('/fapi/v1/continuousKlines');
    const klines = await getKlines(local.client, { symbol: 'BTCUSDT', interval: '1m', limit: 3 });
    expect(rows.map((row) => row[0])).toEqual(klines.map((row) => row[0]));
    expect(parseKline(rows[0]!).open.eq(parseKline(klines[0]!).open)).toBe(true);
  });

  test('getMarkPriceKlines, getIndexPriceKlines, getPremiumIndexKlines: no volume, near the last price', async () => {
    const last = parseKline(
      (await getKlines(local.client, { symbol: 'BTCUSDT', interval: '1m', limit: 1 }))[0]!,
    );
    const mark = (
      await getMarkPriceKlines(local.client, { symbol: 'BTCUSDT', interval: '1m', limit: 5 })
    ).map(parseKline);
    expect(lastCall().path).toBe('/fapi/v1/markPriceKlines');
    const index = (
      await getIndexPriceKlines(local.client, { pair: 'BTCUSDT', interval: '1m', limit: 5 })
    ).map(parseKline);
    expect(lastCall().path).toBe('/fapi/v1/indexPriceKlines');
    const premium = (
      await getPremiumIndexKlines(local.client, { symbol: 'BTCUSDT', interval: '1m', limit: 5 })
    ).map(parseKline);
    expect(lastCall().path).toBe('/fapi/v1/premiumIndexKlines');
    for (const series of [mark, index, premium]) {
      expect(series).toHaveLength(5);
      expect(series.every((candle) => candle.volume.isZero() && candle.high.gte(candle.low))).toBe(true);
    }
    // Mark and index stay within 5% of the traded price; the premium is a small ratio.
    const band = last.close.mul('0.05');
    expect(mark.at(-1)!.close.sub(last.close).abs().lte(band)).toBe(true);
    expect(index.at(-1)!.close.sub(last.close).abs().lte(band)).toBe(true);
    expect(premium.at(-1)!.close.abs().lt('0.05')).toBe(true);
  });

  test('getPremiumIndex: one symbol (weight 1) or all (weight 10); mark price near the book', async () => {
    const one = await getPremiumIndex(local.client, { symbol: 'BTCUSDT' });
    expect(lastCall()).toEqual({ method: 'GET', path: '/fapi/v1/premiumIndex', weight: 1, security: 'NONE' });
    expect(one.symbol).toBe('BTCUSDT');
    const mark = Decimal.parse(one.markPrice);
    const indexPrice = Decimal.parse(one.indexPrice);
    expect(mark.isPositive() && indexPrice.isPositive()).toBe(true);
    expect(mark.sub(indexPrice).abs().lte(indexPrice.mul('0.05'))).toBe(true);
    expect(isDecimal(one.lastFundingRate) && isDecimal(one.interestRate)).toBe(true);
    expect(one.nextFundingTime).toBeGreaterThan(one.time);
    expect(one.nextFundingTime % (60 * MINUTE)).toBe(0);
    const book = await getBookTicker(local.client, { symbol: 'BTCUSDT' });
    const mid = Decimal.parse(book.bidPrice).add(book.askPrice).div(2, 8, 'half-even');
    expect(mark.sub(mid).abs().lte(mid.mul('0.05'))).toBe(true);
    const all = await getPremiumIndex(local.client);
    expect(lastCall().weight).toBe(10);
    expect(all.map((row) => row.symbol)).toContain('ETHUSDT');
    expect(all.length).toBeGreaterThan(1);
  });

  test('getFundingInfo: only symbols with non-default settings, weight 0 in the funding pool', async () => {
    const rows = await getFundingInfo(local.client);
    expect(lastCall()).toMatchObject({ path: '/fapi/v1/fundingInfo', weight: 0, pool: 'funding' });
    expect(Array.isArray(rows)).toBe(true);
    for (const row of rows) {
      expect(isDecimal(row.adjustedFundingRateCap) && isDecimal(row.adjustedFundingRateFloor)).toBe(true);
      expect(row.fundingIntervalHours).toBeGreaterThan(0);
    }
  });

  test('getTicker24hr: one (weight 1) and all (weight 40), last price agrees with ticker/price', async () => {
    const one = await getTicker24hr(local.client, { symbol: 'BTCUSDT' });
    expect(lastCall()).toEqual({ method: 'GET', path: '/fapi/v1/ticker/24hr', weight: 1, security: 'NONE' });
    expect(one.symbol).toBe('BTCUSDT');
    const high = Decimal.parse(one.highPrice);
    const low = Decimal.parse(one.lowPrice);
    const lastPrice = Decimal.parse(one.lastPrice);
    expect(high.gte(lastPrice) && low.lte(lastPrice)).toBe(true);
    expect(Decimal.parse(one.lastPrice).sub(one.openPrice).eq(one.priceChange)).toBe(true);
    expect(one.count).toBeGreaterThan(0);
    const price = await getTickerPrice(local.client, { symbol: 'BTCUSDT' });
    expect(lastCall()).toEqual({ method: 'GET', path: '/fapi/v2/ticker/price', weight: 1, security: 'NONE' });
    expect(Decimal.parse(price.price).sub(lastPrice).abs().lte(lastPrice.mul('0.01'))).toBe(true);
    const all = await getTicker24hr(local.client);
    expect(lastCall().weight).toBe(40);
    expect(all.find((row) => row.symbol === 'ETHUSDT')).toBeDefined();
  });

  test('getTickerPrice and getTickerPriceV1: all symbols (weight 2)', async () => {
    const v2 = await getTickerPrice(local.client);
    expect(lastCall()).toEqual({ method: 'GET', path: '/fapi/v2/ticker/price', weight: 2, security: 'NONE' });
    const v1 = await getTickerPriceV1(local.client);
    expect(lastCall()).toEqual({ method: 'GET', path: '/fapi/v1/ticker/price', weight: 2, security: 'NONE' });
    expect(v1.map((row) => row.symbol).sort()).toEqual(v2.map((row) => row.symbol).sort());
    expect(v2.every((row) => Decimal.parse(row.price).isPositive() && row.time > 0)).toBe(true);
    const one = await getTickerPriceV1(local.client, { symbol: 'ETHUSDT' });
    expect(one.symbol).toBe('ETHUSDT');
    expect(lastCall().weight).toBe(1);
  });

  test('getBookTicker: the top of getDepth; weight 2 with symbol, 5 without', async () => {
    const book = await getBookTicker(local.client, { symbol: 'BTCUSDT' });
    expect(lastCall()).toEqual({
      method: 'GET',
      path: '/fapi/v1/ticker/bookTicker',
      weight: 2,
      security: 'NONE',
    });
    expect(Decimal.parse(book.bidPrice).lt(book.askPrice)).toBe(true);
    expect(Decimal.parse(book.bidQty).isPositive() && Decimal.parse(book.askQty).isPositive()).toBe(true);
    expect(Number(book.lastUpdateId)).toBeGreaterThan(0);
    const all = await getBookTicker(local.client);
    expect(lastCall().weight).toBe(5);
    expect(all.find((row) => row.symbol === 'BTCUSDT')).toBeDefined();
  });

  test('getOpenInterest: a decimal amount of BTCUSDT', async () => {
    const oi = await getOpenInterest(local.client, { symbol: 'BTCUSDT' });
    expect(lastCall()).toEqual({ method: 'GET', path: '/fapi/v1/openInterest', weight: 1, security: 'NONE' });
    expect(oi.symbol).toBe('BTCUSDT');
    expect(Decimal.parse(oi.openInterest).isNegative()).toBe(false);
    expect(oi.time).toBeGreaterThan(0);
  });

  test('getSymbolAdlRisk: one and all', async () => {
    const one = await getSymbolAdlRisk(local.client, { symbol: 'BTCUSDT' });
    expect(lastCall()).toEqual({
      method: 'GET',
      path: '/fapi/v1/symbolAdlRisk',
      weight: 1,
      security: 'NONE',
    });
    expect(one).toMatchObject({ symbol: 'BTCUSDT', adlRisk: 'low' });
    const all = await getSymbolAdlRisk(local.client);
    expect(all.length).toBeGreaterThan(1);
  });

  test('getIndexInfo: no composite index on the local exchange; an unknown symbol is -1121', async () => {
    expect(await getIndexInfo(local.client)).toEqual([]);
    expect(lastCall()).toEqual({ method: 'GET', path: '/fapi/v1/indexInfo', weight: 1, security: 'NONE' });
    await expect(getIndexInfo(local.client, { symbol: 'NOPEUSDT' })).rejects.toMatchObject({ code: -1121 });
  });

  test('getTakerLongShortRatio: completed 5m periods, buy/sell ratio consistent', async () => {
    const rows = await getTakerLongShortRatio(local.client, { symbol: 'BTCUSDT', period: '5m', limit: 6 });
    expect(lastCall()).toMatchObject({
      path: '/futures/data/takerlongshortRatio',
      weight: 0,
      pool: 'futuresData',
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(6);
    for (const row of rows) {
      expect(row.timestamp % (5 * MINUTE)).toBe(0);
      const buy = Decimal.parse(row.buyVol);
      const sell = Decimal.parse(row.sellVol);
      if (sell.isPositive()) {
        const ratio = buy.div(sell, 4, 'half-even');
        expect(ratio.sub(row.buySellRatio).abs().lte('0.0001')).toBe(true);
      }
    }
  });

  test('behavior: a USD-M action on a COIN-M client is a ClientConfigError; a bad symbol is rejected', async () => {
    const coinm = createClient({ env: 'local', market: 'coinm', baseUrl: local.restUrl });
    await expect(getDepth(coinm, { symbol: 'BTCUSD_PERP' })).rejects.toBeInstanceOf(ClientConfigError);
    await expect(getDepth(local.client, { symbol: 'NOPEUSDT' })).rejects.toBeInstanceOf(InvalidRequestError);
    await coinm.close();
  });
});

describe('getFundingRate against an exchange on a virtual clock', () => {
  test('default: the 08:00 settlement appears once the clock passes it', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 5, 7, 59, 40));
    const venue = createExchange({ clock, seed: 3, synthetic: { backfillMinutes: 5 } });
    const { restUrl: url } = await venue.listen({ port: 0 });
    const reader = createClient({ env: 'local', baseUrl: url });
    try {
      expect(await getFundingRate(reader, { symbol: 'BTCUSDT' })).toEqual([]);
      clock.advance(30_000);
      const rows = await getFundingRate(reader, { symbol: 'BTCUSDT', limit: 10 });
      expect(rows).toHaveLength(1);
      const [row] = rows;
      expect(row).toMatchObject({ symbol: 'BTCUSDT', fundingTime: Date.UTC(2026, 0, 5, 8, 0, 0) });
      expect(isDecimal(row!.fundingRate)).toBe(true);
      expect(Decimal.parse(row!.fundingRate).abs().lte('0.02')).toBe(true);
      expect(Decimal.parse(row!.markPrice).isPositive()).toBe(true);
      const premium = await getPremiumIndex(reader, { symbol: 'BTCUSDT' });
      expect(premium.lastFundingRate).toBe(row!.fundingRate);
      expect(premium.nextFundingTime).toBe(Date.UTC(2026, 0, 5, 16, 0, 0));
    } finally {
      await reader.close();
      await venue.close();
    }
  });
});
