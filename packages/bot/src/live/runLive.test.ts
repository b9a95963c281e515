import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RiskStateFile } from '../risk/riskState.js';
import type { OrderDenied, RiskHalt } from '../strategy/events.js';
import { loadStrategy } from '../strategy/loadStrategy.js';
import { defineStrategy } from '../strategy/strategy.js';
import { LiveRunRefusedError, runLive } from './runLive.js';
import {
  alternatingTrader,
  expectAccountSeenAtStart,
  expectFillsAsOnExchange,
  expectNoFillLostToDrop,
  expectRunAsOnExchange,
  expectTradesReadBackAfterGap,
  FAST_RECONNECTS,
  liveVenues,
  offlineClient,
  runDroppingConnections,
  USDM,
} from './testing.js';

// Live mode against the local exchange over real loopback sockets: REST through the SDK's HTTP
// transport, market and user-data streams through its WebSocket streams. The checks shared with
// COIN-M (runLive.coinm.test.ts) are in testing.ts.

const SYMBOL = USDM.symbol; // BTCUSDT

const startVenue = liveVenues(USDM);

/** Buys, then sells, then buys... 0.002 BTC at market every `everyMs`, ending flat-ish. */
const trader = (everyMs: number) =>
  alternatingTrader({ name: 'live-trader', symbol: SYMBOL, quantity: '0.002', everyMs });

describe('runLive', () => {
  test('default: trades through the SDK; the record equals the exchange account', async () => {
    const { record } = await expectRunAsOnExchange(await startVenue(11), trader(250));
    expect(record.meta.strategy).toBe('live-trader');
  }, 20_000);

  test('behavior: the market maker example runs live and leaves no order resting', async () => {
    const venue = await startVenue(12);
    const factory = await loadStrategy('market-maker');
    const result = await runLive({
      strategy: factory({ halfSpreadTicks: 2, requoteTicks: 1 }),
      client: venue.client,
      durationMs: 2_500,
      ...FAST_RECONNECTS,
    });
    expect(result.record.meta.strategy).toBe('market-maker');
    expect(result.record.fills.length).toBeGreaterThan(0);
    await expectFillsAsOnExchange(venue, result.record);
    expect(await venue.client.getOpenOrders({ symbol: SYMBOL })).toEqual([]);
  }, 20_000);

  test('behavior: a dropped connection mid-run loses no fill and reports none twice', async () => {
    await expectNoFillLostToDrop(await startVenue(13), trader(100));
  }, 20_000);

  test('behavior: the updates show prices, orders, fills and the feeds, through a drop and its recovery', async () => {
    const venue = await startVenue(16);
    const { updates, drop } = await runDroppingConnections(venue, {
      strategy: trader(200),
      durationMs: 3_000,
      sampleEveryMs: 250,
      ...FAST_RECONNECTS,
    });
    expect(drop?.closed).toBeGreaterThan(0);
    const beforeDrop = updates[1]!;
    expect(beforeDrop.feeds.market).toEqual({ state: 'live', reconnects: 0 });
    expect(beforeDrop.feeds.account).toEqual({ state: 'live', reconnects: 0 });
    const last = updates.at(-1)!;
    // Both feeds came back, and say they did.
    expect(last.feeds.market.state).toBe('live');
    expect(last.feeds.market.reconnects).toBeGreaterThanOrEqual(1);
    expect(last.feeds.account.state).toBe('live');
    expect(last.feeds.account.reconnects).toBeGreaterThanOrEqual(1);
    expect(last.time - last.feeds.lastMarketEventAt!).toBeLessThan(1_000);
    // This trader watches no book: its view of the market is the mark price, at BTCUSDT's tick (0.10).
    expect(last.markets[SYMBOL]!.mark).toMatch(/^\d+\.\d{2}$/);
    expect(last.fills).toBeGreaterThan(0);
    expect(last.recentFills.length).toBe(Math.min(3, last.fills));
    expect(last.recentFills.every((f) => f.symbol === SYMBOL && f.qty === '0.002')).toBe(true);
  }, 20_000);

  test('behavior: trades lost while the market streams reconnect are read back, in order, once each', async () => {
    await expectTradesReadBackAfterGap(await startVenue(15), '0.002');
  }, 20_000);

  test('behavior: an open order and a position that exist at start are in the strategy state', async () => {
    const { seen } = await expectAccountSeenAtStart(await startVenue(14), {
      position: '0.003',
      restingQuantity: '0.002',
    });
    expect(seen.algos).toEqual([]);
  }, 20_000);

  test('behavior: a kill switch that tripped stays tripped when the bot restarts, until its state is cleared', async () => {
    const venue = await startVenue(15);
    const dir = mkdtempSync(join(tmpdir(), 'basis-live-risk-'));
    try {
      const store = new RiskStateFile(join(dir, 'risk.json'));
      // Buys at start; the taker fee alone is a drawdown far past 0.0001%.
      const buyer = (halts: RiskHalt[], denied: OrderDenied[]) =>
        defineStrategy(() => ({
          name: 'buyer',
          symbols: [SYMBOL],
          onStart(ctx) {
            ctx.submitOrder({ symbol: SYMBOL, side: 'BUY', type: 'MARKET', quantity: '0.01' });
          },
          onRiskHalt(_ctx, halt) {
            halts.push(halt);
          },
          onOrderDenied(_ctx, event) {
            denied.push(event);
          },
        }));
      const run = async () => {
        const halts: RiskHalt[] = [];
        const denied: OrderDenied[] = [];
        const lines: string[] = [];
        const result = await runLive({
          strategy: buyer(halts, denied),
          client: venue.client,
          durationMs: 2_000,
          risk: { maxDrawdown: '0.000001' },
          riskState: store,
          log: (line) => lines.push(line),
          ...FAST_RECONNECTS,
        });
        return { result, halts, denied, lines };
      };

      const first = await run();
      expect(first.result.record.fills.length).toBeGreaterThanOrEqual(2); // the buy, then the flattening sell
      expect(first.halts.map((h) => h.rule)).toEqual(['maxDrawdown']);
      const saved = store.load();
      expect(saved?.halt?.rule).toBe('maxDrawdown');
      expect(Number(saved?.killSwitch.peak)).toBeGreaterThan(0);

      // Restarted: halted from the start, so its opening buy never reaches the exchange.
      const second = await run();
      expect(second.denied.map((d) => d.rule)).toEqual(['halted']);
      expect(second.result.record.fills).toEqual([]);
      expect(second.halts[0]?.message).toMatch(/in an earlier run, at \d{4}-/);
      expect(second.lines.some((l) => l.includes('tripped in an earlier run'))).toBe(true);
      expect(store.load()?.halt).toEqual(saved?.halt);

      // Cleared by the operator: trading resumes (and trips again on its own fee).
      store.clear();
      const third = await run();
      expect(third.denied).toEqual([]);
      expect(third.result.record.fills.length).toBeGreaterThanOrEqual(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  test('behavior: a production client is refused unless allowProduction is passed', async () => {
    const client = offlineClient('production');
    try {
      await expect(runLive({ strategy: trader(100), client, durationMs: 10 })).rejects.toThrow(
        LiveRunRefusedError,
      );
      await expect(runLive({ strategy: trader(100), client, durationMs: 10 })).rejects.toThrow(
        /allowProduction: true/,
      );
    } finally {
      await client.close();
    }
  });
});
