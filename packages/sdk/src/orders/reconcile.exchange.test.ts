import { Decimal, type Order } from '@basis/core';
import type { FaultRuleSpec } from '@basis/exchange';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { cancelAlgoOrder } from '../actions/algo/cancelAlgoOrder.js';
import { newAlgoOrder } from '../actions/algo/newAlgoOrder.js';
import { batchOrders } from '../actions/trade/batchOrders.js';
import { cancelAllOpenOrders } from '../actions/trade/cancelAllOpenOrders.js';
import { cancelBatchOrders } from '../actions/trade/cancelBatchOrders.js';
import { cancelOrder } from '../actions/trade/cancelOrder.js';
import { getAllOrders } from '../actions/trade/getAllOrders.js';
import { modifyBatchOrders } from '../actions/trade/modifyBatchOrders.js';
import { modifyOrder } from '../actions/trade/modifyOrder.js';
import { newOrder } from '../actions/trade/newOrder.js';
import { UnknownOutcomeError } from '../errors/request.js';
import { startTradingExchange, type TradingExchange } from '../testing/tradingExchange.js';
import { OrderNotPlacedError, UnknownOrderStatusError } from './errors.js';
import type { OrderLayerEvent } from './events.js';

let fx: TradingExchange;
let price: string;
let sequence = 0;

beforeAll(async () => {
  fx = await startTradingExchange({ seed: 5, recvWindow: 600, timeoutMs: 300 });
  price = Decimal.parse((await fx.client.getPremiumIndex({ symbol: 'BTCUSDT' })).markPrice)
    .mul('0.97')
    .roundToStep('0.1', 'floor')
    .toFixed(2);
});

afterEach(() => {
  fx.exchange.faults.clear();
  fx.events.length = 0;
});

afterAll(async () => {
  await fx.close();
});

const ORDER = 'POST /fapi/v1/order';

function fault(
  kind: FaultRuleSpec['kind'],
  route: string,
  params?: Record<string, unknown>,
  count = 1,
): void {
  fx.exchange.faults.add({ kind, count, scope: { route }, ...(params === undefined ? {} : { params }) });
}

function nextId(): string {
  sequence += 1;
  return `rc-${sequence}`;
}

const limit = (id: string) =>
  ({
    symbol: 'BTCUSDT',
    side: 'BUY',
    type: 'LIMIT',
    timeInForce: 'GTC',
    quantity: '0.002',
    price,
    newClientOrderId: id,
  }) as const;

/** How many orders the exchange holds under `id` (all statuses), read without faults. */
async function copies(id: string): Promise<number> {
  const all = await getAllOrders(fx.client, { symbol: 'BTCUSDT', limit: 1000 });
  return all.filter((order) => order.clientOrderId === id).length;
}

function reconciled(): Extract<OrderLayerEvent, { type: 'reconciled' }>[] {
  return fx.events.filter(
    (e): e is Extract<OrderLayerEvent, { type: 'reconciled' }> => e.type === 'reconciled',
  );
}

describe('reconciliation of unknown outcomes against the faulty local exchange', () => {
  test('default: executed, then 503 -1007: the order is found by client order id, not resent', async () => {
    const id = nextId();
    fault('unknownAfterExecution', ORDER);
    const placed = await newOrder(fx.client, limit(id));
    expect(placed.order).toMatchObject({ clientOrderId: id, status: 'NEW' });
    expect(reconciled()).toEqual([
      expect.objectContaining({ action: 'newOrder', clientOrderId: id, outcome: 'found', resends: 0 }),
    ]);
    expect(await copies(id)).toBe(1);
  });

  test('behavior: not executed, then 503 -1007: proven absent after the window, resent once with the same id', async () => {
    const id = nextId();
    fault('unknownBeforeExecution', ORDER);
    const placed = await newOrder(fx.client, limit(id));
    expect(placed.order.clientOrderId).toBe(id);
    expect(reconciled()).toEqual([expect.objectContaining({ outcome: 'resent', resends: 1 })]);
    expect(await copies(id)).toBe(1);
  });

  test('behavior: 503 "Unknown error, ..." after execution is reconciled the same way', async () => {
    const id = nextId();
    fault('unknownOutcome', ORDER, { message: 'unknown', executedProbability: 1 });
    await newOrder(fx.client, limit(id));
    expect(reconciled()).toEqual([expect.objectContaining({ outcome: 'found', resends: 0 })]);
    expect(await copies(id)).toBe(1);
  });

  test('behavior: a timeout (executed or not) and a 502 gateway page are unknown outcomes', async () => {
    const executed = nextId();
    fault('timeout', ORDER, { executed: true, holdMs: 600 });
    await newOrder(fx.client, limit(executed));
    const lost = nextId();
    fault('timeout', ORDER, { executed: false, holdMs: 600 });
    await newOrder(fx.client, limit(lost));
    const gateway = nextId();
    fault('http5xx', ORDER, { status: 502, body: 'html' });
    await newOrder(fx.client, limit(gateway));
    expect(reconciled().map((e) => [e.clientOrderId, e.outcome])).toEqual([
      [executed, 'found'],
      [lost, 'resent'],
      [gateway, 'resent'],
    ]);
    for (const id of [executed, lost, gateway]) expect(await copies(id)).toBe(1);
  });

  test('behavior: a connection the exchange closes before answering (a network error) is an unknown outcome', async () => {
    const executed = nextId();
    // Held 100 ms, then closed: shorter than the client's 300 ms time limit, so the client sees the reset.
    fault('timeout', ORDER, { executed: true, holdMs: 100 });
    await newOrder(fx.client, limit(executed));
    const lost = nextId();
    fault('timeout', ORDER, { executed: false, holdMs: 100 });
    await newOrder(fx.client, limit(lost));
    expect(reconciled().map((e) => [e.clientOrderId, e.outcome])).toEqual([
      [executed, 'found'],
      [lost, 'resent'],
    ]);
    for (const id of [executed, lost]) expect(await copies(id)).toBe(1);
  });

  test('behavior: a certain failure (503 "Service Unavailable.", 500 -1001) is thrown as is, nothing placed', async () => {
    const id = nextId();
    fault('serviceUnavailable', ORDER);
    const error = await newOrder(fx.client, limit(id)).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(UnknownOutcomeError);
    expect(error).toMatchObject({ status: 503 });
    fault('http5xx', ORDER, { status: 500 });
    await expect(newOrder(fx.client, limit(id))).rejects.toMatchObject({ name: 'ServerError', code: -1001 });
    expect(reconciled()).toEqual([]);
    expect(await copies(id)).toBe(0);
  });

  test('behavior: throttled (-1008), 429 and 418 answers: never executed, never duplicated', async () => {
    const throttled = nextId();
    fault('throttled', ORDER);
    // -1008 is "after-reconcile" in the catalog: queried, proven absent, resent once.
    await newOrder(fx.client, limit(throttled));
    expect(reconciled()).toEqual([expect.objectContaining({ clientOrderId: throttled, outcome: 'resent' })]);
    expect(await copies(throttled)).toBe(1);
    const limited = nextId();
    fault('rateLimit', ORDER, { retryAfterMs: 50 });
    await expect(newOrder(fx.client, limit(limited))).rejects.toMatchObject({
      name: 'RateLimitedError',
      status: 429,
    });
    const banned = nextId();
    fault('ban', ORDER, { banMs: 150 });
    await expect(newOrder(fx.client, limit(banned))).rejects.toMatchObject({
      name: 'IpBannedError',
      status: 418,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await copies(limited)).toBe(0);
    expect(await copies(banned)).toBe(0);
    expect(reconciled().filter((e) => e.clientOrderId !== throttled)).toEqual([]);
  });

  test('behavior: a slow answer within the time limit is plain; beyond it, an unknown outcome found executed', async () => {
    const slow = nextId();
    fault('slow', ORDER, { delayMs: 100 });
    await newOrder(fx.client, limit(slow));
    expect(reconciled()).toEqual([]);
    const slower = nextId();
    fault('slow', ORDER, { delayMs: 500 });
    await newOrder(fx.client, limit(slower));
    expect(reconciled()).toEqual([expect.objectContaining({ clientOrderId: slower, outcome: 'found' })]);
    for (const id of [slow, slower]) expect(await copies(id)).toBe(1);
  });

  test('behavior: clock skew: -1021 is resynchronised and resent once by the pipeline (refused before execution)', async () => {
    const id = nextId();
    fx.exchange.faults.add({ kind: 'clockSkew', params: { skewMs: 5000 } });
    await newOrder(fx.client, limit(id));
    fx.exchange.faults.clear();
    await fx.client.time.sync();
    expect(reconciled()).toEqual([]);
    expect(await copies(id)).toBe(1);
  });

  test('behavior: -4116 (the id is already open) resolves to the existing order', async () => {
    const id = nextId();
    const first = await newOrder(fx.client, limit(id));
    const again = await newOrder(fx.client, limit(id));
    expect(again.order.orderId).toEqual(first.order.orderId);
    expect(reconciled()).toEqual([expect.objectContaining({ outcome: 'duplicate', clientOrderId: id })]);
    expect(await copies(id)).toBe(1);
  });

  test('behavior: when every query fails too, UnknownOrderStatusError carries the client order id', async () => {
    const id = nextId();
    fault('unknownAfterExecution', ORDER);
    fault('http5xx', 'GET /fapi/v1/order', { status: 502 }, 1000);
    const error = await newOrder(fx.client, limit(id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownOrderStatusError);
    expect(error).toMatchObject({
      clientOrderId: id,
      clientOrderIds: [id],
      queries: fx.layer.reconcile.attempts,
    });
    expect((error as UnknownOrderStatusError).request).toMatchObject({
      method: 'POST',
      path: '/fapi/v1/order',
    });
    expect(JSON.stringify((error as UnknownOrderStatusError).request)).not.toContain('signature');
    fx.exchange.faults.clear();
    expect(await copies(id)).toBe(1);
  });

  test('behavior: resends exhausted (every send unknown, never executed) is OrderNotPlacedError', async () => {
    const id = nextId();
    fault('unknownBeforeExecution', ORDER, undefined, 2);
    const error = await newOrder(fx.client, limit(id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrderNotPlacedError);
    expect(error).toMatchObject({ clientOrderId: id, resends: 1 });
    expect(await copies(id)).toBe(0);
  });

  test('behavior: reconcile: false rethrows the UnknownOutcomeError with what was sent', async () => {
    const id = nextId();
    fault('unknownAfterExecution', ORDER);
    const error = await newOrder(fx.client, { ...limit(id), reconcile: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect(error).toMatchObject({ clientOrderId: id, request: { params: { newClientOrderId: id } } });
  });

  test('behavior: a cancel with an unknown outcome settles on the queried order (executed or not)', async () => {
    const a = (await newOrder(fx.client, limit(nextId()))).clientOrderId;
    fault('unknownAfterExecution', 'DELETE /fapi/v1/order');
    expect(await cancelOrder(fx.client, { symbol: 'BTCUSDT', origClientOrderId: a })).toMatchObject({
      status: 'CANCELED',
    });
    const b = (await newOrder(fx.client, limit(nextId()))).clientOrderId;
    fault('unknownBeforeExecution', 'DELETE /fapi/v1/order');
    expect(await cancelOrder(fx.client, { symbol: 'BTCUSDT', origClientOrderId: b })).toMatchObject({
      status: 'CANCELED',
    });
    expect(reconciled().map((e) => [e.action, e.outcome, e.resends])).toEqual([
      ['cancelOrder', 'canceled', 0],
      ['cancelOrder', 'canceled', 1],
    ]);
  });

  test('behavior: a batch with an unknown outcome: each item found or resent, none duplicated', async () => {
    const ids = [nextId(), nextId(), nextId()];
    fault('unknownOutcome', 'POST /fapi/v1/batchOrders', { executedProbability: 1 });
    const first = await batchOrders(fx.client, { batchOrders: ids.slice(0, 2).map(limit) });
    expect(first.map((r) => (r as Order).clientOrderId)).toEqual(ids.slice(0, 2));
    fault('unknownBeforeExecution', 'POST /fapi/v1/batchOrders');
    const second = await batchOrders(fx.client, { batchOrders: [limit(ids[2]!)] });
    expect((second[0] as Order).clientOrderId).toBe(ids[2]);
    expect(reconciled().map((e) => [e.action, e.outcome])).toEqual([
      ['batchOrders', 'found'],
      ['batchOrders', 'resent'],
    ]);
    for (const id of ids) expect(await copies(id)).toBe(1);
    fault('unknownBeforeExecution', 'DELETE /fapi/v1/batchOrders');
    const canceled = await cancelBatchOrders(fx.client, { symbol: 'BTCUSDT', origClientOrderIdList: ids });
    expect(canceled.map((r) => (r as Order).status)).toEqual(['CANCELED', 'CANCELED', 'CANCELED']);
  });

  test('behavior: a batch modification with an unknown outcome: applied items found, the others resent', async () => {
    const ids = [
      (await newOrder(fx.client, limit(nextId()))).clientOrderId,
      (await newOrder(fx.client, limit(nextId()))).clientOrderId,
    ];
    const move = (quantity: string) =>
      modifyBatchOrders(fx.client, {
        batchOrders: ids.map((origClientOrderId) => ({
          symbol: 'BTCUSDT',
          origClientOrderId,
          side: 'BUY',
          quantity,
          price,
        })),
      });
    fault('unknownAfterExecution', 'PUT /fapi/v1/batchOrders');
    expect((await move('0.003')).map((r) => (r as Order).origQty)).toEqual(['0.003', '0.003']);
    fault('unknownBeforeExecution', 'PUT /fapi/v1/batchOrders');
    expect((await move('0.004')).map((r) => (r as Order).origQty)).toEqual(['0.004', '0.004']);
    expect(reconciled().map((e) => [e.action, e.outcome, e.resends])).toEqual([
      ['modifyBatchOrders', 'modified', 0],
      ['modifyBatchOrders', 'modified', 1],
    ]);
    await cancelBatchOrders(fx.client, { symbol: 'BTCUSDT', origClientOrderIdList: ids });
  });

  test('behavior: a modification with an unknown outcome; an algo order and its cancel; cancel-all', async () => {
    const id = (await newOrder(fx.client, limit(nextId()))).clientOrderId;
    fault('unknownBeforeExecution', 'PUT /fapi/v1/order');
    const moved = await modifyOrder(fx.client, {
      symbol: 'BTCUSDT',
      origClientOrderId: id,
      side: 'BUY',
      quantity: '0.003',
      price,
    });
    expect(moved).toMatchObject({ origQty: '0.003' });
    const algoId = nextId();
    fault('unknownAfterExecution', 'POST /fapi/v1/algoOrder');
    const stop = await newAlgoOrder(fx.client, {
      symbol: 'BTCUSDT',
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '0.002',
      triggerPrice: Decimal.parse(price).mul('0.9').roundToStep('0.1', 'floor').toFixed(2),
      clientAlgoId: algoId,
    });
    expect(stop).toMatchObject({ clientAlgoId: algoId, algoStatus: 'NEW' });
    fault('timeout', 'DELETE /fapi/v1/algoOrder', { executed: true, holdMs: 600 });
    expect(await cancelAlgoOrder(fx.client, { clientAlgoId: algoId })).toMatchObject({
      clientAlgoId: algoId,
    });
    fault('unknownBeforeExecution', 'DELETE /fapi/v1/allOpenOrders');
    await cancelAllOpenOrders(fx.client, { symbol: 'BTCUSDT' });
    expect(await fx.client.getOpenOrders({ symbol: 'BTCUSDT' })).toEqual([]);
    expect(reconciled().map((e) => [e.action, e.outcome])).toEqual([
      ['modifyOrder', 'modified'],
      ['newAlgoOrder', 'found'],
      ['cancelAlgoOrder', 'canceled'],
      ['cancelAllOpenOrders', 'canceled'],
    ]);
  });
});
