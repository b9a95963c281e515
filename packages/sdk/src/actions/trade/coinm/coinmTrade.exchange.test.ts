import { type CoinmBatchOrderResult, type CoinmOrder, Decimal } from '@basis/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../../../clients/createClient.js';
import { type CoinmActions, coinmActions } from '../../../clients/decorators/coinm.js';
import { UnknownOrderError } from '../../../errors/api.js';
import type { RequestCall } from '../../../request/types.js';
import { startCoinmTradingExchange, type TradingExchange } from '../../../testing/tradingExchange.js';
import { inProcess } from '../../../transports/inProcess.js';
import { recordingCoinmActions } from '../../coinmBindings.testing.js';
import { statusOnceNotNew } from '../testing.js';
import { COINM_TRADE_BINDINGS } from './bindings.testing.js';

// Every COIN-M trade action, end to end against the local exchange over a loopback socket, checked
// against the COIN-M venue's state: orders of whole contracts with `cumBase` and `pair`, conditional
// types routed to /dapi/v1/algoOrder, batches with inline errors, modifications, cancels and the countdown.

let fx: TradingExchange<CoinmActions>;
/** The COIN-M client's methods, recording which ones ran. */
let client: CoinmActions;
let mark: Decimal;
const calls: RequestCall[] = [];
const used = new Set<string>();

beforeAll(async () => {
  fx = await startCoinmTradingExchange({ seed: 17, onRequest: (call) => calls.push(call) });
  client = recordingCoinmActions(fx.client, used);
  mark = Decimal.parse((await client.getPremiumIndex({ symbol: 'BTCUSD_PERP' }))[0]!.markPrice);
});

afterAll(async () => {
  await fx.close();
});

const SYMBOL = 'BTCUSD_PERP';

/** A BTCUSD_PERP price `factor` × mark, on the 0.1 tick. */
function priceAt(factor: string): string {
  return mark.mul(factor).roundToStep('0.1', 'floor').toFixed(1);
}

function isOrder(value: CoinmBatchOrderResult): value is CoinmOrder {
  return 'orderId' in value;
}

/** The last call to `path`: its weight, security and order counts. */
function callTo(method: string, path: string) {
  const call = calls.findLast((c) => c.method === method && c.path === path)!;
  return { weight: call.weight, security: call.security, ...(call.orders ? { orders: call.orders } : {}) };
}

/** The default account as the COIN-M venue holds it. */
function venueAccount() {
  return fx.exchange.coinm!.accounts.get(fx.exchange.defaultAccount!.accountId)!;
}

function sum(values: readonly string[]): Decimal {
  return values.reduce<Decimal>((total, value) => total.add(value), Decimal.ZERO);
}

const limit = (side: 'BUY' | 'SELL', price: string, quantity = '2') =>
  ({ symbol: SYMBOL, side, type: 'LIMIT', timeInForce: 'GTC', quantity, price }) as const;

describe('COIN-M trade actions against the local exchange (HTTP on 127.0.0.1)', () => {
  test('default: newOrder places a LIMIT order of contracts with a generated id; getOrder, getOpenOrder, getOpenOrders read it', async () => {
    const result = await client.newOrder(limit('BUY', priceAt('0.97')));
    expect(result.endpoint).toBe('order');
    const placed = result.order;
    expect(result.clientOrderId).toBe(placed.clientOrderId);
    expect(callTo('POST', '/dapi/v1/order')).toEqual({
      weight: 0,
      security: 'TRADE',
      orders: { tenSeconds: 0, minute: 1 },
    });
    expect(placed.clientOrderId).toMatch(/^basis-[0-9A-Za-z]{22}$/);
    expect(placed).toMatchObject({
      symbol: SYMBOL,
      pair: 'BTCUSD',
      status: 'NEW',
      origQty: '2',
      executedQty: '0',
      cumBase: '0',
      price: priceAt('0.97'),
      positionSide: 'BOTH',
    });
    expect(venueAccount().openOrders.get(SYMBOL)?.has(BigInt(placed.orderId))).toBe(true);
    const read = await client.getOrder({ symbol: SYMBOL, origClientOrderId: placed.clientOrderId });
    expect(callTo('GET', '/dapi/v1/order')).toEqual({ weight: 1, security: 'USER_DATA' });
    expect(read).toMatchObject({
      orderId: placed.orderId,
      cumBase: '0',
      pair: 'BTCUSD',
      time: expect.any(Number),
    });
    expect((await client.getOpenOrder({ symbol: SYMBOL, orderId: placed.orderId })).status).toBe('NEW');
    const bySymbol = await client.getOpenOrders({ symbol: SYMBOL });
    expect(callTo('GET', '/dapi/v1/openOrders').weight).toBe(1);
    const byPair = await client.getOpenOrders({ pair: 'BTCUSD' });
    expect(byPair.map((o) => o.orderId)).toEqual(bySymbol.map((o) => o.orderId));
    expect(bySymbol.map((o) => o.clientOrderId)).toContain(placed.clientOrderId);
    await client.getOpenOrders();
    expect(callTo('GET', '/dapi/v1/openOrders').weight).toBe(40);

    const canceled = await client.cancelOrder({ symbol: SYMBOL, origClientOrderId: placed.clientOrderId });
    expect(canceled).toMatchObject({ status: 'CANCELED', orderId: placed.orderId, pair: 'BTCUSD' });
    expect(venueAccount().openOrders.get(SYMBOL)?.has(BigInt(placed.orderId)) ?? false).toBe(false);
    await expect(client.getOpenOrder({ symbol: SYMBOL, orderId: placed.orderId })).rejects.toMatchObject({
      name: 'UnknownOrderError',
      code: -2013,
    });
  });

  test('behavior: a MARKET fill: cumBase is the sum of the fills in coin, avgPrice their harmonic mean', async () => {
    const { order } = await client.newOrder({
      symbol: SYMBOL,
      side: 'BUY',
      type: 'MARKET',
      quantity: Decimal.parse('3'),
      newOrderRespType: 'RESULT',
      newClientOrderId: 'cm-market-1',
    });
    expect(order).toMatchObject({
      status: 'FILLED',
      executedQty: '3',
      cumQty: '3',
      clientOrderId: 'cm-market-1',
    });
    const fills = (await client.getUserTrades({ symbol: SYMBOL })).filter(
      (t) => String(t.orderId) === String(order.orderId),
    );
    expect(Decimal.parse(order.cumBase).eq(sum(fills.map((t) => t.baseQty)))).toBe(true);
    // Σ contracts / Σ (contracts / price): within a tick of the exact mean (cumBase is cut to 8 decimals).
    const mean = sum(fills.map((t) => t.qty)).div(
      fills.reduce((total, t) => total.add(Decimal.parse(t.qty).div(t.price, 20, 'half-even')), Decimal.ZERO),
      8,
      'half-even',
    );
    expect(Decimal.parse(order.avgPrice).sub(mean).abs().lte(mean.mul('0.00001'))).toBe(true);
    const { order: closed } = await client.newOrder({
      symbol: SYMBOL,
      side: 'SELL',
      type: 'MARKET',
      quantity: '3',
      reduceOnly: 'true',
      newOrderRespType: 'RESULT',
    });
    expect(closed).toMatchObject({ status: 'FILLED', reduceOnly: true });
    expect(venueAccount().positions.get(`${SYMBOL}|BOTH`)?.amount.isZero() ?? true).toBe(true);
  });

  test('behavior: conditional types go to the algo service, as on production since 2026-06-30: stop-market, take-profit limit, trailing stop', async () => {
    const stop = await client.newOrder({
      symbol: SYMBOL,
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '1',
      stopPrice: priceAt('0.9'),
      workingType: 'MARK_PRICE',
      newClientOrderId: 'cm-stop',
    });
    // The /order spelling is sent in the algo service's: triggerPrice, clientAlgoId, algoType.
    expect(calls.findLast((c) => c.path === '/dapi/v1/algoOrder')).toMatchObject({
      method: 'POST',
      weight: 0,
      security: 'TRADE',
      orders: { tenSeconds: 0, minute: 1 },
      params: { algoType: 'CONDITIONAL', triggerPrice: priceAt('0.9'), clientAlgoId: 'cm-stop' },
    });
    expect(stop).toMatchObject({
      endpoint: 'algo',
      clientOrderId: 'cm-stop',
      order: {
        algoType: 'CONDITIONAL',
        orderType: 'STOP_MARKET',
        algoStatus: 'NEW',
        quantity: '1',
        triggerPrice: priceAt('0.9'),
        workingType: 'MARK_PRICE',
        clientAlgoId: 'cm-stop',
      },
    });
    const takeProfit = await client.newOrder({
      symbol: SYMBOL,
      side: 'SELL',
      type: 'TAKE_PROFIT',
      timeInForce: 'GTC',
      quantity: '1',
      price: priceAt('1.02'),
      triggerPrice: priceAt('1.02'),
      clientAlgoId: 'cm-tp',
    });
    expect(takeProfit.order).toMatchObject({
      orderType: 'TAKE_PROFIT',
      price: priceAt('1.02'),
      triggerPrice: priceAt('1.02'),
    });
    const trailing = await client.newOrder({
      symbol: SYMBOL,
      side: 'SELL',
      type: 'TRAILING_STOP_MARKET',
      quantity: '1',
      activationPrice: priceAt('1.01'),
      callbackRate: '0.5',
      newClientOrderId: 'cm-trail',
    });
    expect(trailing.order).toMatchObject({ orderType: 'TRAILING_STOP_MARKET', callbackRate: '0.5' });
    expect(Decimal.parse(trailing.order.activatePrice).eq(priceAt('1.01'))).toBe(true);
    // Held by the venue's algo book, not its order book.
    expect(venueAccount().openOrders.get(SYMBOL)?.size ?? 0).toBe(0);
    expect(await client.getOpenOrders({ symbol: SYMBOL })).toEqual([]);
    const open = await client.getOpenAlgoOrders({ symbol: SYMBOL });
    expect(open.map((o) => o.clientAlgoId).sort()).toEqual(['cm-stop', 'cm-tp', 'cm-trail']);
    // Canceling all open orders leaves the algo orders; canceling all algo orders takes them.
    await client.cancelAllOpenOrders({ symbol: SYMBOL });
    expect(await client.getOpenAlgoOrders({ symbol: SYMBOL })).toHaveLength(3);
    expect(await client.cancelAllAlgoOpenOrders({ symbol: SYMBOL })).toEqual({
      code: 200,
      msg: 'The operation of cancel all open order is done.',
    });
    expect(await client.getOpenAlgoOrders({ symbol: SYMBOL })).toEqual([]);
  });

  test('behavior: batchOrders places several orders, an item rejected inline; cancelBatchOrders by id lists', async () => {
    const results = await client.batchOrders({
      batchOrders: [
        limit('BUY', priceAt('0.96')),
        limit('SELL', priceAt('1.04')),
        // Reduce-only without a position: the exchange rejects this item alone (-2022).
        { ...limit('SELL', priceAt('1.05')), reduceOnly: 'true' },
      ],
    });
    expect(callTo('POST', '/dapi/v1/batchOrders')).toEqual({
      weight: 5,
      security: 'TRADE',
      orders: { tenSeconds: 0, minute: 1 },
    });
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({ status: 'NEW', side: 'BUY', pair: 'BTCUSD', cumBase: '0' });
    expect(results[1]).toMatchObject({ status: 'NEW', side: 'SELL' });
    expect(results[2]).toEqual({ code: -2022, msg: 'ReduceOnly Order is rejected.' });
    const placed = results.filter(isOrder);
    const byClientId = await client.cancelBatchOrders({
      symbol: SYMBOL,
      origClientOrderIdList: [placed[0]!.clientOrderId, 'never-placed'],
    });
    expect(byClientId[0]).toMatchObject({ status: 'CANCELED', orderId: placed[0]!.orderId });
    expect(byClientId[1]).toMatchObject({ code: -2011 });
    const byId = await client.cancelBatchOrders({ symbol: SYMBOL, orderIdList: [placed[1]!.orderId] });
    expect(byId).toMatchObject([{ status: 'CANCELED', orderId: placed[1]!.orderId }]);
  });

  test('behavior: a post-only order that would take is accepted and expires at once on COIN-M (no -5022)', async () => {
    const { order } = await client.newOrder({
      ...limit('BUY', priceAt('1.03')),
      timeInForce: 'GTX',
      newOrderRespType: 'RESULT',
    });
    expect(order).toMatchObject({ status: 'EXPIRED', executedQty: '0', cumBase: '0' });
    expect((await client.getOrder({ symbol: SYMBOL, orderId: order.orderId })).status).toBe('EXPIRED');
    expect(await client.getOpenOrders({ symbol: SYMBOL })).toEqual([]);
  });

  test('behavior: modifyOrder takes a price alone or a quantity alone; modifyBatchOrders; getOrderAmendment lists the changes', async () => {
    const { order: placed } = await client.newOrder(limit('BUY', priceAt('0.95')));
    const repriced = await client.modifyOrder({
      symbol: SYMBOL,
      origClientOrderId: placed.clientOrderId,
      side: 'BUY',
      price: priceAt('0.96'),
    });
    expect(repriced).toMatchObject({ origQty: '2', price: priceAt('0.96'), status: 'NEW' });
    const resized = await client.modifyOrder({
      symbol: SYMBOL,
      orderId: placed.orderId,
      side: 'BUY',
      quantity: '3',
    });
    expect(resized).toMatchObject({ origQty: '3', price: priceAt('0.96') });
    const batch = await client.modifyBatchOrders({
      batchOrders: [
        {
          symbol: SYMBOL,
          origClientOrderId: placed.clientOrderId,
          side: 'BUY',
          quantity: '4',
          price: priceAt('0.955'),
        },
      ],
    });
    expect(batch[0]).toMatchObject({ origQty: '4', price: priceAt('0.955') });
    const amendments = await client.getOrderAmendment({ symbol: SYMBOL, orderId: placed.orderId });
    expect(amendments).toHaveLength(3);
    expect(amendments.map((a) => a.amendment.origQty.after).sort()).toEqual(['2', '3', '4']);
    expect(amendments.map((a) => a.amendment.price.after).sort()).toEqual(
      [priceAt('0.955'), priceAt('0.96'), priceAt('0.96')].sort(),
    );
    await client.cancelOrder({ symbol: SYMBOL, orderId: placed.orderId });
  });

  test('behavior: cancelAllOpenOrders empties a symbol; getAllOrders by symbol or pair keeps the history', async () => {
    const eth = Decimal.parse((await client.getPremiumIndex({ symbol: 'ETHUSD_PERP' }))[0]!.markPrice);
    for (const factor of ['0.95', '0.951', '0.952']) {
      await client.newOrder({
        symbol: 'ETHUSD_PERP',
        side: 'BUY',
        type: 'LIMIT',
        timeInForce: 'GTC',
        quantity: '5',
        price: eth.mul(factor).roundToStep('0.01', 'floor').toFixed(2),
      });
    }
    expect(await client.getOpenOrders({ pair: 'ETHUSD' })).toHaveLength(3);
    await client.cancelAllOpenOrders({ symbol: 'ETHUSD_PERP' });
    expect(await client.getOpenOrders({ symbol: 'ETHUSD_PERP' })).toEqual([]);
    const bySymbol = await client.getAllOrders({ symbol: 'ETHUSD_PERP', limit: 1000 });
    expect(callTo('GET', '/dapi/v1/allOrders').weight).toBe(20);
    expect(bySymbol.map((o) => o.status)).toEqual(['CANCELED', 'CANCELED', 'CANCELED']);
    expect(bySymbol.every((o) => o.pair === 'ETHUSD' && o.cumBase === '0')).toBe(true);
    const byPair = await client.getAllOrders({ pair: 'ETHUSD', limit: 1000 });
    expect(callTo('GET', '/dapi/v1/allOrders').weight).toBe(40);
    expect(byPair).toEqual(bySymbol);
  });

  test('behavior: countdownCancelAll cancels the open orders when its countdown runs out', async () => {
    const { order: placed } = await client.newOrder(limit('BUY', priceAt('0.95')));
    expect(await client.countdownCancelAll({ symbol: SYMBOL, countdownTime: 300 })).toEqual({
      symbol: SYMBOL,
      countdownTime: '300',
    });
    expect(venueAccount().countdowns.get(SYMBOL)?.countdownTime).toBe(300);
    const status = await statusOnceNotNew(
      async () => (await client.getOrder({ symbol: SYMBOL, orderId: placed.orderId })).status,
    );
    expect(status).toBe('CANCELED');
    await client.countdownCancelAll({ symbol: SYMBOL, countdownTime: 0 });
    expect(venueAccount().countdowns.has(SYMBOL)).toBe(false);
  });

  test('behavior: getForceOrders is empty without liquidations; cancelOrder of a filled order is -2011', async () => {
    expect(await client.getForceOrders({ symbol: SYMBOL })).toEqual([]);
    expect(callTo('GET', '/dapi/v1/forceOrders')).toEqual({ weight: 20, security: 'USER_DATA' });
    expect(await client.getForceOrders()).toEqual([]);
    expect(callTo('GET', '/dapi/v1/forceOrders').weight).toBe(50);
    const { order: filled } = await client.newOrder({
      symbol: SYMBOL,
      side: 'BUY',
      type: 'MARKET',
      quantity: '1',
    });
    const error = await client
      .cancelOrder({ symbol: SYMBOL, origClientOrderId: filled.clientOrderId })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownOrderError);
    expect(error).toMatchObject({ code: -2011 });
    await client.newOrder({
      symbol: SYMBOL,
      side: 'SELL',
      type: 'MARKET',
      quantity: '1',
      reduceOnly: 'true',
    });
  });

  test('behavior: the same actions in process (no sockets): place, query, cancel', async () => {
    const local = createClient({
      env: 'local',
      market: 'coinm',
      transport: inProcess({ handler: fx.exchange }),
      credentials: fx.exchange.defaultAccount!,
    }).extend(coinmActions);
    try {
      const { order: placed } = await local.newOrder({
        ...limit('SELL', priceAt('1.03')),
        timeInForce: 'GTX',
      });
      expect(placed).toMatchObject({ status: 'NEW', timeInForce: 'GTX', pair: 'BTCUSD' });
      expect((await local.getOrder({ symbol: SYMBOL, orderId: placed.orderId })).clientOrderId).toBe(
        placed.clientOrderId,
      );
      expect((await local.cancelOrder({ symbol: SYMBOL, orderId: placed.orderId })).status).toBe('CANCELED');
    } finally {
      await local.close();
    }
  });

  test('behavior: every COIN-M trade action ran above', () => {
    expect([...used]).toEqual(expect.arrayContaining([...COINM_TRADE_BINDINGS]));
  });
});
