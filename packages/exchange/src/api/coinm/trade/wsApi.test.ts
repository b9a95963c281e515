import {
  type CoinmOrder,
  hmacSha256Hex,
  type RateLimitUsage,
  type SigningParams,
  stringifyJson,
  wsApiSigningPayload,
} from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { isRecord, TestClient } from '../../../ws/testing.js';
import {
  closeAll,
  getOrder,
  goLong,
  limitParams,
  marketParams,
  openOrders,
  rest,
  startTrading,
  type TradeFixture,
} from './testing.js';

const clients: TestClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await closeAll();
});

const BTC = 'BTCUSD_PERP';

interface Response<T> {
  readonly status: number;
  readonly result: T;
  readonly error?: { readonly code: number; readonly msg: string };
  readonly rateLimits?: readonly RateLimitUsage[];
}

/** A client of the trader on the COIN-M WebSocket API (`/ws-dapi/v1`), signing every request. */
async function wsApiOf(f: TradeFixture) {
  const endpoints = await f.exchange.listen();
  const client = await TestClient.open(endpoints.coinm!.wsApiUrl);
  clients.push(client);
  let id = 1;
  return async <T>(method: string, params: Record<string, unknown>): Promise<Response<T>> => {
    const all: Record<string, unknown> = { ...params, apiKey: f.creds.apiKey, timestamp: f.clock.now() };
    all.signature = hmacSha256Hex(f.creds.apiSecret, wsApiSigningPayload(all as SigningParams));
    const frameId = id++;
    client.send(stringifyJson({ id: frameId, method, params: all }));
    return (await client.take((m) => isRecord(m) && m.id === frameId)) as Response<T>;
  };
}

/** A GET row without `time` (order.place/modify/cancel answer the POST/PUT/DELETE shape: `cumQty`, no `time`). */
function withoutTime({ time: _time, ...order }: CoinmOrder): Omit<CoinmOrder, 'time'> {
  return order;
}

describe('COIN-M WebSocket API order methods (/ws-dapi/v1)', () => {
  test('default: order.place, order.status, order.modify and order.cancel answer what REST answers', async () => {
    const f = startTrading();
    rest(f, BTC, 'SELL', '100', '50000');
    const call = await wsApiOf(f);

    const market = await call<CoinmOrder>(
      'order.place',
      marketParams(BTC, 'BUY', '100', { newOrderRespType: 'RESULT' }),
    );
    expect(market.status).toBe(200);
    // 100 contracts × 100 USD / 50,000 USD = 0.2 BTC.
    expect(market.result).toMatchObject({ pair: 'BTCUSD', status: 'FILLED', cumQty: '100', cumBase: '0.2' });
    expect(market.result).not.toHaveProperty('cumQuote');
    const byId = (order: CoinmOrder) => ({ symbol: BTC, orderId: String(order.orderId) });
    const filled = getOrder(f, market.result);
    expect(market.result).toEqual({ ...withoutTime(filled), cumQty: '100' });
    expect((await call<CoinmOrder>('order.status', byId(market.result))).result).toEqual(filled);
    // COIN-M counts orders on the minute only: no 10-second ORDERS entry.
    expect(market.rateLimits?.map((r) => `${r.rateLimitType}/${r.intervalNum}${r.interval}`)).toEqual([
      'REQUEST_WEIGHT/1MINUTE',
      'ORDERS/1MINUTE',
    ]);

    const limit = (await call<CoinmOrder>('order.place', limitParams(BTC, 'BUY', '3', '49000'))).result;
    expect(limit).toEqual({ ...withoutTime(getOrder(f, limit)), cumQty: '0' });
    const modified = await call<CoinmOrder>('order.modify', { ...byId(limit), side: 'BUY', price: '49500' });
    expect(modified.status).toBe(200);
    const rested = getOrder(f, limit);
    expect(rested).toMatchObject({ price: '49500.0', origQty: '3', cumBase: '0', pair: 'BTCUSD' });
    expect(modified.result).toEqual({ ...withoutTime(rested), cumQty: '0' });
    expect((await call<CoinmOrder>('order.status', byId(limit))).result).toEqual(rested);
    // A rejection is COIN-M's: USD-M's -5027 SAME_ORDER is -4197 here.
    const same = await call('order.modify', { ...byId(limit), side: 'BUY', quantity: '3', price: '49500' });
    expect([same.status, same.error]).toEqual([400, { code: -4197, msg: 'No need to modify the order.' }]);

    const canceled = await call<CoinmOrder>('order.cancel', byId(limit));
    expect(canceled.result.status).toBe('CANCELED');
    expect(canceled.result).toEqual({ ...withoutTime(getOrder(f, limit)), cumQty: '0' });
  });

  test('behavior: a conditional STOP_MARKET is placed, queried and canceled over the WebSocket API', async () => {
    const f = startTrading();
    goLong(f, BTC, '10');
    const call = await wsApiOf(f);

    const stop = await call<CoinmOrder>('order.place', {
      symbol: BTC,
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '10',
      stopPrice: '45000',
      reduceOnly: 'true',
    });
    expect(stop.status).toBe(200);
    expect(stop.result).toMatchObject({
      symbol: BTC,
      pair: 'BTCUSD',
      type: 'STOP_MARKET',
      origType: 'STOP_MARKET',
      status: 'NEW',
      stopPrice: '45000.0',
      reduceOnly: true,
      cumBase: '0',
    });
    const byId = { symbol: BTC, orderId: String(stop.result.orderId) };
    const stored = getOrder(f, stop.result);
    expect(stop.result).toEqual({ ...withoutTime(stored), cumQty: '0' });
    expect((await call<CoinmOrder>('order.status', byId)).result).toEqual(stored);
    expect(openOrders(f, { symbol: BTC })).toEqual([stored]);

    const canceled = await call<CoinmOrder>('order.cancel', byId);
    expect(canceled.result).toMatchObject({ type: 'STOP_MARKET', status: 'CANCELED' });
    expect(openOrders(f, { symbol: BTC })).toEqual([]);
  });
});
