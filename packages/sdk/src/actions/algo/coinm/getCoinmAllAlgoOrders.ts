import type { AlgoOrderDetail } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { getAllAlgoOrdersOf } from '../algoCalls.js';
import type { GetAllAlgoOrdersParameters } from '../getAllAlgoOrders.js';

/** Parameters of {@link getCoinmAllAlgoOrders}: `symbol`, `algoId`, `startTime`, `endTime`, `limit`, and `recvWindow`. */
export type GetCoinmAllAlgoOrdersParameters = GetAllAlgoOrdersParameters;

/** The symbol's algo orders in every status, oldest first. */
export type GetCoinmAllAlgoOrdersReturnType = AlgoOrderDetail[];

/** What {@link getCoinmAllAlgoOrders} may reject with. */
export type GetCoinmAllAlgoOrdersErrorType = RequestErrorType;

/**
 * Lists COIN-M algo orders of a symbol, open and closed: `GET /dapi/v1/allAlgoOrders` (COIN-M,
 * `USER_DATA`, signed). Weight 5. The window is under 7 days.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/getCoinmAllAlgoOrders
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Query-All-Algo-Orders
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol`, `algoId` (from this id on), `startTime`, `endTime`, `limit`, and `recvWindow`.
 * @returns The algo orders.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmAllAlgoOrders } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const history = await getCoinmAllAlgoOrders(client, { symbol: 'BTCUSD_PERP', limit: 100 });
 */
export async function getCoinmAllAlgoOrders(
  client: Client,
  parameters: GetCoinmAllAlgoOrdersParameters,
): Promise<GetCoinmAllAlgoOrdersReturnType> {
  return getAllAlgoOrdersOf(client, 'coinm', 'getCoinmAllAlgoOrders', parameters);
}
