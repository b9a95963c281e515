import { type CoinmOrder, Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { UnknownOrderStatusError } from './errors.js';
import { COINM_PRODUCT, useProductExchange } from './productExchange.testing.js';
import { useReconcileChecks } from './reconcileChecks.testing.js';

// Reconciliation of unknown outcomes on COIN-M, against the local exchange injecting faults on its
// /dapi routes: the lookups go to /dapi/v1/order by client order id (/dapi/v1/algoOrder by
// clientAlgoId for conditional orders), and the exchange must end up holding each order exactly once.
// The checks USD-M shares live in reconcileChecks.testing.ts.

const suite = useProductExchange(COINM_PRODUCT, { seed: 37, recvWindow: 600, timeoutMs: 300 });
const checks = useReconcileChecks(suite, 'cm-rc');
const { fault, nextId, limit, copies, reconciled } = checks;
const SYMBOL = COINM_PRODUCT.symbol;
/** The resting price of `limit`: 0.97 × the mark at start. */
const price = () => suite.priceAt('0.97');

/** A stop-market below the mark: a conditional order, placed with the algo service. */
const stop = (id: string) =>
  ({
    symbol: SYMBOL,
    side: 'SELL',
    type: 'STOP_MARKET',
    quantity: '1',
    stopPrice: Decimal.parse(price()).mul('0.9').roundToStep('0.1', 'floor').toFixed(1),
    newClientOrderId: id,
  }) as const;

/** How many algo orders the COIN-M venue holds under `id` (all statuses), read without faults. */
async function algoCopies(id: string): Promise<number> {
  const all = await suite.fx.client.getAllAlgoOrders({ symbol: SYMBOL, limit: 1000 });
  return all.filter((algo) => algo.clientAlgoId === id).length;
}

describe('COIN-M reconciliation of unknown outcomes against the faulty local exchange', () => {
  test('default: executed, then 503 -1007: the order is found by client order id on /dapi, not resent', async () => {
    const { id, placed } = await checks.expectExecutedOrderFound('newCoinmOrder');
    expect(placed).toMatchObject({
      endpoint: 'order',
      clientOrderId: id,
      order: { clientOrderId: id, status: 'NEW', pair: 'BTCUSD', cumBase: '0' },
    });
  });

  test('behavior: not executed, then 503 -1007: proven absent after the window, resent once with the same id', async () => {
    await checks.expectAbsentOrderResentOnce();
  });

  test('behavior: timeouts (executed or not) and a 502 gateway page are unknown outcomes', async () => {
    await checks.expectTimeoutsAndGatewayPagesReconciled();
  });

  test('behavior: a certain failure (503 "Service Unavailable.") is thrown as is, nothing placed', async () => {
    await checks.expectCertainFailuresThrown();
  });

  test('behavior: an id already open is rejected, never duplicated (COIN-M has no -4116: the exchange answers -2010)', async () => {
    const id = nextId();
    await suite.fx.client.newOrder(limit(id));
    await expect(suite.fx.client.newOrder(limit(id))).rejects.toMatchObject({
      name: 'OrderRejectedError',
      code: -2010,
    });
    expect(reconciled()).toEqual([]);
    expect(await copies(id)).toBe(1);
  });

  test('behavior: when every query fails too, UnknownOrderStatusError names the COIN-M request', async () => {
    await checks.expectUnknownStatusWhenQueriesFail();
  });

  test('behavior: resends exhausted is OrderNotPlacedError; reconcile: false rethrows the UnknownOutcomeError', async () => {
    await checks.expectResendsExhausted();
    await checks.expectReconcileOffRethrows();
  });

  test('behavior: a batch with an unknown outcome: each item found or resent, none duplicated; batch cancel too', async () => {
    await checks.expectBatchOutcomesReconciled('coinmBatchOrders');
  });

  test('behavior: cancel, modify, batch modify and cancel-all with unknown outcomes settle on the queried state', async () => {
    const a = (await suite.fx.client.newOrder(limit(nextId()))).clientOrderId;
    fault('unknownAfterExecution', 'DELETE /dapi/v1/order');
    expect(await suite.fx.client.cancelOrder({ symbol: SYMBOL, origClientOrderId: a })).toMatchObject({
      status: 'CANCELED',
    });
    const b = (await suite.fx.client.newOrder(limit(nextId()))).clientOrderId;
    fault('unknownBeforeExecution', 'PUT /dapi/v1/order');
    // COIN-M takes a quantity alone.
    expect(
      await suite.fx.client.modifyOrder({ symbol: SYMBOL, origClientOrderId: b, side: 'BUY', quantity: '3' }),
    ).toMatchObject({ origQty: '3' });
    fault('unknownAfterExecution', 'PUT /dapi/v1/batchOrders');
    const moved = await suite.fx.client.modifyBatchOrders({
      batchOrders: [{ symbol: SYMBOL, origClientOrderId: b, side: 'BUY', quantity: '4', price: price() }],
    });
    expect((moved[0] as CoinmOrder).origQty).toBe('4');
    fault('unknownBeforeExecution', 'DELETE /dapi/v1/allOpenOrders');
    await suite.fx.client.cancelAllOpenOrders({ symbol: SYMBOL });
    expect(await suite.fx.client.getOpenOrders({ symbol: SYMBOL })).toEqual([]);
    expect(reconciled().map((e) => [e.action, e.outcome])).toEqual([
      ['cancelCoinmOrder', 'canceled'],
      ['modifyCoinmOrder', 'modified'],
      ['modifyCoinmBatchOrders', 'modified'],
      ['cancelCoinmAllOpenOrders', 'canceled'],
    ]);
  });

  test('behavior: a conditional newOrder with an unknown outcome on /dapi/v1/algoOrder is found or resent by clientAlgoId, as on USD-M', async () => {
    const found = nextId();
    fault('unknownAfterExecution', 'POST /dapi/v1/algoOrder');
    expect(await suite.fx.client.newOrder(stop(found))).toMatchObject({
      endpoint: 'algo',
      clientOrderId: found,
      order: { clientAlgoId: found, algoStatus: 'NEW', orderType: 'STOP_MARKET' },
    });
    const lost = nextId();
    fault('unknownBeforeExecution', 'POST /dapi/v1/algoOrder');
    expect((await suite.fx.client.newOrder(stop(lost))).clientOrderId).toBe(lost);
    expect(reconciled().map((e) => [e.action, e.clientOrderId, e.outcome, e.resends])).toEqual([
      ['newCoinmAlgoOrder', found, 'found', 0],
      ['newCoinmAlgoOrder', lost, 'resent', 1],
    ]);
    for (const id of [found, lost]) {
      expect(await algoCopies(id)).toBe(1);
      expect(await copies(id)).toBe(0);
    }
    fault('timeout', 'DELETE /dapi/v1/algoOrder', { executed: true, holdMs: 600 });
    expect(await suite.fx.client.cancelAlgoOrder({ clientAlgoId: found })).toMatchObject({
      clientAlgoId: found,
      code: '200',
    });
    fault('unknownBeforeExecution', 'DELETE /dapi/v1/algoOpenOrders');
    await suite.fx.client.cancelAllAlgoOpenOrders({ symbol: SYMBOL });
    expect(await suite.fx.client.getOpenAlgoOrders({ symbol: SYMBOL })).toEqual([]);
    expect(
      reconciled()
        .slice(2)
        .map((e) => [e.action, e.outcome]),
    ).toEqual([
      ['cancelCoinmAlgoOrder', 'canceled'],
      ['cancelCoinmAllAlgoOpenOrders', 'canceled'],
    ]);
  });

  test('behavior: when every algo query fails too, UnknownOrderStatusError names POST /dapi/v1/algoOrder', async () => {
    const id = nextId();
    fault('unknownAfterExecution', 'POST /dapi/v1/algoOrder');
    fault('http5xx', 'GET /dapi/v1/algoOrder', { status: 502 }, 1000);
    const error = await suite.fx.client.newOrder(stop(id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownOrderStatusError);
    expect(error).toMatchObject({ clientOrderId: id, queries: suite.fx.layer.reconcile.attempts });
    expect((error as UnknownOrderStatusError).request).toMatchObject({
      method: 'POST',
      path: '/dapi/v1/algoOrder',
      params: { clientAlgoId: id },
    });
    suite.fx.exchange.faults.clear();
    expect(await algoCopies(id)).toBe(1);
    await suite.fx.client.cancelAllAlgoOpenOrders({ symbol: SYMBOL });
  });
});
