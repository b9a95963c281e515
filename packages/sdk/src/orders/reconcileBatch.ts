import type { BinanceErrorBody } from '@basis/core';
import { BinanceApiError, isBinanceErrorBody } from '../errors/api.js';
import { UnknownOutcomeError } from '../errors/request.js';
import { isTransient } from '../request/retryPolicy.js';
import { UnknownOrderStatusError } from './errors.js';
import { type Counts, isDuplicate, type ReconcileContext, report, windowCloses } from './reconcile.js';

/** How one item of a batch stands after its queries. */
export type ItemResolution<T> =
  /** Settled: this is the item's result (the order, or the error Binance would have answered). */
  | { readonly kind: 'done'; readonly value: T | BinanceErrorBody }
  /** Proven not done: send the item again. */
  | { readonly kind: 'resend' }
  /** Nothing learned within the bound. */
  | { readonly kind: 'unknown'; readonly cause: unknown };

/** What a batch with reconciliation needs. */
export interface BatchSpec<T> {
  /** Each item's client order id (undefined when the item has none), in request order. */
  readonly clientOrderIds: readonly (string | undefined)[];
  /** Sends the items at `indexes` as one batch; results in the same order. */
  readonly send: (indexes: readonly number[]) => Promise<(T | BinanceErrorBody)[]>;
  /** Queries item `index` (bounded, on the client's clock) once the first request's window closes at `closesAt`. */
  readonly resolve: (index: number, closesAt: number, counts: Counts) => Promise<ItemResolution<T>>;
  /** Resends allowed in all (each resends every item proven not done, as one batch). */
  readonly resends: number;
  /** The result of an item still to resend once the resends are spent. */
  readonly exhausted: (index: number) => T | BinanceErrorBody;
  /** The outcome reported in the `reconciled` event when every item settled. */
  readonly outcome: 'found' | 'canceled' | 'modified';
}

/**
 * Sends a batch; on an unknown outcome of the whole request, settles each item by itself instead of
 * resending the batch blindly: every item is queried (`resolve`), items proven not done are sent
 * again as one smaller batch (at most `resends` times; a -4116 "duplicated" answer means the item
 * exists: it is queried again; a transient certain failure of the resend leaves them to send; a
 * refusal on the merits becomes each item's inline result), and items that stay unresolved end the call with one
 * `UnknownOrderStatusError` naming every unresolved client order id. Results keep request order.
 */
export async function batchReconciled<T>(
  ctx: ReconcileContext,
  spec: BatchSpec<T>,
): Promise<(T | BinanceErrorBody)[]> {
  const all = spec.clientOrderIds.map((_, index) => index);
  let unknown: UnknownOutcomeError;
  try {
    return await spec.send(all);
  } catch (error) {
    if (!(error instanceof UnknownOutcomeError) || !ctx.enabled) throw error;
    unknown = error;
  }
  const counts: Counts = { queries: 0, resends: 0 };
  const results = new Map<number, T | BinanceErrorBody>();
  let pending: readonly number[] = all;
  let closesAt = windowCloses(ctx, unknown.request.timestamp);
  // Bounded: one pass per resend, plus the first and one to settle duplicates.
  for (let pass = 0; pass <= spec.resends + 1 && pending.length > 0; pass++) {
    const resolutions = await Promise.all(pending.map((index) => spec.resolve(index, closesAt, counts)));
    const unresolved = pending.filter((_, k) => resolutions[k]?.kind === 'unknown');
    if (unresolved.length > 0) {
      const ids = unresolved
        .map((index) => spec.clientOrderIds[index])
        .filter((id): id is string => id !== undefined);
      const first = resolutions.find((r) => r.kind === 'unknown');
      report(ctx, ids[0], 'unknown', counts);
      throw new UnknownOrderStatusError({
        clientOrderId: ids[0],
        clientOrderIds: ids,
        request: unknown.request,
        attempts: { queries: counts.queries, resends: counts.resends },
        cause: first?.kind === 'unknown' ? first.cause : unknown,
      });
    }
    const again: number[] = [];
    pending.forEach((index, k) => {
      const resolution = resolutions[k];
      if (resolution?.kind === 'done') results.set(index, resolution.value);
      else again.push(index);
    });
    pending = [];
    if (again.length === 0) break;
    if (counts.resends >= spec.resends) {
      for (const index of again) results.set(index, spec.exhausted(index));
      break;
    }
    counts.resends += 1;
    try {
      const answers = await spec.send(again);
      const duplicates: number[] = [];
      again.forEach((index, k) => {
        const answer = answers[k];
        if (isBinanceErrorBody(answer) && answer.code === -4116) duplicates.push(index);
        else if (answer !== undefined) results.set(index, answer);
      });
      pending = duplicates;
      closesAt = 0;
    } catch (error) {
      if (error instanceof UnknownOutcomeError) {
        unknown = error;
        pending = again;
        closesAt = windowCloses(ctx, error.request.timestamp);
        continue;
      }
      if (isTransient(error)) {
        // Certainly not executed (a 5xx, 503 "Service Unavailable.", a 429): those items are still
        // to send; the next pass checks them and spends another resend.
        pending = again;
        closesAt = 0;
        continue;
      }
      if (!(error instanceof BinanceApiError) || isDuplicate(error)) throw error;
      // Refused on its merits: the refusal is each resent item's result.
      for (const index of again) results.set(index, { code: error.code, msg: error.msg });
    }
  }
  for (const index of pending) results.set(index, spec.exhausted(index));
  report(
    ctx,
    undefined,
    counts.resends === 0 ? spec.outcome : spec.outcome === 'found' ? 'resent' : spec.outcome,
    counts,
  );
  return all.map((index) => results.get(index) ?? spec.exhausted(index));
}
