import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from '@basis/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineStrategy } from '../strategy/strategy.js';
import { runBacktest } from './runBacktest.js';
import { expectWalletChangeExplained, flipper } from './testing.js';

// Backtests over Binance's historical files (data.binance.vision layout), USDⓈ-M and COIN-M: the
// virtual clock starts at the first print, the exchange replays the prints, the strategy trades
// against liquidity around them, and the money adds up to the exchange's wallet.

/** 2024-06-15 00:00 UTC; ten minutes of prints, one a second. */
const START = Date.UTC(2024, 5, 15);
const PRINTS = 600;
const AGG_HEADER = 'agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker';

interface Print {
  readonly time: number;
  readonly price: Decimal;
}

/** A seeded walk of `PRINTS` aggTrades rows starting at `price` (tick 0.1), with their prices. */
function aggTradesRows(price: number, qty: (i: number) => string): { lines: string[]; prints: Print[] } {
  let seed = 11;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  let tick = price * 10;
  const lines = [AGG_HEADER];
  const prints: Print[] = [];
  for (let i = 0; i < PRINTS; i++) {
    tick += Math.round((random() - 0.5) * 40);
    const text = (tick / 10).toFixed(1);
    const time = START + 500 + i * 1000;
    lines.push(`${i + 1},${text},${qty(i)},${i + 1},${i + 1},${time},${random() < 0.5}`);
    prints.push({ time, price: Decimal.parse(text) });
  }
  return { lines, prints };
}

let dir: string;
let usdmPrints: Print[];
let coinmPrints: Print[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'basis-backtest-replay-'));
  const write = (path: string, lines: readonly string[]): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), `${lines.join('\n')}\n`);
  };
  const usdm = aggTradesRows(66_000, (i) => (0.001 * (1 + (i % 7))).toFixed(3));
  write('futures/um/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-06-15.csv', usdm.lines);
  usdmPrints = usdm.prints;
  const coinm = aggTradesRows(66_100, (i) => String(1 + (i % 9)));
  write('futures/cm/daily/aggTrades/BTCUSD_PERP/BTCUSD_PERP-aggTrades-2024-06-15.csv', coinm.lines);
  coinmPrints = coinm.prints;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The last historical price printed at or before `time`. */
function priceAt(prints: readonly Print[], time: number): Decimal {
  let last = prints[0]!.price;
  for (const p of prints) {
    if (p.time > time) break;
    last = p.price;
  }
  return last;
}

const cases = [
  { product: 'USDⓈ-M', symbol: 'BTCUSDT', size: '0.010', asset: 'USDT', prints: () => usdmPrints },
  { product: 'COIN-M', symbol: 'BTCUSD_PERP', size: '5', asset: 'BTC', prints: () => coinmPrints },
] as const;

describe.each(cases)('runBacktest over $product historical files', ({ symbol, size, asset, prints }) => {
  test('default: starts at the first print; fills trade at the replayed price; the money is the exchange wallet', async () => {
    const result = await runBacktest({
      strategy: flipper,
      params: { symbol, size },
      symbols: [symbol],
      seed: 5,
      durationMs: 8 * 60_000,
      exchange: { replay: { dir } },
    });
    const { record } = result;
    expect(record.meta).toMatchObject({ symbols: [symbol], quoteAsset: asset, startTime: START + 500 });
    // The public tape is the file's prints, in order, at their own times (plus the strategy's trades).
    const venue = symbol === 'BTCUSDT' ? result.exchange.venue : result.exchange.coinm!;
    const replay = venue.replay!.status();
    expect(replay).toMatchObject({ align: 'history', shiftMs: 0, firstTime: START + 500 });
    expect(replay.prints).toBeGreaterThanOrEqual(8 * 60);

    // One market order on start and one every 90 s: 6 orders, each filled within 0.01% of the price then.
    const orders = new Set(record.fills.map((f) => f.orderId));
    expect(orders.size).toBe(6);
    for (const fill of record.fills) {
      const historical = priceAt(prints(), fill.time);
      const off = Decimal.parse(fill.price).sub(historical).abs().div(historical, 8, 'half-even');
      expect(off.lte('0.0001'), `${fill.price} at ${fill.time} vs ${historical}`).toBe(true);
    }

    expectWalletChangeExplained(result);
  });

  test('behavior: the replay keeps its ladder off the book unless the strategy watches books', async () => {
    const run = async (strategy: typeof flipper) => {
      const result = await runBacktest({
        strategy,
        params: { symbol, size },
        symbols: [symbol],
        seed: 5,
        durationMs: 2 * 60_000,
        exchange: { replay: { dir } },
      });
      const venue = symbol === 'BTCUSDT' ? result.exchange.venue : result.exchange.coinm!;
      return {
        path: venue.replay!.status().printPath,
        market: venue.market(symbol),
        fills: result.record.fills,
      };
    };
    const blind = await run(flipper);
    expect(blind.path).toBe('virtual');
    // No order rests at the end: the maker's ladder is off the book, and reads still see it.
    expect(blind.market.book.orderCount()).toBe(0);
    expect(blind.market.bookView.bestAsk()).toBeGreaterThan(blind.market.bookView.bestBid());
    expect(blind.fills.length).toBeGreaterThan(0);
    let tickers = 0;
    const watcher = defineStrategy<{ symbol: string; size: string }>((params) => ({
      ...flipper(params),
      onBookTicker: () => void tickers++,
    }));
    const watching = await run(watcher);
    expect(watching.path).toBe('lean');
    expect(watching.market.book.orderCount()).toBeGreaterThan(0);
    expect(tickers).toBeGreaterThan(0);
  });

  test('behavior: the same files and seed give the same record', async () => {
    const run = async () =>
      (
        await runBacktest({
          strategy: flipper,
          params: { symbol, size },
          symbols: [symbol],
          seed: 9,
          durationMs: 4 * 60_000,
          exchange: { replay: { dir } },
        })
      ).record;
    expect(JSON.stringify(await run())).toBe(JSON.stringify(await run()));
  });

  test('behavior: without an end, the backtest runs until the data ends, not the end of the day', async () => {
    let progressAtEnd = 0;
    const result = await runBacktest({
      strategy: flipper,
      params: { symbol, size },
      symbols: [symbol],
      seed: 5,
      exchange: { replay: { dir } },
      onProgress: (p) => {
        progressAtEnd = p.fraction;
      },
    });
    const last = prints().at(-1)!.time;
    const venue = symbol === 'BTCUSDT' ? result.exchange.venue : result.exchange.coinm!;
    expect(venue.replay!.status()).toMatchObject({ state: 'ended', prints: PRINTS });
    // One loop step past the last print (250 ms), not 2024-06-16 00:00, the end of the file's day.
    expect(result.record.meta.endTime).toBeGreaterThanOrEqual(last);
    expect(result.record.meta.endTime).toBeLessThanOrEqual(last + 250);
    expect(progressAtEnd).toBe(1);
  });
});

describe('runBacktest over a file that turns out malformed', () => {
  test('behavior: the backtest fails with the replay error instead of passing for a complete run', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'basis-backtest-bad-'));
    try {
      // 5,000 rows (300 kB, read in 64 kB chunks during the run); row 4,000 has a price that is not a number.
      const lines = [AGG_HEADER];
      for (let i = 1; i <= 5_000; i++) {
        const price = i === 4_000 ? 'abc' : (66_000 + (i % 50) / 10).toFixed(1);
        lines.push(`${i},${price},0.001,${i},${i},${START + i * 1000},${i % 2 === 0}`);
      }
      const path = join(bad, 'futures/um/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-06-15.csv');
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, `${lines.join('\n')}\n`);
      const run = runBacktest({ strategy: flipper, seed: 5, exchange: { replay: { dir: bad } } });
      await expect(run).rejects.toMatchObject({ name: 'ReplayError' });
      await expect(run).rejects.toThrow(/abc/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
