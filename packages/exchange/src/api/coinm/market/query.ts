import type { Kline as WireKline } from '@basis/core';
import type { KlineStore } from '../../../marketData/klines.js';
import { MARKET_DATA_ERRORS } from '../../../marketData/marketDataError.js';
import type { Market } from '../../../venue/market.js';
import type { Venue } from '../../../venue/venue.js';
import { apiError, apiErrorWithMessage } from '../../apiError.js';
import { type KlineFormat, klineRow } from '../../market/format.js';
import { type KlineRequest, marketsOfPair, runQuery } from '../../market/query.js';
import { ParamReader, type RawParams } from '../../params.js';

// Parameter rules of the COIN-M market-data endpoints that differ from USD-M's: `symbol` or `pair`,
// and the 200-day kline window.

/**
 * The markets a COIN-M endpoint taking `symbol` or `pair` reports on: the symbol's (-1121 when
 * unknown), every contract of the pair (-1121 when no market has it [U]), or every market. Both sent
 * is -1128: the docs say they "cannot be sent together" without naming the error [U].
 */
export function marketsBySymbolOrPair(venue: Venue, raw: RawParams): readonly Market[] {
  const params = new ParamReader(raw);
  const symbol = params.string('symbol');
  const pair = params.string('pair');
  if (symbol !== undefined && pair !== undefined) throw apiError(-1128);
  if (symbol !== undefined) return [venue.market(symbol)];
  if (pair !== undefined) return marketsOfPair(venue, pair);
  return [...venue.markets.values()];
}

/** The longest `startTime`–`endTime` window of the COIN-M kline endpoints, in days. */
export const KLINE_WINDOW_DAYS = 200;
const KLINE_WINDOW_MS = KLINE_WINDOW_DAYS * 86_400_000;

/**
 * Runs a COIN-M kline request on `store` and prints the candles. COIN-M's selection differs from
 * USD-M's: within the window the most recent `limit` candles from its end are returned.
 * - neither time: the window ends now (the most recent candles);
 * - only `startTime`: it ends 200 days later, or now if sooner;
 * - only `endTime`: it starts 200 days before;
 * - both: more than 200 days apart is -4088 [U: the docs state the limit, not the error], start
 *   after end -1023.
 */
export function coinmKlineRows(
  store: KlineStore,
  request: KlineRequest,
  now: number,
  format: KlineFormat,
): WireKline[] {
  const { interval, startTime, endTime, limit } = request;
  if (startTime !== undefined && endTime !== undefined) {
    const { code, msg } = MARKET_DATA_ERRORS.startAfterEnd;
    if (startTime > endTime) throw apiErrorWithMessage(code, msg);
    if (endTime - startTime > KLINE_WINDOW_MS)
      throw apiError(-4088, [KLINE_WINDOW_DAYS], { market: 'coinm' });
  }
  const from = startTime ?? (endTime === undefined ? undefined : endTime - KLINE_WINDOW_MS);
  const to = endTime ?? (startTime === undefined ? undefined : Math.min(startTime + KLINE_WINDOW_MS, now));
  const candles = runQuery(() => store.klines({ interval, endTime: to, limit, now }));
  return candles.filter((k) => from === undefined || k.openTime >= from).map((k) => klineRow(k, format));
}
