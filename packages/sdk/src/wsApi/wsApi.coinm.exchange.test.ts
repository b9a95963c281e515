import type { AlgoOrder, CoinmAccount, CoinmBalance, CoinmOrder, CoinmPositionRisk } from '@basis/core';
import { afterEach, beforeEach, describe, expect, expectTypeOf, test } from 'vitest';
import type { PlacedCoinmOrder } from '../actions/trade/coinm/newCoinmOrder.js';
import type { PlacedAlgoOrder } from '../actions/trade/newOrder.js';
import { createClient } from '../clients/createClient.js';
import type { CoinmActions } from '../clients/decorators/coinm.js';
import { ClientConfigError } from '../errors/config.js';
import { ConnectionRefusedError } from '../errors/transport.js';
import { OrderValidationError } from '../orders/errors.js';
import { closedPortUrl } from '../testing/servers.js';
import { startCoinmTradingExchange, type TradingExchange } from '../testing/tradingExchange.js';
import {
  createWsApiClient,
  type WsApiClientOptions,
  type WsApiEvent,
  wsCancelOrder,
  wsGetCoinmOrder,
  wsPlaceCoinmOrder,
  wsPlaceOrder,
} from './index.js';
import { expectTimedOutPlaceReconciledOverSocket, routes } from './testing.js';

// The WebSocket API client of a COIN-M client against the local exchange's /ws-dapi/v1 over
// 127.0.0.1: COIN-M's method set (order.place/status/cancel, account.balance/position/status), its
// results in COIN-M's shapes, no `v2/` methods, and the REST fallback to `/dapi`.

const SYMBOL = 'BTCUSD_PERP';

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

function wsClient(overrides: Partial<Omit<WsApiClientOptions, 'client'>> = {}) {
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

/** A BTCUSD_PERP price `factor` × the best bid, on the 0.1 tick. */
async function priceAt(factor: number): Promise<string> {
  const [book] = await fx.client.getBookTicker({ symbol: SYMBOL });
  return (Number(book!.bidPrice) * factor).toFixed(1);
}

/** A GTC LIMIT buy of `quantity` contracts at `price`. */
const limitBuy = (price: string, quantity = '1') =>
  ({ symbol: SYMBOL, side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity, price }) as const;

/** The venue's orders of the default account with this client order id (duplicates would show). */
async function ordersWith(clientOrderId: string): Promise<CoinmOrder[]> {
  const all = await fx.client.getAllOrders({ symbol: SYMBOL });
  return all.filter((order) => order.clientOrderId === clientOrderId);
}

/** A WebSocket API URL nothing listens on. */
async function refusedUrl(): Promise<string> {
  return `${(await closedPortUrl()).replace(/^http:/, 'ws:')}/ws-dapi/v1`;
}

describe('createWsApiClient on COIN-M (/ws-dapi/v1)', () => {
  test('default: places, queries and cancels a BTCUSD_PERP order and reads coin balances and positions over the socket', async () => {
    const { ws, events } = wsClient();
    expect(ws.url).toMatch(/\/ws-dapi\/v1$/);
    await ws.connect();
    const placed = (await ws.request(
      'order.place',
      limitBuy(await priceAt(0.97), '2'),
    )) as unknown as CoinmOrder;
    expect(placed).toMatchObject({ symbol: SYMBOL, pair: 'BTCUSD', status: 'NEW', origQty: '2' });
    expect(placed.cumBase).toBeDefined();
    const status = (await ws.request('order.status', {
      symbol: SYMBOL,
      orderId: placed.orderId,
    })) as unknown as CoinmOrder;
    expect(status).toMatchObject({ orderId: placed.orderId, status: 'NEW' });
    const canceled = await ws.request('order.cancel', { symbol: SYMBOL, orderId: placed.orderId });
    expect(canceled).toMatchObject({ orderId: placed.orderId, status: 'CANCELED' });
    // The REST view agrees.
    expect(await fx.client.getOrder({ symbol: SYMBOL, orderId: placed.orderId })).toMatchObject({
      status: 'CANCELED',
    });

    const balances = (await ws.request('account.balance')) as unknown as CoinmBalance[];
    expect(balances.find((b) => b.asset === 'BTC')).toMatchObject({ balance: '10.00000000' });
    const positions = (await ws.request('account.position')) as unknown as CoinmPositionRisk[];
    expect(positions.some((p) => p.symbol === SYMBOL && p.maxQty !== undefined)).toBe(true);
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

  test('default: the typed helpers place, modify, query and cancel BTCUSD_PERP orders with COIN-M shapes', async () => {
    const { ws, events } = wsClient();
    await ws.connect();
    const price = await priceAt(0.97);
    const placed = await ws.placeOrder(limitBuy(price, '2'));
    expectTypeOf(placed).toEqualTypeOf<PlacedCoinmOrder>();
    expectTypeOf(placed.order.cumBase).toEqualTypeOf<string>();
    expect(placed).toMatchObject({
      endpoint: 'order',
      order: { symbol: SYMBOL, pair: 'BTCUSD', status: 'NEW', origQty: '2', cumBase: '0' },
    });
    expect(placed.order.clientOrderId).toBe(placed.clientOrderId);
    expect(placed.order).not.toHaveProperty('cumQuote');

    // COIN-M modifies with price or quantity; the order carries the new values.
    const newPrice = (Number(price) - 10).toFixed(1);
    const modified = await ws.modifyOrder({
      symbol: SYMBOL,
      origClientOrderId: placed.clientOrderId,
      side: 'BUY',
      quantity: '3',
      price: newPrice,
    });
    expectTypeOf(modified).toEqualTypeOf<CoinmOrder>();
    expect(modified).toMatchObject({
      orderId: placed.order.orderId,
      price: newPrice,
      origQty: '3',
      pair: 'BTCUSD',
    });

    const status = await ws.getOrder({ symbol: SYMBOL, orderId: placed.order.orderId });
    expectTypeOf(status).toEqualTypeOf<CoinmOrder>();
    expect(status).toMatchObject({ status: 'NEW', price: newPrice, origQty: '3', cumBase: '0' });

    const canceled = await ws.cancelOrder({ symbol: SYMBOL, origClientOrderId: placed.clientOrderId });
    expectTypeOf(canceled).toEqualTypeOf<CoinmOrder>();
    expect(canceled).toMatchObject({ orderId: placed.order.orderId, status: 'CANCELED', pair: 'BTCUSD' });

    // A MARKET order fills: cumBase (coin) is the executed value, as REST's COIN-M order reports it.
    const market = await ws.placeOrder({
      symbol: SYMBOL,
      side: 'BUY',
      type: 'MARKET',
      quantity: '1',
      newOrderRespType: 'RESULT',
    });
    expect(market.order).toMatchObject({ status: 'FILLED', executedQty: '1' });
    expect(Number(market.order.cumBase)).toBeGreaterThan(0);
    expect(await fx.client.getOrder({ symbol: SYMBOL, orderId: market.order.orderId })).toMatchObject({
      cumBase: market.order.cumBase,
    });

    const balances = await ws.getAccountBalance();
    expectTypeOf(balances).toEqualTypeOf<CoinmBalance[]>();
    expect(balances.map((b) => b.asset)).toContain('BTC');
    const positions = await ws.getAccountPosition({ pair: 'BTCUSD' });
    expectTypeOf(positions).toEqualTypeOf<CoinmPositionRisk[]>();
    expect(positions.find((p) => p.symbol === SYMBOL)).toMatchObject({ positionAmt: '1' });
    const account = await ws.getAccountStatus();
    expectTypeOf(account).toEqualTypeOf<CoinmAccount>();
    expect(account.assets.some((a) => a.asset === 'BTC')).toBe(true);

    for (const method of [
      'order.place',
      'order.modify',
      'order.status',
      'order.cancel',
      'account.position',
    ]) {
      expect(routes(events, method).every((via) => via === 'ws')).toBe(true);
    }
    expect(routes(events, 'order.place')).toEqual(['ws', 'ws']);
    expect(restPaths.filter((path) => path === '/dapi/v1/order')).toHaveLength(1); // the REST check above
  });

  test('behavior: conditional types go over REST to /dapi/v1/algoOrder (no algo methods on /ws-dapi/v1), with clientAlgoId', async () => {
    const { ws, events } = wsClient();
    await ws.connect();
    const trigger = await priceAt(0.9);
    const stopOrder = {
      symbol: SYMBOL,
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '1',
      stopPrice: trigger,
      newClientOrderId: 'ws-cm-stop',
    } as const;
    const stop = await ws.placeOrder({ ...stopOrder, workingType: 'MARK_PRICE' });
    expectTypeOf(stop).toEqualTypeOf<PlacedAlgoOrder>();
    expectTypeOf(stop.order).toEqualTypeOf<AlgoOrder>();
    expect(stop).toMatchObject({
      endpoint: 'algo',
      clientOrderId: 'ws-cm-stop',
      order: { algoType: 'CONDITIONAL', orderType: 'STOP_MARKET', algoStatus: 'NEW', triggerPrice: trigger },
    });
    expect(restPaths).toContain('/dapi/v1/algoOrder');
    expect(routes(events, 'order.place')).toEqual([]);
    // The same client id again never makes a second algo order (REST's clientAlgoId idempotency).
    await ws.placeOrder(stopOrder).catch(() => undefined);
    const open = await fx.client.getOpenAlgoOrders({ symbol: SYMBOL });
    expect(open.filter((o) => o.clientAlgoId === 'ws-cm-stop')).toHaveLength(1);
  });

  test('behavior: an invalid COIN-M order is refused by the order layer before anything is sent', async () => {
    const { ws, events } = wsClient();
    await ws.connect();
    const error = await ws.placeOrder(limitBuy(`${await priceAt(0.97)}5`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrderValidationError);
    expect(error).toMatchObject({ field: 'price' });
    expect(routes(events, 'order.place')).toEqual([]);
  });

  test('behavior: a timed-out order.place is reconciled by client order id over the socket, never resent blindly', async () => {
    const { ws, events } = wsClient({ requestTimeoutMs: 500 });
    await ws.connect();
    const price = await priceAt(0.97);
    const placed = await expectTimedOutPlaceReconciledOverSocket({
      fx,
      events,
      place: () => ws.placeOrder(limitBuy(price)),
      action: 'wsPlaceCoinmOrder',
      ordersWith,
    });
    expect(placed.order).toMatchObject({ status: 'NEW', pair: 'BTCUSD' });
  });

  test('behavior: with the socket down, the typed helpers go to /dapi/v1/order over REST with the same shapes', async () => {
    const { ws, events } = wsClient({ url: await refusedUrl() });
    await expect(ws.connect()).rejects.toBeInstanceOf(ConnectionRefusedError);
    const price = await priceAt(0.96);
    const placed = await ws.placeOrder(limitBuy(price, '2'));
    expect(placed.order).toMatchObject({ status: 'NEW', pair: 'BTCUSD', cumBase: '0' });
    const modified = await ws.modifyOrder({
      symbol: SYMBOL,
      orderId: placed.order.orderId,
      side: 'BUY',
      quantity: '1',
      price,
    });
    expect(modified).toMatchObject({ origQty: '1' });
    expect(await ws.getOrder({ symbol: SYMBOL, origClientOrderId: placed.clientOrderId })).toMatchObject({
      origQty: '1',
      cumBase: '0',
    });
    expect(await ws.cancelOrder({ symbol: SYMBOL, orderId: placed.order.orderId })).toMatchObject({
      status: 'CANCELED',
    });
    for (const method of ['order.place', 'order.modify', 'order.status', 'order.cancel']) {
      expect(routes(events, method)).toEqual(['rest']);
    }
    expect(restPaths.filter((path) => path === '/dapi/v1/order').length).toBeGreaterThanOrEqual(4);
    expect(restPaths.some((path) => path.startsWith('/fapi'))).toBe(false);
    expect(await ordersWith(placed.clientOrderId)).toHaveLength(1);
  });

  test("behavior: each market's helpers refuse the other market's client; an undecorated COIN-M client is bound COIN-M's", async () => {
    const { ws, events } = wsClient();
    const order = limitBuy('1000.0');
    await expect(wsPlaceOrder(ws, order)).rejects.toBeInstanceOf(ClientConfigError);
    await expect(wsPlaceOrder(ws, { ...order, type: 'STOP_MARKET', stopPrice: '1000.0' })).rejects.toThrow(
      /USD-M/,
    );
    await expect(wsCancelOrder(ws, { symbol: SYMBOL, orderId: 1 })).rejects.toBeInstanceOf(ClientConfigError);
    expect(events.filter((e) => e.type === 'request')).toEqual([]);

    const usdm = createClient({ env: 'local', baseUrl: fx.endpoints.restUrl });
    closers.push(() => usdm.close());
    const usdmWs = createWsApiClient({ client: usdm });
    closers.push(() => usdmWs.close());
    await expect(wsPlaceCoinmOrder(usdmWs, order)).rejects.toThrow(/COIN-M endpoint/);
    await expect(wsGetCoinmOrder(usdmWs, { symbol: SYMBOL, orderId: 1 })).rejects.toBeInstanceOf(
      ClientConfigError,
    );

    // Bound by client.market: an undecorated COIN-M client's ws.placeOrder is the COIN-M one.
    const plain = createClient({
      env: 'local',
      market: 'coinm',
      baseUrl: fx.endpoints.restUrl,
      credentials: fx.exchange.defaultAccount!,
    });
    closers.push(() => plain.close());
    const plainWs = createWsApiClient({ client: plain, credentials: fx.exchange.defaultAccount! });
    closers.push(() => plainWs.close());
    const placed = await plainWs.placeOrder({ ...order, price: await priceAt(0.97) });
    expect(placed.order).toMatchObject({ pair: 'BTCUSD', cumBase: '0' });
    await plainWs.cancelOrder({ symbol: SYMBOL, orderId: placed.order.orderId });
  });
});
