import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import type { RunRecord } from '../report/runRecord.js';
import { defineStrategy } from '../strategy/strategy.js';
import { runBacktest } from './runBacktest.js';
import { expectWalletChangeExplained, flipper } from './testing.js';

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
      tickSizes: { BTCUSDT: '0.10' },
    });
    expect(record.fills.length).toBeGreaterThanOrEqual(4);
    expect(record.positions.BTCUSDT!.length).toBeGreaterThan(2);
    expectWalletChangeExplained(result);
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
  test('behavior: onFill reads the position and the wallet that the fill left', async () => {
    const symbol = 'BTCUSDT';
    const atFill: { position: string; filled: string; wallet: string }[] = [];
    const walletAfterFill: string[] = [];
    let filled = Decimal.ZERO;
    let awaitingWallet = false;
    const strategy = defineStrategy(() => ({
      name: 'fill-reader',
      onStart(ctx) {
        ctx.submitOrder({ symbol, side: 'BUY', type: 'MARKET', quantity: '0.5' });
        ctx.setInterval('flip', 60_000);
      },
      onTimer(ctx) {
        const long = ctx.position(symbol).amount.isPositive();
        ctx.submitOrder({ symbol, side: long ? 'SELL' : 'BUY', type: 'MARKET', quantity: '1' });
      },
      onFill(ctx, fill) {
        filled = fill.side === 'BUY' ? filled.add(fill.qty) : filled.sub(fill.qty);
        atFill.push({
          position: ctx.position(symbol).amount.toString(),
          filled: filled.toString(),
          wallet: ctx.balance().toString(),
        });
        awaitingWallet = true;
      },
      onBalanceChange(_ctx, change) {
        if (!awaitingWallet) return;
        walletAfterFill.push(change.wallet.toString());
        awaitingWallet = false;
      },
    }));
    const { record } = await runBacktest({ strategy, seed: 5, durationMs: 5 * 60_000 });
    // Sizes that walk several levels of the book: fills of one order arrive back to back.
    expect(record.fills.length).toBeGreaterThan(5);
    expect(atFill).toHaveLength(record.fills.length);
    for (const seen of atFill) expect(seen.position).toBe(seen.filled);
    expect(atFill.map((seen) => seen.wallet)).toEqual(walletAfterFill);
  });
});
