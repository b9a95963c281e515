import { expect } from 'vitest';
import type { TradingExchange } from '../testing/tradingExchange.js';
import type { WsApiEvent } from './index.js';

// What the USD-M and COIN-M WebSocket API tests share: where each request went, and the timed-out
// order.place scenario, which both markets' order layers must reconcile the same way.

/** Where each request of `method` went, in order: 'ws' or 'rest'. */
export function routes(events: readonly WsApiEvent[], method: string): string[] {
  return events.flatMap((e) => (e.type === 'request' && e.method === method ? [e.via] : []));
}

/** One run of {@link expectTimedOutPlaceReconciledOverSocket}. */
export interface TimedOutPlace<Placed> {
  readonly fx: Pick<TradingExchange<object>, 'exchange' | 'events'>;
  /** The events of the (connected, short request time limit) client that `place` uses. */
  readonly events: readonly WsApiEvent[];
  readonly place: () => Promise<Placed>;
  /** The order layer action that reconciles the placement (`wsPlaceOrder`, `wsPlaceCoinmOrder`). */
  readonly action: string;
  /** The venue's orders with this client order id (a resent order would show as a second one). */
  readonly ordersWith: (clientOrderId: string) => Promise<readonly unknown[]>;
}

/**
 * Places an order while the exchange swallows the socket's next answer, and checks that the
 * timeout was reconciled by client order id over the socket (one order.place, one order.status),
 * never resent: the venue holds one order, NEW. Returns it for the market's own checks.
 */
export async function expectTimedOutPlaceReconciledOverSocket<
  Placed extends { readonly clientOrderId: string; readonly order: object },
>({ fx, events, place, action, ordersWith }: TimedOutPlace<Placed>): Promise<Placed> {
  fx.exchange.faults.add({ kind: 'silence', scope: { route: 'wsApi' }, count: 1 });
  const placed = await place();
  expect(placed.order).toMatchObject({ status: 'NEW' });
  expect(routes(events, 'order.place')).toEqual(['ws']);
  expect(routes(events, 'order.status')).toEqual(['ws']);
  expect(fx.events).toContainEqual(expect.objectContaining({ type: 'reconciled', action, outcome: 'found' }));
  expect(await ordersWith(placed.clientOrderId)).toHaveLength(1);
  return placed;
}
