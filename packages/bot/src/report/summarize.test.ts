import { describe, expect, test } from 'vitest';
import { DAY_MS } from './returns.js';
import type { RunRecord } from './runRecord.js';
import { summarize } from './summarize.js';
import { coinmRecord, fill, handRecord } from './testing.js';

describe('summarize', () => {
  test('default', () => {
    const summary = summarize(handRecord());
    expect(summary.pnl).toEqual({
      startingEquity: '1000',
      endingEquity: '983.595',
      netPnl: '-16.405',
      returnPct: -1.6405,
      // 10 − 20 − 5
      realizedPnl: '-15',
      unrealizedPnl: '0',
      // 0.1 + 0.11 + 0.22 + 0.36 + 0.115
      fees: '0.905',
      feesByAsset: { USDT: '0.905' },
      funding: '-0.5',
      fundingByAsset: { USDT: '-0.5' },
      // −16.405 − (−15 − 0.905 − 0.5 + 0)
      unexplainedPnl: '0',
      usd: null,
    });
    expect(summary.denials).toEqual({ count: 2, byRule: { 'max-notional': 2 } });
    expect(summary.run.durationMs).toBe(10_000);
    expect(summary.run.seed).toBe(7);
  });

  test('behavior: drawdown amount, percent, episode times and durations', () => {
    const { drawdown } = summarize(handRecord());
    // Peaks: 1010 at 2 s (falls to 990, recovers at 7 s), 1012 at 7 s (falls to 983.595, never recovers).
    expect(drawdown).toEqual({
      max: '28.405',
      maxPct: expect.closeTo((28.405 / 1012) * 100, 12),
      peakTime: 7000,
      troughTime: 10_000,
      recoveryTime: null,
      durationMs: 3000,
      longestMs: 5000,
      current: '28.405',
    });
  });

  test('behavior: the largest drawdown in percent need not be the largest in money', () => {
    const record: RunRecord = {
      ...handRecord(),
      equity: [
        { time: 0, equity: '100', wallet: '100', unrealizedPnl: '0' },
        { time: 1000, equity: '50', wallet: '50', unrealizedPnl: '0' },
        { time: 2000, equity: '1000', wallet: '1000', unrealizedPnl: '0' },
        { time: 3000, equity: '900', wallet: '900', unrealizedPnl: '0' },
        { time: 4000, equity: '1001', wallet: '1001', unrealizedPnl: '0' },
      ],
      meta: { ...handRecord().meta, startingEquity: '100', endTime: 4000 },
    };
    const { drawdown } = summarize(record);
    expect(drawdown.max).toBe('100');
    expect(drawdown.maxPct).toBe(50);
    expect(drawdown.peakTime).toBe(2000);
    expect(drawdown.recoveryTime).toBe(4000);
    expect(drawdown.durationMs).toBe(2000);
    expect(drawdown.current).toBe('0');
  });

  test('behavior: round trips close at zero and split a flip into a close and an open', () => {
    const { roundTrips } = summarize(handRecord());
    expect(roundTrips).toEqual([
      {
        symbol: 'BTCUSDT',
        side: 'LONG',
        openTime: 1000,
        closeTime: 3000,
        maxQty: '1',
        entryPrice: '100',
        exitPrice: '110',
        realizedPnl: '10',
        fees: '0.21',
        funding: '0',
        netPnl: '9.79',
        fills: 2,
      },
      {
        symbol: 'BTCUSDT',
        side: 'SHORT',
        openTime: 4000,
        closeTime: 6000,
        maxQty: '2',
        entryPrice: '110',
        exitPrice: '120',
        realizedPnl: '-20',
        // 0.22 + 0.36 · 2/3
        fees: '0.46',
        // the funding at 5 s falls inside (4 s, 6 s]
        funding: '-0.5',
        netPnl: '-20.96',
        fills: 2,
      },
      {
        symbol: 'BTCUSDT',
        side: 'LONG',
        openTime: 6000,
        closeTime: 8000,
        maxQty: '1',
        entryPrice: '120',
        exitPrice: '115',
        realizedPnl: '-5',
        // 0.36 · 1/3 + 0.115
        fees: '0.235',
        funding: '0',
        netPnl: '-5.235',
        fills: 2,
      },
    ]);
  });

  test('behavior: win rate, profit factor and averages over closed round trips', () => {
    const { trades } = summarize(handRecord());
    expect(trades).toEqual({
      fills: 5,
      closed: 3,
      open: 0,
      wins: 1,
      losses: 2,
      breakeven: 0,
      winRatePct: expect.closeTo(100 / 3, 12),
      profitFactor: expect.closeTo(9.79 / 26.195, 12),
      averageWin: '9.79',
      averageLoss: '-13.0975',
      largestWin: '9.79',
      largestLoss: '-20.96',
      // (9.79 − 20.96 − 5.235) / 3, half-even to 8 digits
      expectancy: '-5.46833333',
    });
  });

  test('behavior: scaling in, partial exits, an open trade at the end and symbols kept apart', () => {
    const record: RunRecord = {
      ...handRecord(),
      fills: [
        fill(1000, 'SELL', '1', '200', '0', '0', 'ETHUSDT'),
        fill(1000, 'BUY', '1', '100', '0', '0'),
        fill(2000, 'BUY', '3', '110', '0', '0'),
        fill(3000, 'SELL', '2', '120', '0', '25'),
        fill(4000, 'BUY', '1', '190', '0', '10', 'ETHUSDT'),
        fill(5000, 'SELL', '2', '100', '0', '-15'),
      ],
      funding: [],
    };
    const { roundTrips, trades } = summarize(record);
    expect(
      roundTrips.map((t) => [t.symbol, t.side, t.closeTime, t.maxQty, t.entryPrice, t.exitPrice, t.netPnl]),
    ).toEqual([
      ['ETHUSDT', 'SHORT', 4000, '1', '200', '190', '10'],
      // entry (100 + 3·110) / 4 = 107.5, exit (2·120 + 2·100) / 4 = 110
      ['BTCUSDT', 'LONG', 5000, '4', '107.5', '110', '10'],
    ]);
    expect(trades.profitFactor).toBeNull();
    expect(trades.averageLoss).toBeNull();
    expect(trades.winRatePct).toBe(100);

    const open = summarize({ ...record, fills: record.fills.slice(0, 3) });
    expect(open.trades.closed).toBe(0);
    expect(open.trades.open).toBe(2);
    expect(open.trades.winRatePct).toBeNull();
    expect(open.roundTrips.find((t) => t.symbol === 'BTCUSDT')).toMatchObject({
      closeTime: null,
      exitPrice: null,
      maxQty: '4',
    });
  });

  test('behavior: exposure, gross notional and turnover', () => {
    const { exposure } = summarize(handRecord());
    expect(exposure).toEqual({
      // in the market [1 s, 3 s) and [4 s, 8 s)
      timeInMarketPct: 60,
      timeInMarketPctBySymbol: { BTCUSDT: 60 },
      // (100·1 + 105·1 + 220·1 + 230·1 + 120·2) / 10
      avgGrossNotional: '89.5',
      maxGrossNotional: '230',
      // 100 + 110 + 220 + 360 + 115
      tradedNotional: '905',
      // (1000·2 + 1010·2 + 1005·1 + 990·2 + 1012·1 + 990·2) / 10
      averageEquity: '999.7',
      turnover: expect.closeTo(905 / 999.7, 12),
    });
  });

  test('behavior: positions are rebuilt from fills when the record has none', () => {
    const { exposure } = summarize({ ...handRecord(), positions: {} });
    expect(exposure.timeInMarketPct).toBe(60);
    expect(exposure.avgGrossNotional).toBe('89.5');
  });

  test('behavior: Sharpe and Sortino are n/a, with the reason, on a run shorter than 30 days', () => {
    // The 10 s hand run: the returns are still resampled (median gap 2 s) and reported.
    const { risk } = summarize(handRecord());
    expect(risk).toEqual({
      sharpe: null,
      sortino: null,
      sharpeNullReason: 'run shorter than 30 days',
      sortinoNullReason: 'run shorter than 30 days',
      returnsPeriodMs: 2000,
      periodsPerYear: (365 * DAY_MS) / 2000,
      returnsCount: 5,
    });
    // A sample every 12 h for 29.5 days: 30 daily returns (day 0 has two samples), but too short a run.
    const short = summarize(sampledRecord(alternating(60), 0.5));
    expect(short.risk.returnsPeriodMs).toBe(DAY_MS);
    expect(short.risk.returnsCount).toBe(30);
    expect(short.risk.sharpe).toBeNull();
    expect(short.risk.sharpeNullReason).toBe('run shorter than 30 days');
  });

  test('behavior: Sharpe and Sortino from daily returns on a run of 30 days', () => {
    // 31 midnight samples: the first day holds only the first sample, so 30 daily returns.
    const values = alternating(31);
    const { risk } = summarize(sampledRecord(values));
    const returns = values.slice(1).map((v, i) => v / values[i]! - 1);
    const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
    const sd = Math.sqrt(returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (returns.length - 1));
    const down = Math.sqrt(returns.reduce((a, r) => a + Math.min(r, 0) ** 2, 0) / returns.length);
    expect(risk.returnsPeriodMs).toBe(DAY_MS);
    expect(risk.periodsPerYear).toBe(365);
    expect(risk.returnsCount).toBe(30);
    expect(risk.sharpe).toBeCloseTo((mean / sd) * Math.sqrt(365), 9);
    expect(risk.sortino).toBeCloseTo((mean / down) * Math.sqrt(365), 9);
    expect(risk.sharpeNullReason).toBeNull();
    expect(risk.sortinoNullReason).toBeNull();
  });

  test('behavior: a long run with too few daily samples, flat returns or no losing day says why', () => {
    // 60 days with a sample only every third day: 20 daily returns.
    const sparse = summarize(sampledRecord(alternating(21), 3));
    expect(sparse.risk.returnsCount).toBe(20);
    expect(sparse.risk.sharpe).toBeNull();
    expect(sparse.risk.sharpeNullReason).toBe('only 20 return periods (30 needed)');
    expect(sparse.risk.sortinoNullReason).toBe('only 20 return periods (30 needed)');

    const flat = summarize(sampledRecord(Array.from({ length: 31 }, () => 1000)));
    expect(flat.risk).toMatchObject({
      sharpe: null,
      sortino: null,
      sharpeNullReason: 'returns do not vary',
      sortinoNullReason: 'no losing period',
    });

    // Up every day, by more each day: varying returns, none negative.
    const rising = summarize(sampledRecord(Array.from({ length: 31 }, (_, i) => 1000 + i * i)));
    expect(rising.risk.sharpe).not.toBeNull();
    expect(rising.risk.sharpeNullReason).toBeNull();
    expect(rising.risk.sortino).toBeNull();
    expect(rising.risk.sortinoNullReason).toBe('no losing period');
  });

  test('behavior: an empty run has zero figures and null ratios', () => {
    const record: RunRecord = {
      ...handRecord(),
      equity: [],
      prices: {},
      positions: {},
      fills: [],
      funding: [],
      denials: [],
    };
    const summary = summarize(record);
    expect(summary.pnl.netPnl).toBe('0');
    expect(summary.pnl.endingEquity).toBe('1000');
    expect(summary.drawdown.max).toBe('0');
    expect(summary.drawdown.peakTime).toBeNull();
    expect(summary.exposure.timeInMarketPct).toBe(0);
    expect(summary.exposure.avgGrossNotional).toBeNull();
    expect(summary.exposure.turnover).toBe(0);
    expect(summary.trades.closed).toBe(0);
    expect(summary.risk).toEqual({
      sharpe: null,
      sortino: null,
      sharpeNullReason: 'run shorter than 30 days',
      sortinoNullReason: 'run shorter than 30 days',
      returnsPeriodMs: null,
      periodsPerYear: null,
      returnsCount: 0,
    });
  });

  test('behavior: fees and funding in another asset are reported apart and left unexplained', () => {
    const base = handRecord();
    const record: RunRecord = {
      ...base,
      fills: base.fills.map((f) => ({ ...f, fee: '0.001', feeAsset: 'BNB' })),
      funding: [],
    };
    const { pnl, roundTrips } = summarize(record);
    expect(pnl.fees).toBe('0');
    expect(pnl.feesByAsset).toEqual({ BNB: '0.005' });
    // −16.405 − (−15): what the BNB fees and the removed funding cost in USDT in this made-up record
    expect(pnl.unexplainedPnl).toBe('-1.405');
    expect(roundTrips[0]!.netPnl).toBe('10');
  });

  test('behavior: a COIN-M record: notionals in coin, equity valued in USD at the index price', () => {
    const record = coinmRecord();
    const { pnl, exposure } = summarize(record);
    expect(pnl).toMatchObject({
      netPnl: '0.001',
      realizedPnl: '0.0012',
      fees: '0.0002',
      unexplainedPnl: '0',
    });
    // 10 × 100 / 50,000 + 10 × 100 / 40,000 BTC
    expect(exposure.tradedNotional).toBe('0.04500000');
    // 10 contracts at 50,000 for half the run (the fill at 40,000 closes the position)
    expect(exposure.maxGrossNotional).toBe('0.02');
    expect(pnl.usd).toEqual({
      startPrice: '50000',
      endPrice: '40000',
      startingEquity: '50000.00',
      endingEquity: '40040.00',
      change: '-9960.00',
      netPnl: '40.00',
    });
  });
});

/** Equity 1000, 1011, 1002, 1013…: returns that vary and include losses. */
function alternating(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 1000 : 1010) + i);
}

/** A run from 2026-01-01 00:00 UTC with one equity sample every `everyDays` days and nothing else. */
function sampledRecord(values: readonly number[], everyDays = 1): RunRecord {
  const start = Date.UTC(2026, 0, 1);
  const equity = values.map((v, i) => ({
    time: start + i * everyDays * DAY_MS,
    equity: String(v),
    wallet: String(v),
    unrealizedPnl: '0',
  }));
  return {
    ...handRecord(),
    meta: {
      ...handRecord().meta,
      startTime: start,
      endTime: equity[equity.length - 1]!.time,
      startingEquity: String(values[0]),
    },
    equity,
    prices: {},
    positions: {},
    fills: [],
    funding: [],
    denials: [],
  };
}
