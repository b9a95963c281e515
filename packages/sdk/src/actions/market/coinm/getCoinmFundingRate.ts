import type { CoinmFundingRate, CoinmGetFundingRateParams } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';

/** Parameters of {@link getCoinmFundingRate}: `symbol` (mandatory on COIN-M), `startTime`, `endTime`, `limit` (default 100, max 1000). */
export type GetCoinmFundingRateParameters = CoinmGetFundingRateParams;

/**
 * Settled funding rates, oldest first: `symbol`, `fundingRate`, `fundingTime` (no `markPrice`);
 * empty for delivery symbols.
 */
export type GetCoinmFundingRateReturnType = CoinmFundingRate[];

/** What {@link getCoinmFundingRate} may reject with. */
export type GetCoinmFundingRateErrorType = RequestErrorType;

/**
 * Reads a COIN-M perpetual's funding-rate history: `GET /dapi/v1/fundingRate`. Weight 1, no
 * credentials; counted in the funding pool as on USD-M.
 *
 * `symbol` is mandatory here (USD-M may omit it).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmFundingRate
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/rest-api/Get-Funding-Rate-History-of-Perpetual-Futures
 *
 * @param client - A COIN-M client.
 * @param parameters - `symbol` (mandatory on COIN-M), `startTime`, `endTime`, `limit` (default 100, max 1000).
 * @returns Settled funding rates, oldest first: `symbol`, `fundingRate`, `fundingTime` (no `markPrice`).
 * @throws ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmFundingRate } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm' });
 * const history = await getCoinmFundingRate(client, { symbol: 'BTCUSD_PERP', limit: 10 });
 */
export async function getCoinmFundingRate(
  client: Client,
  parameters: GetCoinmFundingRateParameters,
): Promise<GetCoinmFundingRateReturnType> {
  requireMarket(client, 'coinm', 'getCoinmFundingRate');
  return client.request<CoinmFundingRate[]>({
    method: 'GET',
    path: '/dapi/v1/fundingRate',
    params: {
      symbol: parameters.symbol,
      startTime: parameters.startTime,
      endTime: parameters.endTime,
      limit: parameters.limit,
    },
    security: 'NONE',
    weight: 1,
    pool: 'funding',
    kind: 'read',
  });
}
