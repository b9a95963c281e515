import { ROUTES } from '@basis/exchange';
import { describe, expect, test } from 'vitest';
import { runBacktest } from '../backtest/runBacktest.js';
import type { OrderDenied, RiskHalt } from '../strategy/events.js';
import { defineStrategy } from '../strategy/strategy.js';

describe('risk engine', () => {
  test('default: denied orders never reach the exchange and are reported', async () => {
    const denied: OrderDenied[] = [];
    const lines: string[] = [];
    const strategy = defineStrategy(() => ({
      name: 'greedy',
      onStart(ctx) {
        // 1 BTC is far over the notional limit; 0.004 BTC is fine; then too many open orders.
        ctx.submitOrder({
          symbol: 'BTCUSDT',
          side: 'BUY',
          type: 'MARKET',
          quantity: '1',
          clientOrderId: 'too-big',
        });
        const bid = { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', price: '50000' } as const;
        ctx.submitOrder({ ...bid, quantity: '0.004', clientOrderId: 'ok-1' });
        ctx.submitOrder({ ...bid, quantity: '0.004', clientOrderId: 'ok-2' });
        ctx.submitOrder({ ...bid, quantity: '0.004', clientOrderId: 'too-many' });
        ctx.submitOrder({ ...bid, quantity: 0.1 as never, clientOrderId: 'float' });
        expect(ctx.setLeverage('BTCUSDT', 50).status).toBe('denied');
      },
      onOrderDenied(_ctx, event) {
        denied.push(event);
      },
    }));
    const result = await runBacktest({
      strategy,
      durationMs: 10_000,
      risk: { maxOrderNotional: '1000', maxOpenOrders: 2, maxLeverage: 20 },
      log: (line) => lines.push(line),
    });
    expect(denied.map((d) => [d.clientId, d.rule])).toEqual([
      ['too-big', 'maxOrderNotional'],
      ['too-many', 'maxOpenOrders'],
      ['float', 'invalidOrder'],
      ['', 'maxLeverage'],
    ]);
    expect(result.record.denials.map((d) => d.rule)).toEqual([
      'maxOrderNotional',
      'maxOpenOrders',
      'invalidOrder',
      'maxLeverage',
    ]);
    expect(lines.filter((l) => l.startsWith('denied'))).toHaveLength(4);
    const venue = result.exchange.venue;
    const orders = ROUTES['GET /fapi/v1/allOrders']!.handle(
      venue,
      { now: venue.now, account: venue.account(result.accountId) },
      { symbol: 'BTCUSDT' },
    ) as { clientOrderId: string }[];
    expect(orders.map((o) => o.clientOrderId).sort()).toEqual(['ok-1', 'ok-2']);
    const leverage = venue.account(result.accountId).settingsFor('BTCUSDT').leverage;
    expect(leverage).not.toBe(50);
  });

  test('behavior: max position and order rate', async () => {
    const results: string[] = [];
    const strategy = defineStrategy(() => ({
      name: 'rate',
      onStart(ctx) {
        for (let i = 0; i < 4; i++) {
          const r = ctx.submitOrder({
            symbol: 'BTCUSDT',
            side: 'SELL',
            type: 'LIMIT',
            price: '200000',
            quantity: '0.004',
          });
          results.push(r.status === 'denied' ? r.rule : r.status);
        }
        const big = ctx.submitOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.02' });
        results.push(big.status === 'denied' ? big.rule : big.status);
      },
    }));
    await runBacktest({
      strategy,
      durationMs: 5_000,
      risk: { orderRate: { count: 3, perMs: 1000 }, maxPosition: { BTCUSDT: '0.01' } },
    });
    expect(results).toEqual(['submitted', 'submitted', 'submitted', 'orderRate', 'maxPosition']);
  });

  test('behavior: the kill switch cancels everything, flattens, and then only reducing orders pass', async () => {
    const halts: RiskHalt[] = [];
    const after: string[] = [];
    const strategy = defineStrategy(() => ({
      name: 'loser',
      onStart(ctx) {
        ctx.submitOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.1' });
        ctx.submitOrder({
          symbol: 'BTCUSDT',
          side: 'BUY',
          type: 'LIMIT',
          price: '50000',
          quantity: '0.01',
          clientOrderId: 'resting',
        });
      },
      onRiskHalt(ctx, halt) {
        halts.push(halt);
        const r = ctx.submitOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01' });
        after.push(r.status === 'denied' ? r.rule : r.status);
      },
    }));
    // The taker fee on ~9,500 USDT of BTC alone is a loss of about 3.8 USDT: over the limit of 2.
    const result = await runBacktest({ strategy, durationMs: 30_000, risk: { maxDailyLoss: '2' } });
    expect(halts.map((h) => h.rule)).toEqual(['maxDailyLoss']);
    expect(after).toEqual(['halted']);
    const positions = result.record.positions.BTCUSDT!;
    expect(Number(positions[positions.length - 1]!.amount)).toBe(0);
    expect(result.record.fills.map((f) => f.side)).toEqual(['BUY', 'SELL']);
    expect(result.record.denials.map((d) => d.rule)).toEqual(['killSwitch:maxDailyLoss', 'halted']);
    const account = result.exchange.venue.account(result.accountId);
    expect(account.openOrdersOf('BTCUSDT').size).toBe(0);
  });
});
