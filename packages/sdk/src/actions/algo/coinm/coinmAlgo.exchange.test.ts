import { Decimal } from '@basis/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../../../clients/createClient.js';
import type { CoinmActions } from '../../../clients/decorators/coinm.js';
import { ClientConfigError } from '../../../errors/config.js';
import { OrderValidationError } from '../../../orders/errors.js';
import type { RequestCall } from '../../../request/types.js';
import { startCoinmTradingExchange, type TradingExchange } from '../../../testing/tradingExchange.js';
import { recordingCoinmActions } from '../../coinmBindings.testing.js';
import { getAlgoOrder } from '../getAlgoOrder.js';
import { newAlgoOrder } from '../newAlgoOrder.js';
import { COINM_ALGO_BINDINGS } from './bindings.testing.js';
import { getCoinmOpenAlgoOrders } from './index.js';

// The COIN-M algo actions (the Algo Service on /dapi since the CM/UM integration of 2026-06-30), end
// to end against the local exchange over a loopback socket, checked against the COIN-M venue: algo
// orders of whole contracts, held apart from the regular orders.

let fx: TradingExchange<CoinmActions>;
let mark: Decimal;
const calls: RequestCall[] = [];
const used = new Set<string>();
/** The COIN-M client's methods, recording which ones ran. */
let client: CoinmActions;

beforeAll(async () => {
  fx = await startCoinmTradingExchange({ seed: 23, onRequest: (call) => calls.push(call) });
  client = recordingCoinmActions(fx.client, used);
  mark = Decimal.parse((await fx.client.getPremiumIndex({ symbol: SYMBOL }))[0]!.markPrice);
});

afterAll(async () => {
  await fx.close();
});

const SYMBOL = 'BTCUSD_PERP';

/** A BTCUSD_PERP price `factor` × mark, on the 0.1 tick. */
function priceAt(factor: string): string {
  return mark.mul(factor).roundToStep('0.1', 'floor').toFixed(1);
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

describe('COIN-M algo actions against the local exchange (HTTP on 127.0.0.1)', () => {
  test('default: newAlgoOrder places a STOP_MARKET of contracts with a generated clientAlgoId; getAlgoOrder reads it; cancelAlgoOrder cancels it', async () => {
    const stop = await client.newAlgoOrder({
      symbol: SYMBOL,
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '2',
      triggerPrice: priceAt('0.9'),
    });
    expect(callTo('POST', '/dapi/v1/algoOrder')).toEqual({
      weight: 0,
      security: 'TRADE',
      orders: { tenSeconds: 0, minute: 1 },
    });
    expect(stop).toMatchObject({
      algoType: 'CONDITIONAL',
      orderType: 'STOP_MARKET',
      symbol: SYMBOL,
      algoStatus: 'NEW',
      quantity: '2',
      triggerPrice: priceAt('0.9'),
      positionSide: 'BOTH',
    });
    expect(stop.clientAlgoId).toMatch(/^basis-[0-9A-Za-z]{22}$/);
    // An algo order is not a regular order until it triggers.
    expect(venueAccount().openOrders.get(SYMBOL)?.size ?? 0).toBe(0);

    const read = await client.getAlgoOrder({ clientAlgoId: stop.clientAlgoId });
    expect(callTo('GET', '/dapi/v1/algoOrder')).toEqual({ weight: 1, security: 'USER_DATA' });
    expect(read).toMatchObject({ algoId: stop.algoId, algoStatus: 'NEW', actualOrderId: '' });

    expect(await client.cancelAlgoOrder({ algoId: stop.algoId })).toMatchObject({
      algoId: stop.algoId,
      clientAlgoId: stop.clientAlgoId,
      code: '200',
      msg: 'success',
    });
    expect(callTo('DELETE', '/dapi/v1/algoOrder')).toEqual({ weight: 1, security: 'TRADE' });
    expect((await client.getAlgoOrder({ algoId: stop.algoId })).algoStatus).toBe('CANCELED');
  });

  test('behavior: STOP (limit), TAKE_PROFIT_MARKET and TRAILING_STOP_MARKET; open and all listings by weight; cancel all', async () => {
    const placed = [
      await client.newAlgoOrder({
        symbol: SYMBOL,
        side: 'SELL',
        type: 'STOP',
        quantity: '1',
        triggerPrice: priceAt('0.9'),
        price: priceAt('0.89'),
        timeInForce: 'GTC',
      }),
      await client.newAlgoOrder({
        symbol: SYMBOL,
        side: 'SELL',
        type: 'TAKE_PROFIT_MARKET',
        quantity: '1',
        triggerPrice: priceAt('1.1'),
        workingType: 'MARK_PRICE',
      }),
      await client.newAlgoOrder({
        symbol: SYMBOL,
        side: 'SELL',
        type: 'TRAILING_STOP_MARKET',
        quantity: '1',
        callbackRate: '1',
        activatePrice: priceAt('1.02'),
        clientAlgoId: 'cm-algo-trail',
      }),
    ];
    expect(placed.map((a) => a.orderType)).toEqual(['STOP', 'TAKE_PROFIT_MARKET', 'TRAILING_STOP_MARKET']);
    expect(placed[1]).toMatchObject({ workingType: 'MARK_PRICE' });
    expect(placed[2]).toMatchObject({ clientAlgoId: 'cm-algo-trail', callbackRate: '1' });
    expect(Decimal.parse(placed[2]!.activatePrice).eq(priceAt('1.02'))).toBe(true);

    const open = await client.getOpenAlgoOrders({ symbol: SYMBOL });
    expect(callTo('GET', '/dapi/v1/openAlgoOrders').weight).toBe(1);
    expect(open.map((a) => a.clientAlgoId).sort()).toEqual(placed.map((a) => a.clientAlgoId).sort());
    expect((await client.getOpenAlgoOrders()).map((a) => a.algoId).sort()).toEqual(
      open.map((a) => a.algoId).sort(),
    );
    expect(callTo('GET', '/dapi/v1/openAlgoOrders').weight).toBe(40);

    expect(await client.cancelAllAlgoOpenOrders({ symbol: SYMBOL })).toEqual({
      code: 200,
      msg: 'The operation of cancel all open order is done.',
    });
    expect(callTo('DELETE', '/dapi/v1/algoOpenOrders')).toEqual({ weight: 1, security: 'TRADE' });
    expect(await client.getOpenAlgoOrders({ symbol: SYMBOL })).toEqual([]);

    const all = await client.getAllAlgoOrders({ symbol: SYMBOL });
    expect(callTo('GET', '/dapi/v1/allAlgoOrders')).toEqual({ weight: 5, security: 'USER_DATA' });
    // The default test's stop and these three, all canceled.
    expect(all.map((a) => a.algoStatus)).toEqual(['CANCELED', 'CANCELED', 'CANCELED', 'CANCELED']);
    expect(all.slice(1).map((a) => a.clientAlgoId)).toEqual(placed.map((a) => a.clientAlgoId));
  });

  test('behavior: an unknown algo order is UnknownOrderError; a bad trigger is refused before sending; no GTD on COIN-M', async () => {
    await expect(client.cancelAlgoOrder({ clientAlgoId: 'nope' })).rejects.toMatchObject({
      name: 'UnknownOrderError',
    });
    await expect(client.getAlgoOrder({ clientAlgoId: 'nope' })).rejects.toMatchObject({
      name: 'UnknownOrderError',
    });
    const sent = calls.filter((c) => c.method === 'POST' && c.path === '/dapi/v1/algoOrder').length;
    const error = await client
      .newAlgoOrder({
        symbol: SYMBOL,
        side: 'SELL',
        type: 'STOP_MARKET',
        quantity: '1',
        triggerPrice: `${priceAt('0.9')}5`,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrderValidationError);
    expect(error).toMatchObject({
      rule: 'PRECISION.pricePrecision',
      field: 'triggerPrice',
      binanceCode: -1111,
    });
    const fraction = await client
      .newAlgoOrder({
        symbol: SYMBOL,
        side: 'SELL',
        type: 'STOP_MARKET',
        quantity: '1.5',
        triggerPrice: priceAt('0.9'),
      })
      .catch((e: unknown) => e);
    expect(fraction).toMatchObject({ rule: 'PRECISION.quantityPrecision', field: 'quantity' });
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/dapi/v1/algoOrder').length).toBe(sent);
    await expect(
      client.newAlgoOrder({
        symbol: SYMBOL,
        side: 'SELL',
        type: 'STOP',
        quantity: '1',
        triggerPrice: priceAt('0.9'),
        price: priceAt('0.89'),
        timeInForce: 'GTD',
        validate: false,
      }),
    ).rejects.toMatchObject({ code: -1115 });
  });

  test('behavior: the actions are COIN-M only, and the USD-M algo actions refuse a COIN-M client', async () => {
    const usdm = createClient({
      env: 'local',
      baseUrl: 'http://127.0.0.1:1',
      credentials: { apiKey: 'k', apiSecret: 's' },
    });
    try {
      await expect(getCoinmOpenAlgoOrders(usdm, { symbol: 'BTCUSDT' })).rejects.toBeInstanceOf(
        ClientConfigError,
      );
    } finally {
      await usdm.close();
    }
    await expect(getAlgoOrder(fx.client, { algoId: 1 })).rejects.toBeInstanceOf(ClientConfigError);
    await expect(
      newAlgoOrder(fx.client, {
        symbol: SYMBOL,
        side: 'SELL',
        type: 'STOP_MARKET',
        quantity: '1',
        triggerPrice: priceAt('0.9'),
      }),
    ).rejects.toThrow(/newAlgoOrder is a USD-M endpoint; this client is coinm/);
  });

  test('behavior: every COIN-M algo method ran above', () => {
    expect([...used]).toEqual(expect.arrayContaining([...COINM_ALGO_BINDINGS]));
  });
});
