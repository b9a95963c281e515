import { describe, expect, test } from 'vitest';
import { createClient } from '../clients/createClient.js';
import { OrderRejectedError, ServerError, UnknownOrderError } from '../errors/api.js';
import { UnknownOutcomeError } from '../errors/request.js';
import { UnknownOrderStatusError } from './errors.js';
import type { OrderLayerEvent } from './events.js';
import { createOrderLayer } from './orderLayer.js';
import { placeReconciled, type ReconcileContext } from './reconcile.js';

// The branches of placement reconciliation that the exchange cannot be made to show on demand,
// driven by scripted answers (no request leaves: the client's transport is never used).

function context() {
  const client = createClient({ env: 'local', baseUrl: 'http://127.0.0.1:1', timeSync: false });
  const events: OrderLayerEvent[] = [];
  const layer = createOrderLayer(client, {
    reconcile: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2, absenceMarginMs: 0, resends: 1 },
    onEvent: (event) => events.push(event),
  });
  const ctx: ReconcileContext = { client, layer, action: 'newOrder', recvWindow: 0, enabled: true };
  return { ctx, events, close: () => client.close() };
}

const sent = { method: 'POST', path: '/fapi/v1/order', kind: 'order', params: { newClientOrderId: 'x-1' } };
const unknown = () =>
  new UnknownOutcomeError({ request: { ...sent, timestamp: Date.now() - 5 }, cause: new Error('timeout') });
const api = { status: 400, method: 'GET', path: '/fapi/v1/order' };
const absent = () => new UnknownOrderError({ code: -2013, msg: 'Order does not exist.', ...api });

/** Answers in turn: a value is returned, an error thrown. */
function script<T>(answers: (T | Error)[]): () => Promise<T> {
  let next = 0;
  return async () => {
    const answer = answers[Math.min(next++, answers.length - 1)]!;
    if (answer instanceof Error) throw answer;
    return answer;
  };
}

describe('placeReconciled (scripted)', () => {
  test('behavior: proven absent, the resend answers -4116: the existing order is queried and returned', async () => {
    const { ctx, events, close } = context();
    const order = { clientOrderId: 'x-1', orderId: 7 };
    const result = await placeReconciled(ctx, {
      clientOrderId: 'x-1',
      send: script<typeof order>([
        unknown(),
        new OrderRejectedError({ code: -4116, msg: 'ClientOrderId is duplicated.', ...api, method: 'POST' }),
      ]),
      lookup: script<typeof order>([absent(), order]),
    });
    expect(result).toBe(order);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'reconciled',
        outcome: 'duplicate',
        clientOrderId: 'x-1',
        queries: 2,
        resends: 1,
      }),
    ]);
    await close();
  });

  test('behavior: a query failing in a way repeating cannot fix ends at once with UnknownOrderStatusError', async () => {
    const { ctx, close } = context();
    const error = await placeReconciled(ctx, {
      clientOrderId: 'x-1',
      send: script<object>([unknown()]),
      lookup: script<object>([new OrderRejectedError({ code: -2015, msg: 'Invalid API-key', ...api })]),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownOrderStatusError);
    expect(error).toMatchObject({ clientOrderId: 'x-1', queries: 1, resends: 0 });
    await close();
  });

  test('behavior: transient query failures are retried up to the bound, then UnknownOrderStatusError', async () => {
    const { ctx, close } = context();
    const server = new ServerError({ code: -1001, msg: 'Internal error', ...api, status: 500 });
    const error = await placeReconciled(ctx, {
      clientOrderId: 'x-1',
      send: script<object>([unknown()]),
      lookup: script<object>([server]),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnknownOrderStatusError', queries: 3, cause: server });
    await close();
  });
});
