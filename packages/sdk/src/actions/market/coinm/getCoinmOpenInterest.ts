import type { CoinmOpenInterest, GetOpenInterestParams } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';

/** Parameters of {@link getCoinmOpenInterest}: `symbol`. */
export type GetCoinmOpenInterestParameters = GetOpenInterestParams;

/**
 * `{ symbol, pair, openInterest, contractType, time }`: open interest in contracts.
 */
export type GetCoinmOpenInterestReturnType = CoinmOpenInterest;

/** What {@link getCoinmOpenInterest} may reject with. */
export type GetCoinmOpenInterestErrorType = RequestErrorType;

/**
 * Reads a COIN-M symbol's open interest: `GET /dapi/v1/openInterest`. Weight 1, no credentials.
 *
 * `openInterest` counts contracts, not the base asset.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmOpenInterest
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/rest-api/Open-Interest
 *
 * @param client - A COIN-M client.
 * @param parameters - `symbol`.
 * @returns `{ symbol, pair, openInterest, contractType, time }`: open interest in contracts.
 * @throws ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmOpenInterest } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm' });
 * const { openInterest } = await getCoinmOpenInterest(client, { symbol: 'BTCUSD_PERP' });
 */
export async function getCoinmOpenInterest(
  client: Client,
  parameters: GetCoinmOpenInterestParameters,
): Promise<GetCoinmOpenInterestReturnType> {
  requireMarket(client, 'coinm', 'getCoinmOpenInterest');
  return client.request<CoinmOpenInterest>({
    method: 'GET',
    path: '/dapi/v1/openInterest',
    params: { symbol: parameters.symbol },
    security: 'NONE',
    weight: 1,
    kind: 'read',
  });
}
