import type { CoinmGetUserTradesParams, CoinmUserTrade } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { recvWindowOf, type SignedParameters } from '../signed.js';

/** Parameters of {@link getCoinmUserTrades}: `symbol` or `pair`, `orderId` (with `symbol`), `startTime`, `endTime`, `fromId` (not with `pair` or a window), `limit` (default 50, max 1000), and `recvWindow`. */
export type GetCoinmUserTradesParameters = CoinmGetUserTradesParams & SignedParameters;

/**
 * The account's COIN-M fills, oldest first, with `pair`, `marginAsset` and `baseQty` (no `quoteQty`).
 */
export type GetCoinmUserTradesReturnType = CoinmUserTrade[];

/** What {@link getCoinmUserTrades} may reject with. */
export type GetCoinmUserTradesErrorType = RequestErrorType;

/**
 * Reads the account's COIN-M trades: `GET /dapi/v1/userTrades` (`USER_DATA`, signed). Weight 20 with
 * `symbol`, 40 with `pair`.
 *
 * `id` and `orderId` may exceed 2^53 and then arrive as `bigint`s.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmUserTrades
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Account-Trade-List
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol` or `pair`, `orderId` (with `symbol`), `startTime`, `endTime`, `fromId` (not with `pair` or a window), `limit` (default 50, max 1000), and `recvWindow`.
 * @returns The account's COIN-M fills, oldest first, with `pair`, `marginAsset` and `baseQty` (no `quoteQty`).
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmUserTrades } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const fills = await getCoinmUserTrades(client, { pair: 'BTCUSD', limit: 50 });
 */
export async function getCoinmUserTrades(
  client: Client,
  parameters: GetCoinmUserTradesParameters,
): Promise<GetCoinmUserTradesReturnType> {
  requireMarket(client, 'coinm', 'getCoinmUserTrades');
  return client.request<CoinmUserTrade[]>({
    method: 'GET',
    path: '/dapi/v1/userTrades',
    params: {
      symbol: parameters.symbol,
      pair: parameters.pair,
      orderId: parameters.orderId,
      startTime: parameters.startTime,
      endTime: parameters.endTime,
      fromId: parameters.fromId,
      limit: parameters.limit,
    },
    security: 'USER_DATA',
    weight: parameters.pair === undefined ? 20 : 40,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
