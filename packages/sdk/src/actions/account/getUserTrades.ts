import type { GetUserTradesParams, UserTrade } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getUserTrades}: `symbol`, `orderId`, `startTime`, `endTime`, `fromId`, `limit`, and `recvWindow`. */
export type GetUserTradesParameters = GetUserTradesParams & SignedParameters;

/** The account's fills on the symbol, oldest first, with commission and realized PnL. */
export type GetUserTradesReturnType = UserTrade[];

/** What {@link getUserTrades} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetUserTradesErrorType = RequestErrorType;

/**
 * Reads the account's trades: `GET /fapi/v1/userTrades` (USD-M, `USER_DATA`, signed). Weight 5.
 *
 * The window is at most 7 days (the last 7 days by default); `fromId` cannot be combined with a
 * window. `id` and `orderId` may exceed 2^53 and then arrive as `bigint`s.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getUserTrades
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Account-Trade-List
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, `orderId`, `startTime`, `endTime`, `fromId`, `limit`, and `recvWindow` to override the client's.
 * @returns The account's fills on the symbol, oldest first, with commission and realized PnL.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getUserTrades } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const fills = await getUserTrades(client, { symbol: 'BTCUSDT', limit: 50 });
 */
export async function getUserTrades(
  client: Client,
  parameters: GetUserTradesParameters,
): Promise<GetUserTradesReturnType> {
  requireMarket(client, 'usdm', 'getUserTrades');
  return client.request<UserTrade[]>({
    method: 'GET',
    path: '/fapi/v1/userTrades',
    params: {
      symbol: parameters.symbol,
      orderId: parameters.orderId,
      startTime: parameters.startTime,
      endTime: parameters.endTime,
      fromId: parameters.fromId,
      limit: parameters.limit,
    },
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
