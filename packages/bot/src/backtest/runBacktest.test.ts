import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import type { RunRecord } from '../report/runRecord.js';
import { defineStrategy } from '../strategy/strategy.js';
import { runBacktest } from './runBacktest.js';

/** Buys on start, flips every few minutes; enough to exercise fills, fees and positions. */
const flipper = defineStrategy<{ size: string }>((params) => {
  let long = false;
  return {
    name: 'flipper',
    onStart(ctx) {
      ctx.setInterval('flip', 90_000);
      ctx.submitOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: params.size ?? '0.01' });
      long = true;
    },
    onTimer(ctx) {
      const size = Decimal.from(params.size ?? '0.01');
      ctx.submitOrder({
        symbol: 'BTCUSDT',
        side: long ? 'SELL' : 'BUY',
        type: 'MARKET',
        quantity: size.mul(2),
      });
      long = !long;
    },
  };
});

function sum(values: readonly string[]): Decimal {
  return values.reduce((acc, v) => acc.add(v), Decimal.ZERO);
}

describe('runBacktest', () => {
  test('default: fills, fees and the wallet agree with the exchange', async () => {
    const result = await runBacktest({ strategy: flipper, seed: 7, durationMs: 5 * 60_000 });
    const { record } = result;
    expect(record.meta).toMatchObject({
      strategy: 'flipper',
      mode: 'backtest',
      env: 'local',
      seed: 7,
      symbols: ['BTCUSDT'],
    });
    expect(record.fills.length).toBeGreaterThanOrEqual(4);
    expect(record.positions.BTCUSDT!.length).toBeGreaterThan(2);
    const realized = sum(record.fills.map((f) => f.realizedPnl));
    const fees = sum(record.fills.map((f) => f.fee));
    const funding = sum(record.funding.map((f) => f.amount));
    const walletChange = Decimal.parse(result.exchangeWallet.end).sub(result.exchangeWallet.start);
    expect(realized.sub(fees).add(funding).toString()).toBe(walletChange.toString());
    expect(result.totals.netPnl.toString()).toBe(walletChange.toString());
    const last = record.equity[record.equity.length - 1]!;
    expect(last.wallet).toBe(Decimal.parse(result.exchangeWallet.end).toString());
  });

  test('behavior: the same seed gives the same record', async () => {
    const run = () => runBacktest({ strategy: flipper, seed: 3, durationMs: 3 * 60_000 });
    const a: RunRecord = (await run()).record;
    const b: RunRecord = (await run()).record;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = (await runBacktest({ strategy: flipper, seed: 4, durationMs: 3 * 60_000 })).record;
    expect(JSON.stringify(c.equity)).not.toBe(JSON.stringify(a.equity));
  });
});
