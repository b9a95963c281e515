import { Decimal } from '@basis/core';
import { expect } from 'vitest';
import { defineStrategy } from '../strategy/strategy.js';
import type { BacktestResult } from './runBacktest.js';

// Fixtures of the backtest tests (runBacktest.test.ts, runBacktest.coinm.test.ts,
// runBacktest.replay.test.ts): a strategy that trades steadily, and the money of a run against the
// exchange's wallet. Not part of the bot.

/**
 * Market orders on start and every 90 s, alternating side (a buy of `size`, then sells and buys of
 * twice that): fills, fees and positions spread over the run. `symbol` defaults to BTCUSDT, `size`
 * to 0.01.
 */
export const flipper = defineStrategy<{ symbol: string; size: string }>((params) => {
  const symbol = params.symbol ?? 'BTCUSDT';
  const size = params.size ?? '0.01';
  let long = false;
  return {
    name: 'flipper',
    onStart(ctx) {
      ctx.setInterval('flip', 90_000);
      ctx.submitOrder({ symbol, side: 'BUY', type: 'MARKET', quantity: size });
      long = true;
    },
    onTimer(ctx) {
      const quantity = Decimal.parse(size).mul(2);
      ctx.submitOrder({ symbol, side: long ? 'SELL' : 'BUY', type: 'MARKET', quantity });
      long = !long;
    },
  };
});

function sum(values: readonly string[]): Decimal {
  return values.reduce((acc, v) => acc.add(v), Decimal.ZERO);
}

/** The exchange wallet's change over a run, and the record's fees and funding that are part of it. */
export interface WalletChange {
  readonly change: Decimal;
  readonly fees: Decimal;
  readonly funding: Decimal;
}

/**
 * Expects the exchange wallet's change over the run to be exactly the record's realized PnL − fees +
 * funding, and the run's net PnL; and not zero, or those checks would prove nothing.
 */
export function expectWalletChangeExplained(result: BacktestResult): WalletChange {
  const { record } = result;
  const realized = sum(record.fills.map((f) => f.realizedPnl));
  const fees = sum(record.fills.map((f) => f.fee));
  const funding = sum(record.funding.map((f) => f.amount));
  const change = Decimal.parse(result.exchangeWallet.end).sub(result.exchangeWallet.start);
  expect(change.isZero()).toBe(false);
  expect(realized.sub(fees).add(funding).toString()).toBe(change.toString());
  expect(result.totals.netPnl.toString()).toBe(change.toString());
  return { change, fees, funding };
}
