import type { Client } from '../clients/createClient.js';
import { BinanceApiError, UnknownOrderError } from '../errors/api.js';
import { type SentRequest, UnknownOutcomeError } from '../errors/request.js';
import { isTransient } from '../request/retryPolicy.js';
import { OrderNotPlacedError, type ReconciliationAttempts, UnknownOrderStatusError } from './errors.js';
import type { ReconcileOutcome } from './events.js';
import type { OrderLayer } from './orderLayer.js';

/** What every reconciliation needs. */
export interface ReconcileContext {
  readonly client: Client;
  readonly layer: OrderLayer;
  /** The action's name, for events (`newOrder`, `cancelOrder`, ...). */
  readonly action: string;
  /** The `recvWindow` the request was signed with, ms. */
  readonly recvWindow: number;
  /** `false` rethrows the `UnknownOutcomeError` untouched (the caller reconciles). */
  readonly enabled: boolean;
}

/** Counts of what reconciliation sent, mutable while it runs. */
export interface Counts {
  queries: number;
  resends: number;
}

/** What a series of queries learned. */
export type Located<T> =
  | { readonly kind: 'found'; readonly value: T }
  /** "Does not exist" after the request's window closed: it can no longer be executed. */
  | { readonly kind: 'absent'; readonly cause: unknown }
  /** No answer within the bound (or an answer that ends reconciliation, such as a ban). */
  | { readonly kind: 'unknown'; readonly cause: unknown };

/** Waits on the client's clock. */
export function sleep(client: Client, ms: number): Promise<void> {
  return new Promise((resolve) => {
    client.clock.setTimeout(resolve, ms);
  });
}

/**
 * Waits on the client's clock before query number `query` (1-based; the first is immediate):
 * doubling from `baseDelayMs`, up to `maxDelayMs`.
 */
async function backOff(ctx: ReconcileContext, query: number): Promise<void> {
  if (query <= 1) return;
  const { baseDelayMs, maxDelayMs } = ctx.layer.reconcile;
  const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (query - 2));
  if (delay > 0) await sleep(ctx.client, delay);
}

/**
 * Waits until the request's window has closed (`closesAt`), if it has not yet: until then the
 * request may still execute, so what a query saw proves nothing. True when it waited: the caller
 * repeats its query at once, and that repeat does not count against the bound.
 */
async function waitForWindow(ctx: ReconcileContext, closesAt: number): Promise<boolean> {
  const remaining = closesAt - ctx.client.time.now();
  if (remaining <= 0) return false;
  await sleep(ctx.client, remaining);
  return true;
}

/** -2013 "Order does not exist." (the query's proof of absence). */
export function isAbsent(error: unknown): boolean {
  return error instanceof UnknownOrderError && error.code === -2013;
}

/** -2011 "Unknown order sent." (a cancel or modification of an order that is not open). */
export function isNotOpen(error: unknown): boolean {
  return error instanceof UnknownOrderError && error.code === -2011;
}

/** -4116 "clientOrderId is duplicated": an open order already carries the id. */
export function isDuplicate(error: unknown): boolean {
  return error instanceof BinanceApiError && error.code === -4116;
}

/**
 * When "not found" proves absence: the request's `timestamp` plus its `recvWindow` (after which
 * Binance, gateway and matching engine alike, refuses to execute it) plus a margin for the estimate
 * of the server clock. Without a timestamp, the latest it can have been signed: now.
 */
export function windowCloses(ctx: ReconcileContext, timestamp: number | undefined): number {
  const signedAt = timestamp ?? ctx.client.time.now();
  return signedAt + ctx.recvWindow + ctx.layer.reconcile.absenceMarginMs;
}

export function report(
  ctx: ReconcileContext,
  clientOrderId: string | undefined,
  outcome: ReconcileOutcome,
  counts: Counts,
): void {
  ctx.layer.emit({
    type: 'reconciled',
    action: ctx.action,
    clientOrderId,
    outcome,
    queries: counts.queries,
    resends: counts.resends,
  });
}

function attempts(counts: Counts): ReconciliationAttempts {
  return { queries: counts.queries, resends: counts.resends };
}

export function unknownStatus(
  ctx: ReconcileContext,
  clientOrderId: string | undefined,
  request: SentRequest,
  counts: Counts,
  cause: unknown,
): UnknownOrderStatusError {
  report(ctx, clientOrderId, 'unknown', counts);
  return new UnknownOrderStatusError({ clientOrderId, request, attempts: attempts(counts), cause });
}

export function notPlaced(
  ctx: ReconcileContext,
  clientOrderId: string | undefined,
  request: SentRequest,
  counts: Counts,
  cause: unknown,
): OrderNotPlacedError {
  report(ctx, clientOrderId, 'not-placed', counts);
  return new OrderNotPlacedError({ clientOrderId, request, attempts: attempts(counts), cause });
}

/**
 * Queries until the order is found, proven absent, or the bound is reached. A "does not exist"
 * before `closesAt` is not yet proof (a slow request may still execute): the query is repeated once
 * the window has closed, and that wait does not count against the bound. Failed queries back off on
 * the client's clock; a failure that repeating cannot fix (a ban, a refused key) ends at once.
 */
export async function locate<T>(
  ctx: ReconcileContext,
  lookup: () => Promise<T>,
  closesAt: number,
  counts: Counts,
): Promise<Located<T>> {
  let cause: unknown;
  let waitedForWindow = false;
  // Bounded: `attempts` queries, plus one repeat after the window wait.
  for (let query = 1; query <= ctx.layer.reconcile.attempts; query++) {
    if (!waitedForWindow) await backOff(ctx, query);
    waitedForWindow = false;
    counts.queries += 1;
    try {
      return { kind: 'found', value: await lookup() };
    } catch (error) {
      cause = error;
      if (isAbsent(error)) {
        if (!(await waitForWindow(ctx, closesAt))) return { kind: 'absent', cause: error };
        waitedForWindow = true;
        query -= 1;
        continue;
      }
      if (!isTransient(error)) return { kind: 'unknown', cause: error };
    }
  }
  return { kind: 'unknown', cause };
}

/**
 * Sends the request again, counted as a resend; its answer ends reconciliation, reported as
 * `outcome`. A failure is the caller's to judge.
 */
async function resend<T>(
  ctx: ReconcileContext,
  clientOrderId: string | undefined,
  send: () => Promise<T>,
  outcome: ReconcileOutcome,
  counts: Counts,
): Promise<T> {
  counts.resends += 1;
  const value = await send();
  report(ctx, clientOrderId, outcome, counts);
  return value;
}

/** What a placement with reconciliation needs. */
export interface PlacementSpec<T> {
  /** The client order id sent (`newClientOrderId` / `clientAlgoId`): the key to query by. */
  readonly clientOrderId: string;
  /** Sends the order (the same parameters, the same client order id, every time). */
  readonly send: () => Promise<T>;
  /** Queries the order by its client order id; rejects with -2013 when it does not exist. */
  readonly lookup: () => Promise<T>;
}

/**
 * After -4116 (an open order already carries the client order id): queries that order and returns
 * it, reported as `duplicate`; undefined when the query does not find it. "Does not exist" is taken
 * at once: the refused request has no window to wait out.
 */
async function findDuplicate<T>(
  ctx: ReconcileContext,
  spec: PlacementSpec<T>,
  counts: Counts,
): Promise<{ readonly value: T } | undefined> {
  const existing = await locate(ctx, spec.lookup, 0, counts);
  if (existing.kind !== 'found') return undefined;
  report(ctx, spec.clientOrderId, 'duplicate', counts);
  return existing;
}

/**
 * Sends an order; if its outcome is unknown (`UnknownOutcomeError`: timeout, reset, 5xx, 503
 * "Unknown error", -1007...), reconciles by client order id instead of resending blindly:
 *
 * 1. Query `GET order?origClientOrderId=` (bounded, backoff on the client's clock). Found: it was
 *    placed; return it (event `reconciled`/`found`).
 * 2. "Does not exist" once the request's `recvWindow` has closed: proven absent (the exchange can no
 *    longer execute it). Resend with the **same** client order id, at most `reconcile.resends` times
 *    (default once): success returns the order (`resent`); -4116 means it exists after all: query and
 *    return it (`duplicate`); another unknown outcome goes back to step 1.
 * 3. No answer within the bound: `UnknownOrderStatusError` (it may be live). Proven absent with no
 *    resend left: `OrderNotPlacedError` (nothing is live).
 *
 * A certain failure (a 4xx rejection, a refused connection) is thrown as is: nothing was placed.
 * Except -4116 on the first send: an open order already carries the client order id, so this
 * intent was placed before (an earlier attempt, a restarted process); it is queried and returned
 * (`duplicate`).
 */
export async function placeReconciled<T>(ctx: ReconcileContext, spec: PlacementSpec<T>): Promise<T> {
  let unknown: UnknownOutcomeError;
  const counts: Counts = { queries: 0, resends: 0 };
  try {
    return await spec.send();
  } catch (error) {
    if (ctx.enabled && isDuplicate(error)) {
      // The id is already open: this intent was placed before (an earlier attempt, a restart).
      const existing = await findDuplicate(ctx, spec, counts);
      if (existing) return existing.value;
      throw error;
    }
    if (!(error instanceof UnknownOutcomeError) || !ctx.enabled) throw error;
    unknown = error;
  }
  const { resends } = ctx.layer.reconcile;
  // Bounded: one pass per resend, plus the first.
  for (let pass = 0; pass <= resends; pass++) {
    const located = await locate(ctx, spec.lookup, windowCloses(ctx, unknown.request.timestamp), counts);
    if (located.kind === 'found') {
      report(ctx, spec.clientOrderId, counts.resends === 0 ? 'found' : 'resent', counts);
      return located.value;
    }
    if (located.kind === 'unknown') {
      throw unknownStatus(ctx, spec.clientOrderId, unknown.request, counts, located.cause);
    }
    if (counts.resends >= resends)
      throw notPlaced(ctx, spec.clientOrderId, unknown.request, counts, located.cause);
    try {
      return await resend(ctx, spec.clientOrderId, spec.send, 'resent', counts);
    } catch (error) {
      if (isDuplicate(error)) {
        const existing = await findDuplicate(ctx, spec, counts);
        if (existing) return existing.value;
        throw unknownStatus(ctx, spec.clientOrderId, unknown.request, counts, error);
      }
      if (!(error instanceof UnknownOutcomeError)) throw error;
      unknown = error;
    }
  }
  throw unknownStatus(ctx, spec.clientOrderId, unknown.request, counts, unknown);
}

/**
 * The first send of a cancel or a modification: its answer, or the unknown outcome to reconcile.
 * Anything else (and everything with reconciliation off) is thrown as is.
 */
async function sendFirst<T>(
  ctx: ReconcileContext,
  send: () => Promise<T>,
): Promise<{ readonly value: T } | { readonly unknown: UnknownOutcomeError }> {
  try {
    return { value: await send() };
  } catch (error) {
    if (!(error instanceof UnknownOutcomeError) || !ctx.enabled) throw error;
    return { unknown: error };
  }
}

/** How a cancel or a modification queries its order after an unknown outcome. */
export interface OrderQuery<Q> {
  readonly clientOrderId: string | undefined;
  /** Queries the order. */
  readonly lookup: () => Promise<Q>;
}

/**
 * One query of the order after an unknown outcome: the order, or a transient failure to query again
 * on. "Does not exist" is thrown as is; a failure that repeating cannot fix ends in `UnknownOrderStatusError`.
 */
async function queryOrder<Q>(
  ctx: ReconcileContext,
  spec: OrderQuery<Q>,
  unknown: UnknownOutcomeError,
  counts: Counts,
): Promise<{ readonly order: Q } | { readonly retry: unknown }> {
  counts.queries += 1;
  try {
    return { order: await spec.lookup() };
  } catch (error) {
    if (isAbsent(error)) throw error;
    if (!isTransient(error)) throw unknownStatus(ctx, spec.clientOrderId, unknown.request, counts, error);
    return { retry: error };
  }
}

/** How a queried order stands with respect to a cancel. */
export type CancelState = 'canceled' | 'open' | 'closed';

/** What a cancel with reconciliation needs. */
export interface CancelSpec<T, Q> extends OrderQuery<Q> {
  /** Sends the cancel (a cancel is idempotent: a second one of a canceled order is refused, never harmful). */
  readonly send: () => Promise<T>;
  readonly state: (order: Q) => CancelState;
  /** The result for a queried order that is canceled or closed (may throw, e.g. `OrderClosedError`). */
  readonly settle: (order: Q, state: 'canceled' | 'closed') => T;
}

/**
 * Sends a cancel; on an unknown outcome queries the order: canceled (or closed by a fill or an
 * expiry first) settles it; still open means the cancel did not take (yet), so it is sent again —
 * cancels are idempotent — within the query bound. "Does not exist" is thrown as is (a cancel would
 * have been refused with -2011). No answer within the bound: `UnknownOrderStatusError`.
 */
export async function cancelReconciled<T, Q>(ctx: ReconcileContext, spec: CancelSpec<T, Q>): Promise<T> {
  const first = await sendFirst(ctx, spec.send);
  if (!('unknown' in first)) return first.value;
  const { unknown } = first;
  const counts: Counts = { queries: 0, resends: 0 };
  let cause: unknown = unknown;
  for (let query = 1; query <= ctx.layer.reconcile.attempts; query++) {
    await backOff(ctx, query);
    const queried = await queryOrder(ctx, spec, unknown, counts);
    if ('retry' in queried) {
      cause = queried.retry;
      continue;
    }
    const { order } = queried;
    const state = spec.state(order);
    if (state !== 'open') {
      report(ctx, spec.clientOrderId, 'canceled', counts);
      return spec.settle(order, state);
    }
    try {
      return await resend(ctx, spec.clientOrderId, spec.send, 'canceled', counts);
    } catch (error) {
      // Closed meanwhile (-2011) or unknown again: the next query tells.
      if (!(error instanceof UnknownOutcomeError) && !isNotOpen(error)) throw error;
      cause = error;
    }
  }
  throw unknownStatus(ctx, spec.clientOrderId, unknown.request, counts, cause);
}

/** How a queried order stands with respect to a modification. */
export type ModifyState = 'applied' | 'pending' | 'closed';

/** What a modification with reconciliation needs. */
export interface ModifySpec<T, Q> extends OrderQuery<Q> {
  /** Sends the modification (to absolute values, so a repeat lands on the same state). */
  readonly send: () => Promise<T>;
  /** `applied`: the order carries the new price and quantity; `closed`: filled or canceled; `pending`: neither. */
  readonly state: (order: Q) => ModifyState;
  readonly result: (order: Q) => T;
}

/**
 * Sends a modification; on an unknown outcome queries the order: carrying the new values, or
 * closed (filled, or canceled by the modification itself), returns it. Open with the old values
 * once the request's window has closed proves the modification was not applied: it is sent again
 * (same values; at most `reconcile.resends` times). -5027 "No need to modify" on the resend means
 * it was applied. Bounds and errors as {@link placeReconciled}.
 */
export async function modifyReconciled<T, Q>(ctx: ReconcileContext, spec: ModifySpec<T, Q>): Promise<T> {
  const first = await sendFirst(ctx, spec.send);
  if (!('unknown' in first)) return first.value;
  let { unknown } = first;
  const counts: Counts = { queries: 0, resends: 0 };
  let closesAt = windowCloses(ctx, unknown.request.timestamp);
  let cause: unknown = unknown;
  let waitedForWindow = false;
  for (let query = 1; query <= ctx.layer.reconcile.attempts; query++) {
    if (!waitedForWindow) await backOff(ctx, query);
    waitedForWindow = false;
    const queried = await queryOrder(ctx, spec, unknown, counts);
    if ('retry' in queried) {
      cause = queried.retry;
      continue;
    }
    const { order } = queried;
    const state = spec.state(order);
    if (state !== 'pending') {
      report(ctx, spec.clientOrderId, 'modified', counts);
      return spec.result(order);
    }
    if (await waitForWindow(ctx, closesAt)) {
      waitedForWindow = true;
      query -= 1;
      continue;
    }
    if (counts.resends >= ctx.layer.reconcile.resends) {
      throw notPlaced(ctx, spec.clientOrderId, unknown.request, counts, cause);
    }
    try {
      return await resend(ctx, spec.clientOrderId, spec.send, 'modified', counts);
    } catch (error) {
      if (error instanceof BinanceApiError && (error.code === -5027 || error.code === -4197)) {
        cause = error;
        continue;
      }
      if (!(error instanceof UnknownOutcomeError)) throw error;
      unknown = error;
      cause = error;
      closesAt = windowCloses(ctx, error.request.timestamp);
    }
  }
  throw unknownStatus(ctx, spec.clientOrderId, unknown.request, counts, cause);
}
