import type { PositionMarginHistoryEntry } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { selectPositionMarginHistory } from './historyQueries.js';

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
    const rows = selectPositionMarginHistory(p, venue, accountOf(context), context.now, 500);
    return rows.map((r) => ({
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
