import { createServer } from 'node:net';
import type { CoinmBalance, CoinmOrder, CoinmPositionRisk } from '@basis/core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CoinmActions } from '../clients/decorators/coinm.js';
import { ClientConfigError } from '../errors/config.js';
import { ConnectionRefusedError } from '../errors/transport.js';
import { startCoinmTradingExchange, type TradingExchange } from '../testing/tradingExchange.js';
import { createWsApiClient, type WsApiClientOptions, type WsApiEvent } from './index.js';

// The WebSocket API client of a COIN-M client against the local exchange's /ws-dapi/v1 over
// 127.0.0.1: COIN-M's method set (order.place/status/cancel, account.balance/position/status), its
// results in COIN-M's shapes, no `v2/` methods, and the REST fallback to `/dapi`.

let fx: TradingExchange<CoinmActions>;
/** The REST paths the client's pipeline was handed (the WebSocket client's fallback goes there). */
let restPaths: string[] = [];
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  restPaths = [];
  fx = await startCoinmTradingExchange({ onRequest: (call) => restPaths.push(call.path) });
});

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await fx.close();
});

function wsClient(overrides: Partial<WsApiClientOptions> = {}) {
  const events: WsApiEvent[] = [];
  const ws = createWsApiClient({
    client: fx.client,
    credentials: fx.exchange.defaultAccount!,
    requestTimeoutMs: 1500,
    connectTimeoutMs: 1000,
    reconnect: { baseDelayMs: 20, maxDelayMs: 100 },
    onEvent: (event) => events.push(event),
    ...overrides,
  });
  closers.push(() => ws.close());
  return { ws, events };
}

const routes = (events: readonly WsApiEvent[], method: string) =>
  events.flatMap((e) => (e.type === 'request' && e.method === method ? [e.via] : []));

/** A URL nothing listens on. */
async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `ws://127.0.0.1:${port}/ws-dapi/v1`;
}

describe('createWsApiClient on COIN-M (/ws-dapi/v1)', () => {
  test('default: places, queries and cancels a BTCUSD_PERP order and reads coin balances and positions over the socket', async () => {
    const { ws, events } = wsClient();
    expect(ws.url).toMatch(/\/ws-dapi\/v1$/);
    await ws.connect();
    const [book] = await fx.client.getBookTicker({ symbol: 'BTCUSD_PERP' });
    const price = (Number(book!.bidPrice) * 0.97).toFixed(1);
    const placed = (await ws.request('order.place', {
      symbol: 'BTCUSD_PERP',
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '2',
      price,
    })) as unknown as CoinmOrder;
    expect(placed).toMatchObject({ symbol: 'BTCUSD_PERP', pair: 'BTCUSD', status: 'NEW', origQty: '2' });
    expect(placed.cumBase).toBeDefined();
    const status = (await ws.request('order.status', {
      symbol: 'BTCUSD_PERP',
      orderId: placed.orderId,
    })) as unknown as CoinmOrder;
    expect(status).toMatchObject({ orderId: placed.orderId, status: 'NEW' });
    const canceled = await ws.request('order.cancel', { symbol: 'BTCUSD_PERP', orderId: placed.orderId });
    expect(canceled).toMatchObject({ orderId: placed.orderId, status: 'CANCELED' });
    // The REST view agrees.
    expect(await fx.client.getOrder({ symbol: 'BTCUSD_PERP', orderId: placed.orderId })).toMatchObject({
      status: 'CANCELED',
    });

    const balances = (await ws.request('account.balance')) as unknown as CoinmBalance[];
    expect(balances.find((b) => b.asset === 'BTC')).toMatchObject({ balance: '10.00000000' });
    const positions = (await ws.request('account.position')) as unknown as CoinmPositionRisk[];
    expect(positions.some((p) => p.symbol === 'BTCUSD_PERP' && p.maxQty !== undefined)).toBe(true);
    const account = await ws.request('account.status');
    expect(account.assets.some((a) => a.asset === 'BTC')).toBe(true);
    for (const method of ['order.place', 'order.status', 'order.cancel', 'account.balance']) {
      expect(routes(events, method)).toEqual(['ws']);
    }
  });

  test('behavior: USD-M-only methods are refused before anything is sent', async () => {
    const { ws, events } = wsClient();
    await expect(ws.request('v2/account.status')).rejects.toBeInstanceOf(ClientConfigError);
    await expect(ws.request('v2/account.balance')).rejects.toThrow(/coinm/);
    expect(events.filter((e) => e.type === 'request')).toEqual([]);
  });

  test('behavior: with the socket refused, calls go to /dapi over REST', async () => {
    const { ws, events } = wsClient({ url: await refusedUrl() });
    await expect(ws.connect()).rejects.toBeInstanceOf(ConnectionRefusedError);
    const balances = (await ws.request('account.balance')) as unknown as CoinmBalance[];
    expect(balances.map((b) => b.asset)).toContain('BTC');
    expect(routes(events, 'account.balance')).toEqual(['rest']);
    expect(restPaths).toContain('/dapi/v1/balance');
  });
});
