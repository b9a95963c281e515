import { createRng } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../config/defaultSymbols.js';
import { applyBackfill, backfillParamsFromSpec, generateBackfill } from './backfill.js';
import { IndexProcess, indexParamsFromSpec, YEAR_MS } from './indexProcess.js';
import { KlineStore } from './klines.js';
import { TradeHistory } from './trades.js';

const BTC = DEFAULT_SYMBOLS.find((s) => s.symbol === 'BTCUSDT')!;
const START = Date.parse('2026-11-20T12:00:00Z');
const MIN = 60_000;

describe('generateBackfill', () => {
  test('default', () => {
    const result = generateBackfill(backfillParamsFromSpec(BTC, START + 1234), createRng(1));
    expect(result.endTime).toBe(START);
    expect(result.startTime).toBe(START - 2880 * MIN);
    for (const bars of [result.trades, result.index, result.mark, result.premium]) {
      expect(bars).toHaveLength(2880);
      expect(bars[0]?.openTime).toBe(result.startTime);
      expect(bars.at(-1)?.openTime).toBe(START - MIN);
    }
    expect(result.index[0]?.count).toBe(60);
    expect(result.lastIndexPrice.toString()).toBe('96000.00000000');
    // BTCUSDT takes 4 orders a second: about 240 trades a minute.
    const counts = result.trades.map((b) => b.count);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(220);
    expect(mean).toBeLessThan(260);
    expect(result.tail).toHaveLength(1000);
    expect(result.tail.at(-1)?.id).toBe(result.trades.at(-1)?.lastTradeId);
    expect(result.nextTradeId).toBe((result.trades.at(-1)?.lastTradeId as number) + 1);
  });

  test('behavior: the same seed gives the same history', () => {
    const params = backfillParamsFromSpec(BTC, START, { minutes: 120 });
    const a = generateBackfill(params, createRng('x'));
    expect(generateBackfill(params, createRng('x'))).toEqual(a);
    expect(generateBackfill(params, createRng('y')).trades).not.toEqual(a.trades);
  });

  test('behavior: bars are internally consistent and move with the configured volatility', () => {
    const result = generateBackfill(backfillParamsFromSpec(BTC, START), createRng(2));
    for (const bar of result.trades) {
      expect(bar.low).toBeLessThanOrEqual(Math.min(bar.open, bar.close));
      expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open, bar.close));
      if (bar.count === 0) continue;
      const vwap = Number(bar.quoteVolume) / (bar.volume as number);
      expect(vwap).toBeGreaterThanOrEqual(bar.low);
      expect(vwap).toBeLessThanOrEqual(bar.high);
      expect(bar.takerBuyVolume).toBeLessThanOrEqual(bar.volume as number);
    }
    for (let i = 1; i < result.trades.length; i++) {
      expect(result.trades[i]?.firstTradeId).toBe((result.trades[i - 1]?.lastTradeId as number) + 1);
    }
    const closes = result.index.map((b) => Math.log(b.close));
    const returns = closes.slice(1).map((c, i) => c - closes[i]!);
    const m = returns.reduce((a, b) => a + b, 0) / returns.length;
    const variance = returns.reduce((a, r) => a + (r - m) ** 2, 0) / (returns.length - 1);
    const annualised = Math.sqrt(variance * (YEAR_MS / MIN));
    expect(annualised / 0.5).toBeGreaterThan(0.8);
    expect(annualised / 0.5).toBeLessThan(1.2);
    // Mark stays within a few basis points of the index.
    for (let i = 0; i < result.index.length; i += 97) {
      expect(Math.abs(result.mark[i]!.close / result.index[i]!.close - 1)).toBeLessThan(0.002);
    }
  });

  test('behavior: loaded into stores, 500 klines are there at start and live data continues them', () => {
    const result = generateBackfill(backfillParamsFromSpec(BTC, START), createRng(3));
    const trades = KlineStore.forTrades(BTC.tickSize, BTC.stepSize);
    const index = KlineStore.forSamples(8);
    const mark = KlineStore.forSamples(8);
    const premium = KlineStore.forSamples(8);
    const history = new TradeHistory({ firstTradeId: result.tail[0]!.id });
    applyBackfill(result, { trades, index, mark, premium, history });
    for (const interval of ['1m', '3m', '5m'] as const) {
      const klines = trades.klines({ interval, now: START });
      expect(klines).toHaveLength(500);
      expect(klines.at(-1)?.openTime).toBe(START); // the (empty) open candle
    }
    expect(index.klines({ interval: '1m', endTime: START - 1, limit: 1 })[0]?.count).toBe(60);
    expect(history.recentTrades(1000)).toHaveLength(1000);
    expect(history.nextTradeId).toBe(result.nextTradeId);
    // The live process starts exactly where the history ends.
    const live = new IndexProcess(
      { ...indexParamsFromSpec(BTC), initialPrice: result.lastIndexPrice },
      createRng(4),
    );
    expect(live.price.eq(BTC.synthetic.initialPrice)).toBe(true);
    const lastClose = index.lastClose!.toNumber();
    expect(Math.abs(lastClose / live.price.toNumber() - 1)).toBeLessThan(0.002);
    const id = history.recordFill(result.lastTradeTick, 1, START, false, 0);
    trades.addTrade(START, result.lastTradeTick, 1, false, id);
    expect(id).toBe(result.nextTradeId);
    expect(trades.current('1m')?.firstTradeId).toBe(id);
  });

  test('behavior: parameters are validated', () => {
    const params = backfillParamsFromSpec(BTC, START);
    expect(() => generateBackfill({ ...params, minutes: 0 }, createRng(1))).toThrow(/minutes/);
    expect(() => generateBackfill({ ...params, indexPrice: '0' }, createRng(1))).toThrow(/indexPrice/);
    const quiet = generateBackfill(
      { ...params, minutes: 3, taker: { ...params.taker, ratePerSecond: 0 } },
      createRng(1),
    );
    expect(quiet.trades.map((b) => b.count)).toEqual([0, 0, 0]);
    expect(quiet.tail).toEqual([]);
  });
});
