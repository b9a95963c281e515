import { createExchange } from '@basis/exchange';
import { describe, expect, test } from 'vitest';
import { defineStrategy } from '../strategy/strategy.js';
import type { PaperUpdate } from './runPaper.js';
import { runPaper } from './runPaper.js';

describe('runPaper', () => {
  test('default: runs on a listening local exchange in real time and stops on the signal', async () => {
    const controller = new AbortController();
    const updates: PaperUpdate[] = [];
    let restUrl = '';
    const strategy = defineStrategy(() => ({
      name: 'paper-buyer',
      onStart(ctx) {
        ctx.submitOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.002' });
      },
    }));
    const result = await runPaper({
      strategy,
      sampleEveryMs: 100,
      durationMs: 5_000,
      signal: controller.signal,
      exchangeOptions: { synthetic: { backfillMinutes: 10 } },
      onListening: (endpoints) => {
        restUrl = endpoints.restUrl;
      },
      onUpdate: (update) => {
        updates.push(update);
        if (updates.length === 4) controller.abort();
      },
    });
    expect(restUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.endpoints?.restUrl).toBe(restUrl);
    expect(result.record.meta.mode).toBe('paper');
    expect(result.record.fills).toHaveLength(1);
    const last = updates.at(-1)!;
    expect(last.positions.BTCUSDT).toBe('0.002');
    expect(last.recentFills).toMatchObject([{ symbol: 'BTCUSDT', side: 'BUY', qty: '0.002' }]);
    expect(last.entryPrices.BTCUSDT).toBe(last.recentFills[0]!.price);
    expect(last.feeds.market).toEqual({ state: 'in-process', reconnects: 0 });
    expect(last.feeds.account).toEqual({ state: 'in-process', reconnects: 0 });
    expect(result.record.meta.endTime - result.record.meta.startTime).toBeLessThan(4_000);
  });

  test("behavior: a COIN-M symbol trades on the embedded exchange's COIN-M venue, in contracts, accounted in BTC", async () => {
    const updates: PaperUpdate[] = [];
    const lines: string[] = [];
    const strategy = defineStrategy(() => ({
      name: 'paper-coinm',
      onStart(ctx) {
        ctx.submitOrder({ symbol: 'BTCUSD_PERP', side: 'BUY', type: 'MARKET', quantity: '2' });
      },
    }));
    const result = await runPaper({
      strategy,
      symbols: ['BTCUSD_PERP'],
      sampleEveryMs: 100,
      durationMs: 1_000,
      listen: false,
      exchangeOptions: { synthetic: { backfillMinutes: 10 } },
      onUpdate: (update) => updates.push(update),
      log: (line) => lines.push(line),
    });
    expect(lines).toEqual([]); // no rejection
    expect(result.record.meta).toMatchObject({ quoteAsset: 'BTC', startingEquity: '1.00000000' });
    expect(result.record.fills.map((f) => [f.symbol, f.qty, f.feeAsset])).toEqual([
      ['BTCUSD_PERP', '2', 'BTC'],
    ]);
    expect(updates.at(-1)).toMatchObject({ asset: 'BTC', positions: { BTCUSD_PERP: '2' } });
    expect(result.record.equity.at(-1)?.usdValue).toBeDefined();
  });

  test('behavior: COIN-M symbols on a given exchange without COIN-M are refused, naming them', async () => {
    const exchange = createExchange({ coinm: false, synthetic: { backfillMinutes: 1 }, log: () => {} });
    try {
      const idle = defineStrategy(() => ({ name: 'idle' }));
      await expect(
        runPaper({ strategy: idle, exchange, symbols: ['BTCUSD_PERP'], durationMs: 10 }),
      ).rejects.toThrow('the exchange has COIN-M turned off, so it cannot trade BTCUSD_PERP');
    } finally {
      await exchange.close();
    }
  });
});
