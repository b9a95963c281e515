import { type CoinmOrder, Decimal } from '@basis/core';
import type { FaultRuleSpec } from '@basis/exchange';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { CoinmActions } from '../clients/decorators/coinm.js';
import { UnknownOutcomeError } from '../errors/request.js';
import { startCoinmTradingExchange, type TradingExchange } from '../testing/tradingExchange.js';
import { OrderNotPlacedError, UnknownOrderStatusError } from './errors.js';
import type { OrderLayerEvent } from './events.js';

// Reconciliation of unknown outcomes on COIN-M, against the local exchange injecting faults on its
// /dapi routes: the lookups go to /dapi/v1/order by client order id (/dapi/v1/algoOrder by
// clientAlgoId for conditional orders), and the exchange must end up holding each order exactly once.

let fx: TradingExchange<CoinmActions>;
let price: string;
let sequence = 0;

beforeAll(async () => {
  fx = await startCoinmTradingExchange({ seed: 37, recvWindow: 600, timeoutMs: 300 });
  price = Decimal.parse((await fx.client.getPremiumIndex({ symbol: SYMBOL }))[0]!.markPrice)
    .mul('0.97')
    .roundToStep('0.1', 'floor')
    .toFixed(1);
});

afterEach(() => {
  fx.exchange.faults.clear();
  fx.events.length = 0;
});

afterAll(async () => {
  await fx.close();
});

const SYMBOL = 'BTCUSD_PERP';
const ORDER = 'POST /dapi/v1/order';

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
  return `cm-rc-${sequence}`;
}

const limit = (id: string) =>
  ({
    symbol: SYMBOL,
    side: 'BUY',
    type: 'LIMIT',
    timeInForce: 'GTC',
    quantity: '2',
    price,
    newClientOrderId: id,
  }) as const;

/** A stop-market below the mark: a conditional order, placed with the algo service. */
const stop = (id: string) =>
  ({
    symbol: SYMBOL,
    side: 'SELL',
    type: 'STOP_MARKET',
    quantity: '1',
    stopPrice: Decimal.parse(price).mul('0.9').roundToStep('0.1', 'floor').toFixed(1),
    newClientOrderId: id,
  }) as const;

/** How many algo orders the COIN-M venue holds under `id` (all statuses), read without faults. */
async function algoCopies(id: string): Promise<number> {
  const all = await fx.client.getAllAlgoOrders({ symbol: SYMBOL, limit: 1000 });
  return all.filter((algo) => algo.clientAlgoId === id).length;
}

/** How many orders the COIN-M venue holds under `id` (all statuses), read without faults. */
async function copies(id: string): Promise<number> {
  const all = await fx.client.getAllOrders({ symbol: SYMBOL, limit: 1000 });
  return all.filter((order) => order.clientOrderId === id).length;
}

function reconciled(): Extract<OrderLayerEvent, { type: 'reconciled' }>[] {
  return fx.events.filter(
    (e): e is Extract<OrderLayerEvent, { type: 'reconciled' }> => e.type === 'reconciled',
  );
}

describe('COIN-M reconciliation of unknown outcomes against the faulty local exchange', () => {
  test('default: executed, then 503 -1007: the order is found by client order id on /dapi, not resent', async () => {
    const id = nextId();
    fault('unknownAfterExecution', ORDER);
    const placed = await fx.client.newOrder(limit(id));
    expect(placed).toMatchObject({
      endpoint: 'order',
      clientOrderId: id,
      order: { clientOrderId: id, status: 'NEW', pair: 'BTCUSD', cumBase: '0' },
    });
    expect(reconciled()).toEqual([
      expect.objectContaining({ action: 'newCoinmOrder', clientOrderId: id, outcome: 'found', resends: 0 }),
    ]);
    expect(await copies(id)).toBe(1);
  });

  test('behavior: not executed, then 503 -1007: proven absent after the window, resent once with the same id', async () => {
    const id = nextId();
    fault('unknownBeforeExecution', ORDER);
    expect((await fx.client.newOrder(limit(id))).clientOrderId).toBe(id);
    expect(reconciled()).toEqual([expect.objectContaining({ outcome: 'resent', resends: 1 })]);
    expect(await copies(id)).toBe(1);
  });

  test('behavior: timeouts (executed or not) and a 502 gateway page are unknown outcomes', async () => {
    const executed = nextId();
    fault('timeout', ORDER, { executed: true, holdMs: 600 });
    await fx.client.newOrder(limit(executed));
    const lost = nextId();
    fault('timeout', ORDER, { executed: false, holdMs: 600 });
    await fx.client.newOrder(limit(lost));
    const gateway = nextId();
    fault('http5xx', ORDER, { status: 502, body: 'html' });
    await fx.client.newOrder(limit(gateway));
    expect(reconciled().map((e) => [e.clientOrderId, e.outcome])).toEqual([
      [executed, 'found'],
      [lost, 'resent'],
      [gateway, 'resent'],
    ]);
    for (const id of [executed, lost, gateway]) expect(await copies(id)).toBe(1);
  });

  test('behavior: a certain failure (503 "Service Unavailable.") is thrown as is, nothing placed', async () => {
    const id = nextId();
    fault('serviceUnavailable', ORDER);
    const error = await fx.client.newOrder(limit(id)).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(UnknownOutcomeError);
    expect(error).toMatchObject({ status: 503 });
    expect(reconciled()).toEqual([]);
    expect(await copies(id)).toBe(0);
  });

  test('behavior: an id already open is rejected, never duplicated (COIN-M has no -4116: the exchange answers -2010)', async () => {
    const id = nextId();
    await fx.client.newOrder(limit(id));
    await expect(fx.client.newOrder(limit(id))).rejects.toMatchObject({
      name: 'OrderRejectedError',
      code: -2010,
    });
    expect(reconciled()).toEqual([]);
    expect(await copies(id)).toBe(1);
  });

  test('behavior: when every query fails too, UnknownOrderStatusError names the COIN-M request', async () => {
    const id = nextId();
    fault('unknownAfterExecution', ORDER);
    fault('http5xx', 'GET /dapi/v1/order', { status: 502 }, 1000);
    const error = await fx.client.newOrder(limit(id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownOrderStatusError);
    expect(error).toMatchObject({ clientOrderId: id, queries: fx.layer.reconcile.attempts });
    expect((error as UnknownOrderStatusError).request).toMatchObject({
      method: 'POST',
      path: '/dapi/v1/order',
    });
    fx.exchange.faults.clear();
    expect(await copies(id)).toBe(1);
  });

  test('behavior: resends exhausted is OrderNotPlacedError; reconcile: false rethrows the UnknownOutcomeError', async () => {
    const id = nextId();
    fault('unknownBeforeExecution', ORDER, undefined, 2);
    const error = await fx.client.newOrder(limit(id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrderNotPlacedError);
    expect(error).toMatchObject({ clientOrderId: id, resends: 1 });
    expect(await copies(id)).toBe(0);
    const raw = nextId();
    fault('unknownAfterExecution', ORDER);
    const unknown = await fx.client.newOrder({ ...limit(raw), reconcile: false }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(UnknownOutcomeError);
    expect(unknown).toMatchObject({ clientOrderId: raw, request: { params: { newClientOrderId: raw } } });
  });

  test('behavior: a batch with an unknown outcome: each item found or resent, none duplicated; batch cancel too', async () => {
    const ids = [nextId(), nextId(), nextId()];
    fault('unknownOutcome', 'POST /dapi/v1/batchOrders', { executedProbability: 1 });
    const first = await fx.client.batchOrders({ batchOrders: ids.slice(0, 2).map(limit) });
    expect(first.map((r) => (r as CoinmOrder).clientOrderId)).toEqual(ids.slice(0, 2));
    fault('unknownBeforeExecution', 'POST /dapi/v1/batchOrders');
    const second = await fx.client.batchOrders({ batchOrders: [limit(ids[2]!)] });
    expect((second[0] as CoinmOrder).clientOrderId).toBe(ids[2]);
    expect(reconciled().map((e) => [e.action, e.outcome])).toEqual([
      ['coinmBatchOrders', 'found'],
      ['coinmBatchOrders', 'resent'],
    ]);
    for (const id of ids) expect(await copies(id)).toBe(1);
    fault('unknownBeforeExecution', 'DELETE /dapi/v1/batchOrders');
    const canceled = await fx.client.cancelBatchOrders({ symbol: SYMBOL, origClientOrderIdList: ids });
    expect(canceled.map((r) => (r as CoinmOrder).status)).toEqual(['CANCELED', 'CANCELED', 'CANCELED']);
  });

  test('behavior: cancel, modify, batch modify and cancel-all with unknown outcomes settle on the queried state', async () => {
    const a = (await fx.client.newOrder(limit(nextId()))).clientOrderId;
    fault('unknownAfterExecution', 'DELETE /dapi/v1/order');
    expect(await fx.client.cancelOrder({ symbol: SYMBOL, origClientOrderId: a })).toMatchObject({
      status: 'CANCELED',
    });
    const b = (await fx.client.newOrder(limit(nextId()))).clientOrderId;
    fault('unknownBeforeExecution', 'PUT /dapi/v1/order');
    // COIN-M takes a quantity alone.
    expect(
      await fx.client.modifyOrder({ symbol: SYMBOL, origClientOrderId: b, side: 'BUY', quantity: '3' }),
    ).toMatchObject({ origQty: '3' });
    fault('unknownAfterExecution', 'PUT /dapi/v1/batchOrders');
    const moved = await fx.client.modifyBatchOrders({
      batchOrders: [{ symbol: SYMBOL, origClientOrderId: b, side: 'BUY', quantity: '4', price }],
    });
    expect((moved[0] as CoinmOrder).origQty).toBe('4');
    fault('unknownBeforeExecution', 'DELETE /dapi/v1/allOpenOrders');
    await fx.client.cancelAllOpenOrders({ symbol: SYMBOL });
    expect(await fx.client.getOpenOrders({ symbol: SYMBOL })).toEqual([]);
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
    expect(await fx.client.newOrder(stop(found))).toMatchObject({
      endpoint: 'algo',
      clientOrderId: found,
      order: { clientAlgoId: found, algoStatus: 'NEW', orderType: 'STOP_MARKET' },
    });
    const lost = nextId();
    fault('unknownBeforeExecution', 'POST /dapi/v1/algoOrder');
    expect((await fx.client.newOrder(stop(lost))).clientOrderId).toBe(lost);
    expect(reconciled().map((e) => [e.action, e.clientOrderId, e.outcome, e.resends])).toEqual([
      ['newCoinmAlgoOrder', found, 'found', 0],
      ['newCoinmAlgoOrder', lost, 'resent', 1],
    ]);
    for (const id of [found, lost]) {
      expect(await algoCopies(id)).toBe(1);
      expect(await copies(id)).toBe(0);
    }
    fault('timeout', 'DELETE /dapi/v1/algoOrder', { executed: true, holdMs: 600 });
    expect(await fx.client.cancelAlgoOrder({ clientAlgoId: found })).toMatchObject({
      clientAlgoId: found,
      code: '200',
    });
    fault('unknownBeforeExecution', 'DELETE /dapi/v1/algoOpenOrders');
    await fx.client.cancelAllAlgoOpenOrders({ symbol: SYMBOL });
    expect(await fx.client.getOpenAlgoOrders({ symbol: SYMBOL })).toEqual([]);
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
    const error = await fx.client.newOrder(stop(id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownOrderStatusError);
    expect(error).toMatchObject({ clientOrderId: id, queries: fx.layer.reconcile.attempts });
    expect((error as UnknownOrderStatusError).request).toMatchObject({
      method: 'POST',
      path: '/dapi/v1/algoOrder',
      params: { clientAlgoId: id },
    });
    fx.exchange.faults.clear();
    expect(await algoCopies(id)).toBe(1);
    await fx.client.cancelAllAlgoOpenOrders({ symbol: SYMBOL });
  });
});
