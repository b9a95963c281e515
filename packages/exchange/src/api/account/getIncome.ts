import { INCOME_TYPES, type Income, type IncomeType } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { selectIncome } from './historyQueries.js';
import { DAY_MS } from './queryParams.js';

/**
 * `GET /fapi/v1/income` (`symbol`, `incomeType`, `startTime`, `endTime`, `page`, `limit` default
 * 100, max 1000): income records, oldest first. No range → the last 7 days; one bound → open on
 * the other side. `page` (from 1) skips `(page − 1) × limit` records.
 */
export const getIncome = defineEndpoint<Income[]>({
  name: 'getIncome',
  security: 'USER_DATA',
  weight: 30,
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const rows = selectIncome(p, venue, accountOf(context), context.now, INCOME_TYPES, {
      defaultSpanMs: 7 * DAY_MS,
    });
    return rows.map((r) => ({
      symbol: r.symbol,
      incomeType: r.incomeType as IncomeType,
      income: r.income.toFixed(8),
      asset: r.asset,
      info: r.info,
      time: r.time,
      tranId: r.tranId,
      tradeId: r.tradeId,
    }));
  },
});
