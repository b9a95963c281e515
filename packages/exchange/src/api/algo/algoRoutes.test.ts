import { describe, expect, test } from 'vitest';
import type { AlgoBook } from '../../venue/algo/algoBook.js';
import { algoFixture, codeOf, errorOf, limitOrder, T0 } from '../../venue/algo/testing.js';
import type { Venue } from '../../venue/venue.js';
import type { RawParams } from '../params.js';
import { algoRoutes } from './routes.js';

type Route = keyof typeof algoRoutes;

/** A fixture whose venue serves the algo endpoints (its own `venue.algo` once wired, else the fixture's). */
function setup() {
  const f = algoFixture();
  const own = (f.venue as Venue & { readonly algo?: AlgoBook }).algo;
  const book = own ?? f.algo;
  if (own === undefined) Object.defineProperty(f.venue, 'algo', { value: book, configurable: true });
  else f.useBook(own);
  function call<R extends Route>(route: R, params: RawParams, account = f.trader) {
    const endpoint = algoRoutes[route];
    return endpoint.handle(f.venue, { now: f.venue.now, account }, params) as ReturnType<
      (typeof algoRoutes)[R]['handle']
    >;
  }
  return { ...f, book, call };
}

const TP = {
  algoType: 'CONDITIONAL',
  symbol: 'BTCUSDT',
  side: 'SELL',
  type: 'TAKE_PROFIT',
  quantity: '0.002',
  price: '97000.00',
  triggerPrice: '97000.00',
  clientAlgoId: 'tp-1',
};

describe('algo routes', () => {
  test('default: the route table: methods, paths, security, weights, order counts', () => {
    const summary = Object.entries(algoRoutes).map(([route, e]) => [
      route,
      e.name,
      e.security,
      typeof e.weight === 'number' ? e.weight : [e.weight({ symbol: 'BTCUSDT' }), e.weight({})],
      e.orders ?? null,
      e.command,
    ]);
    expect(summary).toEqual([
      ['POST /fapi/v1/algoOrder', 'newAlgoOrder', 'TRADE', 0, { tenSeconds: 1, minute: 1 }, true],
      ['DELETE /fapi/v1/algoOrder', 'cancelAlgoOrder', 'TRADE', 1, null, true],
      ['DELETE /fapi/v1/algoOpenOrders', 'cancelAllAlgoOpenOrders', 'TRADE', 1, null, true],
      ['GET /fapi/v1/algoOrder', 'queryAlgoOrder', 'USER_DATA', 1, null, false],
      ['GET /fapi/v1/openAlgoOrders', 'openAlgoOrders', 'USER_DATA', [1, 40], null, false],
      ['GET /fapi/v1/allAlgoOrders', 'allAlgoOrders', 'USER_DATA', 5, null, false],
    ]);
  });

  test('behavior: POST /fapi/v1/algoOrder answers the §5.4 shape', () => {
    const { call, print } = setup();
    print('96000.00');
    expect(call('POST /fapi/v1/algoOrder', TP)).toEqual({
      algoId: 1,
      clientAlgoId: 'tp-1',
      algoType: 'CONDITIONAL',
      orderType: 'TAKE_PROFIT',
      symbol: 'BTCUSDT',
      side: 'SELL',
      positionSide: 'BOTH',
      timeInForce: 'GTC',
      quantity: '0.002',
      algoStatus: 'NEW',
      triggerPrice: '97000.00',
      price: '97000.00',
      icebergQuantity: null,
      selfTradePreventionMode: 'EXPIRE_MAKER',
      workingType: 'CONTRACT_PRICE',
      priceMatch: 'NONE',
      closePosition: false,
      priceProtect: false,
      reduceOnly: false,
      activatePrice: '',
      callbackRate: '',
      createTime: T0,
      updateTime: T0,
      triggerTime: 0,
      goodTillDate: 0,
    });
  });

  test('behavior: trailing stops accept activationPrice (the pre-2025-12 name) for activatePrice', () => {
    const { call, print } = setup();
    print('96000.00');
    const trailing = {
      algoType: 'CONDITIONAL',
      symbol: 'BTCUSDT',
      side: 'SELL',
      type: 'TRAILING_STOP_MARKET',
      quantity: '0.002',
      callbackRate: '0.50',
      workingType: 'MARK_PRICE',
    };
    expect(call('POST /fapi/v1/algoOrder', { ...trailing, activationPrice: '97000.00' })).toMatchObject({
      activatePrice: '97000.00',
      callbackRate: '0.5',
      triggerPrice: '0',
      workingType: 'MARK_PRICE',
    });
    expect(
      call('POST /fapi/v1/algoOrder', {
        ...trailing,
        activatePrice: '98000.00',
        activationPrice: '97000.00',
      }),
    ).toMatchObject({ activatePrice: '98000.00' });
    expect(call('POST /fapi/v1/algoOrder', trailing)).toMatchObject({
      activatePrice: '96000.00',
      triggerPrice: '95520.00',
    });
  });

  test('behavior: POST parameter errors', () => {
    const { call } = setup();
    const post = (params: RawParams) => errorOf(() => call('POST /fapi/v1/algoOrder', params));
    const { algoType: _, ...noAlgoType } = TP;
    expect(post(noAlgoType).msg).toBe(
      "Mandatory parameter 'algoType' was not sent, was empty/null, or malformed.",
    );
    expect(post({ ...TP, algoType: 'VP' }).msg).toBe("Data sent for parameter 'algoType' is not valid.");
    expect(post({ ...TP, type: 'LIMIT' }).code).toBe(-1116);
    expect(post({ ...TP, side: 'LONG' }).code).toBe(-1117);
    expect(post({ ...TP, workingType: 'INDEX_PRICE' }).msg).toBe(
      'Invalid parameter working type: INDEX_PRICE',
    );
    expect(post({ ...TP, quantity: '1e3' }).code).toBe(-1100);
    expect(post({ ...TP, closePosition: 'yes' }).code).toBe(-1130);
    expect(post({ ...TP, symbol: 'NOPE' }).code).toBe(-1121);
  });

  test('behavior: DELETE /fapi/v1/algoOrder answers code "200" as a string; unknown orders are -2011', () => {
    const { call, print } = setup();
    print('96000.00');
    const placed = call('POST /fapi/v1/algoOrder', TP);
    expect(call('DELETE /fapi/v1/algoOrder', { clientAlgoId: 'tp-1' })).toEqual({
      algoId: placed.algoId,
      clientAlgoId: 'tp-1',
      code: '200',
      msg: 'success',
    });
    expect(codeOf(() => call('DELETE /fapi/v1/algoOrder', { algoId: String(placed.algoId) }))).toBe(-2011);
    expect(errorOf(() => call('DELETE /fapi/v1/algoOrder', {})).msg).toBe(
      "Param 'algoId' or 'clientAlgoId' must be sent, but both were empty/null!",
    );
    expect(call('GET /fapi/v1/algoOrder', { algoId: String(placed.algoId) }).algoStatus).toBe('CANCELED');
  });

  test("behavior: DELETE /fapi/v1/algoOpenOrders cancels the symbol's open algo orders", () => {
    const { call, print } = setup();
    print('96000.00');
    call('POST /fapi/v1/algoOrder', TP);
    call('POST /fapi/v1/algoOrder', { ...TP, clientAlgoId: 'tp-2' });
    const ack = { code: 200, msg: 'The operation of cancel all open order is done.' };
    expect(call('DELETE /fapi/v1/algoOpenOrders', { symbol: 'BTCUSDT' })).toEqual(ack);
    expect(call('GET /fapi/v1/openAlgoOrders', {})).toEqual([]);
    expect(call('DELETE /fapi/v1/algoOpenOrders', { symbol: 'BTCUSDT' })).toEqual(ack);
    expect(codeOf(() => call('DELETE /fapi/v1/algoOpenOrders', {}))).toBe(-1102);
  });

  test('behavior: GET /fapi/v1/algoOrder shows the matching-engine outcome once triggered', () => {
    const { call, print, venue, maker, trader, book } = setup();
    print('96000.00');
    const placed = call('POST /fapi/v1/algoOrder', {
      algoType: 'CONDITIONAL',
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'STOP_MARKET',
      quantity: '0.004',
      triggerPrice: '96500.00',
    });
    const before = call('GET /fapi/v1/algoOrder', { algoId: String(placed.algoId) });
    expect(before).toMatchObject({ actualOrderId: '', actualPrice: '0', tpOrderType: '', algoStatus: 'NEW' });
    expect(before).not.toHaveProperty('actualType');
    expect(before).not.toHaveProperty('actualQty');
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.004', '96600.00'));
    print('96500.00');
    book.process();
    const after = call('GET /fapi/v1/algoOrder', { clientAlgoId: placed.clientAlgoId });
    const algo = book.get(trader, { algoId: BigInt(placed.algoId) });
    expect(after).toMatchObject({
      algoStatus: 'FINISHED',
      actualOrderId: String(algo.actualOrderId),
      actualType: 'MARKET',
      actualQty: '0.004',
      actualPrice: '96600.00000',
      triggerTime: T0,
    });
    expect(codeOf(() => call('GET /fapi/v1/algoOrder', { algoId: '424242' }))).toBe(-2013);
  });

  test('behavior: GET openAlgoOrders and allAlgoOrders', () => {
    const { call, print } = setup();
    print('96000.00');
    const a = call('POST /fapi/v1/algoOrder', TP);
    const b = call('POST /fapi/v1/algoOrder', { ...TP, clientAlgoId: 'tp-2' });
    const eth = call('POST /fapi/v1/algoOrder', {
      ...TP,
      symbol: 'ETHUSDT',
      quantity: '1',
      price: '4000.00',
      triggerPrice: '4000.00',
      clientAlgoId: 'eth',
    });
    call('DELETE /fapi/v1/algoOrder', { algoId: String(a.algoId) });
    const ids = (rows: readonly { algoId: unknown }[]) => rows.map((r) => r.algoId);
    expect(ids(call('GET /fapi/v1/openAlgoOrders', {}))).toEqual([b.algoId, eth.algoId]);
    expect(ids(call('GET /fapi/v1/openAlgoOrders', { symbol: 'BTCUSDT', algoType: 'CONDITIONAL' }))).toEqual([
      b.algoId,
    ]);
    expect(ids(call('GET /fapi/v1/openAlgoOrders', { algoId: String(eth.algoId) }))).toEqual([eth.algoId]);
    expect(codeOf(() => call('GET /fapi/v1/openAlgoOrders', { algoType: 'TWAP' }))).toBe(-1130);
    expect(codeOf(() => call('GET /fapi/v1/openAlgoOrders', { symbol: 'NOPE' }))).toBe(-1121);
    const all = call('GET /fapi/v1/allAlgoOrders', { symbol: 'BTCUSDT' });
    expect(all.map((r) => [r.algoId, r.algoStatus])).toEqual([
      [a.algoId, 'CANCELED'],
      [b.algoId, 'NEW'],
    ]);
    expect(ids(call('GET /fapi/v1/allAlgoOrders', { symbol: 'BTCUSDT', limit: '1' }))).toEqual([b.algoId]);
    expect(
      ids(call('GET /fapi/v1/allAlgoOrders', { symbol: 'BTCUSDT', algoId: String(a.algoId), limit: '1' })),
    ).toEqual([a.algoId]);
    expect(codeOf(() => call('GET /fapi/v1/allAlgoOrders', { symbol: 'BTCUSDT', limit: '1001' }))).toBe(
      -1130,
    );
    expect(codeOf(() => call('GET /fapi/v1/allAlgoOrders', {}))).toBe(-1102);
  });
});
