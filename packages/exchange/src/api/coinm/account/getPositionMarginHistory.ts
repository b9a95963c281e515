import type { PositionMarginHistoryEntry } from '@basis/core';
import { selectPositionMarginHistory } from '../../account/historyQueries.js';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';

/** One row of `GET /dapi/v1/positionMargin/history`: USD-M's without `deltaType`. */
export type CoinmPositionMarginHistoryEntry = Omit<PositionMarginHistoryEntry, 'deltaType'>;

/**
 * `GET /dapi/v1/positionMargin/history` (`symbol*`, `type` 1 | 2, `startTime`, `endTime`, `limit`
 * default 50, max 1000): the account's isolated-margin changes in coin, oldest first. Which ones:
 * {@link selectPositionMarginHistory}.
 */
export const getPositionMarginHistory = defineEndpoint<CoinmPositionMarginHistoryEntry[]>({
  name: 'getPositionMarginHistory',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    return selectPositionMarginHistory(p, venue, accountOf(context), context.now, 50).map((r) => ({
      amount: r.amount.toFixed(8),
      asset: r.asset,
      symbol: r.symbol,
      time: r.time,
      type: r.type,
      positionSide: r.positionSide,
    }));
  },
});
