import type { CoinmGetContinuousKlinesParams, GetContinuousKlinesParams, Kline } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { readCandles } from './readCandles.js';

/**
 * Parameters of {@link getContinuousKlines}: `pair`, `contractType` (PERPETUAL, CURRENT_QUARTER,
 * NEXT_QUARTER, TRADIFI_PERPETUAL), `interval`, `startTime`, `endTime`, `limit` (default 500, max 1500).
 */
export type GetContinuousKlinesParameters = GetContinuousKlinesParams;

/** Candles of the continuous contract, in the shape of `getKlines`'. */
export type GetContinuousKlinesReturnType = Kline[];

/** What {@link getContinuousKlines} may reject with. */
export type GetContinuousKlinesErrorType = RequestErrorType;

/**
 * Reads candles of a continuous contract (the pair's perpetual or its current/next quarterly, rolled):
 * `GET /fapi/v1/continuousKlines` (USD-M). No credentials; weight by `limit` as `getKlines`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getContinuousKlines
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Continuous-Contract-Kline-Candlestick-Data
 *
 * @param client - A USD-M client.
 * @param parameters - `pair`, `contractType`, `interval`, optional window and `limit`.
 * @returns The candles, oldest first.
 * @throws ClientConfigError on a COIN-M client (use `getCoinmContinuousKlines`).
 *
 * @example
 * import { createClient, getContinuousKlines } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const rows = await getContinuousKlines(client, { pair: 'BTCUSDT', contractType: 'PERPETUAL', interval: '1h' });
 */
export async function getContinuousKlines(
  client: Client,
  parameters: GetContinuousKlinesParameters,
): Promise<GetContinuousKlinesReturnType> {
  requireMarket(client, 'usdm', 'getContinuousKlines');
  return readCandles(client, '/fapi/v1/continuousKlines', continuousKlinesParams(parameters));
}

/** The wire parameters of a continuous-contract candle read, USD-M's and COIN-M's alike. */
export function continuousKlinesParams(
  parameters: GetContinuousKlinesParameters | CoinmGetContinuousKlinesParams,
) {
  return {
    pair: parameters.pair,
    contractType: parameters.contractType,
    interval: parameters.interval,
    startTime: parameters.startTime,
    endTime: parameters.endTime,
    limit: parameters.limit,
  };
}
