import { afterEach, describe, expect, test } from 'vitest';
import { createClient } from '../../../clients/createClient.js';
import { coinmActions } from '../../../clients/decorators/coinm.js';
import { ClientConfigError } from '../../../errors/config.js';
import type { OrderLayerEvent } from '../../../orders/events.js';
import { createOrderLayer } from '../../../orders/orderLayer.js';
import { type InProcessRequest, type InProcessResponse, inProcess } from '../../../transports/inProcess.js';
import { COINM_TRADE_BINDINGS } from './bindings.testing.js';
import {
  cancelCoinmAllOpenOrders,
  cancelCoinmBatchOrders,
  cancelCoinmOrder,
  coinmBatchOrders,
  coinmCountdownCancelAll,
  getCoinmAllOrders,
  getCoinmForceOrders,
  getCoinmOpenOrder,
  getCoinmOpenOrders,
  getCoinmOrder,
  getCoinmOrderAmendment,
  modifyCoinmBatchOrders,
  modifyCoinmOrder,
  newCoinmOrder,
} from './index.js';

// The requests against the reference (§13.3) and the reference's response examples, from a recording
// handler; coinmTrade.exchange.test.ts runs the same actions against the local exchange.

/** `PUT /dapi/v1/order` example of the reference (a LIMIT order, hedge mode). */
const ORDER = {
  orderId: 20072994037,
  symbol: 'BTCUSD_PERP',
  pair: 'BTCUSD',
  status: 'NEW',
  clientOrderId: 'LJ9R4QZDihCaS8UAOOLpgW',
  price: '30005',
  avgPrice: '0.0',
  origQty: '1',
  executedQty: '0',
  cumQty: '0',
  cumBase: '0',
  timeInForce: 'GTC',
  type: 'LIMIT',
  reduceOnly: false,
  closePosition: false,
  side: 'BUY',
  positionSide: 'LONG',
  stopPrice: '0',
  workingType: 'CONTRACT_PRICE',
  priceProtect: false,
  origType: 'LIMIT',
  priceMatch: 'NONE',
  selfTradePreventionMode: 'NONE',
  updateTime: 1629182711600,
};

/** `GET /dapi/v1/order` example of the reference (a trailing stop). */
const QUERIED = {
  avgPrice: '0.0',
  clientOrderId: 'abc',
  cumBase: '0',
  executedQty: '0',
  orderId: 1917641,
  origQty: '0.40',
  origType: 'TRAILING_STOP_MARKET',
  price: '0',
  reduceOnly: false,
  side: 'BUY',
  positionSide: 'SHORT',
  status: 'NEW',
  stopPrice: '9300',
  closePosition: false,
  symbol: 'BTCUSD_200925',
  pair: 'BTCUSD',
  time: 1579276756075,
  timeInForce: 'GTC',
  type: 'TRAILING_STOP_MARKET',
  activatePrice: '9020',
  priceRate: '0.3',
  updateTime: 1579276756075,
  workingType: 'CONTRACT_PRICE',
  priceProtect: false,
  priceMatch: 'NONE',
  selfTradePreventionMode: 'NONE',
};

/** A COIN-M algo order in the shape of the USD-M reference example (§5.4), as `POST /dapi/v1/algoOrder` answers. */
const ALGO = {
  algoId: 2146760,
  clientAlgoId: 'abc',
  algoType: 'CONDITIONAL',
  orderType: 'TRAILING_STOP_MARKET',
  symbol: 'BTCUSD_PERP',
  side: 'BUY',
  positionSide: 'SHORT',
  timeInForce: 'GTC',
  quantity: '4',
  algoStatus: 'NEW',
  triggerPrice: '',
  price: '0',
  icebergQuantity: null,
  selfTradePreventionMode: 'EXPIRE_MAKER',
  workingType: 'CONTRACT_PRICE',
  priceMatch: 'NONE',
  closePosition: false,
  priceProtect: false,
  reduceOnly: false,
  activatePrice: '29020.0',
  callbackRate: '0.3',
  createTime: 1750485492076,
  updateTime: 1750485492076,
  triggerTime: 0,
  goodTillDate: 0,
};

const AMENDMENT = {
  amendmentId: 5363,
  symbol: 'BTCUSD_PERP',
  pair: 'BTCUSD',
  orderId: 20072994037,
  clientOrderId: 'LJ9R4QZDihCaS8UAOOLpgW',
  time: 1629184560899,
  amendment: { price: { before: '30004', after: '30003.2' }, origQty: { before: '1', after: '1' }, count: 3 },
};

/** The reference's COIN-M exchangeInfo symbol, as the perpetual. */
const EXCHANGE_INFO = {
  timezone: 'UTC',
  serverTime: 1565613908500,
  rateLimits: [],
  exchangeFilters: [],
  symbols: [
    {
      symbol: 'BTCUSD_PERP',
      pair: 'BTCUSD',
      contractType: 'PERPETUAL',
      contractStatus: 'TRADING',
      contractSize: 100,
      pricePrecision: 1,
      quantityPrecision: 0,
      orderTypes: [
        'LIMIT',
        'MARKET',
        'STOP',
        'STOP_MARKET',
        'TAKE_PROFIT',
        'TAKE_PROFIT_MARKET',
        'TRAILING_STOP_MARKET',
      ],
      timeInForce: ['GTC', 'IOC', 'FOK', 'GTX'],
      filters: [
        { filterType: 'PRICE_FILTER', maxPrice: '100000', minPrice: '0.1', tickSize: '0.1' },
        { filterType: 'LOT_SIZE', maxQty: '100000', minQty: '1', stepSize: '1' },
        { filterType: 'MARKET_LOT_SIZE', maxQty: '100000', minQty: '1', stepSize: '1' },
        { filterType: 'MAX_NUM_ORDERS', limit: 200 },
        {
          filterType: 'PERCENT_PRICE',
          multiplierUp: '1.0500',
          multiplierDown: '0.9500',
          multiplierDecimal: '4',
        },
      ],
    },
  ],
};

interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly params: Record<string, string>;
}

/** A handler answering from a route table and recording every request's parameters (without timestamp and signature). */
function recorder(
  routes: Record<string, (params: Record<string, string>, nth: number) => { status?: number; body: unknown }>,
) {
  const requests: Recorded[] = [];
  const counts = new Map<string, number>();
  const handler = {
    handle(request: InProcessRequest): InProcessResponse {
      const raw = request.rawBody !== '' ? request.rawBody : request.rawQuery;
      const params: Record<string, string> = {};
      for (const [key, value] of new URLSearchParams(raw)) {
        if (key !== 'timestamp' && key !== 'signature' && key !== 'recvWindow') params[key] = value;
      }
      const route = `${request.method} ${request.path}`;
      requests.push({ method: request.method, path: request.path, params });
      const nth = (counts.get(route) ?? 0) + 1;
      counts.set(route, nth);
      const answer = routes[route]?.(params, nth) ?? {
        status: 404,
        body: { code: -1, msg: `no route ${route}` },
      };
      return {
        status: answer.status ?? 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(answer.body),
      };
    },
  };
  return {
    handler,
    requests,
    trading: () => requests.filter((r) => !/time|exchangeInfo|positionSide|premiumIndex/.test(r.path)),
  };
}

const BASE_ROUTES = {
  'GET /dapi/v1/time': () => ({ body: { serverTime: Date.now() } }),
  'GET /dapi/v1/exchangeInfo': () => ({ body: EXCHANGE_INFO }),
  'GET /dapi/v1/positionSide/dual': () => ({ body: { dualSidePosition: true } }),
  'GET /dapi/v1/premiumIndex': () => ({
    body: [
      {
        symbol: 'BTCUSD_PERP',
        pair: 'BTCUSD',
        markPrice: '30000.5',
        indexPrice: '30000',
        estimatedSettlePrice: '30000',
        lastFundingRate: '0.0001',
        interestRate: '0.0001',
        nextFundingTime: 1596096000000,
        time: 1596094042000,
      },
    ],
  }),
};

/** The LIMIT buy the order tests place, in hedge mode (frozen: an action cannot alter what tests compare with). */
const HEDGE_LIMIT_BUY = Object.freeze({
  symbol: 'BTCUSD_PERP',
  side: 'BUY',
  positionSide: 'LONG',
  type: 'LIMIT',
  timeInForce: 'GTC',
  quantity: '1',
  price: '30005.0',
} as const);

/** The batch items, as given to `coinmBatchOrders` and as expected on the wire (a new copy each call). */
const batchItems = () => [
  { ...HEDGE_LIMIT_BUY, newClientOrderId: 'b1' },
  {
    symbol: 'BTCUSD_PERP',
    side: 'SELL',
    positionSide: 'LONG',
    type: 'STOP_MARKET',
    quantity: '2',
    stopPrice: '29000.0',
    newClientOrderId: 'b2',
  } as const,
];

const clients: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

function coinmClient(routes: Parameters<typeof recorder>[0]) {
  const rec = recorder({ ...BASE_ROUTES, ...routes });
  const client = createClient({
    env: 'local',
    market: 'coinm',
    transport: inProcess({ handler: rec.handler }),
    credentials: { apiKey: 'k'.repeat(64), apiSecret: 's'.repeat(64) },
  }).extend(coinmActions);
  clients.push(client);
  const events: OrderLayerEvent[] = [];
  createOrderLayer(client, {
    reconcile: { baseDelayMs: 1, maxDelayMs: 5, absenceMarginMs: 0 },
    onEvent: (e) => events.push(e),
  });
  return { client, rec, events };
}

describe('COIN-M trade actions: requests per the reference, responses parsed from its examples', () => {
  test('default: newCoinmOrder sends POST /dapi/v1/order shaped to hedge mode with a client order id', async () => {
    const { client, rec } = coinmClient({ 'POST /dapi/v1/order': () => ({ body: ORDER }) });
    const placed = await newCoinmOrder(client, HEDGE_LIMIT_BUY);
    expect(placed).toEqual({
      endpoint: 'order',
      clientOrderId: expect.stringMatching(/^basis-/),
      order: ORDER,
    });
    const [sent] = rec.trading();
    expect(sent).toMatchObject({ method: 'POST', path: '/dapi/v1/order' });
    expect(sent!.params).toEqual({ ...HEDGE_LIMIT_BUY, newClientOrderId: expect.stringMatching(/^basis-/) });
  });

  test('behavior: conditional types go to POST /dapi/v1/algoOrder in its spelling (triggerPrice, activatePrice, clientAlgoId)', async () => {
    const { client, rec } = coinmClient({
      'POST /dapi/v1/algoOrder': (params) => ({ body: { ...ALGO, clientAlgoId: params.clientAlgoId } }),
    });
    const trailing = await newCoinmOrder(client, {
      symbol: 'BTCUSD_PERP',
      side: 'BUY',
      positionSide: 'SHORT',
      type: 'TRAILING_STOP_MARKET',
      quantity: '4',
      activationPrice: '29020.0',
      callbackRate: '0.3',
      newClientOrderId: 'abc',
    });
    expect(trailing).toEqual({
      endpoint: 'algo',
      clientOrderId: 'abc',
      order: { ...ALGO, clientAlgoId: 'abc' },
    });
    const stop = await client.newOrder({
      symbol: 'BTCUSD_PERP',
      side: 'SELL',
      positionSide: 'LONG',
      type: 'STOP_MARKET',
      stopPrice: '29000.0',
      closePosition: 'true',
      workingType: 'MARK_PRICE',
    });
    expect(stop.endpoint).toBe('algo');
    const [trailingSent, stopSent] = rec.trading();
    expect(trailingSent).toMatchObject({ method: 'POST', path: '/dapi/v1/algoOrder' });
    expect(trailingSent!.params).toEqual({
      algoType: 'CONDITIONAL',
      symbol: 'BTCUSD_PERP',
      side: 'BUY',
      positionSide: 'SHORT',
      type: 'TRAILING_STOP_MARKET',
      quantity: '4',
      activatePrice: '29020.0',
      callbackRate: '0.3',
      clientAlgoId: 'abc',
    });
    expect(stopSent).toMatchObject({ path: '/dapi/v1/algoOrder' });
    expect(stopSent!.params).toEqual({
      algoType: 'CONDITIONAL',
      symbol: 'BTCUSD_PERP',
      side: 'SELL',
      positionSide: 'LONG',
      type: 'STOP_MARKET',
      triggerPrice: '29000.0',
      closePosition: 'true',
      workingType: 'MARK_PRICE',
      clientAlgoId: expect.stringMatching(/^basis-/),
    });
    expect(rec.trading().some((r) => r.path === '/dapi/v1/order')).toBe(false);
  });

  test('behavior: coinmBatchOrders sends the items as a JSON array of strings; results parse inline errors', async () => {
    const { client, rec } = coinmClient({
      'POST /dapi/v1/batchOrders': () => ({
        body: [ORDER, { code: -2022, msg: 'ReduceOnly Order is rejected.' }],
      }),
    });
    const results = await coinmBatchOrders(client, { batchOrders: batchItems() });
    expect(results).toEqual([ORDER, { code: -2022, msg: 'ReduceOnly Order is rejected.' }]);
    const items = JSON.parse(rec.trading()[0]!.params.batchOrders!) as Record<string, string>[];
    expect(items).toEqual(batchItems());
  });

  test('behavior: modifyCoinmOrder takes a price alone; modifyCoinmBatchOrders a list', async () => {
    const { client, rec } = coinmClient({
      'PUT /dapi/v1/order': () => ({ body: ORDER }),
      'PUT /dapi/v1/batchOrders': () => ({ body: [ORDER] }),
    });
    expect(
      await modifyCoinmOrder(client, {
        symbol: 'BTCUSD_PERP',
        orderId: 20072994037,
        side: 'BUY',
        price: '30005.0',
      }),
    ).toEqual(ORDER);
    await modifyCoinmBatchOrders(client, {
      batchOrders: [
        { symbol: 'BTCUSD_PERP', origClientOrderId: 'LJ9R4QZDihCaS8UAOOLpgW', side: 'BUY', quantity: '2' },
      ],
    });
    const [single, batch] = rec.trading();
    expect(single).toMatchObject({
      method: 'PUT',
      path: '/dapi/v1/order',
      params: { orderId: '20072994037', symbol: 'BTCUSD_PERP', side: 'BUY', price: '30005.0' },
    });
    expect(single!.params.quantity).toBeUndefined();
    expect(JSON.parse(batch!.params.batchOrders!)).toEqual([
      { origClientOrderId: 'LJ9R4QZDihCaS8UAOOLpgW', symbol: 'BTCUSD_PERP', side: 'BUY', quantity: '2' },
    ]);
  });

  test('behavior: reads (order, open order, open orders by pair, all orders, force orders, amendments)', async () => {
    const { client, rec } = coinmClient({
      'GET /dapi/v1/order': () => ({ body: QUERIED }),
      'GET /dapi/v1/openOrder': () => ({ body: QUERIED }),
      'GET /dapi/v1/openOrders': () => ({ body: [QUERIED] }),
      'GET /dapi/v1/allOrders': () => ({ body: [QUERIED] }),
      'GET /dapi/v1/forceOrders': () => ({ body: [] }),
      'GET /dapi/v1/orderAmendment': () => ({ body: [AMENDMENT] }),
    });
    expect(await getCoinmOrder(client, { symbol: 'BTCUSD_200925', origClientOrderId: 'abc' })).toEqual(
      QUERIED,
    );
    expect(await getCoinmOpenOrder(client, { symbol: 'BTCUSD_200925', orderId: 1917641 })).toEqual(QUERIED);
    expect(await getCoinmOpenOrders(client, { pair: 'BTCUSD' })).toEqual([QUERIED]);
    expect(await getCoinmAllOrders(client, { pair: 'BTCUSD', limit: 50 })).toEqual([QUERIED]);
    expect(await getCoinmForceOrders(client, { autoCloseType: 'ADL' })).toEqual([]);
    expect(await getCoinmOrderAmendment(client, { symbol: 'BTCUSD_PERP', orderId: 20072994037 })).toEqual([
      AMENDMENT,
    ]);
    expect(rec.trading().map((r) => [r.method, r.path, r.params])).toEqual([
      ['GET', '/dapi/v1/order', { symbol: 'BTCUSD_200925', origClientOrderId: 'abc' }],
      ['GET', '/dapi/v1/openOrder', { symbol: 'BTCUSD_200925', orderId: '1917641' }],
      ['GET', '/dapi/v1/openOrders', { pair: 'BTCUSD' }],
      ['GET', '/dapi/v1/allOrders', { pair: 'BTCUSD', limit: '50' }],
      ['GET', '/dapi/v1/forceOrders', { autoCloseType: 'ADL' }],
      ['GET', '/dapi/v1/orderAmendment', { symbol: 'BTCUSD_PERP', orderId: '20072994037' }],
    ]);
  });

  test('behavior: cancels (one, a batch by id, all) and the countdown', async () => {
    const canceled = { ...ORDER, status: 'CANCELED' };
    const { client, rec } = coinmClient({
      'DELETE /dapi/v1/order': () => ({ body: canceled }),
      'DELETE /dapi/v1/batchOrders': () => ({
        body: [canceled, { code: -2011, msg: 'Unknown order sent.' }],
      }),
      'DELETE /dapi/v1/allOpenOrders': () => ({
        body: { code: 200, msg: 'The operation of cancel all open order is done.' },
      }),
      'POST /dapi/v1/countdownCancelAll': () => ({
        body: { symbol: 'BTCUSD_PERP', countdownTime: '100000' },
      }),
    });
    expect(await cancelCoinmOrder(client, { symbol: 'BTCUSD_PERP', orderId: 20072994037 })).toEqual(canceled);
    expect(
      await cancelCoinmBatchOrders(client, { symbol: 'BTCUSD_PERP', orderIdList: [20072994037, 1] }),
    ).toEqual([canceled, { code: -2011, msg: 'Unknown order sent.' }]);
    expect(await cancelCoinmAllOpenOrders(client, { symbol: 'BTCUSD_PERP' })).toMatchObject({ code: 200 });
    expect(await coinmCountdownCancelAll(client, { symbol: 'BTCUSD_PERP', countdownTime: 100000 })).toEqual({
      symbol: 'BTCUSD_PERP',
      countdownTime: '100000',
    });
    expect(rec.trading().map((r) => [r.method, r.path, r.params])).toEqual([
      ['DELETE', '/dapi/v1/order', { symbol: 'BTCUSD_PERP', orderId: '20072994037' }],
      ['DELETE', '/dapi/v1/batchOrders', { symbol: 'BTCUSD_PERP', orderIdList: '["20072994037","1"]' }],
      ['DELETE', '/dapi/v1/allOpenOrders', { symbol: 'BTCUSD_PERP' }],
      ['POST', '/dapi/v1/countdownCancelAll', { symbol: 'BTCUSD_PERP', countdownTime: '100000' }],
    ]);
  });

  test('behavior: an unknown outcome is reconciled by client order id on COIN-M too', async () => {
    const { client, rec, events } = coinmClient({
      'POST /dapi/v1/order': () => ({
        status: 503,
        body: {
          code: -1007,
          msg: 'Timeout waiting for response from backend server. Send status unknown; execution status unknown.',
        },
      }),
      'GET /dapi/v1/order': (params) => ({ body: { ...ORDER, clientOrderId: params.origClientOrderId } }),
    });
    const order = await newCoinmOrder(client, { ...HEDGE_LIMIT_BUY, newClientOrderId: 'cm-1' });
    expect(order.clientOrderId).toBe('cm-1');
    expect(rec.trading().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /dapi/v1/order',
      'GET /dapi/v1/order',
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'reconciled', outcome: 'found', clientOrderId: 'cm-1' }),
    );
  });

  test('behavior: every COIN-M trade action is bound on the COIN-M client', () => {
    const { client } = coinmClient({});
    const bound = coinmActions(client) as unknown as Record<string, unknown>;
    for (const name of COINM_TRADE_BINDINGS) {
      expect(typeof bound[name]).toBe('function');
    }
  });

  test('behavior: validation runs against the COIN-M filters; a COIN-M action refuses a USD-M client', async () => {
    const { client, rec } = coinmClient({});
    await expect(newCoinmOrder(client, { ...HEDGE_LIMIT_BUY, quantity: '1.5' })).rejects.toMatchObject({
      name: 'OrderValidationError',
      rule: 'PRECISION.quantityPrecision',
      nearest: { below: '1', above: '2' },
    });
    expect(rec.trading()).toEqual([]);
    const usdm = createClient({
      env: 'local',
      baseUrl: 'http://127.0.0.1:1',
      credentials: { apiKey: 'k', apiSecret: 's' },
    });
    clients.push(usdm);
    await expect(getCoinmOrder(usdm, { symbol: 'BTCUSD_PERP', orderId: 1 })).rejects.toBeInstanceOf(
      ClientConfigError,
    );
  });
});
