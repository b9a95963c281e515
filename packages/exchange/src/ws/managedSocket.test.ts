import type { VirtualClock } from '@basis/core';
import { describe, expect, test } from 'vitest';
import type { CloseReason } from './managedSocket.js';
import {
  advance,
  jumpAhead,
  socketsForTests,
  TestClient,
  type TestExchange,
  type TestExchangeOptions,
  WAIT_MS,
  within,
} from './testing.js';

// Binance's connection rules on real sockets, with a VirtualClock for the long ones.

const MINUTE = 60_000;
const sockets = socketsForTests();
const { connect } = sockets;

async function start(
  options: Omit<TestExchangeOptions, 'clock'> = {},
): Promise<{ t: TestExchange; clock: VirtualClock; reasons: CloseReason[] }> {
  const reasons: CloseReason[] = [];
  const t = await sockets.start({
    marketData: 'none',
    ...options,
    ws: { ...options.ws, onDisconnect: (c) => reasons.push(c.reason) },
  });
  return { t, clock: t.clock, reasons };
}

/** Waits (bounded) until the server saw a connection end. */
async function disconnected(reasons: CloseReason[]): Promise<CloseReason> {
  await within(
    (async () => {
      for (let i = 0; i < 500 && reasons.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    })(),
    WAIT_MS,
    'a disconnect',
  );
  const reason = reasons.shift();
  if (reason === undefined) throw new Error('no disconnect');
  return reason;
}

describe('connection limits', () => {
  test('default: more than 10 incoming messages in a second closes the connection', async () => {
    const { t, clock, reasons } = await start();
    const calm = await connect(`${t.wsUrl}/ws`);
    for (let i = 0; i < 10; i++) await calm.control('LIST_SUBSCRIPTIONS');
    clock.advance(1000);
    for (let i = 0; i < 10; i++) await calm.control('LIST_SUBSCRIPTIONS');
    const noisy = await connect(`${t.wsUrl}/ws`);
    for (let i = 0; i < 11; i++) noisy.send({ method: 'LIST_SUBSCRIPTIONS', id: i });
    expect(await within(noisy.closed, WAIT_MS, 'close')).toBe(1008);
    expect(noisy.queue).toHaveLength(10);
    expect(await disconnected(reasons)).toBe('messageRate');
    clock.advance(1000);
    expect((await calm.control('LIST_SUBSCRIPTIONS')).result).toEqual([]);
  });

  test('behavior: the server pings every 3 minutes and drops a peer that leaves a ping unanswered for 10', async () => {
    const { t, clock, reasons } = await start();
    const alive = await connect(`${t.wsUrl}/ws`);
    const silent = await connect(`${t.wsUrl}/ws`, { autoPong: false });
    let pings = 0;
    silent.socket.on('ping', () => {
      pings += 1;
      // Unsolicited pongs with another payload do not keep a connection alive.
      silent.socket.pong('');
    });
    for (let minute = 3; minute <= 12; minute += 3) {
      const ping = within(new Promise((r) => alive.socket.once('ping', r)), WAIT_MS, 'ping');
      advance(clock, 3 * MINUTE, MINUTE);
      await ping;
      await alive.sync(); // the pong travelled before this request
      await silent.sync();
    }
    expect(pings).toBe(4);
    expect(reasons).toEqual([]);
    advance(clock, MINUTE, MINUTE); // 13 minutes: 10 after the first unanswered ping
    expect(await within(silent.closed, WAIT_MS, 'close')).toBe(1006);
    expect(await disconnected(reasons)).toBe('pongTimeout');
    for (let minute = 15; minute <= 30; minute += 3) {
      advance(clock, 3 * MINUTE, MINUTE);
      await alive.sync();
    }
    expect(reasons).toEqual([]);
    expect(t.ws.stats().streamConnections).toBe(1);
  });

  test('behavior: a connection is closed 24 hours after it opened', async () => {
    const { t, clock, reasons } = await start({
      tickMs: 3_600_000,
      // No pings: 480 of them at one virtual instant would be answered by 480 pongs in one second.
      ws: { limits: { pingIntervalMs: 48 * 3_600_000 } },
    });
    const client = await connect(`${t.wsUrl}/stream`);
    // The venue jumps over the day (as after downtime) instead of simulating it second by second.
    jumpAhead(t.exchange, clock, 24 * 3_600_000 - 1);
    await client.sync();
    expect(reasons).toEqual([]);
    clock.advance(1);
    expect(await within(client.closed, WAIT_MS, 'close')).toBe(1000);
    expect(await disconnected(reasons)).toBe('lifetime');
  });

  test('behavior: a consumer that stops reading is dropped once its backlog passes the cap', async () => {
    const { t, clock, reasons } = await start({
      marketData: 'synthetic',
      ws: { limits: { maxBufferedBytes: 256 * 1024, maxIncomingPerSecond: 1000 } },
    });
    const reader = await connect(`${t.wsUrl}/ws/!markPrice@arr@1s`);
    const names = [...t.exchange.venue.markets.keys()].flatMap((s) => [
      `${s.toLowerCase()}@depth20@100ms`,
      `${s.toLowerCase()}@depth10@100ms`,
    ]);
    const slow = await connect(`${t.wsUrl}/stream?streams=${names.join('/')}`);
    slow.socket.pause();
    for (let i = 0; i < 120 && reasons.length === 0; i++) {
      advance(clock, 1000, 100);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await disconnected(reasons)).toBe('slowConsumer');
    // The others keep receiving.
    reader.drain();
    advance(clock, 1000, 100);
    await reader.sync();
    expect(reader.drain().length).toBeGreaterThan(0);
    slow.socket.resume();
    expect(await within(slow.closed, WAIT_MS, 'close')).toBe(1006);
  });

  test('behavior: close() ends every connection and refuses new ones', async () => {
    const { t } = await start();
    const client = await connect(`${t.wsUrl}/ws/btcusdt@aggTrade`);
    const api = await connect(`${t.wsUrl}/ws-fapi/v1`);
    await t.ws.close();
    expect(await within(client.closed, WAIT_MS, 'close')).toBe(1001);
    expect(await within(api.closed, WAIT_MS, 'close')).toBe(1001);
    expect(t.ws.stats()).toEqual({ streamConnections: 0, wsApiConnections: 0, topics: 0, listenKeys: 0 });
    expect((await TestClient.refusal(`${t.wsUrl}/ws`)).status).toBe(503);
  });
});
