import type { Depth, GetDepthParams } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { depthWeight } from './weights.js';

/** Parameters of {@link getDepth}: `symbol`, and `limit` (5, 10, 20, 50, 100, 500 or 1000; default 500). */
export type GetDepthParameters = GetDepthParams;

/** The book: `lastUpdateId`, `E`, `T`, `bids` (best first) and `asks` (best first) as `[price, qty]` strings. */
export type GetDepthReturnType = Depth;

/** What {@link getDepth} may reject with (`InvalidRequestError` for an unknown symbol, -1121). */
export type GetDepthErrorType = RequestErrorType;

/**
 * Reads the order book: `GET /fapi/v1/depth` (USD-M). No credentials. Weight by `limit`: 2 up to 50,
 * 5 for 100, 10 for 500 (the default), 20 for 1000.
 *
 * `lastUpdateId` is the sequence a local book aligns diff-depth events on (`U ≤ lastUpdateId + 1 ≤ u`);
 * it may exceed 2^53 and then arrives as a `bigint`. RPI orders are excluded (see {@link getRpiDepth}).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getDepth
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Order-Book
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol`, optional `limit`.
 * @returns The book snapshot.
 * @throws ClientConfigError on a COIN-M client (use `getCoinmDepth`).
 *
 * @example
 * import { createClient, getDepth } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const { bids, asks } = await getDepth(client, { symbol: 'BTCUSDT', limit: 5 });
 * const [bestBid] = bids[0]!;
 */
export async function getDepth(client: Client, parameters: GetDepthParameters): Promise<GetDepthReturnType> {
  requireMarket(client, 'usdm', 'getDepth');
  return client.request<Depth>({
    method: 'GET',
    path: '/fapi/v1/depth',
    params: { symbol: parameters.symbol, limit: parameters.limit },
    security: 'NONE',
    weight: depthWeight(parameters.limit),
    kind: 'read',
  });
}
