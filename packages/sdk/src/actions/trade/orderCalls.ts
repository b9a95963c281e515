import type { Id } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { OrderLayer } from '../../orders/orderLayer.js';
import type { OrderLayerCallOptions } from '../../orders/prepare.js';
import type { ReconcileContext } from '../../orders/reconcile.js';

// Helpers shared by the trade actions of both markets: the order-layer context of a call and the
// plain order query reconciliation looks orders up with. Not exported from the package.

/** An order named by `orderId` or `origClientOrderId` (either or both). */
export interface OrderIdentity {
  readonly orderId?: Id | undefined;
  readonly origClientOrderId?: string | undefined;
}

/** The reconciliation context of one action call. */
export function reconcileContext(
  client: Client,
  layer: OrderLayer,
  action: string,
  options: OrderLayerCallOptions,
): ReconcileContext {
  return {
    client,
    layer,
    action,
    recvWindow: options.recvWindow ?? client.recvWindow,
    enabled: options.reconcile !== false,
  };
}

/** The `recvWindow` part of a request call: present only when the caller set one. */
export function recvWindowCall(options: { readonly recvWindow?: number }): { readonly recvWindow?: number } {
  return options.recvWindow === undefined ? {} : { recvWindow: options.recvWindow };
}

/** `orderId` (as decimal digits) and `origClientOrderId`, whichever are given. */
export function identityParams(identity: OrderIdentity): Record<string, string> {
  return {
    ...(identity.orderId === undefined ? {} : { orderId: String(identity.orderId) }),
    ...(identity.origClientOrderId === undefined ? {} : { origClientOrderId: identity.origClientOrderId }),
  };
}

/**
 * `GET {prefix}/v1/order` for one order (weight 1, a read: retried on transient failures). Rejects
 * with `UnknownOrderError` -2013 when the exchange has no such order.
 */
export function queryOrder<T>(
  client: Client,
  symbol: string,
  identity: OrderIdentity,
  options: { readonly recvWindow?: number } = {},
): Promise<T> {
  return client.request<T>({
    method: 'GET',
    path: `${client.apiPrefix}/v1/order`,
    params: { symbol, ...identityParams(identity) },
    security: 'USER_DATA',
    weight: 1,
    kind: 'read',
    ...recvWindowCall(options),
  });
}

/** Order statuses in which an order still rests on the book. */
export function isOpenStatus(status: string): boolean {
  return status === 'NEW' || status === 'PARTIALLY_FILLED';
}

/** Batch items go as a JSON array whose values are all strings (reference §5.3). */
export function stringValues(params: Readonly<Record<string, string | number>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) out[key] = String(value);
  return out;
}
