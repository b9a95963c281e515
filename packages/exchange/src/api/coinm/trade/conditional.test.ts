import type { CoinmOrder } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import {
  closeAll,
  getOrder,
  goLong,
  limitParams,
  moveMark,
  ok,
  openOrders,
  orderUpdates,
  placeOrder,
  rest,
  startTrading,
  stopMarketParams,
  type TradeFixture,
  tradeAt,
} from './testing.js';

afterEach(closeAll);

const BTC = 'BTCUSD_PERP';

/** The trader's order of BTCUSD_PERP, the symbol of every order here. */
function place(f: TradeFixture, params: Record<string, string>): CoinmOrder {
  return placeOrder(f, { symbol: BTC, ...params });
}

describe('COIN-M conditional orders', () => {
  test('default: a STOP_MARKET on the mark price waits as an order, then becomes a MARKET order under its orderId', () => {
    const f = startTrading();
    goLong(f, BTC, '100');
    const stop = place(f, {
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '100',
      stopPrice: '48000',
      workingType: 'MARK_PRICE',
      priceProtect: 'true',
      newClientOrderId: 'stop-1',
    });
    expect(stop).toMatchObject({
      clientOrderId: 'stop-1',
      status: 'NEW',
      type: 'STOP_MARKET',
      origType: 'STOP_MARKET',
      stopPrice: '48000.0',
      workingType: 'MARK_PRICE',
      priceProtect: true,
      price: '0',
      origQty: '100',
      cumBase: '0',
      pair: 'BTCUSD',
    });
    expect(openOrders(f, { symbol: BTC }).map((o) => o.orderId)).toEqual([stop.orderId]);
    expect(
      ok<CoinmOrder>(f, 'GET', '/dapi/v1/openOrder', { symbol: BTC, origClientOrderId: 'stop-1' }).type,
    ).toBe('STOP_MARKET');

    rest(f, BTC, 'BUY', '100', '47900');
    moveMark(f, BTC, '48100');
    expect(getOrder(f, stop).status).toBe('NEW');
    moveMark(f, BTC, '47950');
    const filled = getOrder(f, stop);
    // 100 × 100 / 47,900 = 0.208768267… BTC, cut to 8 decimals.
    expect(filled).toMatchObject({
      orderId: stop.orderId,
      clientOrderId: 'stop-1',
      status: 'FILLED',
      type: 'MARKET',
      origType: 'STOP_MARKET',
      stopPrice: '48000.0',
      executedQty: '100',
      cumBase: '0.20876826',
      avgPrice: '47900.0',
    });
    expect(filled.time).toBe(stop.updateTime);
    expect(openOrders(f, { symbol: BTC })).toEqual([]);
    const id = String(stop.orderId);
    expect(orderUpdates(f).slice(-4)).toEqual([
      `NEW/NEW/STOP_MARKET/STOP_MARKET/${id}`,
      `EXPIRED/EXPIRED/STOP_MARKET/STOP_MARKET/${id}`,
      `NEW/NEW/MARKET/STOP_MARKET/${id}`,
      `TRADE/FILLED/MARKET/STOP_MARKET/${id}`,
    ]);
    const expiry = f.events.find((e) => e.e === 'ORDER_TRADE_UPDATE' && e.o.x === 'EXPIRED');
    expect(expiry?.e === 'ORDER_TRADE_UPDATE' && expiry.o.er).toBe(8);
    expect(f.events.some((e) => e.e === 'ALGO_UPDATE')).toBe(false);
    expect(f.trader.position(BTC, 'BOTH').amount.isZero()).toBe(true);
  });

  test('behavior: a TAKE_PROFIT on the last price becomes a resting LIMIT order, then fills', () => {
    const f = startTrading();
    goLong(f, BTC, '100');
    const tp = place(f, {
      side: 'SELL',
      type: 'TAKE_PROFIT',
      timeInForce: 'GTC',
      quantity: '50',
      price: '51000',
      stopPrice: '51000',
    });
    expect(tp).toMatchObject({
      type: 'TAKE_PROFIT',
      price: '51000.0',
      stopPrice: '51000.0',
      workingType: 'CONTRACT_PRICE',
    });
    moveMark(f, BTC, '51500'); // the mark does not trigger a CONTRACT_PRICE order
    expect(getOrder(f, tp).type).toBe('TAKE_PROFIT');
    moveMark(f, BTC, '50000');
    tradeAt(f, BTC, '51000');
    expect(getOrder(f, tp)).toMatchObject({
      status: 'NEW',
      type: 'LIMIT',
      origType: 'TAKE_PROFIT',
      price: '51000.0',
    });
    expect(openOrders(f, { symbol: BTC }).map((o) => o.type)).toEqual(['LIMIT']);
    rest(f, BTC, 'BUY', '50', '51000');
    // 50 × 100 / 51,000 = 0.09803921… BTC.
    expect(getOrder(f, tp)).toMatchObject({ status: 'FILLED', cumBase: '0.09803921', executedQty: '50' });
  });

  test('behavior: a trailing stop activates, follows the high and fires on the callback', () => {
    const f = startTrading();
    goLong(f, BTC, '100');
    const trailing = place(f, {
      side: 'SELL',
      type: 'TRAILING_STOP_MARKET',
      quantity: '100',
      callbackRate: '1',
      activationPrice: '51000',
    });
    expect(trailing).toMatchObject({
      type: 'TRAILING_STOP_MARKET',
      activatePrice: '51000.0',
      priceRate: '1',
      stopPrice: '0',
    });
    tradeAt(f, BTC, '51000');
    tradeAt(f, BTC, '52000'); // high 52,000: the stop is 51,480
    tradeAt(f, BTC, '51500');
    expect(getOrder(f, trailing).status).toBe('NEW');
    rest(f, BTC, 'BUY', '100', '51300');
    tradeAt(f, BTC, '51480');
    const fired = getOrder(f, trailing);
    expect(fired).toMatchObject({
      status: 'FILLED',
      type: 'MARKET',
      origType: 'TRAILING_STOP_MARKET',
      stopPrice: '51480.0',
      activatePrice: '51000.0',
      priceRate: '1',
      avgPrice: '51300.0',
    });
    const update = f.events.findLast((e) => e.e === 'ORDER_TRADE_UPDATE');
    expect(update?.e === 'ORDER_TRADE_UPDATE' && [update.o.AP, update.o.cr]).toEqual(['51000.0', '1']);
  });

  test('behavior: closePosition closes the position at trigger time, or expires without one', () => {
    const f = startTrading();
    goLong(f, BTC, '30');
    const close = place(f, { side: 'SELL', type: 'STOP_MARKET', stopPrice: '49000', closePosition: 'true' });
    expect(close).toMatchObject({
      closePosition: true,
      reduceOnly: true,
      origQty: '0',
      timeInForce: 'GTE_GTC',
    });
    const buyClose = place(f, {
      side: 'BUY',
      type: 'TAKE_PROFIT_MARKET',
      stopPrice: '48000',
      closePosition: 'true',
    });
    rest(f, BTC, 'BUY', '100', '48500');
    tradeAt(f, BTC, '49000');
    expect(getOrder(f, close)).toMatchObject({ status: 'FILLED', executedQty: '30', type: 'MARKET' });
    expect(f.trader.position(BTC, 'BOTH').amount.isZero()).toBe(true);
    tradeAt(f, BTC, '48000');
    expect(getOrder(f, buyClose)).toMatchObject({ status: 'EXPIRED', type: 'TAKE_PROFIT_MARKET' });
  });

  test('behavior: a waiting conditional order is canceled like any order, and modify refuses it', () => {
    const f = startTrading();
    const stop = place(f, { side: 'BUY', type: 'STOP', quantity: '5', price: '52000', stopPrice: '51000' });
    const canceled = ok<CoinmOrder>(f, 'DELETE', '/dapi/v1/order', {
      symbol: BTC,
      orderId: String(stop.orderId),
    });
    expect(canceled).toMatchObject({ status: 'CANCELED', type: 'STOP' });
    tradeAt(f, BTC, '51500');
    expect(getOrder(f, stop).status).toBe('CANCELED');
    expect(orderUpdates(f)).toEqual([
      `NEW/NEW/STOP/STOP/${String(stop.orderId)}`,
      `CANCELED/CANCELED/STOP/STOP/${String(stop.orderId)}`,
    ]);
  });

  test('behavior: conditional orders take order ids from their market, in sequence with the others', () => {
    const f = startTrading();
    const limit = placeOrder(f, limitParams(BTC, 'BUY', '1', '49000'));
    const stop = placeOrder(f, stopMarketParams(BTC, 'BUY', '1', '51000'));
    const next = placeOrder(f, limitParams(BTC, 'BUY', '1', '49000'));
    expect(BigInt(stop.orderId)).toBe(BigInt(limit.orderId) + 1n);
    expect(BigInt(next.orderId)).toBe(BigInt(stop.orderId) + 1n);
  });
});
