import type { Income } from '@basis/core';
import { selectIncome } from '../../account/historyQueries.js';
import { DAY_MS } from '../../account/queryParams.js';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';

/** The income types COIN-M documents (`DELIVERED_SETTELMENT` is Binance's spelling). */
export const COINM_INCOME_TYPES = [
  'TRANSFER',
  'WELCOME_BONUS',
  'FUNDING_FEE',
  'REALIZED_PNL',
  'COMMISSION',
  'INSURANCE_CLEAR',
  'DELIVERED_SETTELMENT',
] as const;

/** One row of `GET /dapi/v1/income`: as USD-M's, but `tranId` is a string and amounts are in coin. */
export type CoinmIncome = Omit<Income, 'incomeType' | 'tranId'> & {
  incomeType: (typeof COINM_INCOME_TYPES)[number];
  tranId: string;
};

/**
 * `GET /dapi/v1/income` (`symbol`, `incomeType`, `startTime`, `endTime`, `page`, `limit` default
 * 100, max 1000): income records in the margin coin, oldest first. No range → the last 7 days; a
 * range wider than a year → -4088 (COIN-M's number for USD-M's -4165), one bound alone spans a year
 * from it.
 */
export const getIncome = defineEndpoint<CoinmIncome[]>({
  name: 'getIncome',
  security: 'USER_DATA',
  weight: 20,
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const rows = selectIncome(p, venue, accountOf(context), context.now, COINM_INCOME_TYPES, {
      defaultSpanMs: 7 * DAY_MS,
      maxDays: 365,
    });
    return rows.map((r) => ({
      symbol: r.symbol,
      incomeType: r.incomeType as CoinmIncome['incomeType'],
      income: r.income.toFixed(8),
      asset: r.asset,
      info: r.info,
      time: r.time,
      tranId: String(r.tranId),
      tradeId: r.tradeId,
    }));
  },
});
