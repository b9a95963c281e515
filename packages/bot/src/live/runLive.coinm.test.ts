import { Decimal } from '@basis/core';
import { createClient } from '@basis/sdk';
import { describe, expect, test } from 'vitest';
import { summarize } from '../report/summarize.js';
import type { AlgoUpdate } from '../strategy/events.js';
import {
  defineStrategy,
  type OpenAlgoView,
  type OpenOrderView,
  type StrategyContext,
} from '../strategy/strategy.js';
import { LiveRunRefusedError, runLive } from './runLive.js';
import {
  alternatingTrader,
  COINM,
  captureLog,
  type Drop,
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
} from './testing.js';

// Live mode on COIN-M against the local exchange over real loopback sockets: a `market: 'coinm'`
// client (REST under /dapi, streams under /dstream), BTCUSD_PERP in contracts, the account in BTC.

const PERP = COINM.symbol; // BTCUSD_PERP

const startVenue = liveVenues(COINM);

/** Buys, then sells, then buys... `contracts` at market every `everyMs`. */
const trader = (everyMs: number, contracts: string) =>
  alternatingTrader({ name: 'coinm-trader', symbol: PERP, quantity: contracts, everyMs });

/**
 * The drop reached the run's COIN-M sockets: its market streams (served under /dstream) with
 * `marketStream` among them, and its user-data stream (the COIN-M venue's listen key); nothing else
 * was open.
 */
function expectCoinmDrop(drop: Drop | undefined, marketStream: string): void {
  expect(drop).toBeDefined();
  const { closed, streams, listenKey } = drop!;
  expect(listenKey).toBeDefined();
  expect(streams).toContain(listenKey);
  expect(streams).toContain(marketStream);
  expect(streams.every((s) => s === listenKey || s.startsWith(`${PERP.toLowerCase()}@`))).toBe(true);
  expect(closed).toBeGreaterThanOrEqual(2);
}

describe('runLive on COIN-M', () => {
  test('default: trades BTCUSD_PERP in contracts; the record, in BTC, equals the exchange account', async () => {
    const venue = await startVenue(21);
    const before = await venue.wallet();
    const { lines, log } = captureLog();
    const result = await runLive({
      strategy: trader(250, '2'),
      client: venue.client,
      durationMs: 2_500,
      sampleEveryMs: 500,
      log,
      ...FAST_RECONNECTS,
    });
    const { record } = result;
    expect(record.meta).toMatchObject({
      mode: 'live',
      env: 'local',
      strategy: 'coinm-trader',
      symbols: [PERP],
      quoteAsset: 'BTC',
    });
    expect(record.fills.length).toBeGreaterThanOrEqual(5);
    expect(record.fills.every((f) => f.qty === '2' && f.feeAsset === 'BTC')).toBe(true);
    await expectFillsAsOnExchange(venue, record);
    expect(result.startingWallet).toBe(before.toString());
    const after = await expectWalletAsOnExchange(venue, result);
    expect(after.sub(before).eq(result.totals.netPnl)).toBe(true);
    expect(after.sub(before).isZero()).toBe(false);
    expect(rejections(lines)).toEqual([]);

    // The USD value at the BTC index price, as in backtest and paper.
    const last = record.equity.at(-1)!;
    expect(last.usdPrice).toMatch(/^\d+(\.\d+)?$/);
    expect(last.usdValue).toBe(
      Decimal.parse(last.equity).mul(last.usdPrice!).round(8, 'half-even').toString(),
    );
    const { pnl } = summarize(record);
    expect(pnl.usd).not.toBeNull();
    expect(pnl.usd!.endPrice).toBe(last.usdPrice);
  }, 20_000);

  test('behavior: a conditional order goes through the COIN-M algo service and comes back as algo updates', async () => {
    const { client } = await startVenue(22);
    const updates: AlgoUpdate[] = [];
    const seen: { during: readonly OpenAlgoView[]; after: readonly OpenAlgoView[] } = {
      during: [],
      after: [],
    };
    let onExchange: string[] = [];
    const strategy = defineStrategy(() => ({
      name: 'stopper',
      symbols: [PERP],
      onStart(ctx) {
        ctx.setTimer('place', 300);
      },
      onTimer(ctx, timer) {
        if (timer.name === 'place') {
          const mark = ctx.markPrice(PERP)!;
          ctx.submitAlgoOrder({
            symbol: PERP,
            side: 'BUY',
            type: 'STOP_MARKET',
            quantity: '3',
            triggerPrice: ctx.roundPrice(PERP, mark.mul('1.2')),
            clientAlgoId: 'far-stop',
          });
          ctx.setTimer('look', 600);
        } else if (timer.name === 'look') {
          seen.during = ctx.openAlgoOrders(PERP);
          void client.getOpenAlgoOrders({ symbol: PERP }).then((rows) => {
            onExchange = rows.map((r) => r.clientAlgoId);
          });
          ctx.cancelAlgoOrder(PERP, 'far-stop');
          ctx.setTimer('done', 600);
        } else {
          seen.after = ctx.openAlgoOrders(PERP);
        }
      },
      onAlgoUpdate(_ctx, update) {
        updates.push(update);
      },
    }));
    const { lines, log } = captureLog();
    const result = await runLive({ strategy, client, durationMs: 2_200, log, ...FAST_RECONNECTS });
    expect(rejections(lines)).toEqual([]);
    expect(seen.during.map((a) => a.clientAlgoId)).toEqual(['far-stop']);
    expect(onExchange).toEqual(['far-stop']);
    expect(seen.after).toEqual([]);
    const statuses = updates.filter((u) => u.clientAlgoId === 'far-stop').map((u) => u.status);
    expect(statuses[0]).toBe('NEW');
    expect(statuses.at(-1)).toBe('CANCELED');
    expect(updates.every((u) => u.symbol === PERP && u.type === 'STOP_MARKET')).toBe(true);
    expect(await client.getOpenAlgoOrders({ symbol: PERP })).toEqual([]);
    expect(result.record.fills).toEqual([]);
  }, 20_000);

  test('behavior: a dropped connection mid-run loses no fill and reports none twice', async () => {
    const venue = await startVenue(24);
    const { result, lines, drop } = await runDroppingConnections(venue, {
      strategy: trader(100, '2'),
      durationMs: 3_000,
      sampleEveryMs: 500,
      ...FAST_RECONNECTS,
    });
    expectCoinmDrop(drop, 'btcusd_perp@markPrice@1s');
    // The socket stayed away for 300 ms while market orders filled every 100 ms: REST read them back.
    expectUserDataGapReadBack(lines);
    const { record } = result;
    const recorded = await expectFillsAsOnExchange(venue, record);
    expect(new Set(recorded).size).toBe(recorded.length);
    expect(recorded).toEqual(venue.venueFills(record.meta.startTime));
    expect(recorded.length).toBeGreaterThanOrEqual(10);
    expect(record.fills.every((f) => f.symbol === PERP && f.qty === '2' && f.feeAsset === 'BTC')).toBe(true);
    await expectWalletAsOnExchange(venue, result);
  }, 20_000);

  test('behavior: trades lost while the market streams reconnect are read back, in order, once each', async () => {
    const venue = await startVenue(25);
    const started = Date.now();
    const { lines, drop, seen } = await runThroughMarketStreamGap(venue, '2');
    expect(Date.now() - started).toBeLessThan(20_000);
    expectCoinmDrop(drop, 'btcusd_perp@aggTrade');
    expectTradeGapReadBack(lines, PERP);
    expect(seen.length).toBeGreaterThanOrEqual(15);
    // As REST under /dapi (/dapi/v1/aggTrades) has them.
    await expectEveryAggTradeOnce(venue.client, PERP, seen);
  }, 20_000);

  test('behavior: an open order, an algo order and a position that exist at start are in the strategy state', async () => {
    const { client } = await startVenue(23);
    await client.newOrder({ symbol: PERP, side: 'BUY', type: 'MARKET', quantity: '3' });
    const [book] = await client.getBookTicker({ symbol: PERP });
    const bid = Decimal.parse(book!.bidPrice);
    const far = bid.mul('0.9').roundToStep(Decimal.parse('0.1'), 'floor');
    await client.newOrder({
      symbol: PERP,
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '2',
      price: far,
      newClientOrderId: 'before-the-run',
    });
    await client.newOrder({
      symbol: PERP,
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '3',
      stopPrice: bid.mul('0.8').roundToStep(Decimal.parse('0.1'), 'floor'),
      newClientOrderId: 'stop-before-the-run',
    });
    let seen:
      | { amount: string; orders: readonly OpenOrderView[]; algos: readonly OpenAlgoView[] }
      | undefined;
    const strategy = defineStrategy(() => ({
      name: 'inspector',
      symbols: [PERP],
      onStart(ctx: StrategyContext) {
        seen = {
          amount: ctx.position(PERP).amount.toString(),
          orders: ctx.openOrders(PERP),
          algos: ctx.openAlgoOrders(PERP),
        };
        ctx.cancelOrder(PERP, 'before-the-run');
        ctx.cancelAlgoOrder(PERP, 'stop-before-the-run');
      },
    }));
    const result = await runLive({ strategy, client, durationMs: 800, ...FAST_RECONNECTS });
    expect(Decimal.parse(seen!.amount).eq('3')).toBe(true);
    expect(seen!.orders).toHaveLength(1);
    expect(seen!.orders[0]).toMatchObject({ clientOrderId: 'before-the-run', side: 'BUY' });
    expect(seen!.orders[0]!.price.eq(far)).toBe(true);
    expect(seen!.algos.map((a) => a.clientAlgoId)).toEqual(['stop-before-the-run']);
    expect(await client.getOpenOrders({ symbol: PERP })).toEqual([]);
    expect(await client.getOpenAlgoOrders({ symbol: PERP })).toEqual([]);
    expect(result.record.positions[PERP]?.[0]?.amount).toBe('3');
    expect(result.record.meta.quoteAsset).toBe('BTC');
  }, 20_000);

  test('behavior: symbols of the other product than the client are refused before anything connects', async () => {
    const usdm = createClient({
      env: 'testnet',
      credentials: { apiKey: 'k', apiSecret: 's' },
      timeSync: false,
    });
    const coinm = createClient({
      env: 'testnet',
      market: 'coinm',
      credentials: { apiKey: 'k', apiSecret: 's' },
      timeSync: false,
    });
    try {
      await expect(
        runLive({ strategy: trader(100, '1'), client: usdm, symbols: [PERP], durationMs: 10 }),
      ).rejects.toThrow(
        "BTCUSD_PERP is COIN-M, but the client trades USDⓈ-M: create it with market: 'coinm'",
      );
      await expect(
        runLive({ strategy: trader(100, '1'), client: coinm, symbols: ['BTCUSDT'], durationMs: 10 }),
      ).rejects.toThrow(LiveRunRefusedError);
    } finally {
      await usdm.close();
      await coinm.close();
    }
  });
});
