import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { aggTrades } from '../api/market/aggTrades.js';
import { klines } from '../api/market/klines.js';
import { limitOrder, marketOrder } from '../api/market/testing.js';
import { DEFAULT_SYMBOLS } from '../config/defaultSymbols.js';
import type { ReplayKline } from '../marketData/replay/csvRows.js';
import { discoverReplayFiles } from '../marketData/replay/discover.js';
import { ReplayError } from '../marketData/replay/replayError.js';
import { ReplaySource } from '../marketData/replay/replaySource.js';
import {
  AGG_HEADER,
  KLINE_HEADER,
  makeZip,
  SOURCE_PRINT_WORKER,
  TRADE_HEADER,
  useDataFolder,
} from '../marketData/replay/testing.js';
import { BUY, SELL } from '../matching/types.js';
import {
  ReplayMarket,
  type ReplayMarketOptions,
  type ReplayStatus,
  replayStartTime,
} from './replayMarket.js';
import { Venue } from './venue.js';

/** 23:58 UTC: three minutes of prints run over midnight, into the next daily file. */
const T = Date.parse('2024-06-15T23:58:00Z');
const MIDNIGHT = Date.parse('2024-06-16T00:00:00Z');
/** The exchange's start in 'now' tests: 2026-11-24 12:00 UTC. */
const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const SYMBOLS = DEFAULT_SYMBOLS.filter((s) => s.symbol === 'BTCUSDT' || s.symbol === 'ETHUSDT');
const AGG_DIR = 'futures/um/daily/aggTrades/BTCUSDT';

/** [price, quantity, time offset from T, is_buyer_maker], as in BTCUSDT's aggTrades files. */
const PRINTS: readonly (readonly [string, string, number, boolean])[] = [
  ['66224.90', '0.003', 59, false],
  ['66225.00', '0.500', 1_200, false],
  ['66224.80', '0.120', 1_200, true],
  ['66230.10', '1.204', 30_500, false],
  ['66219.50', '0.041', 59_999, true],
  ['66219.40', '2.000', 60_000, true],
  ['66210.00', '0.010', 75_000, true],
  ['66212.30', '0.333', 119_000, false],
  ['66200.00', '5.000', 120_500, true],
  ['66205.60', '0.002', 150_000, false],
];

const data = useDataFolder('basis-replay-market-');
const write = data.write;

/** The prints as aggTrades rows: the day before midnight with a header (post-2022), the next without. */
function writeAggTrades(prints = PRINTS): void {
  const rows = prints.map(([p, q, dt, m], i) => {
    const id = 5_000 + i * 3;
    return { time: T + dt, line: `${2_000 + i},${p},${q},${id},${id + 2},${T + dt},${m}` };
  });
  write(`${AGG_DIR}/BTCUSDT-aggTrades-2024-06-15.csv`, [
    AGG_HEADER,
    ...rows.filter((r) => r.time < MIDNIGHT).map((r) => r.line),
  ]);
  write(
    `${AGG_DIR}/BTCUSDT-aggTrades-2024-06-16.csv`,
    rows.filter((r) => r.time >= MIDNIGHT).map((r) => r.line),
  );
}

/** Binance's 1m klines of `prints`, as the klines files would have them. */
function klineLines(prints = PRINTS): string[] {
  const lines: string[] = [];
  for (let minute = 0; minute < 3; minute++) {
    const open = T + minute * 60_000;
    const rows = prints.filter(([, , dt]) => dt >= minute * 60_000 && dt < (minute + 1) * 60_000);
    const price = rows.map(([p]) => Decimal.parse(p));
    const sum = (values: readonly Decimal[]): Decimal => values.reduce((a, b) => a.add(b), Decimal.ZERO);
    const vol = (rs: typeof rows) => sum(rs.map(([, q]) => Decimal.parse(q)));
    const quote = (rs: typeof rows) => sum(rs.map(([p, q]) => Decimal.parse(p).mul(q)));
    const buys = rows.filter(([, , , m]) => !m);
    const high = price.reduce((a, b) => a.max(b));
    const low = price.reduce((a, b) => a.min(b));
    lines.push(
      [
        open,
        price[0],
        high,
        low,
        price.at(-1),
        vol(rows),
        open + 59_999,
        quote(rows),
        rows.length,
        vol(buys),
        quote(buys),
        0,
      ].join(','),
    );
  }
  return lines;
}

function venueAt(startTime: number, seed: number | string = 7): Venue {
  return new Venue({ startTime, seed, symbols: SYMBOLS, marketData: 'none' });
}

function replaying(
  venue: Venue,
  options: Partial<ReplayMarketOptions> = {},
): { readonly venue: Venue; readonly replay: ReplayMarket } {
  const replay = new ReplayMarket(venue, { dir: data.dir, align: 'history', ...options });
  venue.addProcess(replay);
  return { venue, replay };
}

function tape(venue: Venue, params: Record<string, string> = {}) {
  return aggTrades.handle(venue, { now: venue.now, account: undefined }, { symbol: 'BTCUSDT', ...params });
}

function candles(venue: Venue, symbol = 'BTCUSDT') {
  return klines.handle(
    venue,
    { now: venue.now, account: undefined },
    { symbol, interval: '1m', startTime: String(T), limit: '3' },
  );
}

function readKlines(path: string): ReplayKline[] {
  const source = new ReplaySource(discoverReplayFiles(join(data.dir, path)));
  return source.takeUntil(Number.MAX_SAFE_INTEGER).filter((e): e is ReplayKline => e.kind === 'kline');
}

describe('ReplayMarket', () => {
  test('default: aggTrades with and without a header replay as the public trade history', () => {
    writeAggTrades();
    const { venue, replay } = replaying(venueAt(T));
    venue.advanceTo(T + 200_000);
    expect(tape(venue).map((a) => [a.p, a.q, a.T, a.m])).toEqual(
      PRINTS.map(([p, q, dt, m]) => [p, q, T + dt, m]),
    );
    const btc = venue.market('BTCUSDT');
    expect(btc.lastPrice().toString()).toBe('66205.60');
    // The maker quotes around the last print: its ask sits at the price a taker just bought at.
    expect(btc.priceOf(btc.book.bestAsk()).toString()).toBe('66205.60');
    expect(btc.book.bestBid()).toBe(btc.book.bestAsk() - 1);
    expect(btc.indexPrice.toString()).toBe('66205.60');
    expect(btc.markPrice.sub('66205.60').abs().lt('5')).toBe(true);
    expect(replay.status()).toMatchObject({
      state: 'ended',
      prints: PRINTS.length,
      firstTime: T + 59,
      shiftMs: 0,
      symbols: [{ symbol: 'BTCUSDT', prints: 'aggTrades', index: 'prints', mark: 'formula' }],
      skipped: [],
    });
  });

  test('behavior: 1m klines reproduce the OHLC and volumes of the klines the aggTrades made', () => {
    writeAggTrades();
    const lines = klineLines();
    write('futures/um/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-06-15.csv', [
      KLINE_HEADER,
      ...lines.slice(0, 2),
    ]);
    write('futures/um/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-06-16.csv', lines.slice(2));
    const { venue, replay } = replaying(venueAt(T));
    // With aggTrades present the klines are not what drives the market.
    expect(replay.status().symbols[0]?.prints).toBe('aggTrades');
    venue.advanceTo(T + 180_000);
    const file = readKlines('futures/um/daily/klines');
    const replayed = candles(venue);
    expect(replayed).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      const k = file[i]!;
      const [openTime, o, h, l, c, v, closeTime, qv, , tbv, tbqv] = replayed[i]!;
      expect([openTime, closeTime]).toEqual([k.openTime, k.closeTime]);
      const pairs = [
        [o, k.open],
        [h, k.high],
        [l, k.low],
        [c, k.close],
        [v, k.volume],
        [qv, k.quoteVolume],
        [tbv, k.takerBuyVolume],
        [tbqv, k.takerBuyQuoteVolume],
      ] as const;
      for (const [got, want] of pairs) expect(Decimal.parse(got).eq(want), `${got} = ${want}`).toBe(true);
    }
  });

  test('behavior: with only klines (zipped, headerless), each candle becomes a path with its OHLC and volume', () => {
    const lines = klineLines();
    const folder = join(data.dir, 'futures/um/daily/klines/BTCUSDT/1m');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'BTCUSDT-1m-2024-06-15.zip'),
      makeZip([{ name: 'BTCUSDT-1m-2024-06-15.csv', data: `${lines.join('\n')}\n` }]),
    );
    const { venue, replay } = replaying(venueAt(T));
    expect(replay.status().symbols).toEqual([
      { symbol: 'BTCUSDT', prints: 'klines 1m', index: 'prints', mark: 'formula' },
    ]);
    venue.advanceTo(T + 180_000);
    const file = readKlines('futures');
    const replayed = candles(venue);
    expect(replayed).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      const k = file[i]!;
      const [openTime, o, h, l, c, v, , , count, tbv] = replayed[i]!;
      expect(openTime).toBe(k.openTime);
      for (const [got, want] of [
        [o, k.open],
        [h, k.high],
        [l, k.low],
        [c, k.close],
        [v, k.volume],
      ] as const) {
        expect(Decimal.parse(got).eq(want), `${got} = ${want}`).toBe(true);
      }
      expect(count).toBeGreaterThanOrEqual(4);
      // Taker-buy volume is kept when the path has room for it; here every candle has both sides.
      expect(Decimal.parse(tbv).eq(k.takerBuyVolume) || i === 2).toBe(true);
    }
    expect(replay.status().state).toBe('ended');
  });

  test('behavior: trades files replay too, one print per trade', () => {
    write('BTCUSDT-trades-2024-06-15.csv', [
      TRADE_HEADER,
      `9001,66224.90,0.003,198.67470,${T + 10},false`,
      `9002,66224.80,0.010,662.24800,${T + 10},true`,
      `9003,66226.00,0.250,16556.50000,${T + 2_000},false`,
    ]);
    const { venue, replay } = replaying(venueAt(T));
    venue.advanceTo(T + 5_000);
    expect(replay.status().symbols[0]?.prints).toBe('trades');
    expect(tape(venue).map((a) => [a.p, a.q, a.T, a.m])).toEqual([
      ['66224.90', '0.003', T + 10, false],
      ['66224.80', '0.010', T + 10, true],
      ['66226.00', '0.250', T + 2_000, false],
    ]);
  });

  test("behavior: a user's limit order fills when the replayed price trades through it", () => {
    writeAggTrades();
    const { venue } = replaying(venueAt(T));
    venue.advanceTo(T + 1_000);
    const user = venue.createAccount({ balances: { USDT: '1000000' } });
    const through = venue.placeOrder(user, limitOrder('BTCUSDT', 'BUY', '0.003', '66215.00')).order;
    const at = venue.placeOrder(user, limitOrder('BTCUSDT', 'BUY', '0.002', '66210.00')).order;
    const far = venue.placeOrder(user, limitOrder('BTCUSDT', 'BUY', '0.002', '66100.00')).order;
    venue.advanceTo(T + 74_999);
    expect([through.status, at.status]).toEqual(['NEW', 'NEW']); // the lowest print so far is 66219.40
    // A sell at 66210.00: the market moves through 66215.00 (filled at its price), and the print
    // itself fills the order at 66210.00 before the maker.
    venue.advanceTo(T + 75_000);
    expect([through.status, at.status]).toEqual(['FILLED', 'FILLED']);
    expect(user.trades.map((t) => [t.price.toString(), t.qty.toString(), t.time, t.maker])).toEqual([
      ['66215.00', '0.003', T + 75_000, true],
      ['66210.00', '0.002', T + 75_000, true],
    ]);
    venue.advanceTo(T + 200_000);
    expect(far.status).toBe('NEW');
    // The tape: the historical prints, plus the trade at 66215.00 where the market moved through the
    // user's bid (the fill at 66210.00 is part of the historical print's aggregate).
    const rows = tape(venue).map((a) => [a.p, a.q]);
    expect(rows).toEqual([
      ...PRINTS.slice(0, 6).map(([p, q]) => [p, q]),
      ['66215.00', '0.003'],
      ...PRINTS.slice(6).map(([p, q]) => [p, q]),
    ]);
  });

  test("behavior: align 'now' plays from the venue's start, 'history' keeps the file's times", () => {
    writeAggTrades();
    const live = replaying(venueAt(NOW), { align: 'now' });
    expect(live.replay.status().shiftMs).toBe(NOW - (T + 59));
    live.venue.advanceTo(NOW + 200_000);
    expect(tape(live.venue).map((a) => a.T)).toEqual(PRINTS.map(([, , dt]) => NOW + dt - 59));
    const history = replaying(venueAt(T));
    history.venue.advanceTo(T + 200_000);
    expect(tape(history.venue).map((a) => a.T)).toEqual(PRINTS.map(([, , dt]) => T + dt));
    // Same prints, only re-timed.
    const strip = (v: Venue) => tape(v).map((a) => [a.p, a.q, a.m]);
    expect(strip(live.venue)).toEqual(strip(history.venue));
    expect(replayStartTime(data.dir, ['BTCUSDT'])).toBe(T + 59);
  });

  test("behavior: 'history' on a later start skips what came before; a jump skips the gap", () => {
    writeAggTrades();
    const { venue } = replaying(venueAt(T + 60_000));
    venue.advanceTo(T + 100_000);
    // Prints before the start only set the price; the book is there from the start.
    expect(tape(venue).map((a) => a.p)).toEqual(['66219.40', '66210.00']);
    venue.jumpTo(T + 150_000);
    venue.advanceTo(T + 200_000);
    expect(tape(venue).map((a) => a.p)).toEqual(['66219.40', '66210.00', '66205.60']);
    const btc = venue.market('BTCUSDT');
    expect(btc.priceOf(btc.book.bestAsk()).toString()).toBe('66205.60');
  });

  test('behavior: the same files and seed give the same state, stepping or not', () => {
    writeAggTrades();
    write('ETHUSDT-1m-2024-06-15.csv', [
      `${T},3400.10,3401.00,3399.50,3400.80,12.345,${T + 59_999},41980.0,150,6.000,20400.0,0`,
      `${T + 60_000},3400.80,3400.90,3398.00,3398.50,20.000,${T + 119_999},68000.0,200,5.000,17000.0,0`,
    ]);
    const snapshot = (v: Venue) =>
      ['BTCUSDT', 'ETHUSDT'].map((symbol) => {
        const m = v.market(symbol);
        return {
          tape: JSON.stringify(aggTrades.handle(v, { now: v.now, account: undefined }, { symbol })),
          bids: m.book.depth(BUY, 30),
          asks: m.book.depth(SELL, 30),
          mark: m.markPrice.toString(),
          index: m.indexPrice.toString(),
        };
      });
    const a = replaying(venueAt(T, 3)).venue;
    const b = replaying(venueAt(T, 3)).venue;
    a.advanceTo(T + 200_000);
    for (let t = T; t < T + 200_000; t += 777) b.advanceTo(t);
    b.advanceTo(T + 200_000);
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(snapshot(a)[1]!.tape.length).toBeGreaterThan(100);
  });

  test('behavior: a malformed row stops the replay with its file and line; the maker keeps quoting', () => {
    writeAggTrades();
    // The next day's file breaks on its second line: the replay stops when it reaches that file.
    write(`${AGG_DIR}/BTCUSDT-aggTrades-2024-06-16.csv`, [
      `2008,66200.00,5.000,5024,5026,${T + 120_500},true`,
      `2009,66205.60,0.0O2,5027,5029,${T + 150_000},false`,
    ]);
    const ends: ReplayStatus[] = [];
    const { venue, replay } = replaying(venueAt(T), { onEnd: (s) => ends.push(s) });
    venue.advanceTo(T + 200_000);
    const status = replay.status();
    expect(status).toMatchObject({ state: 'failed', endedAt: T + 119_000, prints: 8 });
    expect(status.error).toBeInstanceOf(ReplayError);
    expect(status.error?.message).toMatch(/BTCUSDT-aggTrades-2024-06-16\.csv:2$/m);
    expect(status.error?.details).toBe(`quantity: 2009,66205.60,0.0O2,5027,5029,${T + 150_000},false`);
    expect(ends).toEqual([expect.objectContaining({ state: 'failed', error: status.error })]);
    expect(tape(venue).map((a) => a.p)).toEqual(PRINTS.slice(0, 8).map(([p]) => p));
    const btc = venue.market('BTCUSDT');
    expect(btc.book.levelCount(BUY)).toBeGreaterThan(10);
    expect(btc.book.levelCount(SELL)).toBeGreaterThan(10);
    // A malformed first row fails at once, before the exchange starts.
    write(`${AGG_DIR}/BTCUSDT-aggTrades-2024-06-15.csv`, [AGG_HEADER, `1,66224.90,0.003,1,1,${T},yes`]);
    expect(() => new ReplayMarket(venueAt(T), { dir: data.dir })).toThrow(
      /BTCUSDT-aggTrades-2024-06-15\.csv:2$/m,
    );
  });

  test('behavior: prints parsed on a reader thread play exactly as on the main thread, errors included', async () => {
    writeAggTrades();
    write('futures/um/daily/trades/ETHUSDT/ETHUSDT-trades-2024-06-15.csv', [
      TRADE_HEADER,
      ...Array.from(
        { length: 400 },
        (_, i) => `${i},3400.${i % 10}0,0.05${i % 10},170.0,${T + i * 300},${i % 2 === 0}`,
      ),
    ]);
    const play = (thread: 'main' | 'worker') => {
      const read = { thread, worker: SOURCE_PRINT_WORKER, chunkSize: 256 } as const;
      const { venue, replay } = replaying(venueAt(T), { read });
      venue.advanceTo(T + 200_000);
      const tapes = ['BTCUSDT', 'ETHUSDT'].map((symbol) =>
        JSON.stringify(
          aggTrades.handle(venue, { now: venue.now, account: undefined }, { symbol, limit: '1000' }),
        ),
      );
      const { state, prints, endedAt, error } = replay.status();
      return {
        replay,
        result: { tapes, state, prints, endedAt, error: error?.message, candles: candles(venue) },
      };
    };
    const main = play('main');
    const worker = play('worker');
    expect(main.result.prints).toBe(410);
    expect(worker.result).toEqual(main.result);
    await worker.replay.close();
    // A malformed row: the same prints before it, the same failure.
    write(`${AGG_DIR}/BTCUSDT-aggTrades-2024-06-16.csv`, [
      `2008,66200.00,5.000,5024,5026,${T + 120_500},maybe`,
    ]);
    const failedMain = play('main').result;
    const failedWorker = play('worker');
    expect(failedMain).toMatchObject({ state: 'failed', endedAt: T + 119_000 });
    expect(failedMain.error).toMatch(/BTCUSDT-aggTrades-2024-06-16\.csv:1$/m);
    expect(failedWorker.result).toEqual(failedMain);
    await failedWorker.replay.close();
  });

  test('behavior: unknown symbols are reported and skipped; markets without data stay quiet', () => {
    writeAggTrades();
    write('FOOUSDT-aggTrades-2024-06-15.csv', [`1,1.0,1,1,1,${T},true`]);
    write('futures/um/daily/markPriceKlines/ETHUSDT/1m/ETHUSDT-1m-2024-06-15.csv', [
      `${T},3400,3401,3399,3400,0,${T + 59_999},0,60,0,0,0`,
    ]);
    const { venue, replay } = replaying(venueAt(T));
    expect(replay.symbols).toEqual(['BTCUSDT']);
    expect(replay.status().skipped).toEqual([
      { symbol: 'FOOUSDT', reason: "not listed on this exchange's USDⓈ-M venue" },
      { symbol: 'ETHUSDT', reason: 'only mark or index klines (no aggTrades, trades or klines)' },
    ]);
    venue.advanceTo(T + 200_000);
    const eth = venue.market('ETHUSDT');
    expect(eth.book.orderCount()).toBe(0);
    expect(eth.trades.size).toBe(0);
    expect(() => new ReplayMarket(venueAt(T), { dir: data.dir, symbols: ['FOOUSDT'] })).toThrow(
      /holds nothing to replay/,
    );
  });

  test('behavior: at the end of the data the maker keeps quoting the last price', () => {
    writeAggTrades();
    const ends: ReplayStatus[] = [];
    const { venue, replay } = replaying(venueAt(T), { onEnd: (s) => ends.push(s) });
    venue.advanceTo(T + 150_000);
    expect(ends).toEqual([expect.objectContaining({ state: 'ended', endedAt: T + 150_000 })]);
    const user = venue.createAccount({ balances: { USDT: '1000000' } });
    // The user's buy takes the ask; the maker refreshes its ladder around the last print.
    const taken = venue.placeOrder(user, marketOrder('BTCUSDT', 'BUY', '0.500')).order;
    expect(taken.status).toBe('FILLED');
    venue.advanceTo(T + 300_000);
    const btc = venue.market('BTCUSDT');
    expect(btc.priceOf(btc.book.bestAsk()).toString()).toBe('66205.60');
    expect(btc.book.levelCount(BUY)).toBeGreaterThan(10);
    expect(replay.status()).toMatchObject({ state: 'ended', prints: PRINTS.length });
    expect(ends).toHaveLength(1);
  });

  test('behavior: index and mark klines drive the index samples and the historical mark', () => {
    writeAggTrades();
    write('futures/um/daily/indexPriceKlines/BTCUSDT/1m/BTCUSDT-1m-2024-06-15.csv', [
      KLINE_HEADER,
      `${T},66200.00000000,66240.00000000,66190.00000000,66230.00000000,0,${T + 59_999},0,60,0,0,0`,
      `${T + 60_000},66230.00000000,66230.00000000,66230.00000000,66230.00000000,0,${T + 119_999},0,60,0,0,0`,
    ]);
    write('futures/um/daily/markPriceKlines/BTCUSDT/1m/BTCUSDT-1m-2024-06-15.csv', [
      `${T},66201.00000000,66241.00000000,66191.00000000,66231.00000000,0,${T + 59_999},0,60,0,0,0`,
    ]);
    const { venue, replay } = replaying(venueAt(T));
    expect(replay.status().symbols).toEqual([
      { symbol: 'BTCUSDT', prints: 'aggTrades', index: 'indexPriceKlines 1m', mark: 'markPriceKlines 1m' },
    ]);
    venue.advanceTo(T);
    const btc = venue.market('BTCUSDT');
    expect(btc.indexPrice.eq('66200')).toBe(true);
    expect(replay.markPrice('BTCUSDT')?.eq('66201')).toBe(true);
    venue.advanceTo(T + 59_999);
    // Sampled on the whole second, a second before the close: within 2 of it whichever extreme came last.
    expect(btc.indexPrice.sub('66230').abs().lt('2')).toBe(true);
    expect(replay.markPrice('BTCUSDT')?.eq('66231')).toBe(true);
    // The index samples of each second come from the path, within the candle's range.
    const index = btc.indexKlines.klines({ interval: '1m', startTime: T, limit: 1, now: venue.now })[0]!;
    expect(index.high.lte('66240') && index.low.gte('66190')).toBe(true);
    expect(index.high.gt('66235') && index.low.lt('66195')).toBe(true);
    venue.advanceTo(T + 110_000);
    expect(btc.indexPrice.eq('66230')).toBe(true);
    // The mark data ended: held for one candle, then the venue's formula takes over.
    expect(replay.markPrice('BTCUSDT')?.eq('66231')).toBe(true);
    venue.advanceTo(T + 120_000);
    expect(replay.markPrice('BTCUSDT')).toBeUndefined();
  });
});
