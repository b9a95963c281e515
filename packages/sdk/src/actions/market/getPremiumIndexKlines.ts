import type { GetPremiumIndexKlinesParams, Kline } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { readCandles } from './readCandles.js';

/** Parameters of {@link getPremiumIndexKlines}: `symbol`, `interval`, `startTime`, `endTime`, `limit`. */
export type GetPremiumIndexKlinesParameters = GetPremiumIndexKlinesParams;

/** Premium-index candles in the kline array shape; the volume fields are "0". */
export type GetPremiumIndexKlinesReturnType = Kline[];

/** What {@link getPremiumIndexKlines} may reject with. */
export type GetPremiumIndexKlinesErrorType = RequestErrorType;

/**
 * Reads candles of the premium index (the basis funding is computed from):
 * `GET /fapi/v1/premiumIndexKlines` (USD-M) or `GET /dapi/v1/premiumIndexKlines` (COIN-M, same
 * shape). No credentials; weight by `limit` as `getKlines`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getPremiumIndexKlines
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Premium-Index-Kline-Data
 *
 * @param client - A client of either market.
 * @param parameters - `symbol`, `interval`, optional window and `limit`.
 * @returns The candles, oldest first.
 *
 * @example
 * import { createClient, getPremiumIndexKlines } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const rows = await getPremiumIndexKlines(client, { symbol: 'BTCUSDT', interval: '1h', limit: 24 });
 */
export async function getPremiumIndexKlines(
  client: Client,
  parameters: GetPremiumIndexKlinesParameters,
): Promise<GetPremiumIndexKlinesReturnType> {
  return readCandles(client, `${client.apiPrefix}/v1/premiumIndexKlines`, {
    symbol: parameters.symbol,
    interval: parameters.interval,
    startTime: parameters.startTime,
    endTime: parameters.endTime,
    limit: parameters.limit,
  });
}
