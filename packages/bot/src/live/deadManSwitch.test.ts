import { describe, expect, test } from 'vitest';
import type { OrderUpdate } from '../strategy/events.js';
import { defineStrategy } from '../strategy/strategy.js';
import { runLive } from './runLive.js';
import { captureLog, FAST_RECONNECTS, liveVenues, USDM } from './testing.js';

// Binance's dead-man switch (countdownCancelAll) of a live run, over real loopback sockets against
// the local exchange, whose countdowns cancel orders as Binance's do.

const SYMBOL = USDM.symbol; // BTCUSDT
const startVenue = liveVenues(USDM);
const COUNTDOWN_MS = 1_000;

/** Rests one bid 3% under the mark and records every update of it. */
const restingBid = (updates: OrderUpdate[]) =>
  defineStrategy(() => ({
    name: 'resting-bid',
    symbols: [SYMBOL],
    onStart(ctx) {
      const price = ctx.roundPrice(SYMBOL, ctx.markPrice(SYMBOL)!.mul('0.97'), 'floor');
      ctx.submitOrder({
        symbol: SYMBOL,
        side: 'BUY',
        type: 'LIMIT',
        price,
        quantity: '0.002',
        clientOrderId: 'resting-bid',
      });
    },
    onOrderUpdate(_ctx, update) {
      updates.push(update);
    },
  }));

const openOrderIds = async (venue: Awaited<ReturnType<typeof startVenue>>) =>
  (await venue.client.getOpenOrders({ symbol: SYMBOL })).map((o) => o.clientOrderId);

describe('runLive dead-man switch', () => {
  test('default: refreshed while the run lives, so its orders outlast the countdown; disarmed when it stops', async () => {
    const venue = await startVenue(41);
    const updates: OrderUpdate[] = [];
    const { lines, log } = captureLog();
    await runLive({
      strategy: restingBid(updates),
      client: venue.client,
      durationMs: 2.5 * COUNTDOWN_MS,
      deadManSwitchMs: COUNTDOWN_MS,
      exitPolicy: 'leave',
      log,
      ...FAST_RECONNECTS,
    });
    expect(updates.map((u) => u.status)).toEqual(['NEW']);
    expect(lines).toContain(
      'dead-man switch: armed on BTCUSDT; the exchange cancels their orders if this run is gone for 1 s',
    );
    // Stopped on purpose with `leave`: the bid outlasts another countdown.
    await new Promise((resolve) => setTimeout(resolve, 1.5 * COUNTDOWN_MS));
    expect(await openOrderIds(venue)).toEqual(['resting-bid']);
  }, 20_000);

  test('behavior: when the run loses the exchange for the countdown, the exchange cancels its orders itself', async () => {
    const venue = await startVenue(42);
    const updates: OrderUpdate[] = [];
    const { lines, log } = captureLog();
    // From 300 ms on, every refresh fails (as when the network or the process is gone).
    const cut = setTimeout(() => {
      venue.exchange.faults.add({
        kind: 'serviceUnavailable',
        scope: { route: 'POST /fapi/v1/countdownCancelAll' },
      });
    }, 300);
    try {
      await runLive({
        strategy: restingBid(updates),
        client: venue.client,
        durationMs: 3 * COUNTDOWN_MS,
        deadManSwitchMs: COUNTDOWN_MS,
        exitPolicy: 'leave',
        log,
        ...FAST_RECONNECTS,
      });
    } finally {
      clearTimeout(cut);
    }
    expect(updates.map((u) => u.status)).toEqual(['NEW', 'CANCELED']);
    expect(await openOrderIds(venue)).toEqual([]);
    expect(lines.filter((l) => l.startsWith('dead-man switch: refreshing failed'))).toHaveLength(1);
  }, 20_000);

  test('error: a countdown that is not a whole number of ms is refused before anything runs', async () => {
    const venue = await startVenue(43);
    await expect(
      runLive({ strategy: restingBid([]), client: venue.client, deadManSwitchMs: 1.5, durationMs: 100 }),
    ).rejects.toThrow('deadManSwitchMs must be 0 (off) or a whole number of ms; got 1.5');
    expect(await openOrderIds(venue)).toEqual([]);
  }, 20_000);
});
