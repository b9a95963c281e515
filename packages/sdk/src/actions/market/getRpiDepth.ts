import type { Depth, GetRpiDepthParams } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';

/** Parameters of {@link getRpiDepth}: `symbol`, and `limit` (only 1000 is accepted, the default). */
export type GetRpiDepthParameters = GetRpiDepthParams;

/** The book including RPI liquidity, in the shape of {@link getDepth}'s. */
export type GetRpiDepthReturnType = Depth;

/** What {@link getRpiDepth} may reject with. */
export type GetRpiDepthErrorType = RequestErrorType;

/**
 * Reads the order book including retail-price-improvement (RPI) orders: `GET /fapi/v1/rpiDepth`
 * (USD-M). Weight 20, no credentials; 1000 levels per side.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getRpiDepth
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Order-Book-RPI
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol`.
 * @returns The book snapshot.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getRpiDepth } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const book = await getRpiDepth(client, { symbol: 'BTCUSDT' });
 */
export async function getRpiDepth(
  client: Client,
  parameters: GetRpiDepthParameters,
): Promise<GetRpiDepthReturnType> {
  requireMarket(client, 'usdm', 'getRpiDepth');
  return client.request<Depth>({
    method: 'GET',
    path: '/fapi/v1/rpiDepth',
    params: { symbol: parameters.symbol, limit: parameters.limit },
    security: 'NONE',
    weight: 20,
    kind: 'read',
  });
}
