import { createRng, parseJson } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { publicRequest, signedRequest } from '../testing/signedRequest.js';
import {
  advance,
  byStream,
  type DepthEvent,
  type DepthSnapshot,
  LocalBook,
  socketsForTests,
  type TestClient,
  type TestExchange,
} from './testing.js';

// A local order book built by the algorithm of reference §10 (REST snapshot + diff stream, U/u/pu
// checks) equals a fresh REST snapshot at every checkpoint of a seeded random workload on top of
// the synthetic market.

const { start, connect } = socketsForTests();

function snapshot(t: TestExchange, symbol: string): DepthSnapshot {
  return parseJson(
    t.exchange.handle(publicRequest('GET', '/fapi/v1/depth', { symbol, limit: 1000 })).body,
  ) as DepthSnapshot;
}

describe('diff depth and REST depth share one sequence', () => {
  test.each([
    ['ids below 2^53', 1n],
    ['ids above 2^53', 2n ** 60n],
  ])('default: the §10 book equals REST at every checkpoint (%s)', async (_label, idStart) => {
    const t = await start({ seed: 7, idStart, ws: { limits: { maxIncomingPerSecond: 1000 } } });
    const { clock } = t;
    const symbol = 'BTCUSDT';
    // Connected at T0: the 100 ms flushes fall right after the exchange's 50 ms driver ticks.
    const client = await connect(`${t.wsUrl}/ws/btcusdt@depth@100ms`);
    const late = await connect(`${t.wsUrl}/ws`);
    const book = new LocalBook();
    const lateBook = new LocalBook();
    const rng = createRng(42);
    const taker = t.exchange.admin({ kind: 'createAccount', balances: { USDT: '10000000' } });
    if (taker.kind !== 'account') throw new Error('no account');
    const accounts = [
      t.exchange.defaultAccount!,
      { apiKey: taker.keys[0]!.apiKey, apiSecret: taker.keys[0]!.apiSecret! },
    ];
    const openOrders: { account: number; orderId: number | bigint }[] = [];
    const outcomes = { placed: 0, filled: 0, canceled: 0 };

    const sendOrders = (): void => {
      const n = rng.nextInt(4);
      for (let i = 0; i < n; i++) {
        const account = rng.nextInt(2);
        const creds = accounts[account]!;
        const now = clock.now();
        if (openOrders.length > 0 && rng.next() < 0.3) {
          const [order] = openOrders.splice(rng.nextInt(openOrders.length), 1);
          const canceled = t.exchange.handle(
            signedRequest(
              'DELETE',
              '/fapi/v1/order',
              { symbol, orderId: String(order!.orderId) },
              accounts[order!.account]!,
              {
                timestamp: now,
              },
            ),
          );
          if (canceled.status === 200) outcomes.canceled += 1;
          continue;
        }
        const best = parseJson(
          t.exchange.handle(publicRequest('GET', '/fapi/v1/ticker/bookTicker', { symbol })).body,
        ) as {
          bidPrice: string;
        };
        const side = rng.next() < 0.5 ? 'BUY' : 'SELL';
        const offset = rng.nextInt(41) - 20; // ticks around the best bid; some cross
        const price = (Number(best.bidPrice) + offset * 0.1).toFixed(1);
        const quantity = (0.001 * (1 + rng.nextInt(50))).toFixed(3);
        const params =
          rng.next() < 0.1
            ? { symbol, side, type: 'MARKET', quantity }
            : { symbol, side, type: 'LIMIT', timeInForce: 'GTC', quantity, price };
        const response = t.exchange.handle(
          signedRequest('POST', '/fapi/v1/order', params, creds, { timestamp: now }),
        );
        const order = parseJson(response.body) as { orderId?: number | bigint; status?: string };
        if (response.status === 200) outcomes.placed += 1;
        if (response.status === 200 && order.status === 'NEW')
          openOrders.push({ account, orderId: order.orderId! });
      }
    };

    const receive = async (c: TestClient, b: LocalBook): Promise<void> => {
      await c.sync();
      for (const frame of c.drain()) {
        const event = frame as DepthEvent;
        if (event.e === 'depthUpdate') b.onEvent(event);
      }
    };

    advance(clock, 300);
    await receive(client, book);
    book.loadSnapshot(snapshot(t, symbol));
    let checkpoints = 0;
    for (let step = 0; step < 60; step++) {
      sendOrders();
      advance(clock, 100);
      if (step === 20)
        expect(await late.control('SUBSCRIBE', ['btcusdt@depth@100ms'])).toMatchObject({ result: null });
      if (step === 23) {
        await receive(late, lateBook);
        lateBook.loadSnapshot(snapshot(t, symbol));
      }
      await receive(client, book);
      if (step > 23) await receive(late, lateBook);
      // Checkpoint: the clock is on a flush, right after the driver's tick, so nothing is pending.
      const rest = snapshot(t, symbol);
      expect(book.lastU).toBe(BigInt(rest.lastUpdateId));
      expect(book.top('bids', 1000)).toEqual(rest.bids);
      expect(book.top('asks', 1000)).toEqual(rest.asks);
      if (step > 23) {
        expect(lateBook.lastU).toBe(BigInt(rest.lastUpdateId));
        expect(lateBook.top('bids', 1000)).toEqual(rest.bids);
      }
      checkpoints += 1;
    }
    expect(checkpoints).toBe(60);
    expect(book.applied).toBeGreaterThan(30);
    // The workload did place, cancel and cross orders (ACK responses report NEW; fills show in trades).
    expect(outcomes.placed).toBeGreaterThan(40);
    expect(outcomes.canceled).toBeGreaterThan(0);
    const trades = parseJson(
      t.exchange.handle(
        signedRequest('GET', '/fapi/v1/userTrades', { symbol }, accounts[0]!, { timestamp: clock.now() }),
      ).body,
    ) as unknown[];
    expect(trades.length).toBeGreaterThan(5);
  });

  test('behavior: consecutive events chain exactly: U = pu + 1, u >= U, pu = previous u', async () => {
    const t = await start({ seed: 3 });
    const client = await connect(`${t.wsUrl}/stream?streams=ethusdt@depth/ethusdt@depth@500ms`);
    advance(t.clock, 5000);
    await client.sync();
    const streams = byStream<DepthEvent>(client.drain());
    for (const events of streams.values()) {
      expect(events.length).toBeGreaterThan(3);
      for (let i = 1; i < events.length; i++) {
        const [prev, event] = [events[i - 1]!, events[i]!];
        expect(BigInt(event.pu)).toBe(BigInt(prev.u));
        expect(BigInt(event.U)).toBe(BigInt(event.pu) + 1n);
        expect(BigInt(event.u) >= BigInt(event.U)).toBe(true);
      }
    }
    // Both speeds cover the same changes: they end on the same id when flushed together.
    const fast = streams.get('ethusdt@depth')!;
    const slow = streams.get('ethusdt@depth@500ms')!;
    expect(slow.at(-1)!.u).toBe(fast.at(-1)!.u);
  });
});
