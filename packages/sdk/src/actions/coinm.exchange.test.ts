import { Decimal, type PriceLevel, VirtualClock } from '@basis/core';
import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, createClient } from '../clients/createClient.js';
import { type CoinmActions, coinmActions } from '../clients/decorators/coinm.js';
import { InvalidRequestError } from '../errors/api.js';
import type { RequestCall } from '../request/types.js';
import { inProcess } from '../transports/inProcess.js';
import { COINM_MARKET_BINDINGS, recordingCoinmActions } from './coinmBindings.testing.js';
import { parseCoinmKline, parseKline } from './market/parseKline.js';

// Every COIN-M market-data and listen-key action, end to end over a loopback socket against the
// local exchange's COIN-M venue. The exchange runs on a virtual clock that moves only when a test
// says so, so every answer can be checked against the venue's state at that instant.

const T0 = Date.UTC(2026, 10, 24, 7, 59, 30);
const MINUTE = 60_000;
const PERP = 'BTCUSD_PERP';

let clock: VirtualClock;
let exchange: Exchange;
let client: Client & CoinmActions;
/** What the actions handed to `client.request`. */
const calls: RequestCall[] = [];
/** The client methods the tests called. */
const used = new Set<string>();

beforeAll(async () => {
  clock = new VirtualClock(T0);
  exchange = createExchange({ clock, seed: 21, synthetic: { backfillMinutes: 30 }, log: () => {} });
  const { restUrl } = await exchange.listen({ port: 0 });
  const base = createClient({
    env: 'local',
    market: 'coinm',
    baseUrl: restUrl,
    credentials: exchange.defaultAccount!,
  });
  const spied = {
    ...base,
    request: <T>(call: RequestCall) => {
      calls.push(call);
      return base.request<T>(call);
    },
  } as Client;
  client = { ...spied, ...recordingCoinmActions(spied, used) } as Client & CoinmActions;
});

afterAll(async () => {
  await client.close();
  await exchange.close();
});

function lastCall(): Pick<RequestCall, 'method' | 'path' | 'weight' | 'security'> {
  const { method, path, weight, security } = calls.at(-1)!;
  return { method, path, weight, security };
}

const publicRead = (path: string, weight: number) => ({ method: 'GET', path, weight, security: 'NONE' });

function levels(side: readonly PriceLevel[]): { price: Decimal; qty: Decimal }[] {
  return side.map(([price, qty]) => ({ price: Decimal.parse(price), qty: Decimal.parse(qty) }));
}

/** A COIN-M value in coin: contracts × contract size / price, cut to 8 decimals (reference §13.2). */
function coinValue(contracts: string, contractSize: number, price: string): Decimal {
  return Decimal.parse(contracts).mul(contractSize).div(price, 8, 'down');
}

/** A whole number of contracts. */
function isWhole(value: Decimal | string): boolean {
  return /^\d+$/.test(value.toString());
}

function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => total.add(value), Decimal.ZERO);
}

describe('COIN-M market data against the local exchange (virtual clock)', () => {
  test('ping and getServerTime: the venue clock', async () => {
    expect(await client.ping()).toEqual({});
    expect(lastCall()).toEqual(publicRead('/dapi/v1/ping', 1));
    expect(await client.getServerTime()).toEqual({ serverTime: clock.now() });
    expect(lastCall()).toEqual(publicRead('/dapi/v1/time', 1));
  });

  test('getExchangeInfo: the venue listing, inverse contracts in whole contracts, no MIN_NOTIONAL', async () => {
    const info = await client.getExchangeInfo();
    expect(lastCall()).toEqual(publicRead('/dapi/v1/exchangeInfo', 1));
    expect(info.symbols.map((s) => s.symbol).sort()).toEqual([...exchange.coinm!.markets.keys()].sort());
    expect(info.rateLimits).toContainEqual(
      expect.objectContaining({ rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', limit: 6000 }),
    );
    const perp = info.symbols.find((s) => s.symbol === PERP)!;
    expect(perp).toMatchObject({
      pair: 'BTCUSD',
      contractType: 'PERPETUAL',
      contractStatus: 'TRADING',
      contractSize: 100,
      marginAsset: 'BTC',
      baseAsset: 'BTC',
      quoteAsset: 'USD',
      quantityPrecision: 0,
    });
    const filters = Object.fromEntries(perp.filters.map((f) => [f.filterType, f]));
    expect(Object.keys(filters)).not.toContain('MIN_NOTIONAL');
    expect(filters.PRICE_FILTER).toMatchObject({ tickSize: '0.1' });
    expect(filters.LOT_SIZE).toMatchObject({ minQty: '1', stepSize: '1' });
    expect(filters.PERCENT_PRICE).toMatchObject({ multiplierUp: '1.0500', multiplierDown: '0.9500' });
    // The quarterlies of each pair: current and next quarter, delivering at 08:00 UTC on a Friday.
    const quarterlies = info.symbols.filter((s) => s.pair === 'BTCUSD' && s.contractType !== 'PERPETUAL');
    expect(quarterlies.map((s) => s.contractType).sort()).toEqual(['CURRENT_QUARTER', 'NEXT_QUARTER']);
    for (const q of quarterlies) {
      const delivery = new Date(q.deliveryDate);
      expect([delivery.getUTCDay(), delivery.getUTCHours()]).toEqual([5, 8]);
      expect(q.symbol).toMatch(/^BTCUSD_\d{6}$/);
    }
  });

  test('getDepth and getBookTicker: the same book at one instant, symbol and pair on the answer', async () => {
    const depth = await client.getDepth({ symbol: PERP, limit: 5 });
    expect(lastCall()).toEqual(publicRead('/dapi/v1/depth', 2));
    expect(depth).toMatchObject({ symbol: PERP, pair: 'BTCUSD', E: clock.now() });
    const bids = levels(depth.bids);
    const asks = levels(depth.asks);
    expect([bids.length, asks.length]).toEqual([5, 5]);
    for (let i = 1; i < 5; i += 1) {
      expect(bids[i]!.price.lt(bids[i - 1]!.price) && asks[i]!.price.gt(asks[i - 1]!.price)).toBe(true);
    }
    // Quantities are whole contracts.
    expect([...bids, ...asks].every((level) => level.qty.isPositive() && isWhole(level.qty))).toBe(true);
    const [book] = await client.getBookTicker({ symbol: PERP });
    expect(lastCall()).toEqual(publicRead('/dapi/v1/ticker/bookTicker', 2));
    expect(book).toMatchObject({
      symbol: PERP,
      pair: 'BTCUSD',
      bidPrice: depth.bids[0]![0],
      bidQty: depth.bids[0]![1],
      askPrice: depth.asks[0]![0],
      askQty: depth.asks[0]![1],
      lastUpdateId: depth.lastUpdateId,
    });
    const byPair = await client.getBookTicker({ pair: 'BTCUSD' });
    // A pair weighs as no symbol.
    expect(lastCall().weight).toBe(5);
    expect(byPair.map((row) => row.symbol).sort()).toEqual(
      [...exchange.coinm!.markets.keys()].filter((s) => s.startsWith('BTCUSD')).sort(),
    );
    await client.getBookTicker();
    expect(lastCall().weight).toBe(5);
    await expect(client.getDepth({ symbol: 'NOPEUSD_PERP' })).rejects.toBeInstanceOf(InvalidRequestError);
  });

  test('getTrades, getHistoricalTrades, getAggTrades: contracts and their value in coin', async () => {
    const trades = await client.getTrades({ symbol: PERP, limit: 20 });
    expect(lastCall()).toEqual(publicRead('/dapi/v1/trades', 5));
    expect(trades).toHaveLength(20);
    for (const trade of trades) {
      expect(isWhole(trade.qty)).toBe(true);
      expect(Decimal.parse(trade.baseQty).eq(coinValue(trade.qty, 100, trade.price))).toBe(true);
      expect('quoteQty' in trade).toBe(false);
    }
    const history = await client.getHistoricalTrades({ symbol: PERP, fromId: trades[5]!.id, limit: 3 });
    expect(lastCall()).toEqual({ ...publicRead('/dapi/v1/historicalTrades', 20), security: 'MARKET_DATA' });
    expect(history).toEqual(trades.slice(5, 8));
    const aggregates = await client.getAggTrades({ symbol: PERP, limit: 20 });
    expect(lastCall()).toEqual(publicRead('/dapi/v1/aggTrades', 20));
    // The synthetic market prints one trade per taker order: one aggregate per trade.
    expect(aggregates.map((a) => [a.a, a.p, a.q, a.T, a.m])).toEqual(
      trades.map((t) => [t.id, t.price, t.qty, t.time, t.isBuyerMaker]),
    );
  });

  test('getKlines: volume in contracts, base-asset volume in coin, from the minute trades', async () => {
    const rows = await client.getKlines({ symbol: PERP, interval: '1m', limit: 3 });
    expect(lastCall()).toEqual(publicRead('/dapi/v1/klines', 1));
    const candles = rows.map(parseCoinmKline);
    expect(candles[2]!.openTime).toBe(Math.floor(clock.now() / MINUTE) * MINUTE);
    // The last complete minute against its trades.
    const minute = candles[1]!;
    const trades = (await client.getTrades({ symbol: PERP, limit: 1000 })).filter(
      (t) => t.time >= minute.openTime && t.time <= minute.closeTime,
    );
    expect(trades.length).toBe(minute.numberOfTrades);
    expect(minute.volume.eq(sum(trades.map((t) => Decimal.parse(t.qty))))).toBe(true);
    const base = sum(trades.map((t) => Decimal.parse(t.baseQty)));
    expect(minute.baseAssetVolume.eq(base)).toBe(true);
    const takerBuys = trades.filter((t) => !t.isBuyerMaker);
    expect(minute.takerBuyVolume.eq(sum(takerBuys.map((t) => Decimal.parse(t.qty))))).toBe(true);
    expect(minute.takerBuyBaseAssetVolume.eq(sum(takerBuys.map((t) => Decimal.parse(t.baseQty))))).toBe(true);
    expect(minute.open.toString()).toBe(trades[0]!.price);
    expect(minute.close.toString()).toBe(trades.at(-1)!.price);
    await client.getKlines({ symbol: PERP, interval: '5m', limit: 100 });
    expect(lastCall().weight).toBe(2);
  });

  test('getContinuousKlines: the perpetual and the current quarter of the pair equal their symbol klines', async () => {
    const perpetual = await client.getContinuousKlines({
      pair: 'BTCUSD',
      contractType: 'PERPETUAL',
      interval: '1m',
      limit: 5,
    });
    expect(lastCall()).toEqual(publicRead('/dapi/v1/continuousKlines', 1));
    expect(perpetual).toEqual(await client.getKlines({ symbol: PERP, interval: '1m', limit: 5 }));
    const info = await client.getExchangeInfo();
    const current = info.symbols.find((s) => s.pair === 'BTCUSD' && s.contractType === 'CURRENT_QUARTER')!;
    const quarter = await client.getContinuousKlines({
      pair: 'BTCUSD',
      contractType: 'CURRENT_QUARTER',
      interval: '1m',
      limit: 5,
    });
    expect(quarter).toEqual(await client.getKlines({ symbol: current.symbol, interval: '1m', limit: 5 }));
  });

  test('getMarkPriceKlines, getIndexPriceKlines, getPremiumIndexKlines: no volume; the open minute closes near the premium index', async () => {
    const [premium] = await client.getPremiumIndex({ symbol: PERP });
    const mark = (await client.getMarkPriceKlines({ symbol: PERP, interval: '1m', limit: 5 })).map(
      parseKline,
    );
    expect(lastCall()).toEqual(publicRead('/dapi/v1/markPriceKlines', 1));
    const index = (await client.getIndexPriceKlines({ pair: 'BTCUSD', interval: '1m', limit: 5 })).map(
      parseKline,
    );
    expect(lastCall()).toEqual(publicRead('/dapi/v1/indexPriceKlines', 1));
    const premiumRows = (await client.getPremiumIndexKlines({ symbol: PERP, interval: '1m', limit: 5 })).map(
      parseKline,
    );
    expect(lastCall()).toEqual(publicRead('/dapi/v1/premiumIndexKlines', 1));
    for (const series of [mark, index, premiumRows]) {
      expect(series).toHaveLength(5);
      expect(series.every((c) => c.volume.isZero() && c.high.gte(c.low))).toBe(true);
    }
    // The open minute's close is the last sampled mark and index: within 0.1% of the current ones.
    const near = (value: Decimal, to: string) => value.sub(to).abs().lte(Decimal.parse(to).mul('0.001'));
    expect(near(mark.at(-1)!.close, premium!.markPrice)).toBe(true);
    expect(near(index.at(-1)!.close, premium!.indexPrice)).toBe(true);
    expect(premiumRows.at(-1)!.close.abs().lt('0.05')).toBe(true);
  });

  test('getPremiumIndex: always an array (weight 10); delivery contracts without funding', async () => {
    const one = await client.getPremiumIndex({ symbol: PERP });
    expect(lastCall()).toEqual(publicRead('/dapi/v1/premiumIndex', 10));
    expect(one).toHaveLength(1);
    const perp = one[0]!;
    expect(perp).toMatchObject({ symbol: PERP, pair: 'BTCUSD', time: clock.now() });
    const market = exchange.coinm!.market(PERP);
    expect(Decimal.parse(perp.markPrice).eq(market.markPrice)).toBe(true);
    expect(Decimal.parse(perp.lastFundingRate).abs().lte('0.003')).toBe(true);
    // The next settlement of an 8-hourly funding: 08:00 UTC, 30 s after T0.
    expect(perp.nextFundingTime).toBe(Date.UTC(2026, 10, 24, 8));
    const pair = await client.getPremiumIndex({ pair: 'BTCUSD' });
    const delivery = pair.filter((row) => row.symbol !== PERP);
    expect(delivery).toHaveLength(2);
    for (const row of delivery) {
      expect(row).toMatchObject({
        pair: 'BTCUSD',
        lastFundingRate: '',
        interestRate: '',
        nextFundingTime: 0,
      });
      expect(Decimal.parse(row.markPrice).isPositive()).toBe(true);
    }
    expect((await client.getPremiumIndex()).length).toBe(exchange.coinm!.markets.size);
  });

  test('getFundingInfo: the perpetuals with their cap, floor and interval, weight 0 in the funding pool', async () => {
    const rows = await client.getFundingInfo();
    expect(calls.at(-1)).toMatchObject({ path: '/dapi/v1/fundingInfo', weight: 0, pool: 'funding' });
    expect(rows.map((row) => row.symbol).sort()).toEqual(['BTCUSD_PERP', 'ETHUSD_PERP']);
    expect(rows[0]).toMatchObject({
      adjustedFundingRateCap: '0.00300000',
      adjustedFundingRateFloor: '-0.00300000',
      fundingIntervalHours: 8,
    });
  });

  test('getTicker24hr, getTickerPrice: the last trade, volume in contracts and coin; by symbol or pair', async () => {
    const [last] = await client.getTrades({ symbol: PERP, limit: 1 });
    const [ticker] = await client.getTicker24hr({ symbol: PERP });
    expect(lastCall()).toEqual(publicRead('/dapi/v1/ticker/24hr', 1));
    expect(ticker).toMatchObject({
      symbol: PERP,
      pair: 'BTCUSD',
      lastPrice: last!.price,
      lastQty: last!.qty,
    });
    expect(ticker!.lastId).toBe(last!.id);
    expect(Decimal.parse(ticker!.lastPrice).sub(ticker!.openPrice).eq(ticker!.priceChange)).toBe(true);
    // Whole contracts; the weighted average is their harmonic mean: contracts × 100 / value in coin.
    const volume = Decimal.parse(ticker!.volume);
    expect(isWhole(volume) && volume.isPositive()).toBe(true);
    const average = volume.mul(100).div(ticker!.baseVolume, 1, 'half-even');
    expect(average.sub(ticker!.weightedAvgPrice).abs().lte('0.1')).toBe(true);
    expect(ticker!.count).toBe(Number(ticker!.lastId) - Number(ticker!.firstId) + 1);
    const byPair = await client.getTicker24hr({ pair: 'BTCUSD' });
    expect(lastCall().weight).toBe(40);
    expect(byPair.map((row) => row.symbol)).toContain(PERP);
    expect(byPair.every((row) => row.pair === 'BTCUSD')).toBe(true);
    await client.getTicker24hr();
    expect(lastCall().weight).toBe(40);

    const [price] = await client.getTickerPrice({ symbol: PERP });
    expect(lastCall()).toEqual(publicRead('/dapi/v1/ticker/price', 1));
    expect(price).toMatchObject({ symbol: PERP, ps: 'BTCUSD', price: last!.price, time: last!.time });
    expect((await client.getTickerPrice({ pair: 'BTCUSD' })).every((row) => row.ps === 'BTCUSD')).toBe(true);
    expect(lastCall().weight).toBe(2);
    const all = await client.getTickerPrice();
    expect(lastCall().weight).toBe(2);
    expect(all.map((row) => row.symbol).sort()).toEqual([...exchange.coinm!.markets.keys()].sort());
  });

  test('getOpenInterest: contracts, with the pair and contract type, as the venue counts them', async () => {
    const oi = await client.getOpenInterest({ symbol: PERP });
    expect(lastCall()).toEqual(publicRead('/dapi/v1/openInterest', 1));
    expect(oi).toMatchObject({ symbol: PERP, pair: 'BTCUSD', contractType: 'PERPETUAL', time: clock.now() });
    expect(Decimal.parse(oi.openInterest).eq(exchange.coinm!.market(PERP).openInterest)).toBe(true);
  });

  test('getFundingRate: the 08:00 settlement appears once the clock passes it', async () => {
    expect(await client.getFundingRate({ symbol: PERP })).toEqual([]);
    expect(lastCall()).toEqual(publicRead('/dapi/v1/fundingRate', 1));
    clock.advance(45_000);
    const rows = await client.getFundingRate({ symbol: PERP, limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ symbol: PERP, fundingTime: Date.UTC(2026, 10, 24, 8) });
    const [premium] = await client.getPremiumIndex({ symbol: PERP });
    expect(premium!.lastFundingRate).toBe(rows[0]!.fundingRate);
    expect(premium!.nextFundingTime).toBe(Date.UTC(2026, 10, 24, 16));
  });
});

describe('COIN-M listen keys against the local exchange', () => {
  test('startUserDataStream, keepAliveUserDataStream, closeUserDataStream on /dapi', async () => {
    const { listenKey } = await client.startUserDataStream();
    expect(calls.at(-1)).toMatchObject({
      method: 'POST',
      path: '/dapi/v1/listenKey',
      security: 'USER_STREAM',
    });
    expect(listenKey).toMatch(/^[0-9A-Za-z]{64}$/);
    // The same key again while it is valid, as Binance does.
    expect(await client.startUserDataStream()).toEqual({ listenKey });
    expect(await client.keepAliveUserDataStream()).toEqual({ listenKey });
    expect(calls.at(-1)).toMatchObject({ method: 'PUT', path: '/dapi/v1/listenKey' });
    expect(await client.closeUserDataStream()).toEqual({});
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', path: '/dapi/v1/listenKey' });
    // A closed key is gone: a keep-alive now is -1125.
    await expect(client.keepAliveUserDataStream()).rejects.toMatchObject({ code: -1125 });
  });

  test('behavior: the same actions in process (no sockets)', async () => {
    const local = createClient({
      env: 'local',
      market: 'coinm',
      transport: inProcess({ handler: exchange }),
      credentials: exchange.defaultAccount!,
    }).extend(coinmActions);
    try {
      const [viaSocket] = await client.getPremiumIndex({ symbol: PERP });
      expect(await local.getPremiumIndex({ symbol: PERP })).toEqual([viaSocket]);
      const { listenKey } = await local.startUserDataStream();
      expect(listenKey).toHaveLength(64);
      expect(await local.closeUserDataStream()).toEqual({});
    } finally {
      await local.close();
    }
  });
});

describe('COIN-M market bindings', () => {
  test('behavior: every market-data and listen-key method of the COIN-M client ran above', () => {
    expect([...used].sort()).toEqual([...COINM_MARKET_BINDINGS].sort());
  });
});
