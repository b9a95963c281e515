import type { Account } from '../venue/account.js';
import type { Venue } from '../venue/venue.js';
import type { ApiError } from './apiError.js';
import type { RawParams } from './params.js';

/** Binance's security types: what a request must carry. */
export type Security = 'NONE' | 'MARKET_DATA' | 'USER_STREAM' | 'TRADE' | 'USER_DATA';

/** What an endpoint knows about the request it serves. */
export interface RequestContext {
  /** The exchange's time, ms. */
  readonly now: number;
  /** The account of the API key (absent for NONE endpoints sent without a key). */
  readonly account: Account | undefined;
  /**
   * How the product answers a rejection (COIN-M: its own codes and wording), from the transport,
   * which applies it to every error it answers; batch endpoints apply it to each inline error (see
   * `batchItem`). Absent (USD-M, a journal replay): errors are answered as thrown.
   */
  readonly translateError?: (error: ApiError) => ApiError;
}

/** Counts on the ORDERS limiters (per account). */
export interface OrderCount {
  readonly tenSeconds: number;
  readonly minute: number;
}

/**
 * One Binance endpoint as a function: its security type, its request weight and order count, and a
 * handler that parses raw parameters (throwing `ApiError` exactly as Binance rejects them), acts on
 * the venue and returns the response body. REST routes and WebSocket API methods bind to these.
 */
export interface Endpoint<R = unknown> {
  /** A stable name, used in the journal (e.g. `newOrder`). */
  readonly name: string;
  readonly security: Security;
  /** IP weight on REQUEST_WEIGHT; a function when it depends on parameters. */
  readonly weight: number | ((params: RawParams) => number);
  /** ORDERS limiter counts, for order placement and modification. */
  readonly orders?: OrderCount;
  /** True when the endpoint changes state: it is journaled and replayed. */
  readonly command: boolean;
  handle(venue: Venue, context: RequestContext, params: RawParams): R;
}

/** Declares an endpoint; the identity function that keeps its return type. */
export function defineEndpoint<R>(endpoint: Endpoint<R>): Endpoint<R> {
  return endpoint;
}

/** The account a secured endpoint runs for (the transport guarantees it is present). */
export function accountOf(context: RequestContext): Account {
  if (context.account === undefined)
    throw new Error('endpoint requires an account; the transport must resolve it');
  return context.account;
}

/** Routes of one group: `'METHOD /path'` → endpoint, e.g. `'POST /fapi/v1/order'`. */
export type RouteTable = Readonly<Record<string, Endpoint>>;
