import type { Account } from './account.js';
import { isOpen } from './orderRecord.js';
import type { VenueProcess } from './process.js';
import type { Venue } from './venue.js';

const DAY = 86_400_000;

/**
 * How long Binance keeps each kind of history queryable (reference §4, "Order/trade retention"):
 * an order CANCELED or EXPIRED without any fill disappears 3 days after its creation, any other
 * closed order after 90 days; fills after 6 months, income after 3 months, order amendments after
 * 3 months, isolated-margin changes after 30 days.
 */
export const RETENTION_MS = {
  unfilledClosedOrder: 3 * DAY,
  closedOrder: 90 * DAY,
  userTrade: 183 * DAY,
  income: 90 * DAY,
  amendment: 90 * DAY,
  positionMargin: 30 * DAY,
} as const;

/** Retention runs on every whole hour of venue time. */
export const RETENTION_STEP_MS = 3_600_000;

const UNFILLED_CLOSED: ReadonlySet<string> = new Set(['CANCELED', 'EXPIRED', 'EXPIRED_IN_MATCH']);

/**
 * Drops what Binance no longer returns, so an exchange that runs for weeks keeps a bounded history
 * and answers as Binance would. Runs on each whole hour of venue time. Its next run is anchored
 * lazily on the venue's clock (the first whole hour after it), so a venue restored from a snapshot,
 * taken between commands, resumes the same schedule; it is kept, not derived from the clock, because
 * another process due at the same hour may move the clock there first.
 */
export function retentionProcess(venue: Venue): VenueProcess {
  let next: number | undefined;
  const hourAfter = (time: number) =>
    Math.floor(time / RETENTION_STEP_MS) * RETENTION_STEP_MS + RETENTION_STEP_MS;
  return {
    nextDue: () => {
      next ??= hourAfter(venue.now);
      return next;
    },
    run: (time) => {
      for (const account of venue.accounts.values()) if (!account.system) pruneAccount(account, time);
      next = hourAfter(time);
    },
    skipTo: (time) => {
      next = hourAfter(time);
    },
  };
}

/** Removes the account's history older than {@link RETENTION_MS} allows at `now`. */
export function pruneAccount(account: Account, now: number): void {
  for (const order of account.orders.values()) {
    if (isOpen(order)) continue;
    const age = now - order.time;
    const limit =
      order.executedQty === 0 && UNFILLED_CLOSED.has(order.status)
        ? RETENTION_MS.unfilledClosedOrder
        : RETENTION_MS.closedOrder;
    if (age < limit) continue;
    account.orders.delete(order);
  }
  dropOlderThan(account.trades, now - RETENTION_MS.userTrade);
  dropOlderThan(account.income, now - RETENTION_MS.income);
  dropOlderThan(account.amendments, now - RETENTION_MS.amendment);
  dropOlderThan(account.positionMarginHistory, now - RETENTION_MS.positionMargin);
}

/** Drops the leading records (oldest first) with `time` before `cutoff`, in one splice. */
function dropOlderThan(records: { readonly time: number }[], cutoff: number): void {
  let count = 0;
  while (count < records.length && records[count]!.time < cutoff) count++;
  if (count > 0) records.splice(0, count);
}

/** How far past its limit a history list grows before it is cut back: amortized O(1) per record. */
function slackOf(limit: number): number {
  return Math.max(64, limit >>> 3);
}

/** Appends `record`; past `limit` (and its slack) the oldest records go. */
export function appendBounded<T>(records: T[], record: T, limit: number): void {
  if (records.push(record) > limit + slackOf(limit)) records.splice(0, records.length - limit);
}

/**
 * Past `limit` (and its slack), forgets the oldest entries of `map` (in insertion order) that `keep`
 * does not hold, until it holds `limit`. `forget` must remove the entry from `map`.
 */
export function boundOldest<K, V>(
  map: { readonly size: number; entries(): Iterable<[K, V]> },
  limit: number,
  keep: (value: V) => boolean,
  forget: (key: K, value: V) => void,
): void {
  if (map.size <= limit + slackOf(limit)) return;
  for (const [key, value] of map.entries()) {
    if (map.size <= limit) return;
    if (!keep(value)) forget(key, value);
  }
}

/** Past the account's record limit, forgets its oldest closed orders; open orders always stay. */
export function boundOrders(account: Account): void {
  boundOldest(account.orders, account.recordLimit, isOpen, (order) => account.orders.delete(order));
}
