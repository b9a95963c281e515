import { describe, expect, test } from 'vitest';
import { catchError } from '../testing/catchError.js';
import { MarketDataArgumentError, MarketDataQueryError } from './marketDataError.js';
import { TradeHistory } from './trades.js';

/** `n` fills, one taker each, one per `stepMs`, alternating price 100/101. */
function filled(n: number, options: ConstructorParameters<typeof TradeHistory>[0] = {}, stepMs = 1000) {
  const history = new TradeHistory(options);
  for (let i = 0; i < n; i++)
    history.recordFill(100 + (i % 2), 1 + i, 1_000_000 + i * stepMs, i % 3 === 0, i);
  return history;
}

describe('TradeHistory', () => {
  test('default', () => {
    const history = new TradeHistory();
    expect(history.recordFill(631234, 5, 1000, false, 1)).toBe(1);
    expect(history.recordFill(631235, 2, 1001, true, 2)).toBe(2);
    expect(history.recentTrades()).toEqual([
      { id: 1, priceTick: 631234, qtySteps: 5, time: 1000, isBuyerMaker: false },
      { id: 2, priceTick: 631235, qtySteps: 2, time: 1001, isBuyerMaker: true },
    ]);
    expect(history.aggTrades()).toEqual([
      {
        aggId: 1,
        priceTick: 631234,
        qtySteps: 5,
        firstTradeId: 1,
        lastTradeId: 1,
        time: 1000,
        isBuyerMaker: false,
      },
      {
        aggId: 2,
        priceTick: 631235,
        qtySteps: 2,
        firstTradeId: 2,
        lastTradeId: 2,
        time: 1001,
        isBuyerMaker: true,
      },
    ]);
    expect(history.lastAggTradeId).toBe(2);
    expect(history.nextTradeId).toBe(3);
  });

  test('behavior: fills of one taker at one price merge; a new price or taker starts a new aggregate', () => {
    const history = new TradeHistory({ firstTradeId: 500, firstAggTradeId: 70 });
    history.recordFill(100, 1, 5, false, 9); // taker 9 sweeps 100, 100, 101
    history.recordFill(100, 2, 5, false, 9);
    history.recordFill(101, 3, 5, false, 9);
    history.recordFill(101, 4, 6, false, 10); // next taker, same price: separate
    history.recordFill(101, 5, 6, false, 10);
    history.sealAggTrade();
    history.recordFill(101, 6, 6, false, 10); // sealed: separate
    expect(
      history.aggTrades().map((a) => [a.aggId, a.priceTick, a.qtySteps, a.firstTradeId, a.lastTradeId]),
    ).toEqual([
      [70, 100, 3, 500, 501],
      [71, 101, 3, 502, 502],
      [72, 101, 9, 503, 504],
      [73, 101, 6, 505, 505],
    ]);
  });

  test('behavior: trades limit defaults to 500, caps at 1000, rejects 0', () => {
    const history = filled(1500);
    expect(history.recentTrades()).toHaveLength(500);
    expect(history.recentTrades(5000)).toHaveLength(1000);
    const last = history.recentTrades(3);
    expect(last.map((t) => t.id)).toEqual([1498, 1499, 1500]);
    expect(catchError(() => history.recentTrades(0))).toMatchObject({ code: -1130 });
  });

  test('behavior: historicalTrades from fromId inclusive, default 100, max 500; none → most recent', () => {
    const history = filled(1000);
    const page = history.historicalTrades({ fromId: 10 });
    expect(page).toHaveLength(100);
    expect(page[0]?.id).toBe(10);
    expect(page[99]?.id).toBe(109);
    expect(history.historicalTrades({ fromId: 10, limit: 800 })).toHaveLength(500);
    expect(history.historicalTrades({ fromId: 990, limit: 50 }).map((t) => t.id)).toEqual([
      990, 991, 992, 993, 994, 995, 996, 997, 998, 999, 1000,
    ]);
    expect(history.historicalTrades({ fromId: 1001 })).toEqual([]);
    expect(history.historicalTrades().at(-1)?.id).toBe(1000);
    expect(history.historicalTrades()[0]?.id).toBe(901);
  });

  test('behavior: the ring keeps the newest `capacity` trades', () => {
    const history = filled(25, { capacity: 10, aggCapacity: 4 });
    expect(history.size).toBe(10);
    expect(history.recentTrades(1000).map((t) => t.id)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(history.historicalTrades({ fromId: 1, limit: 2 }).map((t) => t.id)).toEqual([16, 17]);
    expect(history.aggTrades().map((a) => a.aggId)).toEqual([22, 23, 24, 25]);
  });

  test('behavior: aggTrades fromId is inclusive and returns the first `limit`', () => {
    const history = filled(2000);
    const page = history.aggTrades({ fromId: 7 });
    expect(page).toHaveLength(500);
    expect(page[0]?.aggId).toBe(7);
    expect(history.aggTrades({ fromId: 7, limit: 5000 })).toHaveLength(1000);
    expect(history.aggTrades().at(-1)?.aggId).toBe(2000);
    expect(history.aggTrades()[0]?.aggId).toBe(1501);
  });

  test('behavior: aggTrades time window is inclusive at both ends; the limit counts from the end', () => {
    const history = filled(100); // times 1_000_000 + i * 1000
    const window = history.aggTrades({ startTime: 1_010_000, endTime: 1_020_000 });
    expect(window.map((a) => a.time)).toEqual(Array.from({ length: 11 }, (_, i) => 1_010_000 + i * 1000));
    const limited = history.aggTrades({ startTime: 1_010_000, endTime: 1_020_000, limit: 3 });
    expect(limited.map((a) => a.time)).toEqual([1_018_000, 1_019_000, 1_020_000]);
    expect(history.aggTrades({ startTime: 1_010_001, endTime: 1_010_999 })).toEqual([]);
  });

  test('behavior: aggTrades windows longer than 1 h throw -1127; exactly 1 h is allowed', () => {
    const history = filled(10);
    const error = catchError(() => history.aggTrades({ startTime: 0, endTime: 3_600_001 }));
    expect(error).toBeInstanceOf(MarketDataQueryError);
    expect(error).toMatchObject({ code: -1127, msg: 'More than 1 hours between startTime and endTime.' });
    expect(history.aggTrades({ startTime: 1_000_000, endTime: 4_600_000 })).toHaveLength(10);
    expect(catchError(() => history.aggTrades({ startTime: 5, endTime: 4 }))).toMatchObject({ code: -1023 });
    expect(catchError(() => history.aggTrades({ fromId: 1, startTime: 4 }))).toMatchObject({ code: -1128 });
  });

  test('behavior: a single time bound means a 1 h window from or to it', () => {
    const history = filled(100, {}, 60_000); // one trade a minute for 100 minutes
    const fromStart = history.aggTrades({ startTime: 1_000_000, limit: 1000 });
    expect(fromStart).toHaveLength(61);
    expect(fromStart.at(-1)?.time).toBe(1_000_000 + 3_600_000);
    const toEnd = history.aggTrades({ endTime: 1_000_000 + 99 * 60_000, limit: 1000 });
    expect(toEnd[0]?.time).toBe(1_000_000 + 39 * 60_000);
    expect(toEnd).toHaveLength(61);
  });

  test('behavior: ids beyond 2^53 are bigints, below they are numbers', () => {
    const history = new TradeHistory({ firstTradeId: 2n ** 53n - 1n });
    expect(history.recordFill(1, 1, 0, false, 0)).toBe(2 ** 53 - 1);
    expect(history.recordFill(1, 1, 0, false, 1)).toBe(2n ** 53n);
    expect(history.historicalTrades({ fromId: 2n ** 53n }).map((t) => t.id)).toEqual([2n ** 53n]);
  });

  test('behavior: replayed trades and aggregate trades keep their own ids', () => {
    const history = new TradeHistory({ firstTradeId: 1000, firstAggTradeId: 50 });
    history.appendTrade(1000, 10, 1, 5, true);
    history.appendTrade(1001, 10, 2, 5, true); // same time, price, side: merged
    history.appendTrade(1005, 11, 1, 6, true); // ids may jump
    expect(history.historicalTrades({ fromId: 1002 }).map((t) => t.id)).toEqual([1005]);
    expect(history.aggTrades().map((a) => [a.aggId, a.qtySteps, a.firstTradeId, a.lastTradeId])).toEqual([
      [50, 3, 1000, 1001],
      [51, 1, 1005, 1005],
    ]);
    history.appendAggTrade({
      aggId: 60,
      priceTick: 12,
      qtySteps: 4,
      firstTradeId: 1010,
      lastTradeId: 1012,
      time: 7,
      isBuyerMaker: false,
    });
    expect(history.lastAggTradeId).toBe(60);
    expect(history.nextTradeId).toBe(1013);
    expect(catchError(() => history.appendTrade(1004, 1, 1, 8, true))).toBeInstanceOf(
      MarketDataArgumentError,
    );
  });

  test('behavior: out-of-order times and non-integer ticks are rejected', () => {
    const history = new TradeHistory();
    history.recordFill(1, 1, 10, false, 0);
    expect(catchError(() => history.recordFill(1, 1, 9, false, 1))).toBeInstanceOf(MarketDataArgumentError);
    expect(catchError(() => history.recordFill(1.5, 1, 11, false, 1))).toBeInstanceOf(
      MarketDataArgumentError,
    );
    expect(catchError(() => history.recordFill(1, 0, 11, false, 1))).toBeInstanceOf(MarketDataArgumentError);
    expect(history.size).toBe(1);
  });
});
