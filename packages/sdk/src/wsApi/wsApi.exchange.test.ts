import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Socket as NetSocket, connect as netConnect, type Server } from 'node:net';
import { createRng, Decimal, type Order } from '@basis/core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { getAllOrders } from '../actions/trade/getAllOrders.js';
import type { ClientCredentials } from '../clients/createClient.js';
import { createClient } from '../clients/createClient.js';
import { InvalidSignatureError, InvalidTimestampError, UnknownOrderError } from '../errors/api.js';
import { ConnectionRefusedError } from '../errors/transport.js';
import { OrderValidationError } from '../orders/errors.js';
import { startTradingExchange, type TradingExchange } from '../testing/tradingExchange.js';
import { createWsApiClient, rateLimitHeaders, type WsApiClientOptions, type WsApiEvent } from './index.js';
import { expectTimedOutPlaceReconciledOverSocket, routes } from './testing.js';

// The WebSocket API client against the local exchange's /ws-fapi/v1 over 127.0.0.1: every method,
// both ways of authenticating, the order layer's guarantees across drops and timeouts, -1021, and
// the REST fallback while the socket is refused.

let fx: TradingExchange;
let mark: Decimal;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  fx = await startTradingExchange();
  mark = Decimal.parse((await fx.client.getPremiumIndex({ symbol: 'BTCUSDT' })).markPrice);
});

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await fx.close();
});

/** A BTCUSDT price `factor` × mark, on the 0.10 tick. */
function priceAt(factor: string): string {
  return mark.mul(factor).roundToStep('0.1', 'floor').toFixed(2);
}

function limitBuy(extra: Record<string, unknown> = {}) {
  return {
    symbol: 'BTCUSDT',
    side: 'BUY',
    type: 'LIMIT',
    timeInForce: 'GTC',
    quantity: '0.002',
    price: priceAt('0.97'),
    ...extra,
  } as const;
}

function wsClient(overrides: Partial<WsApiClientOptions> = {}) {
  const events: WsApiEvent[] = [];
  const rng = createRng(7);
  const ws = createWsApiClient({
    client: fx.client,
    credentials: fx.exchange.defaultAccount!,
    url: fx.endpoints.wsApiUrl,
    requestTimeoutMs: 1500,
    connectTimeoutMs: 1000,
    reconnect: { baseDelayMs: 20, maxDelayMs: 100 },
    random: () => rng.next(),
    ...overrides,
    onEvent: (event) => events.push(event),
  });
  closers.push(() => ws.close());
  return { ws, events };
}

/** A new key of the default account: the exchange holds the public half, the client signs with the private one. */
function addedKey(type: 'ED25519' | 'RSA'): ClientCredentials {
  const { publicKey, privateKey } =
    type === 'ED25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const added = fx.exchange.admin({
    kind: 'addKey',
    accountId: fx.exchange.defaultAccount!.accountId,
    key: { type, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
  });
  if (added.kind !== 'key') throw new Error('expected a key');
  return {
    apiKey: added.key.apiKey,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

async function ordersWith(clientOrderId: string): Promise<Order[]> {
  const all = await getAllOrders(fx.client, { symbol: 'BTCUSDT' });
  return all.filter((order) => order.clientOrderId === clientOrderId);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP forwarder on 127.0.0.1 that can refuse connections (closed) and accept them again on the same port. */
async function forwarder(targetPort: number) {
  const sockets = new Set<NetSocket>();
  let server: Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((inbound) => {
        const outbound = netConnect(targetPort, '127.0.0.1');
        sockets.add(inbound);
        sockets.add(outbound);
        inbound.pipe(outbound).pipe(inbound);
        const end = () => {
          inbound.destroy();
          outbound.destroy();
          sockets.delete(inbound);
          sockets.delete(outbound);
        };
        inbound.on('error', end).on('close', end);
        outbound.on('error', end).on('close', end);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await open();
  const shut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (server === undefined) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  closers.push(shut);
  return {
    get url() {
      return `ws://127.0.0.1:${port}/ws-fapi/v1`;
    },
    open,
    shut,
  };
}

describe('WebSocket API client against the local exchange (127.0.0.1)', () => {
  test('default: every method end to end with per-request HMAC signatures, errors as REST classes', async () => {
    const { ws, events } = wsClient();
    await ws.connect();
    expect(ws.state).toBe('ready');
    expect(ws.loggedOn).toBe(false);

    const placed = await ws.placeOrder(limitBuy());
    expect(placed.endpoint).toBe('order');
    expect(placed.clientOrderId).toMatch(/^basis-/);
    expect(placed.order).toMatchObject({
      symbol: 'BTCUSDT',
      status: 'NEW',
      clientOrderId: placed.clientOrderId,
    });

    const read = await ws.getOrder({ symbol: 'BTCUSDT', origClientOrderId: placed.clientOrderId });
    expect(read.orderId).toEqual(placed.order.orderId);

    const moved = await ws.modifyOrder({
      symbol: 'BTCUSDT',
      origClientOrderId: placed.clientOrderId,
      side: 'BUY',
      quantity: '0.003',
      price: priceAt('0.96'),
    });
    expect(moved.origQty).toBe('0.003');
    expect(Decimal.parse(moved.price).eq(Decimal.parse(priceAt('0.96')))).toBe(true);

    const canceled = await ws.cancelOrder({ symbol: 'BTCUSDT', origClientOrderId: placed.clientOrderId });
    expect(canceled.status).toBe('CANCELED');
    await expect(
      ws.cancelOrder({ symbol: 'BTCUSDT', origClientOrderId: placed.clientOrderId }),
    ).rejects.toMatchObject({ name: 'UnknownOrderError', code: -2011 });
    await expect(ws.getOrder({ symbol: 'BTCUSDT', origClientOrderId: 'nope-1' })).rejects.toBeInstanceOf(
      UnknownOrderError,
    );

    const account = await ws.getAccountStatus();
    expect(account.assets).toEqual(expect.arrayContaining([expect.objectContaining({ asset: 'USDT' })]));
    const balances = await ws.getAccountBalance();
    expect(balances.find((b) => b.asset === 'USDT')?.balance).toBe('100000.00000000');
    expect(await ws.getAccountPosition({ symbol: 'BTCUSDT' })).toEqual([]);
    const v1 = await ws.request('account.status');
    expect(v1.positions.length).toBeGreaterThan(0);
    expect(Array.isArray(await ws.request('account.balance'))).toBe(true);
    expect(Array.isArray(await ws.request('account.position', { symbol: 'BTCUSDT' }))).toBe(true);

    const { listenKey } = await ws.startUserDataStream();
    expect(listenKey).toMatch(/\w{20,}/);
    expect((await ws.pingUserDataStream()).listenKey).toBe(listenKey);
    expect(await ws.stopUserDataStream()).toEqual({});

    const status = await ws.status();
    expect(status).toMatchObject({ apiKey: null, authorizedSince: null });

    // Everything went over the socket; nothing fell back to REST.
    expect(events.filter((e) => e.type === 'request' && e.via === 'rest')).toEqual([]);
    expect(routes(events, 'order.place')).toEqual(['ws']);
  });

  test('behavior: rateLimits of each answer reach the rate governor', async () => {
    const { ws, events } = wsClient();
    await ws.connect();
    await ws.placeOrder(limitBuy());
    const answer = events.findLast((e) => e.type === 'response' && e.method === 'order.place');
    if (answer?.type !== 'response') throw new Error('no answer');
    const weight = answer.rateLimits?.find((r) => r.rateLimitType === 'REQUEST_WEIGHT');
    const tenSeconds = answer.rateLimits?.find(
      (r) => r.rateLimitType === 'ORDERS' && r.interval === 'SECOND',
    );
    // The handshake's 5 weight is counted only by the server: the governor learns it from rateLimits.
    expect(weight?.count).toBeGreaterThanOrEqual(5);
    const usage = fx.client.governor.usage();
    expect(usage.requestWeight.used).toBeGreaterThanOrEqual(weight!.count);
    expect(usage.orders[0]?.tenSeconds?.used).toBeGreaterThanOrEqual(tenSeconds!.count);
    expect(
      rateLimitHeaders([
        { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400, count: 12 },
        { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300, count: 3 },
        { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200, count: 4 },
      ]),
    ).toEqual({ 'x-mbx-used-weight-1m': '12', 'x-mbx-order-count-10s': '3', 'x-mbx-order-count-1m': '4' });
  });

  test('behavior: an Ed25519 key logs the session on, requests go unsigned, logon is repeated after a drop', async () => {
    const credentials = addedKey('ED25519');
    const { ws, events } = wsClient({ credentials });
    await ws.connect();
    expect(ws.loggedOn).toBe(true);
    expect(await ws.status()).toMatchObject({ apiKey: credentials.apiKey });
    const placed = await ws.placeOrder(limitBuy());
    expect(placed.order.status).toBe('NEW');

    expect(fx.exchange.faults.dropConnections({ route: 'wsApi' })).toBe(1);
    for (let i = 0; i < 100 && ws.state === 'ready'; i++) await sleep(5);
    await ws.ready(3000);
    expect(events.filter((e) => e.type === 'logon')).toHaveLength(2);
    expect(events.some((e) => e.type === 'reconnectScheduled')).toBe(true);
    expect(ws.loggedOn).toBe(true);
    expect((await ws.getOrder({ symbol: 'BTCUSDT', origClientOrderId: placed.clientOrderId })).status).toBe(
      'NEW',
    );

    const out = await ws.logout();
    expect(out).toMatchObject({ apiKey: null, authorizedSince: null });
    expect(ws.loggedOn).toBe(false);
    // Signed one by one with Ed25519 from now on.
    const canceled = await ws.cancelOrder({ symbol: 'BTCUSDT', origClientOrderId: placed.clientOrderId });
    expect(canceled.status).toBe('CANCELED');
  });

  test('behavior: session.logon is refused for an HMAC key; requests stay signed one by one; a wrong secret is -1022', async () => {
    const { ws, events } = wsClient({ logon: true });
    await ws.connect();
    const failed = events.find((e) => e.type === 'logonFailed');
    expect(failed?.type === 'logonFailed' && failed.error).toMatchObject({ code: -4056 });
    expect(ws.loggedOn).toBe(false);
    expect((await ws.getAccountStatus()).assets.length).toBeGreaterThan(0);

    const { ws: wrong } = wsClient({
      credentials: { apiKey: fx.exchange.defaultAccount!.apiKey, apiSecret: 'not-the-secret' },
    });
    await wrong.connect();
    const error = await wrong.getAccountStatus().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidSignatureError);
    expect(String(error)).not.toContain('not-the-secret');
  });

  test('behavior: an RSA key signs each request (base64 over the sorted params)', async () => {
    const { ws, events } = wsClient({ credentials: addedKey('RSA') });
    await ws.connect();
    expect(ws.loggedOn).toBe(false);
    const placed = await ws.placeOrder(limitBuy());
    expect((await ws.cancelOrder({ symbol: 'BTCUSDT', orderId: placed.order.orderId })).status).toBe(
      'CANCELED',
    );
    expect(routes(events, 'order.cancel')).toEqual(['ws']);
  });

  test('behavior: an invalid order is refused before anything is sent', async () => {
    const { ws, events } = wsClient();
    await ws.connect();
    const error = await ws.placeOrder(limitBuy({ price: '60000.15' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrderValidationError);
    expect(error).toMatchObject({ rule: 'PRICE_FILTER.tickSize', field: 'price' });
    expect(routes(events, 'order.place')).toEqual([]);
  });

  test('behavior: a connection dropped after order.place was sent is reconciled through REST, with no duplicate', async () => {
    const { ws, events } = wsClient();
    await ws.connect();
    // The answer to the next frame is swallowed; once the order has reached the exchange, the socket drops.
    fx.exchange.faults.add({ kind: 'silence', scope: { route: 'wsApi' }, count: 1 });
    let dropped = false;
    const placing = ws.placeOrder(limitBuy());
    for (let i = 0; i < 100 && !dropped; i++) {
      await sleep(10);
      if (routes(events, 'order.place').length > 0) {
        await sleep(100);
        dropped = fx.exchange.faults.dropConnections({ route: 'wsApi' }) === 1;
      }
    }
    expect(dropped).toBe(true);
    const placed = await placing;
    expect(placed.order.status).toBe('NEW');
    expect(fx.events).toContainEqual(
      expect.objectContaining({ type: 'reconciled', action: 'wsPlaceOrder', outcome: 'found', resends: 0 }),
    );
    // The lookup went through REST while the socket was down.
    expect(routes(events, 'order.status')).toContain('rest');
    expect(await ordersWith(placed.clientOrderId)).toHaveLength(1);
    await ws.ready(3000);
  });

  test('behavior: a timed-out order.place is reconciled over the socket, never resent blindly', async () => {
    const { ws, events } = wsClient({ requestTimeoutMs: 500 });
    await ws.connect();
    await expectTimedOutPlaceReconciledOverSocket({
      fx,
      events,
      place: () => ws.placeOrder(limitBuy()),
      action: 'wsPlaceOrder',
      ordersWith,
    });
  });

  test('behavior: -1021 resynchronises the clock and sends once more; a second -1021 is final', async () => {
    const { ws, events } = wsClient();
    await ws.connect();
    // The order layer's signed REST reads (account mode) are made before the clock moves.
    await fx.layer.accountMode();
    await fx.layer.refreshExchangeInfo();
    // The exchange's clock (timestamp check and /time) jumps 4 s ahead: the estimate is stale.
    const rule = fx.exchange.faults.add({ kind: 'clockSkew', params: { skewMs: 4000 } });
    const placed = await ws.placeOrder(limitBuy());
    expect(placed.order.status).toBe('NEW');
    const resync = events.find((e) => e.type === 'clockResync');
    expect(resync).toMatchObject({ method: 'order.place' });
    expect(fx.client.time.offset()).toBeGreaterThan(3000);
    expect(routes(events, 'order.place')).toEqual(['ws', 'ws']);
    expect(await ordersWith(placed.clientOrderId)).toHaveLength(1);
    fx.exchange.faults.remove(rule.id);

    // Skewed for the WebSocket API only: /time cannot explain it, so the resend fails too.
    fx.exchange.faults.add({ kind: 'clockSkew', scope: { route: 'wsApi' }, params: { skewMs: -8000 } });
    const error = await ws.getAccountStatus().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTimestampError);
    expect(error).toMatchObject({ code: -1021 });
  });

  test('behavior: while the WebSocket API refuses connections calls go to REST, and back to the socket after', async () => {
    const proxy = await forwarder(fx.endpoints.port);
    const { ws, events } = wsClient({ url: proxy.url });
    await ws.connect();
    await ws.getAccountStatus();
    expect(routes(events, 'v2/account.status')).toEqual(['ws']);

    await proxy.shut();
    for (let i = 0; i < 100 && ws.state === 'ready'; i++) await sleep(10);
    expect(ws.state).toBe('reconnecting');
    const placed = await ws.placeOrder(limitBuy());
    expect(placed.order.status).toBe('NEW');
    const canceled = await ws.cancelOrder({ symbol: 'BTCUSDT', origClientOrderId: placed.clientOrderId });
    expect(canceled.status).toBe('CANCELED');
    await ws.getAccountStatus();
    expect(routes(events, 'order.place')).toEqual(['rest']);
    expect(routes(events, 'order.cancel')).toEqual(['rest']);
    expect(routes(events, 'v2/account.status')).toEqual(['ws', 'rest']);
    // Refused attempts keep being scheduled, with backoff.
    expect(events.filter((e) => e.type === 'reconnectScheduled').length).toBeGreaterThanOrEqual(1);

    await proxy.open();
    await ws.ready(3000);
    await ws.getAccountStatus();
    expect(routes(events, 'v2/account.status')).toEqual(['ws', 'rest', 'ws']);
    expect(await ordersWith(placed.clientOrderId)).toHaveLength(1);
  });

  test('behavior: a closed port from the start: connect rejects, calls go to REST; without fallback they reject', async () => {
    const proxy = await forwarder(fx.endpoints.port);
    const url = proxy.url;
    await proxy.shut();
    const { ws, events } = wsClient({ url });
    await expect(ws.connect()).rejects.toBeInstanceOf(ConnectionRefusedError);
    expect((await ws.getAccountBalance()).length).toBeGreaterThan(0);
    expect(routes(events, 'v2/account.balance')).toEqual(['rest']);

    const { ws: bounded, events: boundedEvents } = wsClient({
      url,
      reconnect: { maxAttempts: 2, baseDelayMs: 10 },
    });
    await expect(bounded.connect()).rejects.toBeInstanceOf(ConnectionRefusedError);
    for (let i = 0; i < 200 && bounded.state !== 'closed'; i++) await sleep(5);
    expect(bounded.state).toBe('closed');
    expect(boundedEvents.filter((e) => e.type === 'reconnectScheduled')).toHaveLength(2);
    await bounded.getAccountStatus();
    expect(routes(boundedEvents, 'v2/account.status')).toEqual(['rest']);

    const { ws: strict } = wsClient({ url, fallback: false, requestTimeoutMs: 300 });
    await expect(strict.getAccountBalance()).rejects.toBeInstanceOf(ConnectionRefusedError);
    await expect(strict.status()).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  test('behavior: a client without a WebSocket API URL is a configuration error; a COIN-M client gets /ws-dapi/v1', () => {
    const noUrls = { ...fx.client, urls: undefined };
    expect(() => createWsApiClient({ client: noUrls })).toThrow(/No WebSocket API URL/);
    const coinm = createClient({ env: 'local', market: 'coinm', baseUrl: fx.endpoints.restUrl });
    expect(createWsApiClient({ client: coinm }).url).toBe(`${fx.endpoints.wsUrl}/ws-dapi/v1`);
  });
});
