import type { AlgoOrderDetail } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { getOpenAlgoOrdersOf } from '../algoCalls.js';
import type { GetOpenAlgoOrdersParameters } from '../getOpenAlgoOrders.js';

/** Parameters of {@link getCoinmOpenAlgoOrders}: `algoType`, `symbol`, `algoId` (all optional), and `recvWindow`. */
export type GetCoinmOpenAlgoOrdersParameters = GetOpenAlgoOrdersParameters;

/** The open (untriggered) algo orders. */
export type GetCoinmOpenAlgoOrdersReturnType = AlgoOrderDetail[];

/** What {@link getCoinmOpenAlgoOrders} may reject with. */
export type GetCoinmOpenAlgoOrdersErrorType = RequestErrorType;

/**
 * Lists open COIN-M algo orders: `GET /dapi/v1/openAlgoOrders` (COIN-M, `USER_DATA`, signed).
 * Weight 1 with a symbol, 40 without.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/getCoinmOpenAlgoOrders
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Current-All-Algo-Open-Orders
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `algoType`, `symbol`, `algoId`, and `recvWindow` to override the client's.
 * @returns The open algo orders.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmOpenAlgoOrders } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const stops = await getCoinmOpenAlgoOrders(client, { symbol: 'BTCUSD_PERP' });
 */
export async function getCoinmOpenAlgoOrders(
  client: Client,
  parameters: GetCoinmOpenAlgoOrdersParameters = {},
): Promise<GetCoinmOpenAlgoOrdersReturnType> {
  return getOpenAlgoOrdersOf(client, 'coinm', 'getCoinmOpenAlgoOrders', parameters);
}
