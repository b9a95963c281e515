import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { summarize } from '../report/summarize.js';
import type { AlgoUpdate } from '../strategy/events.js';
import { defineStrategy, type OpenAlgoView } from '../strategy/strategy.js';
import { LiveRunRefusedError, runLive } from './runLive.js';
import {
  alternatingTrader,
  COINM,
  captureLog,
  expectAccountSeenAtStart,
  expectNoFillLostToDrop,
  expectRunAsOnExchange,
  expectTradesReadBackAfterGap,
  FAST_RECONNECTS,
  liveVenues,
  offlineClient,
  rejections,
} from './testing.js';

// Live mode on COIN-M against the local exchange over real loopback sockets: a `market: 'coinm'`
// client (REST under /dapi, streams under /dstream), BTCUSD_PERP in contracts, the account in BTC.
// The checks shared with USDⓈ-M (runLive.test.ts) are in testing.ts; here, what COIN-M adds.

const PERP = COINM.symbol; // BTCUSD_PERP

const startVenue = liveVenues(COINM);

/** Buys, then sells, then buys... `contracts` at market every `everyMs`. */
const trader = (everyMs: number, contracts: string) =>
  alternatingTrader({ name: 'coinm-trader', symbol: PERP, quantity: contracts, everyMs });

describe('runLive on COIN-M', () => {
  test('default: trades BTCUSD_PERP in contracts; the record, in BTC, equals the exchange account', async () => {
    const { record } = await expectRunAsOnExchange(await startVenue(21), trader(250, '2'));
    expect(record.meta.strategy).toBe('coinm-trader');
    expect(record.fills.every((f) => f.qty === '2' && f.feeAsset === 'BTC')).toBe(true);

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
    const { record } = await expectNoFillLostToDrop(await startVenue(24), trader(100, '2'));
    expect(record.fills.every((f) => f.symbol === PERP && f.qty === '2' && f.feeAsset === 'BTC')).toBe(true);
  }, 20_000);

  test('behavior: trades lost while the market streams reconnect are read back, in order, once each', async () => {
    // Over the COIN-M streams (/dstream) and REST (/dapi/v1/aggTrades).
    await expectTradesReadBackAfterGap(await startVenue(25), '2');
  }, 20_000);

  test('behavior: an open order, an algo order and a position that exist at start are in the strategy state', async () => {
    const venue = await startVenue(23);
    const { result, seen } = await expectAccountSeenAtStart(venue, {
      position: '3',
      restingQuantity: '2',
      placeMore: async (bid) => {
        await venue.client.newOrder({
          symbol: PERP,
          side: 'SELL',
          type: 'STOP_MARKET',
          quantity: '3',
          stopPrice: bid.mul('0.8').roundToStep(Decimal.parse('0.1'), 'floor'),
          newClientOrderId: 'stop-before-the-run',
        });
      },
    });
    expect(seen.algos.map((a) => a.clientAlgoId)).toEqual(['stop-before-the-run']);
    expect(result.record.meta.quoteAsset).toBe('BTC');
  }, 20_000);

  test('behavior: symbols of the other product than the client are refused before anything connects', async () => {
    const usdm = offlineClient('testnet');
    const coinm = offlineClient('testnet', 'coinm');
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
