import { Decimal, type Order } from '@basis/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../../clients/createClient.js';
import { UnknownOrderError } from '../../errors/api.js';
import { OrderClosedError } from '../../orders/errors.js';
import { startTradingExchange, type TradingExchange } from '../../testing/tradingExchange.js';
import { inProcess } from '../../transports/inProcess.js';
import {
  batchOrders,
  cancelAllOpenOrders,
  cancelBatchOrders,
  cancelOrder,
  countdownCancelAll,
  getAllOrders,
  getForceOrders,
  getOpenOrder,
  getOpenOrders,
  getOrder,
  getOrderAmendment,
  modifyBatchOrders,
  modifyOrder,
  newOrder,
  testOrder,
} from './index.js';
import { statusOnceNotNew, TRADE_BINDINGS } from './testing.js';

let fx: TradingExchange;
let mark: Decimal;

beforeAll(async () => {
  fx = await startTradingExchange();
  mark = Decimal.parse((await fx.client.getPremiumIndex({ symbol: 'BTCUSDT' })).markPrice);
});

afterAll(async () => {
  await fx.close();
});

/** A BTCUSDT price `factor` × mark, on the 0.10 tick. */
function priceAt(factor: string): string {
  return mark.mul(factor).roundToStep('0.1', 'floor').toFixed(2);
}

/** A BTCUSDT GTC LIMIT order of `quantity` at `price`. */
const limit = (side: 'BUY' | 'SELL', price: string, quantity = '0.002') =>
  ({ symbol: 'BTCUSDT', side, type: 'LIMIT', timeInForce: 'GTC', quantity, price }) as const;

function isOrder(value: unknown): value is Order {
  return typeof value === 'object' && value !== null && 'orderId' in value;
}

describe('USD-M trade actions against the local exchange (HTTP on 127.0.0.1)', () => {
  test('default: newOrder places a LIMIT order with a generated client order id, getOrder and getOpenOrder read it', async () => {
    const placed = await newOrder(fx.client, limit('BUY', priceAt('0.97')));
    expect(placed.endpoint).toBe('order');
    expect(placed.clientOrderId).toMatch(/^basis-[0-9A-Za-z]{22}$/);
    expect(placed.order).toMatchObject({
      symbol: 'BTCUSDT',
      status: 'NEW',
      clientOrderId: placed.clientOrderId,
      origQty: '0.002',
      price: priceAt('0.97'),
      positionSide: 'BOTH',
    });
    const read = await getOrder(fx.client, { symbol: 'BTCUSDT', origClientOrderId: placed.clientOrderId });
    expect(read.orderId).toEqual(placed.order.orderId);
    const open = await getOpenOrder(fx.client, { symbol: 'BTCUSDT', orderId: placed.order.orderId });
    expect(open.status).toBe('NEW');
    expect((await getOpenOrders(fx.client, { symbol: 'BTCUSDT' })).map((o) => o.clientOrderId)).toContain(
      placed.clientOrderId,
    );
    const canceled = await cancelOrder(fx.client, {
      symbol: 'BTCUSDT',
      origClientOrderId: placed.clientOrderId,
    });
    expect(canceled.status).toBe('CANCELED');
    await expect(
      getOpenOrder(fx.client, { symbol: 'BTCUSDT', orderId: placed.order.orderId }),
    ).rejects.toMatchObject({
      name: 'UnknownOrderError',
      code: -2013,
    });
  });

  test('behavior: MARKET with RESULT fills; a Decimal quantity is sent as its exact decimal', async () => {
    const placed = await newOrder(fx.client, {
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'MARKET',
      quantity: Decimal.parse('0.003'),
      newOrderRespType: 'RESULT',
      newClientOrderId: 'market-1',
    });
    expect(placed).toMatchObject({ endpoint: 'order', clientOrderId: 'market-1' });
    expect(placed.order).toMatchObject({ status: 'FILLED', executedQty: '0.003', type: 'MARKET' });
    // Close it again (reduce-only is kept in one-way mode).
    const closed = await newOrder(fx.client, {
      symbol: 'BTCUSDT',
      side: 'SELL',
      type: 'MARKET',
      quantity: '0.003',
      reduceOnly: 'true',
      newOrderRespType: 'RESULT',
    });
    expect(closed.order).toMatchObject({ status: 'FILLED', reduceOnly: true });
  });

  test('behavior: a conditional type goes to the algo endpoint and the result says so', async () => {
    const placed = await newOrder(fx.client, {
      symbol: 'BTCUSDT',
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '0.002',
      stopPrice: priceAt('0.9'),
      newClientOrderId: 'stop-via-order',
    });
    expect(placed.endpoint).toBe('algo');
    expect(placed.clientOrderId).toBe('stop-via-order');
    if (placed.endpoint !== 'algo') throw new Error('unreachable');
    expect(placed.order).toMatchObject({
      algoType: 'CONDITIONAL',
      orderType: 'STOP_MARKET',
      clientAlgoId: 'stop-via-order',
      triggerPrice: priceAt('0.9'),
      algoStatus: 'NEW',
    });
    const client = fx.client;
    expect((await client.getOpenAlgoOrders({ symbol: 'BTCUSDT' })).map((a) => a.clientAlgoId)).toContain(
      'stop-via-order',
    );
    await client.cancelAlgoOrder({ clientAlgoId: 'stop-via-order' });
  });

  test('behavior: testOrder validates a conditional order without placing it', async () => {
    const before = (await getOpenOrders(fx.client, { symbol: 'BTCUSDT' })).length;
    const answer = await testOrder(fx.client, {
      symbol: 'BTCUSDT',
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '0.002',
      stopPrice: priceAt('0.9'),
    });
    expect(answer).toMatchObject({ symbol: 'BTCUSDT', side: 'SELL' });
    expect((await getOpenOrders(fx.client, { symbol: 'BTCUSDT' })).length).toBe(before);
  });

  test('behavior: batchOrders places several orders, an item rejected inline; cancelBatchOrders cancels them', async () => {
    const results = await batchOrders(fx.client, {
      batchOrders: [
        limit('BUY', priceAt('0.96')),
        limit('SELL', priceAt('1.04')),
        // Post-only that would cross: the exchange rejects this item alone (-5022).
        { ...limit('BUY', priceAt('1.03')), timeInForce: 'GTX' },
      ],
    });
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({ status: 'NEW', side: 'BUY' });
    expect(results[1]).toMatchObject({ status: 'NEW', side: 'SELL' });
    expect(results[2]).toMatchObject({ code: -5022 });
    const ids = results.filter(isOrder).map((o) => o.clientOrderId);
    const canceled = await cancelBatchOrders(fx.client, {
      symbol: 'BTCUSDT',
      origClientOrderIdList: [...ids, 'never-placed'],
    });
    expect(canceled.slice(0, 2)).toMatchObject([{ status: 'CANCELED' }, { status: 'CANCELED' }]);
    expect(canceled[2]).toMatchObject({ code: -2011 });
  });

  test('behavior: modifyOrder and modifyBatchOrders move an order; getOrderAmendment lists the changes', async () => {
    const placed = await newOrder(fx.client, limit('BUY', priceAt('0.95')));
    const moved = await modifyOrder(fx.client, {
      symbol: 'BTCUSDT',
      origClientOrderId: placed.clientOrderId,
      side: 'BUY',
      quantity: '0.003',
      price: priceAt('0.96'),
    });
    expect(moved).toMatchObject({ origQty: '0.003', price: priceAt('0.96'), status: 'NEW' });
    const batch = await modifyBatchOrders(fx.client, {
      batchOrders: [
        {
          symbol: 'BTCUSDT',
          origClientOrderId: placed.clientOrderId,
          side: 'BUY',
          quantity: '0.004',
          price: priceAt('0.955'),
        },
      ],
    });
    expect(batch[0]).toMatchObject({ origQty: '0.004', price: priceAt('0.955') });
    const amendments = await getOrderAmendment(fx.client, {
      symbol: 'BTCUSDT',
      origClientOrderId: placed.clientOrderId,
    });
    expect(amendments).toHaveLength(2);
    expect(amendments.map((a) => a.amendment.origQty.after).sort()).toEqual(['0.003', '0.004']);
    await cancelOrder(fx.client, { symbol: 'BTCUSDT', origClientOrderId: placed.clientOrderId });
  });

  test('behavior: cancelAllOpenOrders empties the symbol; getAllOrders keeps the history', async () => {
    for (const factor of ['0.95', '0.951', '0.952']) {
      await newOrder(fx.client, {
        symbol: 'ETHUSDT',
        side: 'BUY',
        type: 'LIMIT',
        timeInForce: 'GTC',
        quantity: '0.05',
        price: Decimal.parse((await fx.client.getPremiumIndex({ symbol: 'ETHUSDT' })).markPrice)
          .mul(factor)
          .roundToStep('0.01', 'floor')
          .toString(),
      });
    }
    expect(await getOpenOrders(fx.client, { symbol: 'ETHUSDT' })).toHaveLength(3);
    expect(await cancelAllOpenOrders(fx.client, { symbol: 'ETHUSDT' })).toEqual({
      code: 200,
      msg: 'The operation of cancel all open order is done.',
    });
    expect(await getOpenOrders(fx.client, { symbol: 'ETHUSDT' })).toEqual([]);
    const all = await getAllOrders(fx.client, { symbol: 'ETHUSDT', limit: 1000 });
    expect(all.map((o) => o.status)).toEqual(['CANCELED', 'CANCELED', 'CANCELED']);
  });

  test('behavior: countdownCancelAll cancels the open orders when its countdown runs out', async () => {
    const placed = await newOrder(fx.client, limit('BUY', priceAt('0.95')));
    expect(await countdownCancelAll(fx.client, { symbol: 'BTCUSDT', countdownTime: 300 })).toEqual({
      symbol: 'BTCUSDT',
      countdownTime: '300',
    });
    const status = await statusOnceNotNew(
      async () => (await getOrder(fx.client, { symbol: 'BTCUSDT', orderId: placed.order.orderId })).status,
    );
    expect(status).toBe('CANCELED');
    await countdownCancelAll(fx.client, { symbol: 'BTCUSDT', countdownTime: 0 });
  });

  test('behavior: getForceOrders is empty without liquidations; cancelOrder of a filled order is -2011', async () => {
    expect(await getForceOrders(fx.client, { symbol: 'BTCUSDT' })).toEqual([]);
    const filled = await newOrder(fx.client, {
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'MARKET',
      quantity: '0.002',
      newOrderRespType: 'RESULT',
    });
    const error = await cancelOrder(fx.client, {
      symbol: 'BTCUSDT',
      origClientOrderId: filled.clientOrderId,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownOrderError);
    expect(error).toMatchObject({ code: -2011 });
    expect(error).not.toBeInstanceOf(OrderClosedError);
    await newOrder(fx.client, {
      symbol: 'BTCUSDT',
      side: 'SELL',
      type: 'MARKET',
      quantity: '0.002',
      reduceOnly: 'true',
    });
  });

  test('behavior: the same actions in process (no sockets): place, query, cancel', async () => {
    const local = createClient({
      env: 'local',
      transport: inProcess({ handler: fx.exchange }),
      credentials: fx.exchange.defaultAccount!,
    });
    try {
      const placed = await newOrder(local, { ...limit('SELL', priceAt('1.03')), timeInForce: 'GTX' });
      expect(placed.order).toMatchObject({ status: 'NEW', timeInForce: 'GTX' });
      expect(
        (await getOrder(local, { symbol: 'BTCUSDT', orderId: placed.order.orderId })).clientOrderId,
      ).toBe(placed.clientOrderId);
      expect((await cancelOrder(local, { symbol: 'BTCUSDT', orderId: placed.order.orderId })).status).toBe(
        'CANCELED',
      );
    } finally {
      await local.close();
    }
  });

  test('behavior: every trade and algo action is bound on the USD-M client', async () => {
    const open = await fx.client.getOpenOrders({ symbol: 'BTCUSDT' });
    expect(Array.isArray(open)).toBe(true);
    for (const name of [
      ...TRADE_BINDINGS,
      'testOrder',
      'newAlgoOrder',
      'cancelAlgoOrder',
      'getAlgoOrder',
      'getOpenAlgoOrders',
      'getAllAlgoOrders',
      'cancelAllAlgoOpenOrders',
    ] as const) {
      expect(typeof fx.client[name]).toBe('function');
    }
  });
});
