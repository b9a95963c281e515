import { parseJson, type VirtualClock } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { signedRequest } from '../testing/signedRequest.js';
import { limitOrder, marketOrder } from '../venue/algo/testing.js';
import {
  advance,
  jumpAhead,
  type ListeningExchange,
  socketsForTests,
  T0,
  type TestClient,
} from './testing.js';

// The COIN-M user-data stream (reference §13.4) end to end: listen keys of `/dapi/v1/listenKey` on
// `/dstream`, fills on the COIN-M venue, and the USD-M stream of the same account beside it.

const { listen, connect } = socketsForTests();

interface Harness {
  readonly t: ListeningExchange;
  readonly clock: VirtualClock;
  listenKey(path: '/dapi/v1/listenKey' | '/fapi/v1/listenKey'): string;
  connect(url: string): Promise<TestClient>;
}

async function start(): Promise<Harness> {
  // No pings: a virtual hour's pings at one instant would come back as more pongs than 10 a second.
  const t = await listen({ marketData: 'none', webSocketLimits: { pingIntervalMs: 10 * 3_600_000 } });
  const { clock } = t;
  return {
    t,
    clock,
    listenKey(path) {
      const creds = t.exchange.defaultAccount!;
      const response = t.exchange.handle(signedRequest('POST', path, {}, creds, { timestamp: clock.now() }));
      return (parseJson(response.body) as { listenKey: string }).listenKey;
    },
    connect,
  };
}

describe('COIN-M user-data stream', () => {
  test('default: a fill gives ORDER_TRADE_UPDATE with ma and i and ACCOUNT_UPDATE in coin, on the COIN-M key only', async () => {
    const h = await start();
    const { exchange } = h.t;
    const cmKey = h.listenKey('/dapi/v1/listenKey');
    const umKey = h.listenKey('/fapi/v1/listenKey');
    expect(cmKey).not.toBe(umKey);
    const raw = await h.connect(`${h.t.coinmWsUrl}/ws/${cmKey}`);
    const query = await h.connect(`${h.t.coinmWsUrl}/ws?listenKey=${cmKey}`);
    const combined = await h.connect(`${h.t.coinmWsUrl}/stream?listenKey=${cmKey}`);
    const usdm = await h.connect(`${h.t.wsUrl}/ws/${umKey}`);

    const venue = exchange.coinm!;
    const created = exchange.admin({ kind: 'createAccount', balances: { BTC: '10' } });
    if (created.kind !== 'account') throw new Error('no account');
    const maker = venue.accounts.get(created.accountId)!;
    const taker = venue.accounts.get(exchange.defaultAccount!.accountId)!;
    venue.placeOrder(maker, limitOrder('BTCUSD_PERP', 'SELL', '10', '96000.0'));
    venue.placeOrder(taker, marketOrder('BTCUSD_PERP', 'BUY', '10'));
    venue.commit();
    advance(h.clock, 100);

    for (const client of [raw, query]) await client.sync();
    await combined.sync();
    const events = raw.drain() as Record<string, unknown>[];
    expect(query.drain()).toEqual(events);
    expect(combined.drain()).toEqual(events.map((data) => ({ stream: cmKey, data })));
    // NEW, then the fill and its ACCOUNT_UPDATE; no TRADE_LITE on COIN-M.
    expect(events.map((e) => e.e)).toEqual(['ORDER_TRADE_UPDATE', 'ORDER_TRADE_UPDATE', 'ACCOUNT_UPDATE']);
    const [placed, order, account] = events as Record<string, unknown>[] as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    expect(placed).toMatchObject({ i: taker.alias, o: { x: 'NEW', X: 'NEW', ma: 'BTC', l: '0' } });

    expect(Object.keys(order)).toEqual(['e', 'E', 'T', 'i', 'o']);
    expect(order.i).toBe(taker.alias);
    const o = order.o as Record<string, unknown>;
    expect(o).toMatchObject({
      s: 'BTCUSD_PERP',
      S: 'BUY',
      o: 'MARKET',
      x: 'TRADE',
      X: 'FILLED',
      q: '10',
      l: '10',
      L: '96000.0',
      ma: 'BTC',
      N: 'BTC',
      // 10 contracts × 100 USD / 96,000 = 0.01041666 BTC; taker fee 0.05% of it, 8 decimals rounded up.
      n: '0.00000521',
    });
    // `ma` follows `L`; USD-M's `si`, `ss` and `gtd` are not COIN-M's.
    const fields = Object.keys(o);
    expect(fields[fields.indexOf('L') + 1]).toBe('ma');
    for (const field of ['si', 'ss', 'gtd']) expect(fields).not.toContain(field);

    expect(Object.keys(account)).toEqual(['e', 'E', 'T', 'i', 'a']);
    expect(account).toMatchObject({
      i: taker.alias,
      a: {
        m: 'ORDER',
        // 10 BTC less the fee; the fill itself moves no balance (bc).
        B: [{ a: 'BTC', wb: '9.99999479', bc: '0.00000000' }],
        P: [{ s: 'BTCUSD_PERP', pa: '10', ep: '96000.0', ps: 'BOTH' }],
      },
    });

    // The USD-M key of the same account heard nothing.
    await usdm.sync();
    expect(usdm.drain()).toEqual([]);
  });

  test('behavior: an expired COIN-M key gets listenKeyExpired, as on USD-M', async () => {
    const h = await start();
    const key = h.listenKey('/dapi/v1/listenKey');
    const client = await h.connect(`${h.t.coinmWsUrl}/ws/${key}`);
    jumpAhead(h.t.exchange, h.clock, 58 * 60_000);
    await client.sync();
    expect(client.drain()).toEqual([]);
    advance(h.clock, 4 * 60_000, 1000);
    await client.sync();
    expect(client.drain()).toEqual([{ e: 'listenKeyExpired', E: T0 + 60 * 60_000, listenKey: key }]);
  });
});
