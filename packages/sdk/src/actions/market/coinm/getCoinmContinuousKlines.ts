import type { CoinmGetContinuousKlinesParams, CoinmKline } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { continuousKlinesParams } from '../getContinuousKlines.js';
import { readCandles } from '../readCandles.js';

/** Parameters of {@link getCoinmContinuousKlines}: `pair`, `contractType` (PERPETUAL, CURRENT_QUARTER, NEXT_QUARTER), `interval`, `startTime`, `endTime`, `limit`. */
export type GetCoinmContinuousKlinesParameters = CoinmGetContinuousKlinesParams;

/**
 * Candles of the continuous contract in the COIN-M kline shape.
 */
export type GetCoinmContinuousKlinesReturnType = CoinmKline[];

/** What {@link getCoinmContinuousKlines} may reject with. */
export type GetCoinmContinuousKlinesErrorType = RequestErrorType;

/**
 * Reads candles of a COIN-M continuous contract: `GET /dapi/v1/continuousKlines`. No credentials;
 * weight by `limit` as `getKlines`.
 *
 * The pair's perpetual or its current/next quarterly, rolled at delivery.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmContinuousKlines
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/rest-api/Continuous-Contract-Kline-Candlestick-Data
 *
 * @param client - A COIN-M client.
 * @param parameters - `pair`, `contractType` (PERPETUAL, CURRENT_QUARTER, NEXT_QUARTER), `interval`, `startTime`, `endTime`, `limit`.
 * @returns Candles of the continuous contract in the COIN-M kline shape.
 * @throws ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmContinuousKlines } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm' });
 * const rows = await getCoinmContinuousKlines(client, {
 *   pair: 'BTCUSD',
 *   contractType: 'CURRENT_QUARTER',
 *   interval: '1d',
 * });
 */
export async function getCoinmContinuousKlines(
  client: Client,
  parameters: GetCoinmContinuousKlinesParameters,
): Promise<GetCoinmContinuousKlinesReturnType> {
  requireMarket(client, 'coinm', 'getCoinmContinuousKlines');
  return readCandles<CoinmKline>(client, '/dapi/v1/continuousKlines', continuousKlinesParams(parameters));
}
