import type { Security } from '../api/endpoint.js';
import type { RawParams } from '../api/params.js';
import type { RestResponse } from '../rest/handler.js';

/** What the REST handler tells fault injection about one routed request, before running it. */
export interface RestFaultRequest {
  readonly method: string;
  readonly path: string;
  /** The endpoint's stable name, e.g. `newOrder`. */
  readonly endpoint: string;
  readonly security: Security;
  readonly clientIp: string;
  /** The `X-MBX-APIKEY` header, if sent. */
  readonly apiKey: string | undefined;
  /** The request's parameters; undefined when they could not be read. */
  readonly params: RawParams | undefined;
  /** The IP's REQUEST_WEIGHT used so far (for the header of a fault answer); not charged. */
  readonly usedWeight: () => number;
}

/** What fault injection does to one request. */
export interface RestFaultPlan {
  /** Answer this at once: the request is not executed, and no weight or order count is charged. */
  readonly respond?: RestResponse;
  /** Added to the exchange clock in the `timestamp`/`recvWindow` check, ms. */
  readonly clockSkewMs?: number;
  /** Added to the time a read-only endpoint reports (`serverTime` of `/fapi/v1/time`), ms. */
  readonly serverTimeSkewMs?: number;
  /** Turns the answer of the request, once it ran, into what the client gets. */
  readonly finish?: (response: RestResponse) => RestResponse;
}

/** The hook `createRestHandler({ faults })` consults once per routed request. */
export interface RestFaults {
  /** Undefined when no fault applies (the common case, kept cheap). */
  forRequest(request: RestFaultRequest): RestFaultPlan | undefined;
}

/** The routes Binance's -1008 system-level throttle applies to (reference §3.3). */
export const THROTTLED_ROUTES: ReadonlySet<string> = new Set([
  'POST /fapi/v1/order',
  'POST /fapi/v1/batchOrders',
  'POST /fapi/v1/order/test',
]);

/**
 * Whether an order reduces exposure and so passes the -1008 throttle: `closePosition=true`,
 * `reduceOnly=true` in one-way mode (BOTH), or closing a hedge-mode side (LONG+SELL, SHORT+BUY).
 */
export function reducesExposure(order: Readonly<Record<string, unknown>>): boolean {
  if (isTrue(order.closePosition)) return true;
  const positionSide = typeof order.positionSide === 'string' ? order.positionSide.toUpperCase() : 'BOTH';
  const side = typeof order.side === 'string' ? order.side.toUpperCase() : '';
  if (positionSide === 'BOTH') return isTrue(order.reduceOnly);
  return (positionSide === 'LONG' && side === 'SELL') || (positionSide === 'SHORT' && side === 'BUY');
}

/** Whether a placement request is exempt from the throttle: every order in it reduces exposure. */
export function exemptFromThrottle(route: string, params: RawParams | undefined): boolean {
  if (params === undefined) return false;
  if (route !== 'POST /fapi/v1/batchOrders') return reducesExposure(params);
  const raw = params.batchOrders;
  if (raw === undefined) return false;
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return false;
  }
  return (
    Array.isArray(list) &&
    list.length > 0 &&
    list.every(
      (item: unknown) =>
        typeof item === 'object' && item !== null && reducesExposure(item as Record<string, unknown>),
    )
  );
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}
