import type { PositionMarginHistoryEntry } from '@basis/core';
import { positionMarginHistoryOf } from '../../venue/settings.js';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { DAY_MS, inWindow, limitParam, timeWindow } from './queryParams.js';

/**
 * `GET /fapi/v1/positionMargin/history` (`symbol*`, `type` 1 | 2, `startTime`, `endTime`, `limit`
 * default 500, max 1000): the account's isolated-margin changes, oldest first. No range → the last
 * 30 days; a range wider than 30 days → `-4165`.
 */
export const getPositionMarginHistory = defineEndpoint<PositionMarginHistoryEntry[]>({
  name: 'getPositionMarginHistory',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const symbol = p.requiredString('symbol');
    venue.market(symbol);
    const type = p.integer('type');
    if (type !== undefined && type !== 1 && type !== 2) throw apiError(-1130, ['type']);
    const window = timeWindow(p, context.now, { defaultSpanMs: 30 * DAY_MS, maxDays: 30 });
    const limit = limitParam(p, 500, 1000);
    const rows = positionMarginHistoryOf(accountOf(context)).filter(
      (r) => r.symbol === symbol && (type === undefined || r.type === type) && inWindow(window, r.time),
    );
    return rows.slice(0, limit).map((r) => ({
      symbol: r.symbol,
      type: r.type,
      deltaType: r.deltaType,
      amount: r.amount.toFixed(8),
      asset: r.asset,
      time: r.time,
      positionSide: r.positionSide,
    }));
  },
});
