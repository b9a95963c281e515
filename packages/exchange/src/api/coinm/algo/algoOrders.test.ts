import type { AlgoOrder, AlgoOrderDetail, CancelAlgoOrderResponse } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import {
  closeAll,
  getOrder,
  goLong,
  moveMark,
  ok,
  openOrders,
  orderUpdates,
  placeOrder,
  rejected,
  rest,
  startTrading,
  type TradeFixture,
} from '../trade/testing.js';

afterEach(closeAll);

const BTC = 'BTCUSD_PERP';

/** A conditional algo order of BTCUSD_PERP with `params`. */
function algoParams(params: Record<string, string>): Record<string, string> {
  return { algoType: 'CONDITIONAL', symbol: BTC, ...params };
}

function placeAlgo(f: TradeFixture, params: Record<string, string>): AlgoOrder {
  return ok<AlgoOrder>(f, 'POST', '/dapi/v1/algoOrder', algoParams(params));
}

/** The trader's ALGO_UPDATEs as `X/aid` strings, in order. */
function algoUpdates(f: TradeFixture): string[] {
  return f.events.flatMap((e) => (e.e === 'ALGO_UPDATE' ? [`${e.o.X}/${String(e.o.aid)}`] : []));
}

describe('COIN-M algo orders (/dapi/v1/algoOrder)', () => {
  test('default: a STOP_MARKET waits in the Algo Service, then places a MARKET order; ALGO_UPDATE reports it', () => {
    const f = startTrading();
    goLong(f, BTC, '100');
    const stop = placeAlgo(f, {
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '100',
      triggerPrice: '48000',
      workingType: 'MARK_PRICE',
      clientAlgoId: 'stop-1',
    });
    expect(stop).toMatchObject({
      clientAlgoId: 'stop-1',
      algoType: 'CONDITIONAL',
      orderType: 'STOP_MARKET',
      symbol: BTC,
      side: 'SELL',
      positionSide: 'BOTH',
      timeInForce: 'GTC',
      quantity: '100',
      algoStatus: 'NEW',
      triggerPrice: '48000.0',
      price: '0',
      workingType: 'MARK_PRICE',
      activatePrice: '',
      callbackRate: '',
      triggerTime: 0,
    });
    const aid = String(stop.algoId);
    // An algo order, not an order: listed by openAlgoOrders only.
    expect(
      ok<AlgoOrderDetail[]>(f, 'GET', '/dapi/v1/openAlgoOrders', { symbol: BTC }).map((a) => a.algoId),
    ).toEqual([stop.algoId]);
    expect(openOrders(f, { symbol: BTC })).toEqual([]);
    expect(ok<AlgoOrderDetail>(f, 'GET', '/dapi/v1/algoOrder', { clientAlgoId: 'stop-1' })).toMatchObject({
      algoId: stop.algoId,
      algoStatus: 'NEW',
      actualOrderId: '',
      actualPrice: '0',
    });

    rest(f, BTC, 'BUY', '60', '47900');
    rest(f, BTC, 'BUY', '40', '47800');
    moveMark(f, BTC, '47950');
    const done = ok<AlgoOrderDetail>(f, 'GET', '/dapi/v1/algoOrder', { algoId: aid });
    // Harmonic mean of 60 at 47,900 and 40 at 47,800: 100 / (60/47,900 + 40/47,800) = 47,859.949…
    // (from the fills' cumBase, each cut to 8 decimals, it would be 47,859.951… and print 47860.0).
    expect(done).toMatchObject({
      algoStatus: 'FINISHED',
      actualType: 'MARKET',
      actualQty: '100',
      actualPrice: '47859.9',
    });
    expect(algoUpdates(f)).toEqual([
      `NEW/${aid}`,
      `TRIGGERING/${aid}`,
      `TRIGGERED/${aid}`,
      `FINISHED/${aid}`,
    ]);
    // The order it placed is an ordinary order, reported as on USD-M: origType is the algo's type.
    const placed = getOrder(f, { symbol: BTC, orderId: done.actualOrderId });
    expect(placed).toMatchObject({
      clientOrderId: 'stop-1',
      status: 'FILLED',
      type: 'MARKET',
      origType: 'STOP_MARKET',
      avgPrice: '47859.9',
    });
    expect(orderUpdates(f).slice(-3)).toEqual([
      `NEW/NEW/MARKET/STOP_MARKET/${done.actualOrderId}`,
      `TRADE/PARTIALLY_FILLED/MARKET/STOP_MARKET/${done.actualOrderId}`,
      `TRADE/FILLED/MARKET/STOP_MARKET/${done.actualOrderId}`,
    ]);
    expect(
      ok<AlgoOrderDetail[]>(f, 'GET', '/dapi/v1/allAlgoOrders', { symbol: BTC }).map((a) => a.algoStatus),
    ).toEqual(['FINISHED']);
    expect(f.trader.position(BTC, 'BOTH').amount.isZero()).toBe(true);
  });

  test('behavior: algo orders and conditional orders placed through /dapi/v1/order stay apart', () => {
    const f = startTrading();
    const algo = placeAlgo(f, {
      side: 'BUY',
      type: 'TAKE_PROFIT',
      quantity: '10',
      price: '45000',
      triggerPrice: '45000',
      clientAlgoId: 'tp-algo',
    });
    const legacy = placeOrder(f, {
      symbol: BTC,
      side: 'BUY',
      type: 'TAKE_PROFIT',
      quantity: '10',
      price: '45000',
      stopPrice: '45000',
      newClientOrderId: 'tp-order',
    });
    expect(ok<AlgoOrderDetail[]>(f, 'GET', '/dapi/v1/openAlgoOrders').map((a) => a.clientAlgoId)).toEqual([
      'tp-algo',
    ]);
    expect(openOrders(f, { symbol: BTC }).map((o) => o.orderId)).toEqual([legacy.orderId]);
    // The algo endpoints do not know the order, nor the order endpoints the algo order.
    expect(rejected(f, 'GET', '/dapi/v1/algoOrder', { clientAlgoId: 'tp-order' }).code).toBe(-2013);
    expect(rejected(f, 'GET', '/dapi/v1/openOrder', { symbol: BTC, origClientOrderId: 'tp-algo' }).code).toBe(
      -2013,
    );

    // Canceling all open orders leaves the algo order; canceling all algo orders leaves nothing.
    ok(f, 'DELETE', '/dapi/v1/allOpenOrders', { symbol: BTC });
    expect(getOrder(f, legacy).status).toBe('CANCELED');
    expect(ok<AlgoOrderDetail[]>(f, 'GET', '/dapi/v1/openAlgoOrders', { symbol: BTC })).toHaveLength(1);
    expect(ok(f, 'DELETE', '/dapi/v1/algoOpenOrders', { symbol: BTC })).toEqual({
      code: 200,
      msg: 'The operation of cancel all open order is done.',
    });
    expect(
      ok<AlgoOrderDetail>(f, 'GET', '/dapi/v1/algoOrder', { algoId: String(algo.algoId) }).algoStatus,
    ).toBe('CANCELED');
    expect(algoUpdates(f)).toEqual([`NEW/${String(algo.algoId)}`, `CANCELED/${String(algo.algoId)}`]);
  });

  test('behavior: cancel by clientAlgoId; COIN-M has no GTD; rejections as Binance words them', () => {
    const f = startTrading();
    const stop = placeAlgo(f, {
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '1',
      triggerPrice: '45000',
      clientAlgoId: 'sl',
    });
    expect(ok<CancelAlgoOrderResponse>(f, 'DELETE', '/dapi/v1/algoOrder', { clientAlgoId: 'sl' })).toEqual({
      algoId: stop.algoId,
      clientAlgoId: 'sl',
      code: '200',
      msg: 'success',
    });
    expect(rejected(f, 'DELETE', '/dapi/v1/algoOrder', { clientAlgoId: 'sl' }).code).toBe(-2011);
    const stopAt45000 = { side: 'SELL', type: 'STOP', quantity: '1', price: '45000', triggerPrice: '45000' };
    const rejectedAlgo = (params: Record<string, string>) =>
      rejected(f, 'POST', '/dapi/v1/algoOrder', { ...algoParams(stopAt45000), ...params }).code;
    expect(rejectedAlgo({ timeInForce: 'GTD' })).toBe(-1115);
    expect(rejectedAlgo({ algoType: 'VP' })).toBe(-1130);
    // The trigger would fire at once (the mark is 50,000).
    expect(rejectedAlgo({ price: '51000', triggerPrice: '51000' })).toBe(-2021);
  });
});
