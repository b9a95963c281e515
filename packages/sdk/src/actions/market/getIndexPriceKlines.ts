import type { GetIndexPriceKlinesParams, Kline } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { readCandles } from './readCandles.js';

/** Parameters of {@link getIndexPriceKlines}: `pair`, `interval`, `startTime`, `endTime`, `limit`. */
export type GetIndexPriceKlinesParameters = GetIndexPriceKlinesParams;

/** Index-price candles in the kline array shape; the volume fields are "0". */
export type GetIndexPriceKlinesReturnType = Kline[];

/** What {@link getIndexPriceKlines} may reject with. */
export type GetIndexPriceKlinesErrorType = RequestErrorType;

/**
 * Reads candles of a pair's index price: `GET /fapi/v1/indexPriceKlines` (USD-M) or
 * `GET /dapi/v1/indexPriceKlines` (COIN-M, same shape). No credentials; weight by `limit` as
 * `getKlines`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getIndexPriceKlines
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Index-Price-Kline-Candlestick-Data
 *
 * @param client - A client of either market.
 * @param parameters - `pair`, `interval`, optional window and `limit`.
 * @returns The candles, oldest first.
 *
 * @example
 * import { createClient, getIndexPriceKlines } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const rows = await getIndexPriceKlines(client, { pair: 'BTCUSDT', interval: '5m' });
 */
export async function getIndexPriceKlines(
  client: Client,
  parameters: GetIndexPriceKlinesParameters,
): Promise<GetIndexPriceKlinesReturnType> {
  return readCandles(client, `${client.apiPrefix}/v1/indexPriceKlines`, {
    pair: parameters.pair,
    interval: parameters.interval,
    startTime: parameters.startTime,
    endTime: parameters.endTime,
    limit: parameters.limit,
  });
}
