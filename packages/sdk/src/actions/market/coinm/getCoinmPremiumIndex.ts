import type { CoinmGetPremiumIndexParams, CoinmPremiumIndex } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';

/** Parameters of {@link getCoinmPremiumIndex}: `symbol` or `pair`, or nothing for every symbol. */
export type GetCoinmPremiumIndexParameters = CoinmGetPremiumIndexParams;

/**
 * Mark price, index price and funding state per symbol; always an array. Delivery symbols have
 * `lastFundingRate: ""`, `interestRate: ""` and `nextFundingTime: 0`.
 */
export type GetCoinmPremiumIndexReturnType = CoinmPremiumIndex[];

/** What {@link getCoinmPremiumIndex} may reject with. */
export type GetCoinmPremiumIndexErrorType = RequestErrorType;

/**
 * Reads COIN-M mark prices and funding: `GET /dapi/v1/premiumIndex`. Weight 10, no credentials.
 *
 * Unlike USD-M, the answer is an array also with `symbol`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmPremiumIndex
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/rest-api/Index-Price-and-Mark-Price
 *
 * @param client - A COIN-M client.
 * @param parameters - `symbol` or `pair`, or nothing for every symbol.
 * @returns Mark price, index price and funding state per symbol; always an array. Delivery symbols have.
 * @throws ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmPremiumIndex } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm' });
 * const [perp] = await getCoinmPremiumIndex(client, { symbol: 'BTCUSD_PERP' });
 */
export async function getCoinmPremiumIndex(
  client: Client,
  parameters: GetCoinmPremiumIndexParameters = {},
): Promise<GetCoinmPremiumIndexReturnType> {
  requireMarket(client, 'coinm', 'getCoinmPremiumIndex');
  return client.request<CoinmPremiumIndex[]>({
    method: 'GET',
    path: '/dapi/v1/premiumIndex',
    params: { symbol: parameters.symbol, pair: parameters.pair },
    security: 'NONE',
    weight: 10,
    kind: 'read',
  });
}
