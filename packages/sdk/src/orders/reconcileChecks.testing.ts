import type { BatchResult } from '@basis/core';
import type { FaultRuleSpec } from '@basis/exchange';
import { afterEach, expect } from 'vitest';
import { UnknownOutcomeError } from '../errors/request.js';
import { OrderNotPlacedError, UnknownOrderStatusError } from './errors.js';
import type { OrderLayerEvent } from './events.js';
import type {
  LimitOrderParameters,
  OrderLayerTestActions,
  PlacedProductOrder,
  ProductExchange,
  ProductOrder,
} from './productExchange.testing.js';

// The reconciliation checks USD-M and COIN-M share (reconcile.exchange.test.ts,
// coinm.reconcile.exchange.test.ts): the exchange injects a fault on the product's routes, the
// order layer resolves the unknown outcome by client order id, and the exchange ends up holding each
// order exactly once. Only the routes' prefix and the layer's action names differ per product.

/** A `reconciled` report of the order layer. */
export type ReconciledEvent = Extract<OrderLayerEvent, { type: 'reconciled' }>;

/** A product's exchange with faults to inject, and the checks both products share. */
export interface ReconcileChecks {
  /** `POST <api>/v1/order`: the route of a new LIMIT or MARKET order. */
  readonly orderRoute: string;
  /** Injects `count` faults of `kind` on `route` (`METHOD /path`). */
  fault(kind: FaultRuleSpec['kind'], route: string, params?: Record<string, unknown>, count?: number): void;
  /** A client order id not used before in this file. */
  nextId(): string;
  /** A resting LIMIT buy carrying `id`. */
  limit(id: string): LimitOrderParameters;
  /** How many orders the exchange holds under `id` (all statuses), read without faults. */
  copies(id: string): Promise<number>;
  /** What the order layer reconciled since the test began. */
  reconciled(): ReconciledEvent[];

  /**
   * Executed, then 503 -1007: the order is found by client order id, not resent; the layer reports
   * `action` (its name for the product's new order). Returns the id and what `newOrder` answered.
   */
  expectExecutedOrderFound(
    action: string,
  ): Promise<{ readonly id: string; readonly placed: PlacedProductOrder }>;
  /** Not executed, then 503 -1007: proven absent after the window, resent once with the same id. */
  expectAbsentOrderResentOnce(): Promise<void>;
  /** A timeout (the order executed or not) and a 502 gateway page are unknown outcomes, each settled once. */
  expectTimeoutsAndGatewayPagesReconciled(): Promise<void>;
  /** A certain failure (503 "Service Unavailable.", 500 -1001) is thrown as is: nothing reconciled, nothing placed. */
  expectCertainFailuresThrown(): Promise<void>;
  /**
   * When every query fails too, `UnknownOrderStatusError` carries the client order id and the
   * request it was unsure of (unsigned); the order is there once the faults are gone.
   */
  expectUnknownStatusWhenQueriesFail(): Promise<void>;
  /** Resends exhausted (every send unknown, never executed) is `OrderNotPlacedError`; nothing is placed. */
  expectResendsExhausted(): Promise<void>;
  /** `reconcile: false` rethrows the `UnknownOutcomeError` with what was sent. */
  expectReconcileOffRethrows(): Promise<void>;
  /**
   * A batch with an unknown outcome: each item found (executed) or resent (not executed), none
   * duplicated; then a batch cancel with an unknown outcome cancels all three. `action` is the
   * layer's name for the product's batch.
   */
  expectBatchOutcomesReconciled(action: string): Promise<void>;
}

/** A field of a batch item's order; an inline error `{ code, msg }` as is, so the comparison shows it. */
const orderOrError = <Field extends keyof ProductOrder>(result: BatchResult<ProductOrder>, field: Field) =>
  'orderId' in result ? result[field] : result;

/**
 * The reconciliation checks on `suite`'s product, with client order ids `<idPrefix>-1`, `-2`, ...
 * Registers an `afterEach` that clears the faults and the layer's events, so each test starts clean.
 */
export function useReconcileChecks(
  suite: ProductExchange<OrderLayerTestActions>,
  idPrefix: string,
): ReconcileChecks {
  afterEach(() => {
    suite.fx.exchange.faults.clear();
    suite.fx.events.length = 0;
  });
  const { api, symbol } = suite.product;
  const orderRoute = `POST ${api}/v1/order`;
  let sequence = 0;

  const fault: ReconcileChecks['fault'] = (kind, route, params, count = 1) => {
    suite.fx.exchange.faults.add({
      kind,
      count,
      scope: { route },
      ...(params === undefined ? {} : { params }),
    });
  };
  const nextId = () => {
    sequence += 1;
    return `${idPrefix}-${sequence}`;
  };
  const limit = (id: string) => suite.limit({ newClientOrderId: id });
  const copies = async (id: string) => {
    const all = await suite.fx.client.getAllOrders({ symbol, limit: 1000 });
    return all.filter((order) => order.clientOrderId === id).length;
  };
  const reconciled = () => suite.fx.events.filter((e): e is ReconciledEvent => e.type === 'reconciled');
  const newOrder = (parameters: LimitOrderParameters) => suite.fx.client.newOrder(parameters);

  return {
    orderRoute,
    fault,
    nextId,
    limit,
    copies,
    reconciled,

    async expectExecutedOrderFound(action) {
      const id = nextId();
      fault('unknownAfterExecution', orderRoute);
      const placed = await newOrder(limit(id));
      expect(placed.order).toMatchObject({ clientOrderId: id, status: 'NEW' });
      expect(reconciled()).toEqual([
        expect.objectContaining({ action, clientOrderId: id, outcome: 'found', resends: 0 }),
      ]);
      expect(await copies(id)).toBe(1);
      return { id, placed };
    },

    async expectAbsentOrderResentOnce() {
      const id = nextId();
      fault('unknownBeforeExecution', orderRoute);
      const placed = await newOrder(limit(id));
      expect(placed.clientOrderId).toBe(id);
      expect(placed.order.clientOrderId).toBe(id);
      expect(reconciled()).toEqual([expect.objectContaining({ outcome: 'resent', resends: 1 })]);
      expect(await copies(id)).toBe(1);
    },

    async expectTimeoutsAndGatewayPagesReconciled() {
      const executed = nextId();
      fault('timeout', orderRoute, { executed: true, holdMs: 600 });
      await newOrder(limit(executed));
      const lost = nextId();
      fault('timeout', orderRoute, { executed: false, holdMs: 600 });
      await newOrder(limit(lost));
      const gateway = nextId();
      fault('http5xx', orderRoute, { status: 502, body: 'html' });
      await newOrder(limit(gateway));
      expect(reconciled().map((e) => [e.clientOrderId, e.outcome])).toEqual([
        [executed, 'found'],
        [lost, 'resent'],
        [gateway, 'resent'],
      ]);
      for (const id of [executed, lost, gateway]) expect(await copies(id)).toBe(1);
    },

    async expectCertainFailuresThrown() {
      const id = nextId();
      fault('serviceUnavailable', orderRoute);
      const error = await newOrder(limit(id)).catch((e: unknown) => e);
      expect(error).not.toBeInstanceOf(UnknownOutcomeError);
      expect(error).toMatchObject({ status: 503 });
      fault('http5xx', orderRoute, { status: 500 });
      await expect(newOrder(limit(id))).rejects.toMatchObject({ name: 'ServerError', code: -1001 });
      expect(reconciled()).toEqual([]);
      expect(await copies(id)).toBe(0);
    },

    async expectUnknownStatusWhenQueriesFail() {
      const id = nextId();
      fault('unknownAfterExecution', orderRoute);
      fault('http5xx', `GET ${api}/v1/order`, { status: 502 }, 1000);
      const error = await newOrder(limit(id)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnknownOrderStatusError);
      expect(error).toMatchObject({
        clientOrderId: id,
        clientOrderIds: [id],
        queries: suite.fx.layer.reconcile.attempts,
      });
      const { request } = error as UnknownOrderStatusError;
      expect(request).toMatchObject({ method: 'POST', path: `${api}/v1/order` });
      expect(JSON.stringify(request)).not.toContain('signature');
      suite.fx.exchange.faults.clear();
      expect(await copies(id)).toBe(1);
    },

    async expectResendsExhausted() {
      const id = nextId();
      fault('unknownBeforeExecution', orderRoute, undefined, 2);
      const error = await newOrder(limit(id)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OrderNotPlacedError);
      expect(error).toMatchObject({ clientOrderId: id, resends: 1 });
      expect(await copies(id)).toBe(0);
    },

    async expectReconcileOffRethrows() {
      const id = nextId();
      fault('unknownAfterExecution', orderRoute);
      const error = await newOrder({ ...limit(id), reconcile: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnknownOutcomeError);
      expect(error).toMatchObject({ clientOrderId: id, request: { params: { newClientOrderId: id } } });
    },

    async expectBatchOutcomesReconciled(action) {
      const { client } = suite.fx;
      const ids = [nextId(), nextId(), nextId()];
      fault('unknownOutcome', `POST ${api}/v1/batchOrders`, { executedProbability: 1 });
      const first = await client.batchOrders({ batchOrders: ids.slice(0, 2).map(limit) });
      expect(first.map((r) => orderOrError(r, 'clientOrderId'))).toEqual(ids.slice(0, 2));
      fault('unknownBeforeExecution', `POST ${api}/v1/batchOrders`);
      const second = await client.batchOrders({ batchOrders: [limit(ids[2]!)] });
      expect(second.map((r) => orderOrError(r, 'clientOrderId'))).toEqual([ids[2]]);
      expect(reconciled().map((e) => [e.action, e.outcome])).toEqual([
        [action, 'found'],
        [action, 'resent'],
      ]);
      for (const id of ids) expect(await copies(id)).toBe(1);
      fault('unknownBeforeExecution', `DELETE ${api}/v1/batchOrders`);
      const canceled = await client.cancelBatchOrders({ symbol, origClientOrderIdList: ids });
      expect(canceled.map((r) => orderOrError(r, 'status'))).toEqual(['CANCELED', 'CANCELED', 'CANCELED']);
    },
  };
}
