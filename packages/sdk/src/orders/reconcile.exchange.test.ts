import { Decimal, type Order } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { cancelAlgoOrder } from '../actions/algo/cancelAlgoOrder.js';
import { newAlgoOrder } from '../actions/algo/newAlgoOrder.js';
import { cancelAllOpenOrders } from '../actions/trade/cancelAllOpenOrders.js';
import { cancelBatchOrders } from '../actions/trade/cancelBatchOrders.js';
import { cancelOrder } from '../actions/trade/cancelOrder.js';
import { modifyBatchOrders } from '../actions/trade/modifyBatchOrders.js';
import { modifyOrder } from '../actions/trade/modifyOrder.js';
import { newOrder } from '../actions/trade/newOrder.js';
import { USDM_PRODUCT, useProductExchange } from './productExchange.testing.js';
import { useReconcileChecks } from './reconcileChecks.testing.js';

// Reconciliation of unknown outcomes on USD-M, against the local exchange injecting faults on its
// /fapi routes. The checks COIN-M shares live in reconcileChecks.testing.ts.

const suite = useProductExchange(USDM_PRODUCT, { seed: 5, recvWindow: 600, timeoutMs: 300 });
const checks = useReconcileChecks(suite, 'rc');
const { fault, nextId, limit, copies, reconciled, orderRoute: ORDER } = checks;
/** The resting price of `limit`: 0.97 × the mark at start. */
const price = () => suite.priceAt('0.97');

describe('reconciliation of unknown outcomes against the faulty local exchange', () => {
  test('default: executed, then 503 -1007: the order is found by client order id, not resent', async () => {
    await checks.expectExecutedOrderFound('newOrder');
  });

  test('behavior: not executed, then 503 -1007: proven absent after the window, resent once with the same id', async () => {
    await checks.expectAbsentOrderResentOnce();
  });

  test('behavior: 503 "Unknown error, ..." after execution is reconciled the same way', async () => {
    const id = nextId();
    fault('unknownOutcome', ORDER, { message: 'unknown', executedProbability: 1 });
    await newOrder(suite.fx.client, limit(id));
    expect(reconciled()).toEqual([expect.objectContaining({ outcome: 'found', resends: 0 })]);
    expect(await copies(id)).toBe(1);
  });

  test('behavior: a timeout (executed or not) and a 502 gateway page are unknown outcomes', async () => {
    await checks.expectTimeoutsAndGatewayPagesReconciled();
  });

  test('behavior: a connection the exchange closes before answering (a network error) is an unknown outcome', async () => {
    const executed = nextId();
    // Held 100 ms, then closed: shorter than the client's 300 ms time limit, so the client sees the reset.
    fault('timeout', ORDER, { executed: true, holdMs: 100 });
    await newOrder(suite.fx.client, limit(executed));
    const lost = nextId();
    fault('timeout', ORDER, { executed: false, holdMs: 100 });
    await newOrder(suite.fx.client, limit(lost));
    expect(reconciled().map((e) => [e.clientOrderId, e.outcome])).toEqual([
      [executed, 'found'],
      [lost, 'resent'],
    ]);
    for (const id of [executed, lost]) expect(await copies(id)).toBe(1);
  });

  test('behavior: a certain failure (503 "Service Unavailable.", 500 -1001) is thrown as is, nothing placed', async () => {
    await checks.expectCertainFailuresThrown();
  });

  test('behavior: throttled (-1008), 429 and 418 answers: never executed, never duplicated', async () => {
    const throttled = nextId();
    fault('throttled', ORDER);
    // -1008 is "after-reconcile" in the catalog: queried, proven absent, resent once.
    await newOrder(suite.fx.client, limit(throttled));
    expect(reconciled()).toEqual([expect.objectContaining({ clientOrderId: throttled, outcome: 'resent' })]);
    expect(await copies(throttled)).toBe(1);
    const limited = nextId();
    fault('rateLimit', ORDER, { retryAfterMs: 50 });
    await expect(newOrder(suite.fx.client, limit(limited))).rejects.toMatchObject({
      name: 'RateLimitedError',
      status: 429,
    });
    const banned = nextId();
    fault('ban', ORDER, { banMs: 150 });
    await expect(newOrder(suite.fx.client, limit(banned))).rejects.toMatchObject({
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
    await newOrder(suite.fx.client, limit(slow));
    expect(reconciled()).toEqual([]);
    const slower = nextId();
    fault('slow', ORDER, { delayMs: 500 });
    await newOrder(suite.fx.client, limit(slower));
    expect(reconciled()).toEqual([expect.objectContaining({ clientOrderId: slower, outcome: 'found' })]);
    for (const id of [slow, slower]) expect(await copies(id)).toBe(1);
  });

  test('behavior: clock skew: -1021 is resynchronised and resent once by the pipeline (refused before execution)', async () => {
    const id = nextId();
    suite.fx.exchange.faults.add({ kind: 'clockSkew', params: { skewMs: 5000 } });
    await newOrder(suite.fx.client, limit(id));
    suite.fx.exchange.faults.clear();
    await suite.fx.client.time.sync();
    expect(reconciled()).toEqual([]);
    expect(await copies(id)).toBe(1);
  });

  test('behavior: -4116 (the id is already open) resolves to the existing order', async () => {
    const id = nextId();
    const first = await newOrder(suite.fx.client, limit(id));
    const again = await newOrder(suite.fx.client, limit(id));
    expect(again.order.orderId).toEqual(first.order.orderId);
    expect(reconciled()).toEqual([expect.objectContaining({ outcome: 'duplicate', clientOrderId: id })]);
    expect(await copies(id)).toBe(1);
  });

  test('behavior: when every query fails too, UnknownOrderStatusError carries the client order id', async () => {
    await checks.expectUnknownStatusWhenQueriesFail();
  });

  test('behavior: resends exhausted (every send unknown, never executed) is OrderNotPlacedError', async () => {
    await checks.expectResendsExhausted();
  });

  test('behavior: reconcile: false rethrows the UnknownOutcomeError with what was sent', async () => {
    await checks.expectReconcileOffRethrows();
  });

  test('behavior: a cancel with an unknown outcome settles on the queried order (executed or not)', async () => {
    const a = (await newOrder(suite.fx.client, limit(nextId()))).clientOrderId;
    fault('unknownAfterExecution', 'DELETE /fapi/v1/order');
    expect(await cancelOrder(suite.fx.client, { symbol: 'BTCUSDT', origClientOrderId: a })).toMatchObject({
      status: 'CANCELED',
    });
    const b = (await newOrder(suite.fx.client, limit(nextId()))).clientOrderId;
    fault('unknownBeforeExecution', 'DELETE /fapi/v1/order');
    expect(await cancelOrder(suite.fx.client, { symbol: 'BTCUSDT', origClientOrderId: b })).toMatchObject({
      status: 'CANCELED',
    });
    expect(reconciled().map((e) => [e.action, e.outcome, e.resends])).toEqual([
      ['cancelOrder', 'canceled', 0],
      ['cancelOrder', 'canceled', 1],
    ]);
  });

  test('behavior: a batch with an unknown outcome: each item found or resent, none duplicated', async () => {
    await checks.expectBatchOutcomesReconciled('batchOrders');
  });

  test('behavior: a batch modification with an unknown outcome: applied items found, the others resent', async () => {
    const ids = [
      (await newOrder(suite.fx.client, limit(nextId()))).clientOrderId,
      (await newOrder(suite.fx.client, limit(nextId()))).clientOrderId,
    ];
    const move = (quantity: string) =>
      modifyBatchOrders(suite.fx.client, {
        batchOrders: ids.map((origClientOrderId) => ({
          symbol: 'BTCUSDT',
          origClientOrderId,
          side: 'BUY',
          quantity,
          price: price(),
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
    await cancelBatchOrders(suite.fx.client, { symbol: 'BTCUSDT', origClientOrderIdList: ids });
  });

  test('behavior: a modification with an unknown outcome; an algo order and its cancel; cancel-all', async () => {
    const id = (await newOrder(suite.fx.client, limit(nextId()))).clientOrderId;
    fault('unknownBeforeExecution', 'PUT /fapi/v1/order');
    const moved = await modifyOrder(suite.fx.client, {
      symbol: 'BTCUSDT',
      origClientOrderId: id,
      side: 'BUY',
      quantity: '0.003',
      price: price(),
    });
    expect(moved).toMatchObject({ origQty: '0.003' });
    const algoId = nextId();
    fault('unknownAfterExecution', 'POST /fapi/v1/algoOrder');
    const stop = await newAlgoOrder(suite.fx.client, {
      symbol: 'BTCUSDT',
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '0.002',
      triggerPrice: Decimal.parse(price()).mul('0.9').roundToStep('0.1', 'floor').toFixed(2),
      clientAlgoId: algoId,
    });
    expect(stop).toMatchObject({ clientAlgoId: algoId, algoStatus: 'NEW' });
    fault('timeout', 'DELETE /fapi/v1/algoOrder', { executed: true, holdMs: 600 });
    expect(await cancelAlgoOrder(suite.fx.client, { clientAlgoId: algoId })).toMatchObject({
      clientAlgoId: algoId,
    });
    fault('unknownBeforeExecution', 'DELETE /fapi/v1/allOpenOrders');
    await cancelAllOpenOrders(suite.fx.client, { symbol: 'BTCUSDT' });
    expect(await suite.fx.client.getOpenOrders({ symbol: 'BTCUSDT' })).toEqual([]);
    expect(reconciled().map((e) => [e.action, e.outcome])).toEqual([
      ['modifyOrder', 'modified'],
      ['newAlgoOrder', 'found'],
      ['cancelAlgoOrder', 'canceled'],
      ['cancelAllOpenOrders', 'canceled'],
    ]);
  });
});
