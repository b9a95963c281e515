import { describe, expect, test } from 'vitest';
import { KlineStore } from './klines.js';
import { ticker24h } from './ticker.js';
import { TradeHistory } from './trades.js';

const T0 = Date.parse('2024-06-15T00:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;

function market() {
  const klines = KlineStore.forTrades('0.10', '0.001');
  const history = new TradeHistory();
  const trade = (time: number, tick: number, steps: number, isBuyerMaker: boolean) => {
    const id = history.recordFill(tick, steps, time, isBuyerMaker, time);
    klines.addTrade(time, tick, steps, isBuyerMaker, id);
  };
  return { klines, history, trade };
}

describe('ticker24h', () => {
  test('default', () => {
    const { klines, history, trade } = market();
    trade(T0 + 10_000, 600_000, 10, false); // 60000.0 x 0.010
    trade(T0 + 5 * MIN, 620_000, 30, true); // 62000.0 x 0.030
    trade(T0 + 9 * MIN, 615_000, 4, false); // 61500.0 x 0.004
    const now = T0 + 10 * MIN + 1234;
    const t = ticker24h(klines, history, now);
    expect({
      priceChange: t.priceChange.toString(),
      priceChangePercent: t.priceChangePercent.toString(),
      weightedAvgPrice: t.weightedAvgPrice.toString(),
      lastPrice: t.lastPrice.toString(),
      lastQty: t.lastQty.toString(),
      openPrice: t.openPrice.toString(),
      highPrice: t.highPrice.toString(),
      lowPrice: t.lowPrice.toString(),
      volume: t.volume.toString(),
      quoteVolume: t.quoteVolume.toString(),
      openTime: t.openTime,
      closeTime: t.closeTime,
      firstId: t.firstId,
      lastId: t.lastId,
      count: t.count,
    }).toEqual({
      priceChange: '1500.00',
      priceChangePercent: '2.500',
      weightedAvgPrice: '61500.00', // (600 + 1860 + 246) / 0.044
      lastPrice: '61500.00',
      lastQty: '0.004',
      openPrice: '60000.00',
      highPrice: '62000.00',
      lowPrice: '60000.00',
      volume: '0.044',
      quoteVolume: '2706.00000',
      openTime: T0 + 10 * MIN - DAY,
      closeTime: now,
      firstId: 1,
      lastId: 3,
      count: 3,
    });
  });

  test('behavior: the window rolls at minute granularity and drops trades older than 24 h', () => {
    const { klines, history, trade } = market();
    trade(T0, 100_000, 1, false);
    trade(T0 + MIN + 1, 110_000, 1, false);
    trade(T0 + DAY + MIN, 99_000, 2, true);
    // At T0 + 24h + 1m + 30s the window opens at T0 + 1m: the first trade is out.
    const t = ticker24h(klines, history, T0 + DAY + MIN + 30_000);
    expect([t.openPrice.toString(), t.count, t.firstId, t.lastId]).toEqual(['11000.00', 2, 2, 3]);
    expect(t.priceChangePercent.toString()).toBe('-10.000');
    // One minute earlier the window still includes it.
    expect(ticker24h(klines, history, T0 + DAY + 59_999).count).toBe(2);
    expect(ticker24h(klines, history, T0 + DAY - 1).count).toBe(2);
  });

  test('behavior: without trades in the window prices are flat at the last price and ids are -1', () => {
    const { klines, history, trade } = market();
    trade(T0, 100_000, 1, false);
    const t = ticker24h(klines, history, T0 + 3 * DAY);
    expect([t.openPrice, t.highPrice, t.lowPrice, t.lastPrice].map(String)).toEqual([
      '10000.00',
      '10000.00',
      '10000.00',
      '10000.00',
    ]);
    expect([t.count, t.firstId, t.lastId, t.volume.toString(), t.weightedAvgPrice.toString()]).toEqual([
      0,
      -1,
      -1,
      '0.000',
      '0.00',
    ]);
    const empty = ticker24h(KlineStore.forTrades('0.1', '1'), undefined, T0);
    expect([empty.lastPrice.toString(), empty.count, empty.firstId]).toEqual(['0', 0, -1]);
  });
});
