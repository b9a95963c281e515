import type { CoinmDepth, GetDepthParams } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { depthWeight } from '../weights.js';

/** Parameters of {@link getCoinmDepth}: `symbol`, and `limit` (5, 10, 20, 50, 100, 500 or 1000; default 500). */
export type GetCoinmDepthParameters = GetDepthParams;

/**
 * The book with `symbol` and `pair`: bids and asks as `[price, contracts]` strings, best first.
 */
export type GetCoinmDepthReturnType = CoinmDepth;

/** What {@link getCoinmDepth} may reject with. */
export type GetCoinmDepthErrorType = RequestErrorType;

/**
 * Reads a COIN-M order book: `GET /dapi/v1/depth`. No credentials; weight by `limit` as `getDepth`
 * (2 up to 50, 5 for 100, 10 for 500, 20 for 1000).
 *
 * Quantities are contracts. A local book aligns diff events on `lastUpdateId` exactly as on USD-M.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmDepth
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/rest-api/Order-Book
 *
 * @param client - A COIN-M client.
 * @param parameters - `symbol`, and `limit` (5, 10, 20, 50, 100, 500 or 1000; default 500).
 * @returns The book with `symbol` and `pair`: bids and asks as `[price, contracts]` strings, best first.
 * @throws ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmDepth } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm' });
 * const { bids } = await getCoinmDepth(client, { symbol: 'BTCUSD_PERP', limit: 5 });
 */
export async function getCoinmDepth(
  client: Client,
  parameters: GetCoinmDepthParameters,
): Promise<GetCoinmDepthReturnType> {
  requireMarket(client, 'coinm', 'getCoinmDepth');
  return client.request<CoinmDepth>({
    method: 'GET',
    path: '/dapi/v1/depth',
    params: { symbol: parameters.symbol, limit: parameters.limit },
    security: 'NONE',
    weight: depthWeight(parameters.limit),
    kind: 'read',
  });
}
