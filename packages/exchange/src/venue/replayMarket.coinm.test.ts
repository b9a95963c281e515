import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { coinmAggTrades } from '../api/coinm/market/aggTrades.js';
import { coinmKlines } from '../api/coinm/market/klines.js';
import { coinmTrades } from '../api/coinm/market/trades.js';
import type { Endpoint } from '../api/endpoint.js';
import { limitOrder } from '../api/market/testing.js';
import { coinmSymbols } from '../config/coinmSymbols.js';
import { createExchange } from '../createExchange.js';
import { AGG_HEADER, COINM_TRADE_HEADER, useDataFolder } from '../marketData/replay/testing.js';
import { ReplayMarket, replayStartTime } from './replayMarket.js';
import { Venue } from './venue.js';

// Replay of COIN-M historical files (data.binance.vision's `futures/cm` archive): quantities in
// contracts, base quantities in coin, on the COIN-M venue; USD-M files stay the USD-M venue's.

/** 2024-06-15 23:58 UTC: the current quarterly then is BTCUSD_240628, the next BTCUSD_240927. */
const T = Date.parse('2024-06-15T23:58:00Z');
const PERP = 'BTCUSD_PERP';
const QUARTERLY = 'BTCUSD_240628';

/** [price, contracts, time offset from T, is_buyer_maker], as in BTCUSD_PERP's aggTrades files. */
const PRINTS: readonly (readonly [string, string, number, boolean])[] = [
  ['66224.9', '12', 59, false],
  ['66225.0', '150', 1_200, false],
  ['66224.8', '3', 1_200, true],
  ['66230.1', '40', 30_500, false],
  ['66219.5', '1', 59_999, true],
  ['66210.0', '25', 75_000, true],
  ['66212.3', '8', 119_000, false],
];

const data = useDataFolder('basis-replay-coinm-');
const write = data.write;

function aggLines(prints = PRINTS): string[] {
  return prints.map(
    ([p, q, dt, m], i) => `${9_000 + i},${p},${q},${70_000 + i},${70_000 + i},${T + dt},${m}`,
  );
}

function writeCoinmAggTrades(symbol = PERP): void {
  write(`futures/cm/daily/aggTrades/${symbol}/${symbol}-aggTrades-2024-06-15.csv`, [
    AGG_HEADER,
    ...aggLines(),
  ]);
}

function writeUsdmAggTrades(): void {
  write('futures/um/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-06-15.csv', [
    AGG_HEADER,
    `1,66200.00,0.010,1,1,${T + 100},false`,
    `2,66201.00,0.020,2,2,${T + 2_000},true`,
  ]);
}

function coinmVenueAt(startTime: number): Venue {
  return new Venue({
    product: 'coinm',
    startTime,
    seed: 7,
    symbols: coinmSymbols(startTime),
    marketData: 'none',
  });
}

function replaying(venue: Venue): ReplayMarket {
  const replay = new ReplayMarket(venue, { dir: data.dir, align: 'history' });
  venue.addProcess(replay);
  return replay;
}

function call<R>(endpoint: Endpoint<R>, venue: Venue, params: Record<string, string>): R {
  return endpoint.handle(venue, { now: venue.now, account: undefined }, params);
}

/** A trade's coin value: contracts × 100 USD / price, cut toward zero to 8 decimals (TradeValue). */
function baseQty(price: string, contracts: string): string {
  return Decimal.parse(contracts).mul(100).div(Decimal.parse(price), 8, 'down').toFixed(8);
}

describe('ReplayMarket on COIN-M', () => {
  test('default: COIN-M aggTrades replay on the COIN-M venue in contracts; USD-M files are left to USD-M', () => {
    writeCoinmAggTrades();
    writeUsdmAggTrades();
    const venue = coinmVenueAt(T);
    const replay = replaying(venue);
    expect(replay.status().symbols).toEqual([
      { symbol: PERP, prints: 'aggTrades', index: 'prints', mark: 'formula' },
    ]);
    expect(replay.status().skipped).toEqual([]);
    venue.advanceTo(T + 200_000);
    const tape = call(coinmAggTrades, venue, { symbol: PERP });
    expect(tape.map((a) => [a.p, a.q, a.T, a.m])).toEqual(PRINTS.map(([p, q, dt, m]) => [p, q, T + dt, m]));
    // Each trade's coin value is contracts × 100 USD / price.
    const trades = call(coinmTrades, venue, { symbol: PERP });
    expect(trades.map((t) => [t.qty, Decimal.parse(t.baseQty).toFixed(8)])).toEqual(
      PRINTS.map(([p, q]) => [q, baseQty(p, q)]),
    );
    // The first 1m kline: OHLC from the prints, volume in contracts (COIN-M picks from the window's end).
    const window = { startTime: String(T), endTime: String(T + 59_999) };
    const [first] = call(coinmKlines, venue, { symbol: PERP, interval: '1m', ...window });
    expect(first?.slice(1, 6)).toEqual(['66224.9', '66230.1', '66219.5', '66219.5', '206']);
    expect(venue.market(PERP).lastPrice()?.toString()).toBe('66212.3');
  });

  test("behavior: a user's limit order in contracts fills when the replayed price trades through it; fees in BTC", () => {
    writeCoinmAggTrades();
    const venue = coinmVenueAt(T);
    replaying(venue);
    venue.advanceTo(T + 1_000);
    const user = venue.createAccount({ balances: { BTC: '1' } });
    const bid = venue.placeOrder(user, limitOrder(PERP, 'BUY', '10', '66215.0')).order;
    venue.advanceTo(T + 74_999);
    expect(bid.status).toBe('NEW'); // the lowest print so far is 66219.5
    venue.advanceTo(T + 75_000); // a taker sells 25 contracts at 66210.0, through the bid
    expect(bid.status).toBe('FILLED');
    expect(user.trades.map((t) => [t.price.toString(), t.qty.toString(), t.maker])).toEqual([
      ['66215.0', '10', true],
    ]);
    // COIN-M's base maker fee, 0.02% of 10 × 100 / 66215.0 BTC, charged rounded up to the satoshi.
    const fee = Decimal.parse('1000').div(Decimal.parse('66215.0'), 12, 'down').mul(Decimal.parse('0.0002'));
    expect(fee.toFixed(10)).toBe('0.0000030204');
    expect(user.trades[0]?.commission.toFixed(8)).toBe('0.00000303');
    expect(user.wallet('BTC').toFixed(8)).toBe('0.99999697');
    expect(user.position(PERP, 'BOTH')?.amount.toString()).toBe('10');
  });

  test('behavior: trades files (with base_qty) replay one print per trade', () => {
    write(`futures/cm/daily/trades/${PERP}/${PERP}-trades-2024-06-15.csv`, [
      COINM_TRADE_HEADER,
      ...PRINTS.map(([p, q, dt, m], i) => `${500 + i},${p},${q},${baseQty(p, q)},${T + dt},${m}`),
    ]);
    const venue = coinmVenueAt(T);
    const replay = replaying(venue);
    expect(replay.status().symbols[0]?.prints).toBe('trades');
    venue.advanceTo(T + 200_000);
    const trades = call(coinmTrades, venue, { symbol: PERP });
    expect(trades.map((t) => [t.price, t.qty, t.time, t.isBuyerMaker])).toEqual(
      PRINTS.map(([p, q, dt, m]) => [p, q, T + dt, m]),
    );
  });

  test('behavior: a quarterly replays when the venue lists it; replayStartTime reads the product asked', () => {
    writeCoinmAggTrades(QUARTERLY);
    writeCoinmAggTrades('BTCUSD_231229');
    writeUsdmAggTrades();
    const venue = coinmVenueAt(T);
    const replay = replaying(venue);
    expect(replay.symbols).toEqual([QUARTERLY]);
    expect(replay.status().skipped).toEqual([
      { symbol: 'BTCUSD_231229', reason: "not listed on this exchange's COIN-M venue" },
    ]);
    venue.advanceTo(T + 200_000);
    expect(call(coinmAggTrades, venue, { symbol: QUARTERLY })).toHaveLength(PRINTS.length);
    expect(replayStartTime(data.dir, [QUARTERLY], { product: 'coinm' })).toBe(T + 59);
    expect(replayStartTime(data.dir, ['BTCUSDT'])).toBe(T + 100);
    // The USD-M side does not read COIN-M files, even for a symbol it is asked for.
    expect(replayStartTime(data.dir, [QUARTERLY])).toBeUndefined();
  });
});

describe('createExchange replaying COIN-M', () => {
  test('behavior: COIN-M files alone: COIN-M replays, USD-M keeps its synthetic market', async () => {
    writeCoinmAggTrades();
    const exchange = createExchange({ replay: { dir: data.dir }, log: () => {} });
    try {
      expect(exchange.venue.replay).toBeUndefined();
      expect(exchange.venue.synthetic).toBeDefined();
      expect(exchange.coinm?.replay?.symbols).toEqual([PERP]);
      expect(exchange.coinm?.synthetic).toBeUndefined();
    } finally {
      await exchange.close();
    }
  });

  test('behavior: files of both products: each venue replays its own', async () => {
    writeCoinmAggTrades();
    writeUsdmAggTrades();
    const exchange = createExchange({ replay: { dir: data.dir }, log: () => {} });
    try {
      expect(exchange.venue.replay?.symbols).toEqual(['BTCUSDT']);
      expect(exchange.coinm?.replay?.symbols).toEqual([PERP]);
      // Aligned to the exchange's start, each from its own first print.
      const usdm = exchange.venue.replay?.status();
      const coinm = exchange.coinm?.replay?.status();
      expect([usdm?.firstTime, coinm?.firstTime]).toEqual([T + 100, T + 59]);
      expect((usdm?.shiftMs ?? 0) + (T + 100)).toBe((coinm?.shiftMs ?? 0) + (T + 59));
    } finally {
      await exchange.close();
    }
  });

  test('behavior: nothing of either product to replay is refused with the reason', () => {
    write(`futures/cm/daily/aggTrades/DOGEUSD_PERP/DOGEUSD_PERP-aggTrades-2024-06-15.csv`, [
      AGG_HEADER,
      `1,0.1,1,1,1,${T},false`,
    ]);
    expect(() => createExchange({ replay: { dir: data.dir }, log: () => {} })).toThrow(
      /holds nothing to replay/,
    );
  });
});
