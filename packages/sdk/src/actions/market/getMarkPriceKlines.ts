import type { GetMarkPriceKlinesParams, Kline } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { readCandles } from './readCandles.js';

/** Parameters of {@link getMarkPriceKlines}: `symbol`, `interval`, `startTime`, `endTime`, `limit`. */
export type GetMarkPriceKlinesParameters = GetMarkPriceKlinesParams;

/**
 * Mark-price candles in the kline array shape; the volume fields are "0" and `numberOfTrades` is the
 * number of samples.
 */
export type GetMarkPriceKlinesReturnType = Kline[];

/** What {@link getMarkPriceKlines} may reject with. */
export type GetMarkPriceKlinesErrorType = RequestErrorType;

/**
 * Reads candles of the mark price: `GET /fapi/v1/markPriceKlines` (USD-M) or
 * `GET /dapi/v1/markPriceKlines` (COIN-M, same shape). No credentials; weight by `limit` as
 * `getKlines` (1, 2, 5 or 10).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getMarkPriceKlines
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Mark-Price-Kline-Candlestick-Data
 *
 * @param client - A client of either market.
 * @param parameters - `symbol`, `interval`, optional window and `limit`.
 * @returns The candles, oldest first.
 *
 * @example
 * import { createClient, getMarkPriceKlines } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const rows = await getMarkPriceKlines(client, { symbol: 'BTCUSDT', interval: '1m', limit: 10 });
 */
export async function getMarkPriceKlines(
  client: Client,
  parameters: GetMarkPriceKlinesParameters,
): Promise<GetMarkPriceKlinesReturnType> {
  return readCandles(client, `${client.apiPrefix}/v1/markPriceKlines`, {
    symbol: parameters.symbol,
    interval: parameters.interval,
    startTime: parameters.startTime,
    endTime: parameters.endTime,
    limit: parameters.limit,
  });
}
