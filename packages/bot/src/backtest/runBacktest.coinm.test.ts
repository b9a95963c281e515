import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { summarize } from '../report/summarize.js';
import type { AlgoUpdate, Fill } from '../strategy/events.js';
import { defineStrategy, type StrategyContext } from '../strategy/strategy.js';
import { runBacktest } from './runBacktest.js';
import { expectWalletChangeExplained } from './testing.js';

// COIN-M backtests: inverse contracts on the embedded exchange's /dapi venue, accounted in BTC.

const PERP = 'BTCUSD_PERP';

describe('runBacktest on COIN-M', () => {
  test('default: the market maker quotes BTCUSD_PERP in contracts; its BTC PnL is the exchange wallet to the satoshi', async () => {
    // Three minutes across the 08:00 UTC funding time, so funding is paid or received too.
    const result = await runBacktest({
      strategy: 'market-maker',
      symbols: [PERP],
      seed: 3,
      from: Date.UTC(2026, 0, 5, 7, 58, 30),
      durationMs: 3 * 60_000,
    });
    const { record } = result;
    expect(record.meta).toMatchObject({
      strategy: 'market-maker',
      symbols: [PERP],
      quoteAsset: 'BTC',
      startingEquity: '1.00000000',
      contractSizes: { [PERP]: '100' },
    });
    expect(result.exchangeWallet.start).toBe('1');
    expect(record.fills.length).toBeGreaterThan(10);
    for (const fill of record.fills) {
      expect(fill.symbol).toBe(PERP);
      expect(fill.feeAsset).toBe('BTC');
      expect(fill.qty).toMatch(/^\d+$/); // whole contracts
    }
    expect(record.funding.length).toBeGreaterThan(0);
    expect(record.funding.every((f) => f.asset === 'BTC')).toBe(true);

    // wallet change = realized PnL − fees + funding, in BTC, exactly.
    const { fees, funding } = expectWalletChangeExplained(result);
    expect(result.totals.funding.toString()).toBe(funding.toString());

    // The last sample: the exchange's wallet; its USD value is equity × the BTC index price then.
    const last = record.equity[record.equity.length - 1]!;
    expect(last.wallet).toBe(Decimal.parse(result.exchangeWallet.end).toString());
    const index = result.exchange.coinm!.market(PERP).indexPrice;
    expect(last.usdPrice).toBe(index.toString());
    expect(last.usdValue).toBe(Decimal.parse(last.equity).mul(index).round(8, 'half-even').toString());

    const { pnl } = summarize(record);
    expect(pnl.unexplainedPnl).toBe('0');
    expect(pnl.feesByAsset).toEqual({ BTC: fees.toString() });
    expect(pnl.usd).not.toBeNull();
    const usd = pnl.usd!;
    expect(usd.endPrice).toBe(index.toString());
    expect(usd.endingEquity).toBe(
      Decimal.parse(pnl.endingEquity).mul(index).round(2, 'half-even').toString(),
    );
    expect(usd.startingEquity).toBe(
      Decimal.parse(record.equity[0]!.usdValue!).round(2, 'half-even').toString(),
    );
    expect(usd.netPnl).toBe(Decimal.parse(pnl.netPnl).mul(index).round(2, 'half-even').toString());
    expect(usd.change).toBe(Decimal.parse(usd.endingEquity).sub(usd.startingEquity).toString());
  });

  test('behavior: a strategy stop-loss is a conditional order on /dapi/v1/order; it triggers, the other leg is canceled', async () => {
    const algos: AlgoUpdate[] = [];
    const fills: Fill[] = [];
    const seenOpen: string[][] = [];
    const strategy = defineStrategy(() => ({
      name: 'bracket',
      onStart(ctx) {
        ctx.submitOrder({ symbol: PERP, side: 'BUY', type: 'MARKET', quantity: '10' });
      },
      onFill(ctx, fill) {
        fills.push(fill);
        if (fills.length > 1) return;
        // A tight bracket around the entry: one of the two triggers within minutes.
        const entry = fill.price;
        ctx.submitAlgoOrder({
          symbol: PERP,
          side: 'SELL',
          type: 'STOP_MARKET',
          triggerPrice: ctx.roundPrice(PERP, entry.mul('0.9997')),
          closePosition: true,
          workingType: 'MARK_PRICE',
          clientAlgoId: 'stop',
        });
        ctx.submitAlgoOrder({
          symbol: PERP,
          side: 'SELL',
          type: 'TAKE_PROFIT_MARKET',
          triggerPrice: ctx.roundPrice(PERP, entry.mul('1.0003')),
          closePosition: true,
          workingType: 'MARK_PRICE',
          clientAlgoId: 'target',
        });
      },
      onAlgoUpdate(ctx, update) {
        algos.push(update);
        seenOpen.push(ctx.openAlgoOrders(PERP).map((o) => o.clientAlgoId));
        if (update.status === 'TRIGGERED') {
          ctx.cancelAlgoOrder(PERP, update.clientAlgoId === 'stop' ? 'target' : 'stop');
        }
      },
    }));
    const result = await runBacktest({ strategy, symbols: [PERP], seed: 5, durationMs: 10 * 60_000 });
    const byId = (id: string) => algos.filter((a) => a.clientAlgoId === id).map((a) => a.status);
    const triggered = algos.find((a) => a.status === 'TRIGGERED');
    expect(triggered).toBeDefined();
    const other = triggered!.clientAlgoId === 'stop' ? 'target' : 'stop';
    expect(byId(triggered!.clientAlgoId)).toEqual(['NEW', 'TRIGGERED']);
    expect(byId(other)).toEqual(['NEW', 'CANCELED']);
    expect(triggered!.orderId).toBe(triggered!.algoId);
    expect(seenOpen[1]).toEqual(['stop', 'target']);
    expect(seenOpen.at(-1)).toEqual([]);
    // The triggered order closed the position under its own client id, at the market.
    expect(fills).toHaveLength(2);
    expect(fills[1]).toMatchObject({ clientOrderId: triggered!.clientAlgoId, side: 'SELL' });
    expect(fills[1]!.qty.toString()).toBe('10');
    const account = result.exchange.coinm!.account(result.accountId);
    expect(account.position(PERP, 'BOTH').amount.isZero()).toBe(true);
    expect(result.record.positions[PERP]!.at(-1)?.amount).toBe('0');
  });

  test('behavior: canceling all orders leaves the conditional ones, as on USDⓈ-M; canceling all algo orders takes them', async () => {
    const seen: { orders: string[]; algos: string[] }[] = [];
    const look = (ctx: StrategyContext) =>
      seen.push({
        orders: ctx.openOrders(PERP).map((o) => o.clientOrderId),
        algos: ctx.openAlgoOrders(PERP).map((o) => o.clientAlgoId),
      });
    const strategy = defineStrategy(() => ({
      name: 'canceler',
      onStart(ctx) {
        const mark = ctx.markPrice(PERP)!;
        const limit = { symbol: PERP, side: 'BUY', type: 'LIMIT', quantity: '1' } as const;
        ctx.submitOrder({ ...limit, price: ctx.roundPrice(PERP, mark.mul('0.9')), clientOrderId: 'bid-1' });
        ctx.submitOrder({ ...limit, price: ctx.roundPrice(PERP, mark.mul('0.8')), clientOrderId: 'bid-2' });
        const stop = { symbol: PERP, side: 'BUY', type: 'STOP_MARKET', quantity: '1' } as const;
        ctx.submitAlgoOrder({
          ...stop,
          triggerPrice: ctx.roundPrice(PERP, mark.mul('1.2')),
          clientAlgoId: 'stop',
        });
        ctx.setTimer('cancel', 1000);
      },
      onTimer(ctx, timer) {
        look(ctx);
        if (timer.name === 'cancel') {
          ctx.cancelAllOrders(PERP);
          ctx.setTimer('cancelAlgo', 1000);
        } else if (timer.name === 'cancelAlgo') {
          ctx.cancelAllAlgoOrders(PERP);
          ctx.setTimer('done', 1000);
        }
      },
    }));
    const result = await runBacktest({ strategy, symbols: [PERP], seed: 4, durationMs: 5000 });
    expect(seen).toEqual([
      { orders: ['bid-1', 'bid-2'], algos: ['stop'] },
      { orders: [], algos: ['stop'] },
      { orders: [], algos: [] },
    ]);
    expect(result.record.fills).toEqual([]);
  });

  test('behavior: a quarterly and the perpetual of one coin share a run accounted in that coin', async () => {
    const quarterly = 'BTCUSD_260327';
    const strategy = defineStrategy(() => ({
      name: 'calendar',
      onStart(ctx) {
        ctx.submitOrder({ symbol: PERP, side: 'BUY', type: 'MARKET', quantity: '3' });
        ctx.submitOrder({ symbol: quarterly, side: 'SELL', type: 'MARKET', quantity: '3' });
      },
    }));
    const result = await runBacktest({ strategy, symbols: [PERP, quarterly], seed: 2, durationMs: 60_000 });
    expect(result.record.meta.quoteAsset).toBe('BTC');
    expect(result.record.fills.map((f) => [f.symbol, f.side, f.qty])).toEqual([
      [PERP, 'BUY', '3'],
      [quarterly, 'SELL', '3'],
    ]);
    expect(result.record.meta.contractSizes).toEqual({ [PERP]: '100', [quarterly]: '100' });
    // Both legs opened at market and nothing closed: the wallet paid the fees and nothing else.
    const { change, fees } = expectWalletChangeExplained(result);
    expect(change.toString()).toBe(fees.neg().toString());
  });

  test('behavior: symbols of two products, or of two margin coins, are refused with the symbols named', async () => {
    const idle = defineStrategy(() => ({ name: 'idle' }));
    await expect(
      runBacktest({ strategy: idle, symbols: ['BTCUSDT', PERP], durationMs: 1000 }),
    ).rejects.toThrow(
      'a run trades one product: BTCUSD_PERP is COIN-M but BTCUSDT is USDⓈ-M; run them separately',
    );
    await expect(
      runBacktest({ strategy: idle, symbols: [PERP, 'ETHUSD_PERP'], durationMs: 1000 }),
    ).rejects.toThrow(
      'a COIN-M run accounts in one margin coin, but its symbols are margined in BTCUSD_PERP in BTC; ETHUSD_PERP in ETH',
    );
    await expect(
      runBacktest({ strategy: idle, symbols: ['BTCUSD_200925'], durationMs: 1000 }),
    ).rejects.toThrow(
      "BTCUSD_200925 is not listed on the local exchange's COIN-M venue on 2026-01-05 (listed: BTCUSD_PERP, ETHUSD_PERP, BTCUSD_260327, BTCUSD_260626, ETHUSD_260327, ETHUSD_260626)",
    );
  });
});
