import { createRng, parseJson } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { publicRequest } from '../testing/signedRequest.js';
import { limitOrder, marketOrder } from '../venue/algo/testing.js';
import { BUY } from '../venue/market.js';
import {
  advance,
  type DepthEvent,
  type DepthSnapshot,
  type ListeningExchange,
  LocalBook,
  socketsForTests,
} from './testing.js';

// COIN-M's local order book (reference §13.4: "identical U/u/pu algorithm with /dapi/v1/depth"): a
// book built from `/dstream` diff events and a `/dapi/v1/depth` snapshot equals a fresh snapshot at
// every checkpoint of a seeded workload on top of the synthetic market.

const { listen, connect } = socketsForTests();

function snapshot(t: ListeningExchange, symbol: string): DepthSnapshot & { symbol: string; pair: string } {
  const response = t.exchange.handle(publicRequest('GET', '/dapi/v1/depth', { symbol, limit: 1000 }));
  return parseJson(response.body) as DepthSnapshot & { symbol: string; pair: string };
}

describe('COIN-M diff depth and /dapi/v1/depth', () => {
  test('default: the §10 book equals REST at every checkpoint', async () => {
    const t = await listen({ seed: 11, webSocketLimits: { maxIncomingPerSecond: 1000 } });
    const { clock } = t;
    const symbol = 'BTCUSD_PERP';
    const client = await connect(`${t.coinmWsUrl}/ws/btcusd_perp@depth@100ms`);
    const venue = t.exchange.coinm!;
    const created = t.exchange.admin({ kind: 'createAccount', balances: { BTC: '100' } });
    if (created.kind !== 'account') throw new Error('no account');
    const accounts = [
      venue.accounts.get(t.exchange.defaultAccount!.accountId)!,
      venue.accounts.get(created.accountId)!,
    ];
    const market = venue.market(symbol);
    const rng = createRng(5);
    let filled = 0;

    // Limit orders a few ticks around the best bid (some cross) and a few market orders, per step.
    const sendOrders = (): void => {
      for (let n = rng.nextInt(4); n > 0; n--) {
        const account = accounts[rng.nextInt(2)]!;
        const side = rng.next() < 0.5 ? 'BUY' : 'SELL';
        const quantity = String(1 + rng.nextInt(20));
        const bid = market.best(BUY);
        const order =
          rng.next() < 0.1 || Number.isNaN(bid)
            ? marketOrder(symbol, side, quantity)
            : limitOrder(symbol, side, quantity, market.formatPrice(bid + rng.nextInt(41) - 20));
        const result = venue.placeOrder(account, order);
        if (result.order.executedQty > 0) filled += 1;
      }
      venue.commit();
    };

    const book = new LocalBook();
    const receive = async (): Promise<void> => {
      await client.sync();
      for (const frame of client.drain()) {
        const event = frame as DepthEvent & { ps?: string };
        if (event.e !== 'depthUpdate') continue;
        expect(event.ps).toBe('BTCUSD');
        book.onEvent(event);
      }
    };

    advance(clock, 300);
    await receive();
    const first = snapshot(t, symbol);
    expect(first).toMatchObject({ symbol, pair: 'BTCUSD' });
    book.loadSnapshot(first);
    for (let step = 0; step < 40; step++) {
      sendOrders();
      advance(clock, 100);
      await receive();
      // Checkpoint: the clock is on a flush, right after the driver's tick, so nothing is pending.
      const rest = snapshot(t, symbol);
      expect(book.lastU).toBe(BigInt(rest.lastUpdateId));
      expect(book.top('bids', 1000)).toEqual(rest.bids);
      expect(book.top('asks', 1000)).toEqual(rest.asks);
    }
    expect(book.applied).toBeGreaterThan(20);
    expect(filled).toBeGreaterThan(5);
  });
});
