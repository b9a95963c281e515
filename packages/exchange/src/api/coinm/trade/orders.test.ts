import type { CoinmBatchOrderResult, CoinmOrder } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import {
  closeAll,
  getOrder,
  limitParams,
  marketParams,
  ok,
  openOrders,
  placeOrder,
  rejected,
  rest,
  send,
  startTrading,
  stopMarketParams,
} from './testing.js';

afterEach(closeAll);

const BTC = 'BTCUSD_PERP';

describe('COIN-M orders', () => {
  test('default: a MARKET order fills with its base-coin value as cumBase, to the satoshi', () => {
    const f = startTrading();
    rest(f, BTC, 'SELL', '100', '50000');
    const placed = placeOrder(f, marketParams(BTC, 'BUY', '100', { newOrderRespType: 'RESULT' }));
    // 100 contracts × 100 USD / 50,000 USD = 0.2 BTC.
    expect(placed).toMatchObject({
      symbol: BTC,
      pair: 'BTCUSD',
      status: 'FILLED',
      type: 'MARKET',
      origQty: '100',
      executedQty: '100',
      cumQty: '100',
      cumBase: '0.2',
      avgPrice: '50000.0',
    });
    expect(placed).not.toHaveProperty('cumQuote');
    expect(placed).not.toHaveProperty('goodTillDate');
    const got = getOrder(f, placed);
    expect(got).toMatchObject({ cumBase: '0.2', status: 'FILLED', pair: 'BTCUSD' });
    expect(got.time).toBe(f.exchange.clock.now());
  });

  test('behavior: a partly filled LIMIT order at an uneven price keeps cumBase exact to 8 decimals', () => {
    const f = startTrading();
    rest(f, BTC, 'SELL', '3', '49999.9');
    const placed = placeOrder(f, limitParams(BTC, 'BUY', '7', '49999.9', { newOrderRespType: 'RESULT' }));
    // 3 × 100 / 49,999.9 = 0.00600001200… BTC, cut to 8 decimals.
    expect(placed).toMatchObject({ status: 'PARTIALLY_FILLED', executedQty: '3', cumBase: '0.00600001' });
    const open = ok<CoinmOrder>(f, 'GET', '/dapi/v1/openOrder', {
      symbol: BTC,
      orderId: String(placed.orderId),
    });
    expect(open.status).toBe('PARTIALLY_FILLED');
  });

  test('behavior: ACK answers the order at acceptance; RESULT after matching', () => {
    const f = startTrading();
    rest(f, BTC, 'SELL', '10', '50000');
    const ack = placeOrder(f, marketParams(BTC, 'BUY', '10'));
    expect(ack).toMatchObject({ status: 'NEW', executedQty: '0', cumBase: '0', avgPrice: '0.0' });
  });

  test('behavior: modify takes the price alone or the quantity alone (COIN-M), and records the amendment', () => {
    const f = startTrading();
    const placed = placeOrder(f, limitParams(BTC, 'BUY', '5', '49000', { newClientOrderId: 'mine-1' }));
    const byId = { symbol: BTC, orderId: String(placed.orderId) };
    const repriced = ok<CoinmOrder>(f, 'PUT', '/dapi/v1/order', { ...byId, side: 'BUY', price: '49100' });
    expect(repriced).toMatchObject({ price: '49100.0', origQty: '5', status: 'NEW', pair: 'BTCUSD' });
    const resized = ok<CoinmOrder>(f, 'PUT', '/dapi/v1/order', {
      symbol: BTC,
      origClientOrderId: 'mine-1',
      side: 'BUY',
      quantity: '8',
    });
    expect(resized).toMatchObject({ price: '49100.0', origQty: '8' });
    expect(rejected(f, 'PUT', '/dapi/v1/order', { ...byId, side: 'BUY' })).toEqual({
      code: -1102,
      msg: "Param 'quantity' or 'price' must be sent, but both were empty/null!",
    });
    expect(rejected(f, 'PUT', '/dapi/v1/order', { ...byId, side: 'BUY', quantity: '8' })).toEqual({
      code: -4197,
      msg: 'No need to modify the order.',
    });
    const amendments = ok<{ pair: string; amendment: { price: { before: string; after: string } } }[]>(
      f,
      'GET',
      '/dapi/v1/orderAmendment',
      byId,
    );
    expect(amendments.map((a) => a.pair)).toEqual(['BTCUSD', 'BTCUSD']);
    expect(amendments[1]!.amendment.price).toEqual({ before: '49000.0', after: '49100.0' });
  });

  test('behavior: cancel by id or client id; a closed order is -2011, an unknown one -2013', () => {
    const f = startTrading();
    const placed = placeOrder(f, limitParams(BTC, 'SELL', '2', '51000', { newClientOrderId: 'to-cancel' }));
    const byId = { symbol: BTC, orderId: String(placed.orderId) };
    const canceled = ok<CoinmOrder>(f, 'DELETE', '/dapi/v1/order', {
      symbol: BTC,
      origClientOrderId: 'to-cancel',
    });
    expect(canceled).toMatchObject({ orderId: placed.orderId, status: 'CANCELED', cumBase: '0' });
    expect(rejected(f, 'DELETE', '/dapi/v1/order', byId)).toEqual({
      code: -2011,
      msg: 'Unknown order sent.',
    });
    expect(rejected(f, 'GET', '/dapi/v1/openOrder', byId).code).toBe(-2013);
    expect(rejected(f, 'GET', '/dapi/v1/order', { symbol: BTC, orderId: '999999' }).code).toBe(-2013);
  });

  test('behavior: batch orders place, modify and cancel item by item, errors inline', () => {
    const f = startTrading();
    const placed = ok<CoinmBatchOrderResult[]>(f, 'POST', '/dapi/v1/batchOrders', {
      batchOrders: JSON.stringify([
        { symbol: BTC, side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '1', price: '49000' },
        { symbol: BTC, side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '1', price: '49000.05' },
        { symbol: BTC, side: 'SELL', type: 'STOP_MARKET', quantity: '1', stopPrice: '48000' },
        { symbol: BTC, side: 'BUY', type: 'LIMIT', timeInForce: 'GTD', quantity: '1', price: '49000' },
      ]),
    });
    expect(placed[0]).toMatchObject({ status: 'NEW', type: 'LIMIT', pair: 'BTCUSD' });
    expect(placed[1]).toEqual({ code: -1111, msg: 'Precision is over the maximum defined for this asset.' });
    expect(placed[2]).toMatchObject({ status: 'NEW', type: 'STOP_MARKET', stopPrice: '48000.0' });
    expect(placed[3]).toEqual({ code: -1115, msg: 'Invalid timeInForce.' });
    const [limit, , stop] = placed as CoinmOrder[];

    const modified = ok<CoinmBatchOrderResult[]>(f, 'PUT', '/dapi/v1/batchOrders', {
      batchOrders: JSON.stringify([
        { symbol: BTC, orderId: String(limit!.orderId), side: 'BUY', price: '49500' },
        { symbol: BTC, orderId: String(stop!.orderId), side: 'SELL', quantity: '2' },
      ]),
    });
    expect(modified[0]).toMatchObject({ price: '49500.0', status: 'NEW' });
    expect(modified[1]).toEqual({ code: -4196, msg: 'Only limit order is supported.' });

    const canceled = ok<CoinmBatchOrderResult[]>(f, 'DELETE', '/dapi/v1/batchOrders', {
      symbol: BTC,
      orderIdList: JSON.stringify([limit!.orderId, stop!.orderId, 424242]),
    });
    expect(canceled[0]).toMatchObject({ status: 'CANCELED', type: 'LIMIT' });
    expect(canceled[1]).toMatchObject({ status: 'CANCELED', type: 'STOP_MARKET' });
    expect(canceled[2]).toEqual({ code: -2011, msg: 'Unknown order sent.' });
    expect(openOrders(f, { symbol: BTC })).toEqual([]);
  });

  test('behavior: cancel all and the countdown take conditional orders with the book orders', () => {
    const f = startTrading();
    const place = (params: Record<string, string>) =>
      placeOrder(f, { symbol: BTC, quantity: '1', ...params });
    place({ side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', price: '49000' });
    place({ side: 'SELL', type: 'STOP_MARKET', stopPrice: '48000' });
    expect(ok<{ code: number; msg: string }>(f, 'DELETE', '/dapi/v1/allOpenOrders', { symbol: BTC })).toEqual(
      {
        code: 200,
        msg: 'The operation of cancel all open order is done.',
      },
    );
    expect(openOrders(f, { symbol: BTC })).toEqual([]);

    place({ side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', price: '49000' });
    const stop = place({ side: 'SELL', type: 'TAKE_PROFIT', stopPrice: '52000', price: '52000' });
    expect(
      ok<{ symbol: string; countdownTime: string }>(f, 'POST', '/dapi/v1/countdownCancelAll', {
        symbol: BTC,
        countdownTime: '1000',
      }),
    ).toEqual({ symbol: BTC, countdownTime: '1000' });
    f.clock.advance(1_500);
    expect(openOrders(f, { symbol: BTC })).toEqual([]);
    expect(getOrder(f, stop).status).toBe('CANCELED');
  });

  test('behavior: openOrders and allOrders select by symbol or by pair', () => {
    const f = startTrading();
    const btc = placeOrder(f, limitParams(BTC, 'BUY', '1', '49000'));
    const eth = placeOrder(f, limitParams('ETHUSD_PERP', 'BUY', '1', '2400'));
    const stop = placeOrder(f, stopMarketParams(BTC, 'BUY', '1', '51000'));
    const ids = (rows: CoinmOrder[]) => rows.map((o) => `${o.symbol}:${String(o.orderId)}:${o.type}`);
    expect(ids(openOrders(f, { pair: 'BTCUSD' }))).toEqual([
      `${BTC}:${String(btc.orderId)}:LIMIT`,
      `${BTC}:${String(stop.orderId)}:STOP_MARKET`,
    ]);
    expect(ids(openOrders(f))).toHaveLength(3);
    expect(ids(ok<CoinmOrder[]>(f, 'GET', '/dapi/v1/allOrders', { pair: 'ETHUSD' }))).toEqual([
      `ETHUSD_PERP:${String(eth.orderId)}:LIMIT`,
    ]);
    expect(ids(ok<CoinmOrder[]>(f, 'GET', '/dapi/v1/allOrders', { symbol: BTC }))).toHaveLength(2);
    expect(rejected(f, 'GET', '/dapi/v1/allOrders', {})).toEqual({
      code: -1102,
      msg: "Param 'symbol' or 'pair' must be sent, but both were empty/null!",
    });
    expect(rejected(f, 'GET', '/dapi/v1/openOrders', { pair: 'DOGEUSD' })).toEqual({
      code: -4087,
      msg: 'Invalid pair.',
    });
    expect(
      rejected(f, 'GET', '/dapi/v1/allOrders', {
        symbol: BTC,
        startTime: String(f.exchange.clock.now() - 8 * 86_400_000),
        endTime: String(f.exchange.clock.now()),
      }),
    ).toEqual({ code: -4088, msg: 'Maximum time interval is 7 days.' });
  });

  test('behavior: new orders count on the 1-minute order limiter only, at no IP weight', () => {
    const f = startTrading();
    const placed = send<CoinmOrder>(f, 'POST', '/dapi/v1/order', limitParams(BTC, 'BUY', '1', '49000'));
    expect(placed.status).toBe(200);
    expect(placed.headers['x-mbx-order-count-1m']).toBe('1');
    expect(placed.headers['x-mbx-used-weight-1m']).toBe('0');
  });
});

describe('COIN-M order errors', () => {
  test('behavior: conditional types are accepted (no -4120) and checked with COIN-M codes', () => {
    const f = startTrading();
    const order = (params: Record<string, string>) =>
      rejected(f, 'POST', '/dapi/v1/order', { symbol: BTC, side: 'BUY', quantity: '1', ...params });
    expect(order({ type: 'STOP_MARKET' })).toEqual({
      code: -1102,
      msg: "Mandatory parameter 'stopPrice' was not sent, was empty/null, or malformed.",
    });
    expect(order({ type: 'STOP', stopPrice: '51000' }).code).toBe(-1102);
    expect(order({ type: 'STOP_MARKET', stopPrice: '49000' })).toEqual({
      code: -2021,
      msg: 'Order would immediately trigger.',
    });
    expect(order({ type: 'STOP', stopPrice: '51000', price: '60000' })).toEqual({
      code: -4151,
      msg: "Limit price can't be higher than 53550.0.",
    });
    expect(
      rejected(f, 'POST', '/dapi/v1/order', {
        symbol: BTC,
        side: 'SELL',
        type: 'TAKE_PROFIT_MARKET',
        stopPrice: '52000',
        closePosition: 'true',
        quantity: '1',
      }),
    ).toEqual({ code: -4137, msg: 'Quantity must be zero with closePosition equals true.' });
    expect(order({ type: 'TRAILING_STOP_MARKET', callbackRate: '0.05' }).code).toBe(-2007);
    expect(order({ type: 'TRAILING_STOP_MARKET', callbackRate: '1', activationPrice: '0' })).toEqual({
      code: -4135,
      msg: 'Invalid activation price.',
    });
    expect(order({ type: 'LIMIT', timeInForce: 'RPI', price: '49000' }).code).toBe(-1115);
    expect(order({ type: 'LIQUIDATION' }).code).toBe(-1116);
  });

  test('behavior: a MARKET order beyond PERCENT_PRICE is -4113; a duplicate open client id is rejected', () => {
    const f = startTrading();
    rest(f, BTC, 'SELL', '5', '52600');
    expect(rejected(f, 'POST', '/dapi/v1/order', marketParams(BTC, 'BUY', '1'))).toEqual({
      code: -4113,
      msg: "The counterparty's best price does not meet the PERCENT_PRICE filter limit.",
    });
    const limit = limitParams(BTC, 'BUY', '1', '49000');
    placeOrder(f, { ...limit, newClientOrderId: 'same' });
    const again = rejected(f, 'POST', '/dapi/v1/order', { ...limit, newClientOrderId: 'same' });
    expect(again.code).toBe(-2010);
    const stop = stopMarketParams(BTC, 'SELL', '1', '48000');
    expect(rejected(f, 'POST', '/dapi/v1/order', { ...stop, newClientOrderId: 'same' }).code).toBe(-2010);
  });

  test('behavior: a FOK that cannot fill and a post-only that would take are accepted, then expire', () => {
    const f = startTrading();
    rest(f, BTC, 'SELL', '1', '50000');
    const fok = placeOrder(
      f,
      limitParams(BTC, 'BUY', '2', '50000', { timeInForce: 'FOK', newOrderRespType: 'RESULT' }),
    );
    expect(fok).toMatchObject({ status: 'EXPIRED', executedQty: '0' });
    const gtx = placeOrder(
      f,
      limitParams(BTC, 'BUY', '1', '50000', { timeInForce: 'GTX', newOrderRespType: 'RESULT' }),
    );
    expect(gtx.status).toBe('EXPIRED');
    const reasons = f.events.flatMap((e) =>
      e.e === 'ORDER_TRADE_UPDATE' && e.o.X === 'EXPIRED' ? [e.o.er] : [],
    );
    expect(reasons).toEqual([10, 11]);
  });
});
