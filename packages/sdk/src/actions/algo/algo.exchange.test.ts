import { Decimal } from '@basis/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OrderValidationError } from '../../orders/errors.js';
import { startTradingExchange, type TradingExchange } from '../../testing/tradingExchange.js';
import {
  cancelAlgoOrder,
  cancelAllAlgoOpenOrders,
  getAlgoOrder,
  getAllAlgoOrders,
  getOpenAlgoOrders,
  newAlgoOrder,
} from './index.js';

let fx: TradingExchange;
let mark: Decimal;

beforeAll(async () => {
  fx = await startTradingExchange({ seed: 2 });
  mark = Decimal.parse((await fx.client.getPremiumIndex({ symbol: 'BTCUSDT' })).markPrice);
});

afterAll(async () => {
  await fx.close();
});

function priceAt(factor: string): string {
  return mark.mul(factor).roundToStep('0.1', 'floor').toFixed(2);
}

describe('USD-M algo actions against the local exchange (HTTP on 127.0.0.1)', () => {
  test('default: newAlgoOrder places a STOP_MARKET with a generated clientAlgoId; getAlgoOrder reads it', async () => {
    const stop = await newAlgoOrder(fx.client, {
      symbol: 'BTCUSDT',
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '0.002',
      triggerPrice: priceAt('0.9'),
    });
    expect(stop).toMatchObject({
      algoType: 'CONDITIONAL',
      orderType: 'STOP_MARKET',
      algoStatus: 'NEW',
      quantity: '0.002',
      triggerPrice: priceAt('0.9'),
    });
    expect(stop.clientAlgoId).toMatch(/^basis-/);
    const read = await getAlgoOrder(fx.client, { clientAlgoId: stop.clientAlgoId });
    expect(read).toMatchObject({ algoId: stop.algoId, algoStatus: 'NEW', actualOrderId: '' });
    expect(await cancelAlgoOrder(fx.client, { algoId: stop.algoId })).toMatchObject({
      algoId: stop.algoId,
      clientAlgoId: stop.clientAlgoId,
      msg: 'success',
    });
    expect((await getAlgoOrder(fx.client, { algoId: stop.algoId })).algoStatus).toBe('CANCELED');
  });

  test('behavior: STOP (limit), TAKE_PROFIT_MARKET and TRAILING_STOP_MARKET; open and all listings; cancel all', async () => {
    const placed = [
      await newAlgoOrder(fx.client, {
        symbol: 'BTCUSDT',
        side: 'SELL',
        type: 'STOP',
        quantity: '0.002',
        triggerPrice: priceAt('0.9'),
        price: priceAt('0.89'),
        timeInForce: 'GTC',
      }),
      await newAlgoOrder(fx.client, {
        symbol: 'BTCUSDT',
        side: 'SELL',
        type: 'TAKE_PROFIT_MARKET',
        quantity: '0.002',
        triggerPrice: priceAt('1.1'),
      }),
      await newAlgoOrder(fx.client, {
        symbol: 'BTCUSDT',
        side: 'SELL',
        type: 'TRAILING_STOP_MARKET',
        quantity: '0.002',
        callbackRate: '1',
        activatePrice: priceAt('1.02'),
      }),
    ];
    expect(placed.map((a) => a.orderType)).toEqual(['STOP', 'TAKE_PROFIT_MARKET', 'TRAILING_STOP_MARKET']);
    const open = await getOpenAlgoOrders(fx.client, { symbol: 'BTCUSDT' });
    expect(open.map((a) => a.clientAlgoId).sort()).toEqual(placed.map((a) => a.clientAlgoId).sort());
    expect(await cancelAllAlgoOpenOrders(fx.client, { symbol: 'BTCUSDT' })).toEqual({
      code: 200,
      msg: 'The operation of cancel all open order is done.',
    });
    expect(await getOpenAlgoOrders(fx.client, { symbol: 'BTCUSDT' })).toEqual([]);
    const all = await getAllAlgoOrders(fx.client, { symbol: 'BTCUSDT' });
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.every((a) => a.algoStatus === 'CANCELED')).toBe(true);
  });

  test('behavior: cancelAlgoOrder of an unknown algo order is UnknownOrderError; a bad trigger is refused before sending', async () => {
    await expect(cancelAlgoOrder(fx.client, { clientAlgoId: 'nope' })).rejects.toMatchObject({
      name: 'UnknownOrderError',
    });
    const error = await newAlgoOrder(fx.client, {
      symbol: 'BTCUSDT',
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '0.002',
      triggerPrice: `${priceAt('0.9').slice(0, -1)}5`,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrderValidationError);
    expect(error).toMatchObject({ rule: 'PRICE_FILTER.tickSize', field: 'triggerPrice', binanceCode: -4014 });
  });
});
