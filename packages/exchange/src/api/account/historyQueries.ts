import type { Account, IncomeRecord, UserTradeRecord } from '../../venue/account.js';
import { idKey } from '../../venue/idSequence.js';
import type { PositionMarginRecord } from '../../venue/settings.js';
import type { Venue } from '../../venue/venue.js';
import { apiError } from '../apiError.js';
import type { ParamReader } from '../params.js';
import { DAY_MS, inWindow, limitParam, timeWindow, type WindowRule } from './queryParams.js';

// The record selection of the history endpoints, shared by USD-M (`/fapi`) and COIN-M (`/dapi`):
// the products differ in defaults and in how they print a record, not in which records they pick.

/**
 * `GET …/income` (`symbol`, `incomeType`, `startTime`, `endTime`, `page`, `limit` default 100, max
 * 1000): the income records, oldest first. `types` are the product's income types (another value is
 * `-1130`); `rule` its time window. `page` (from 1) skips `(page − 1) × limit` records.
 */
export function selectIncome(
  p: ParamReader,
  venue: Venue,
  account: Account,
  now: number,
  types: readonly string[],
  rule: WindowRule,
): IncomeRecord[] {
  const symbol = p.string('symbol');
  if (symbol !== undefined) venue.market(symbol);
  const incomeType = p.enumOf('incomeType', types);
  const window = timeWindow(p, now, rule);
  const page = p.integer('page') ?? 1;
  if (page < 1) throw apiError(-1130, ['page']);
  const limit = limitParam(p, 100, 1000);
  const rows = account.income.filter(
    (r) =>
      (symbol === undefined || r.symbol === symbol) &&
      (incomeType === undefined || r.incomeType === incomeType) &&
      inWindow(window, r.time),
  );
  return rows.slice((page - 1) * limit, page * limit);
}

/**
 * `GET …/userTrades` (`orderId`, `startTime`, `endTime`, `fromId`, `limit` up to 1000): the fills
 * of the symbols `symbols` admits, oldest first.
 * - `fromId`: fills with id ≥ it (not with `startTime`/`endTime`: `-1128`);
 * - `startTime`/`endTime`: at most 7 days apart (`-4165`); one alone spans 7 days from it;
 * - neither (and no `orderId`/`fromId`): the last 7 days;
 * - with `startTime` or `fromId` the first `limit` fills, otherwise the most recent `limit`.
 */
export function selectUserTrades(
  p: ParamReader,
  account: Account,
  now: number,
  symbols: (symbol: string) => boolean,
  defaultLimit: number,
): UserTradeRecord[] {
  const orderId = p.id('orderId');
  const fromId = p.id('fromId');
  const timed = p.has('startTime') || p.has('endTime');
  if (fromId !== undefined && timed) throw apiError(-1128);
  const window = timeWindow(p, now, { defaultSpanMs: 7 * DAY_MS, maxDays: 7 });
  const limit = limitParam(p, defaultLimit, 1000);
  const windowed = timed || (orderId === undefined && fromId === undefined);
  const rows = account.trades.filter(
    (t) =>
      symbols(t.symbol) &&
      (orderId === undefined || idKey(t.orderId) === orderId) &&
      (fromId === undefined || idKey(t.id) >= fromId) &&
      (!windowed || inWindow(window, t.time)),
  );
  const forward = fromId !== undefined || window.fromStart;
  return forward ? rows.slice(0, limit) : rows.slice(Math.max(0, rows.length - limit));
}

/**
 * `GET …/positionMargin/history` (`symbol*`, `type` 1 | 2, `startTime`, `endTime`, `limit` up to
 * 1000): the account's isolated-margin changes on the symbol, oldest first. No range → the last 30
 * days; a range wider than 30 days → `-4165`.
 */
export function selectPositionMarginHistory(
  p: ParamReader,
  venue: Venue,
  account: Account,
  now: number,
  defaultLimit: number,
): PositionMarginRecord[] {
  const symbol = p.requiredString('symbol');
  venue.market(symbol);
  const type = p.integer('type');
  if (type !== undefined && type !== 1 && type !== 2) throw apiError(-1130, ['type']);
  const window = timeWindow(p, now, { defaultSpanMs: 30 * DAY_MS, maxDays: 30 });
  const limit = limitParam(p, defaultLimit, 1000);
  const rows = account.positionMarginHistory.filter(
    (r) => r.symbol === symbol && (type === undefined || r.type === type) && inWindow(window, r.time),
  );
  return rows.slice(0, limit);
}
