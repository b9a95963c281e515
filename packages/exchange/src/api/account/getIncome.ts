import { INCOME_TYPES, type Income, type IncomeType } from '@basis/core';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { DAY_MS, inWindow, limitParam, timeWindow } from './queryParams.js';

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
    const symbol = p.string('symbol');
    if (symbol !== undefined) venue.market(symbol);
    const incomeType = p.enumOf('incomeType', INCOME_TYPES);
    const window = timeWindow(p, context.now, { defaultSpanMs: 7 * DAY_MS });
    const page = p.integer('page') ?? 1;
    if (page < 1) throw apiError(-1130, ['page']);
    const limit = limitParam(p, 100, 1000);
    const rows = accountOf(context).income.filter(
      (r) =>
        (symbol === undefined || r.symbol === symbol) &&
        (incomeType === undefined || r.incomeType === incomeType) &&
        inWindow(window, r.time),
    );
    return rows.slice((page - 1) * limit, page * limit).map((r) => ({
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
