import { Decimal } from '@basis/core';
import { createClient, newOrder } from '@basis/sdk';
import { describe, expect, test } from 'vitest';
import { loadStrategy } from '../strategy/loadStrategy.js';
import { defineStrategy, type OpenOrderView, type StrategyContext } from '../strategy/strategy.js';
import { LiveRunRefusedError, runLive } from './runLive.js';
import {
  alternatingTrader,
  captureLog,
  expectEveryAggTradeOnce,
  expectFillsAsOnExchange,
  expectTradeGapReadBack,
  expectUserDataGapReadBack,
  expectWalletAsOnExchange,
  FAST_RECONNECTS,
  liveVenues,
  rejections,
  runDroppingConnections,
  runThroughMarketStreamGap,
  USDM,
} from './testing.js';

// Live mode against the local exchange over real loopback sockets: REST through the SDK's HTTP
// transport, market and user-data streams through its WebSocket streams.

const SYMBOL = USDM.symbol; // BTCUSDT

const startVenue = liveVenues(USDM);

/** Buys, then sells, then buys... 0.002 BTC at market every `everyMs`, ending flat-ish. */
const trader = (everyMs: number) =>
  alternatingTrader({ name: 'live-trader', symbol: SYMBOL, quantity: '0.002', everyMs });

describe('runLive', () => {
  test('default: trades through the SDK; the record equals the exchange account', async () => {
    const venue = await startVenue(11);
    const { client } = venue;
    const before = await venue.wallet();
    const { lines, log } = captureLog();
    const result = await runLive({
      strategy: trader(250),
      client,
      durationMs: 2_500,
      sampleEveryMs: 500,
      log,
      ...FAST_RECONNECTS,
    });
    expect(result.record.meta).toMatchObject({ mode: 'live', env: 'local', strategy: 'live-trader' });
    expect(result.record.fills.length).toBeGreaterThanOrEqual(5);
    await expectFillsAsOnExchange(venue, result.record);
    expect(result.startingWallet).toBe(before.toString());
    const after = await expectWalletAsOnExchange(venue, result);
    expect(after.sub(before).eq(result.totals.netPnl)).toBe(true);
    expect(rejections(lines)).toEqual([]);
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
    const venue = await startVenue(13);
    const { result, lines } = await runDroppingConnections(venue, {
      strategy: trader(100),
      durationMs: 3_000,
      sampleEveryMs: 500,
      ...FAST_RECONNECTS,
    });
    // The socket stayed away for 300 ms while market orders filled every 100 ms: REST read them back.
    expectUserDataGapReadBack(lines);
    const recorded = await expectFillsAsOnExchange(venue, result.record);
    expect(new Set(recorded).size).toBe(recorded.length);
    expect(recorded.length).toBeGreaterThanOrEqual(10);
    await expectWalletAsOnExchange(venue, result);
  }, 20_000);

  test('behavior: trades lost while the market streams reconnect are read back, in order, once each', async () => {
    const venue = await startVenue(15);
    const started = Date.now();
    const { lines, seen } = await runThroughMarketStreamGap(venue, '0.002');
    expect(Date.now() - started).toBeLessThan(20_000);
    expectTradeGapReadBack(lines, SYMBOL);
    expect(seen.length).toBeGreaterThanOrEqual(15);
    await expectEveryAggTradeOnce(venue.client, SYMBOL, seen);
  }, 20_000);

  test('behavior: an open order and a position that exist at start are in the strategy state', async () => {
    const { client } = await startVenue(14);
    await newOrder(client, { symbol: SYMBOL, side: 'BUY', type: 'MARKET', quantity: '0.003' });
    const book = await client.getBookTicker({ symbol: SYMBOL });
    const far = Decimal.parse(book.bidPrice).mul('0.9').roundToStep(Decimal.parse('0.1'), 'floor');
    await newOrder(client, {
      symbol: SYMBOL,
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '0.002',
      price: far,
      newClientOrderId: 'before-the-run',
    });
    let seen: { amount: string; orders: readonly OpenOrderView[] } | undefined;
    const strategy = defineStrategy(() => ({
      name: 'inspector',
      symbols: [SYMBOL],
      onStart(ctx: StrategyContext) {
        seen = { amount: ctx.position(SYMBOL).amount.toString(), orders: ctx.openOrders(SYMBOL) };
        ctx.cancelOrder(SYMBOL, 'before-the-run');
      },
    }));
    const result = await runLive({ strategy, client, durationMs: 800, ...FAST_RECONNECTS });
    expect(Decimal.parse(seen!.amount).eq('0.003')).toBe(true);
    expect(seen!.orders).toHaveLength(1);
    expect(seen!.orders[0]).toMatchObject({ clientOrderId: 'before-the-run', side: 'BUY' });
    expect(seen!.orders[0]!.price.eq(far)).toBe(true);
    expect(await client.getOpenOrders({ symbol: SYMBOL })).toEqual([]);
    expect(result.record.positions[SYMBOL]?.[0]?.amount).toBe('0.003');
  }, 20_000);

  test('behavior: a production client is refused unless allowProduction is passed', async () => {
    const client = createClient({
      env: 'production',
      credentials: { apiKey: 'k', apiSecret: 's' },
      timeSync: false,
    });
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
